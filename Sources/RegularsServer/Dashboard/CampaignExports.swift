import Foundation
import RegularsContent

/// The campaign folders `regulars campaign` writes beside the store (`shop.campaigns/lapsed-2024-06-30/`),
/// as the dashboard lists them for download.
struct CampaignExports: Sendable {
    struct Campaign {
        var name: String
        var files: [String]
        var summary: [String: Any]

        var recipients: Int? {
            if let count = summary["recipients"] as? Int { return count }
            return (summary["recipients"] as? [Any])?.count
        }
        var mode: String? { summary["mode"] as? String }
        var generatedAt: String? { summary["generated_at"] as? String }
        var segment: String? { summary["segment"] as? String }
        /// When its copy was written, from `generated_at`.
        var writtenAt: Date? { generatedAt.flatMap { ISO8601DateFormatter().date(from: $0) } }
    }

    let folder: URL

    init(storePath: String) {
        folder = RegularsContent.Campaign.folder(storePath: storePath)
    }

    /// Every campaign folder with a `summary.json`, newest first.
    var campaigns: [Campaign] {
        let fileManager = FileManager.default
        let names = (try? fileManager.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter(Self.isSafeName).compactMap { name -> (Date, Campaign)? in
            let url = folder.appendingPathComponent(name)
            let summaryURL = url.appendingPathComponent("summary.json")
            guard let data = try? Data(contentsOf: summaryURL) else { return nil }
            let summary = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
            let files = ((try? fileManager.contentsOfDirectory(atPath: url.path)) ?? []).filter(Self.isSafeName)
                .sorted()
            let modified =
                (try? fileManager.attributesOfItem(atPath: summaryURL.path)[.modificationDate] as? Date) ?? nil
            return (modified ?? .distantPast, Campaign(name: name, files: files, summary: summary))
        }
        .sorted { $0.0 > $1.0 }.map(\.1)
    }

    /// A file of a campaign, or `nil` unless both names are plain names of things that exist (no `..`, no
    /// slashes: nothing outside the campaigns folder can be reached).
    func file(campaign: String, name: String) -> URL? {
        guard Self.isSafeName(campaign), Self.isSafeName(name) else { return nil }
        let url = folder.appendingPathComponent(campaign).appendingPathComponent(name)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue
        else { return nil }
        return url
    }

    static func isSafeName(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".") && name.count <= 120
            && name.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                    || "._-".unicodeScalars.contains($0)
            }
    }
}
