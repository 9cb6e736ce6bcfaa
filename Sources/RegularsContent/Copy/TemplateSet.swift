import Foundation
import Mustache
import RegularsData

/// The shipped templates (`Templates/` in this package) with a shop's own files laid over them.
///
/// A shop overrides a file by putting one of the same name in `<store-base>.templates/` (say
/// `shop.templates/phrases.json` or `shop.templates/email.txt.mustache`): the whole file replaces ours, so
/// an owner can copy one, edit it, and leave the rest alone.
public struct TemplateSet: Sendable {
    /// Slot → angle key → phrasings, each a compiled template (rendered as plain text).
    let phrases: [String: [String: [MustacheTemplate]]]
    let library: MustacheLibrary
    /// File names that came from the shop's folder rather than ours.
    public let overridden: [String]

    /// The shop's override folder for the store at `storePath`: `shop.sqlite` → `shop.templates/`.
    public static func overrideFolder(storePath: String) -> URL {
        StorePaths.sibling(of: storePath, suffix: ".templates")
    }

    /// The shipped folder inside the package's resources.
    public static var shippedFolder: URL? {
        Bundle.module.url(forResource: "Templates", withExtension: nil)
    }

    /// Loads the shipped templates, then the files of `overrides` (when it exists) over them.
    /// - Throws: `ContentFileError` naming the file when a template or `phrases.json` cannot be read.
    public static func load(overrides: URL? = nil) throws -> TemplateSet {
        var files: [String: URL] = [:]
        var overridden: [String] = []
        for (folder, isShop) in [(shippedFolder, false), (overrides, true)] {
            guard let folder, let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
                continue
            }
            for name in names.sorted() where name.hasSuffix(".mustache") || name == "phrases.json" {
                files[name] = folder.appendingPathComponent(name)
                if isShop { overridden.append(name) }
            }
        }
        guard let phrasesURL = files["phrases.json"] else {
            throw ContentFileError(path: "Templates/phrases.json", message: "missing from the package's resources")
        }
        var library = MustacheLibrary()
        for (name, url) in files where name.hasSuffix(".mustache") {
            do {
                try library.register(
                    String(contentsOf: url, encoding: .utf8), named: String(name.dropLast(".mustache".count)))
            } catch {
                throw ContentFileError(path: url.path, message: "not a valid mustache template (\(error))")
            }
        }
        return TemplateSet(phrases: try Self.phrases(at: phrasesURL), library: library, overridden: overridden)
    }

    static func phrases(at url: URL) throws -> [String: [String: [MustacheTemplate]]] {
        let raw: [String: [String: [String]]]
        do {
            var object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] ?? [:]
            object = object.filter { !$0.key.hasPrefix("_") }
            raw = try JSONDecoder().decode(
                [String: [String: [String]]].self, from: JSONSerialization.data(withJSONObject: object))
        } catch {
            throw ContentFileError(
                path: url.path, message: "expected {\"slot\": {\"angle\": [\"phrasing\", …]}} (\(error))")
        }
        var out: [String: [String: [MustacheTemplate]]] = [:]
        for (slot, angles) in raw {
            for (angle, texts) in angles {
                out[slot, default: [:]][angle] = try texts.map { text in
                    do { return try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + text) } catch {
                        throw ContentFileError(path: url.path, message: "\(slot).\(angle): cannot parse \"\(text)\"")
                    }
                }
            }
        }
        return out
    }

    /// The phrasings of `slot` for `angle` in `tone`: `angle@source` (copy for readers from one traffic source),
    /// `angle.tone`, `angle`, then `default@source`, `default.tone`, `default`.
    public func variants(slot: String, angle: String, tone: BrandVoice.Tone, source: TrafficSource? = nil)
        -> [MustacheTemplate]
    {
        let byAngle = phrases[slot] ?? [:]
        let bySource = { (key: String) in source.flatMap { byAngle["\(key)@\($0.name)"] } }
        return bySource(angle) ?? byAngle["\(angle).\(tone.rawValue)"] ?? byAngle[angle] ?? bySource("default")
            ?? byAngle["default.\(tone.rawValue)"] ?? byAngle["default"] ?? []
    }

    /// Whether the slot has any phrasing.
    public func has(slot: String) -> Bool { !(phrases[slot]?.isEmpty ?? true) }

    /// Renders the named file template (`email.txt`, `email.html`, `preview.html`) with `object`.
    public func render(_ name: String, _ object: Any) -> String {
        library.render(object, withTemplate: name) ?? ""
    }
}
