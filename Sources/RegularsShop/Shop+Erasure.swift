import Foundation
import RegularsData

/// What an erasure did, for the person who asked and for the shop's records: the store's counts, every file
/// the product wrote and what became of it, and the files it cannot reach. Paths and counts only: never the
/// customer's details.
public struct ErasureReceipt: Sendable, Encodable, Hashable {
    public struct File: Sendable, Codable, Hashable {
        public var path: String
        public var kind: WrittenFile.Kind
        public var outcome: FileScrubber.Outcome
    }

    public var store: ErasureReport
    /// Every file the product wrote that may hold customers' details, and what erasure did to it.
    public var files: [File]
    /// Files imported from, which the product did not write: they may still hold the customer. Re-importing
    /// them is safe (the suppression list skips the customer), but the copy itself is the shop's to erase.
    public var notReached: [String]

    /// Files that named the customer and were cleaned, replaced or removed.
    public var cleaned: [File] { files.filter { [.scrubbed, .replaced, .removed].contains($0.outcome) } }
}

extension Shop {
    /// Erasure, the one path for the CLI and the server: the customer's events, records, orders and lines go in
    /// one transaction (`Store.forget`), their id and e-mail go on the suppression list, and then every file the
    /// product wrote (campaign exports, import rejects, predictions, the demo's exports) is cleaned of them.
    /// Models are retrained separately (`retrainAfterErasure`).
    public func erase(customer id: String) throws -> ErasureReceipt {
        let who = try store.personalIdentifiers(of: id)
        let report = try store.forget(customer: id, at: clock())
        var files: [ErasureReceipt.File] = []
        for file in try store.writtenFiles() {
            files.append(.init(path: file.path, kind: file.kind, outcome: try FileScrubber.scrub(file, of: who)))
        }
        let written = Set(files.map(\.path))
        let notReached = try store.importedFiles().filter {
            !written.contains(URL(fileURLWithPath: $0).standardizedFileURL.path)
        }
        return ErasureReceipt(store: report, files: files, notReached: notReached)
    }

    /// Writes a file that holds customers' details (owner-only, atomically) and notes it for erasure.
    public func writePersonalFile(_ data: Data, to url: URL, kind: WrittenFile.Kind) throws {
        try PrivateFile.write(data, to: url)
        try store.record(writtenFile: WrittenFile(path: url.path, kind: kind))
    }
}
