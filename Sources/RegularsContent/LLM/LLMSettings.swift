import Foundation

/// Where and how to reach an OpenAI-compatible chat-completions endpoint (a local server or a hosted one).
public struct LLMSettings: Sendable, Hashable {
    /// The base URL; requests go to `{baseURL}/chat/completions`.
    public var baseURL: String
    public var model: String
    /// Sent as `Authorization: Bearer …` when set. Never printed.
    public var apiKey: String?
    /// Per attempt.
    public var timeout: Duration = .seconds(20)
    public var attempts = 3
    /// Wait before the second attempt; doubles for each one after.
    public var backoff: Duration = .milliseconds(500)

    public init(baseURL: String, model: String, apiKey: String? = nil) {
        self.baseURL = baseURL
        self.model = model
        self.apiKey = apiKey
    }

    /// From `REGULARS_LLM_URL`, `REGULARS_LLM_MODEL` (default `gpt-4o-mini`), `REGULARS_LLM_KEY` and
    /// `REGULARS_LLM_TIMEOUT` (seconds); `nil` without a URL.
    public static func fromEnvironment(_ environment: [String: String]) -> LLMSettings? {
        guard let url = environment["REGULARS_LLM_URL"], !url.isEmpty else { return nil }
        var settings = LLMSettings(
            baseURL: url, model: environment["REGULARS_LLM_MODEL"] ?? "gpt-4o-mini",
            apiKey: environment["REGULARS_LLM_KEY"].flatMap { $0.isEmpty ? nil : $0 })
        if let seconds = environment["REGULARS_LLM_TIMEOUT"].flatMap(Double.init), seconds.isFinite, seconds > 0,
            seconds <= 3600
        {
            settings.timeout = .milliseconds(Int64(seconds * 1000))
        }
        return settings
    }

    var endpoint: String {
        (baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL) + "/chat/completions"
    }

    /// The endpoint as messages, logs and `summary.json` show it: without credentials in the URL
    /// (`user:password@`) or its query (`?key=…`).
    public var shownEndpoint: String {
        guard var parts = URLComponents(string: endpoint) else { return "the LLM endpoint" }
        parts.user = nil
        parts.password = nil
        parts.query = nil
        return parts.string ?? "the LLM endpoint"
    }
}
