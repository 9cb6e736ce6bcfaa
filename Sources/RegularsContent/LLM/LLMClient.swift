import AsyncHTTPClient
import Foundation
import NIOCore

/// Talks to an OpenAI-compatible `POST /chat/completions` endpoint through AsyncHTTPClient.
///
/// Transport failures, timeouts, 429 and 5xx are retried with exponential backoff; any other status, and a
/// reply that is not chat-completions JSON, fail at once. Uses `HTTPClient.shared`, which needs no shutdown.
public struct LLMClient: Sendable {
    public let settings: LLMSettings

    public init(settings: LLMSettings) { self.settings = settings }

    /// The assistant message's content for `messages` (`role`/`content` pairs).
    /// - Throws: `LLMError` after the last attempt.
    public func complete(messages: [[String: String]]) async throws(LLMError) -> String {
        do {
            return try await complete(messages: messages, jsonMode: true)
        } catch  where error.code == .badStatus && error.message.hasSuffix("HTTP 400") {
            // Some servers refuse `response_format`; the prompt asks for JSON anyway, so ask once more without it.
            return try await complete(messages: messages, jsonMode: false)
        }
    }

    private func complete(messages: [[String: String]], jsonMode: Bool) async throws(LLMError) -> String {
        var request: [String: Any] = ["model": settings.model, "messages": messages, "temperature": 0.4]
        if jsonMode { request["response_format"] = ["type": "json_object"] }
        let body: Data
        do {
            body = try JSONSerialization.data(withJSONObject: request, options: [.sortedKeys])
        } catch {
            throw LLMError(.malformed, "cannot encode the request")
        }
        var last = LLMError(.unreachable, "no attempt made")
        for attempt in 0..<max(1, settings.attempts) {
            if attempt > 0 {
                try? await Task.sleep(for: settings.backoff * (1 << (attempt - 1)))
            }
            do {
                return try await send(body)
            } catch {
                last = error
                guard error.code == .unreachable || error.code == .timeout || error.retryableStatus else { throw error }
            }
        }
        throw last
    }

    private func send(_ body: Data) async throws(LLMError) -> String {
        var request = HTTPClientRequest(url: settings.endpoint)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        if let key = settings.apiKey { request.headers.add(name: "Authorization", value: "Bearer \(key)") }
        request.body = .bytes(ByteBuffer(bytes: body))
        let timeout = TimeAmount.nanoseconds(
            settings.timeout.components.seconds * 1_000_000_000 + settings.timeout.components.attoseconds
                / 1_000_000_000)
        let status: UInt
        let bytes: ByteBuffer
        do {
            let response = try await HTTPClient.shared.execute(request, timeout: timeout)
            status = response.status.code
            bytes = try await response.body.collect(upTo: 4 << 20)
        } catch let error as HTTPClientError
            where error == .deadlineExceeded || error == .readTimeout
            || error == .connectTimeout
        {
            throw LLMError(.timeout, "no answer from \(settings.shownEndpoint) within \(settings.timeout)")
        } catch {
            throw LLMError(
                .unreachable,
                "cannot reach \(settings.shownEndpoint); "
                    + "is the server running and REGULARS_LLM_URL right?"
            )
        }
        guard (200..<300).contains(status) else {
            throw LLMError(.badStatus, "\(settings.shownEndpoint) answered HTTP \(status)")
        }
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes.readableBytesView)) as? [String: Any],
            let choices = object["choices"] as? [[String: Any]],
            let message = choices.first?["message"] as? [String: Any], let content = message["content"] as? String
        else {
            throw LLMError(.malformed, "the reply is not chat-completions JSON (choices[0].message.content)")
        }
        return content
    }
}

extension LLMError {
    /// HTTP 429 and 5xx are worth another try; 4xx are not.
    var retryableStatus: Bool {
        guard code == .badStatus, let status = message.split(separator: " ").last.flatMap({ Int($0) }) else {
            return false
        }
        return status == 429 || status >= 500
    }
}
