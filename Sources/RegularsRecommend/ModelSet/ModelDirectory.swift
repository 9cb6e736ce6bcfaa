import Foundation
import RegularsData

/// The versioned model files next to a store: `shop.sqlite` → `shop.models/v0001.models`, …
///
/// Writers add a new version and never touch older ones, so a server that is reading one is never
/// disturbed; `latest` is the highest version present.
public struct ModelDirectory: Sendable {
    public let url: URL

    /// The folder beside the store file at `storePath`.
    public init(storePath: String) {
        url = StorePaths.sibling(of: storePath, suffix: ".models")
    }

    public var versions: [Int] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.compactMap { name in
            guard name.hasPrefix("v"), name.hasSuffix(".models") else { return nil }
            return Int(name.dropFirst().dropLast(".models".count))
        }.sorted()
    }

    public func file(version: Int) -> URL {
        url.appendingPathComponent("v" + String(format: "%04d", version) + ".models")
    }

    /// The newest model file, or `nil` before the first `regulars train`.
    public var latest: (version: Int, url: URL)? {
        versions.last.map { ($0, file(version: $0)) }
    }

    /// Saves `models` as the next version and returns it.
    public func save(_ models: ModelSet) throws -> Int {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        let version = (versions.last ?? 0) + 1
        removeLeftovers(below: version)
        try models.save(to: file(version: version), version: version)
        return version
    }

    /// Removes every saved version (after an erasure, before retraining), so no old file keeps the customer.
    public func removeAll() throws {
        for version in versions { try FileManager.default.removeItem(at: file(version: version)) }
        removeLeftovers()
    }

    /// Removes what a write killed halfway left behind (`PrivateFile`'s hidden `.vNNNN.models.PID.….tmp` files,
    /// and the `.nosync` files of the older `Data.write(options: .atomic)`): they hold customers too, and nothing
    /// else would ever delete them. With `below`, a file of that version or later goes only when its writer has
    /// ended: another process may be writing it now.
    public func removeLeftovers(below version: Int? = nil) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        for name in names where name.hasPrefix(".") && (name.hasSuffix(".tmp") || name.contains(".nosync")) {
            if let version, name.hasPrefix(".v"), let target = Int(name.dropFirst(2).prefix(4)), target >= version,
                PrivateFile.writerIsGone(temporaryName: name) != true
            {
                continue
            }
            try? FileManager.default.removeItem(at: url.appendingPathComponent(name))
        }
    }
}
