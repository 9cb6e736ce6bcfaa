import Foundation

/// A file the product wrote that may hold customers' details (a campaign export, an import's rejects, a
/// predictions file): noted in the store when written, so that erasure can find and clean it later.
public struct WrittenFile: Sendable, Codable, Hashable {
    public enum Kind: String, Sendable, Codable {
        case campaignExport = "campaign_export"
        case importRejects = "import_rejects"
        case predictions
        /// The demo's own generated exports, written beside its store.
        case demoExport = "demo_export"
        /// What the store held about a customer, written for a data request (Shopify's `customers/data_request`).
        case dataRequest = "data_request"
    }

    /// The absolute path.
    public var path: String
    public var kind: Kind

    public init(path: String, kind: Kind) {
        self.path = URL(fileURLWithPath: path).standardizedFileURL.path
        self.kind = kind
    }
}

/// What identifies one customer (or every record sharing an e-mail) in a file: ids, e-mails (lower-cased) and
/// first names. Only ever held in memory during an erasure; never logged, never stored.
public struct PersonalIdentifiers: Sendable, Hashable {
    public var ids: Set<String>
    public var emails: Set<String> = []
    public var names: Set<String> = []

    public init(ids: Set<String>, emails: Set<String> = [], names: Set<String> = []) {
        self.ids = ids
        self.emails = emails
        self.names = names
    }

    /// What erasure of `requested` (an id or an e-mail) looks for: the requested text, and each matching record's id,
    /// e-mail (lower-cased) and first name. Both stores read the records and call this.
    public init(requested: String, records: [(id: String, email: String?, firstName: String?)]) {
        self.init(ids: [requested])
        for record in records {
            ids.insert(record.id)
            if let email = record.email, !email.isEmpty { emails.insert(email.lowercased()) }
            if let name = record.firstName, !name.isEmpty { names.insert(name) }
        }
        if requested.contains("@") { emails.insert(requested.lowercased()) }
    }

    /// Whether `text` holds one of their ids or e-mails (e-mails compared without case). A first name alone is
    /// shared by other customers, so it only goes with the row an id or e-mail marks.
    public func marks(_ text: String) -> Bool {
        if ids.contains(where: { !$0.isEmpty && text.contains($0) }) { return true }
        guard !emails.isEmpty else { return false }
        let lower = text.lowercased()
        return emails.contains { lower.contains($0) }
    }
}
