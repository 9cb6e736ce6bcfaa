import Foundation
import RegularsData

/// A real SQLite store in a fresh temporary folder.
public enum TemporaryStore {
    public static func make() throws -> SQLiteStore {
        try SQLiteStore(path: try Fixtures.temporaryDirectory().appendingPathComponent("shop.sqlite").path)
    }

    /// Writes `text` to a file in a fresh temporary folder and returns its URL.
    public static func file(named name: String, _ text: String) throws -> URL {
        let url = try Fixtures.temporaryDirectory().appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }
}
