import Foundation

/// Where a shop's other files sit beside its store: `shop.sqlite` → `shop.models/`, `shop.rules.json`,
/// `shop.voice.json`, `shop.backtest.json`, `shop.campaigns/`, `shop.templates/`.
public enum StorePaths {
    public static func sibling(of storePath: String, suffix: String) -> URL {
        let store = URL(fileURLWithPath: storePath)
        let base = store.deletingPathExtension().lastPathComponent
        return store.deletingLastPathComponent().appendingPathComponent(base + suffix)
    }
}
