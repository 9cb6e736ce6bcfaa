/// Why an LLM draft was not used; the campaign falls back to templates and reports this.
public struct LLMError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable, Codable {
        case unreachable, timeout, badStatus = "bad_status", malformed, factCheck = "fact_check", privacy
    }
    public var code: Code
    /// What happened, without a key or any customer detail.
    public var message: String
    public var description: String { "\(code.rawValue): \(message)" }

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }
}
