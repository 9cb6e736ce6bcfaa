import Foundation
import RegularsData

/// The rules file beside the store: `shop.sqlite` → `shop.rules.json`, pretty JSON a person can edit.
extension MerchandisingRules {
    /// The rules file of the store at `storePath`.
    public static func fileURL(storePath: String) -> URL {
        StorePaths.sibling(of: storePath, suffix: ".rules.json")
    }

    /// Reads the rules at `url`; a missing file is the empty rule set.
    /// - Throws: `RulesFileError` when the file exists but is not valid rules JSON.
    public static func load(from url: URL) throws -> MerchandisingRules {
        guard FileManager.default.fileExists(atPath: url.path) else { return MerchandisingRules() }
        do {
            let data = try Data(contentsOf: url)
            return try decoder.decode(MerchandisingRules.self, from: data)
        } catch let error as DecodingError {
            throw RulesFileError(
                path: url.path, message: "cannot read the rules (\(error.plainDescription)); fix the file or delete it")
        }
    }

    /// Writes the rules to `url` atomically, keys sorted, dates as ISO-8601.
    public func save(to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        try (encoder.encode(self) + Data("\n".utf8)).write(to: url, options: .atomic)
    }

    /// The rules as the JSON `save` writes.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }

    private static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}

/// The rules file exists but cannot be read.
public struct RulesFileError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String
    public var description: String { "\(path): \(message)" }
}
