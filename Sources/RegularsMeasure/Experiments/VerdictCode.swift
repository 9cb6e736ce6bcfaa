/// Machine-readable outcome of a look, for JSON and for choosing an icon.
public enum VerdictCode: String, Sendable, Hashable, Codable, CaseIterable {
    case aheadConclusive
    case behindConclusive
    case inconclusive
    case notEnoughData
}
