import Foundation

/// The suppression list read once, to answer "was this customer erased?" in memory: an import asks it for
/// every new customer, from a thread that cannot reach the database (see `ImportPipeline`).
public struct SuppressionList: Sendable {
    /// Nothing erased: every answer is no.
    public static let empty = SuppressionList(suppression: nil, hashes: [])

    let suppression: Suppression?
    let hashes: Set<String>

    public init(suppression: Suppression?, hashes: Set<String>) {
        self.suppression = suppression
        self.hashes = hashes
    }

    public func contains(customerID: CustomerID, email: String?) -> Bool {
        // Most stores have erased nobody: no keyed hash is computed for them.
        guard !hashes.isEmpty, let suppression else { return false }
        return suppression.lookupHashes(customerID: customerID, email: email).contains { hashes.contains($0) }
    }
}
