import Foundation
import Hummingbird
import Logging
import NIOCore

/// A chat-completions server on 127.0.0.1 (a random port) for the LLM tests: it records every request body
/// and answers as its `behaviour` says.
struct ChatServer: Sendable {
    enum Behaviour: Sendable {
        /// A draft that uses the request's own product facts: it should pass the fact check.
        case goodDraft
        /// A draft that states a price no product has.
        case wrongPrice
        /// HTTP 500 every time.
        case serverError
        /// Answers only after `seconds`.
        case slow(seconds: Double)
        /// 200 with a body that is not chat-completions JSON.
        case garbage
        /// HTTP 400 to a request with `response_format` (as some local servers do), a good draft otherwise.
        case refusesJSONMode
    }

    actor Recorder {
        var bodies: [String] = []
        func add(_ body: String) { bodies.append(body) }
    }

    let behaviour: Behaviour
    let recorder = Recorder()

    /// Starts the server, runs `body` with its base URL (`http://127.0.0.1:PORT/v1`), stops it.
    func run(_ body: @escaping @Sendable (String) async throws -> Void) async throws {
        let router = Router()
        let behaviour = behaviour
        let recorder = recorder
        router.post("/v1/chat/completions") { request, _ -> Response in
            let bytes = try await request.body.collect(upTo: 1 << 22)
            let text = String(buffer: bytes)
            await recorder.add(text)
            return try await Self.answer(text, behaviour: behaviour)
        }
        let (stream, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) },
            logger: Self.quiet)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService(gracefulShutdownSignals: []) }
            var iterator = stream.makeAsyncIterator()
            let port = await iterator.next() ?? 0
            try await body("http://127.0.0.1:\(port)/v1")
            group.cancelAll()
        }
    }

    /// Cancelling the server at the end of a test is expected; its shutdown messages are not news.
    static let quiet: Logger = {
        var logger = Logger(label: "chat-server")
        logger.logLevel = .critical
        return logger
    }()

    var bodies: [String] { get async { await recorder.bodies } }

    static func answer(_ requestText: String, behaviour: Behaviour) async throws -> Response {
        switch behaviour {
        case .serverError:
            return Response(
                status: .internalServerError, body: .init(byteBuffer: ByteBuffer(string: "{\"error\":\"boom\"}")))
        case .garbage:
            return json("{\"nothing\": true}")
        case .slow(let seconds):
            try? await Task.sleep(for: .milliseconds(Int(seconds * 1000)))
            return json(completion(content: "{}"))
        case .refusesJSONMode where requestText.contains("response_format"):
            return Response(
                status: .badRequest, body: .init(byteBuffer: ByteBuffer(string: "{\"error\":\"unsupported\"}")))
        case .goodDraft, .wrongPrice, .refusesJSONMode:
            let products = Self.products(in: requestText)
            var blurbs: [String: String] = [:]
            for (sku, price) in products {
                blurbs[sku] =
                    behaviour == .wrongPrice ? "Now just £1.99, a steal." : "Well made and a joy to use, at \(price)."
            }
            let draft: [String: Any] = [
                "subject": "{{first_name}}, a few ideas for you",
                "preheader": "Picked around what you already have.",
                "intro":
                    "{{since}} in with your {{last_product}}: we hope it is a favourite. "
                    + "Here are a few things that go well with it.",
                "cta": "Have a look",
                "blurbs": blurbs,
            ]
            let content = String(decoding: try JSONSerialization.data(withJSONObject: draft), as: UTF8.self)
            return json(completion(content: content))
        }
    }

    /// The (sku, price) pairs of the prompt's product facts.
    static func products(in requestText: String) -> [(String, String)] {
        guard let request = try? JSONSerialization.jsonObject(with: Data(requestText.utf8)) as? [String: Any],
            let messages = request["messages"] as? [[String: String]], let user = messages.last?["content"],
            let brief = try? JSONSerialization.jsonObject(with: Data(user.utf8)) as? [String: Any],
            let products = brief["products"] as? [[String: Any]]
        else { return [] }
        return products.compactMap { p in (p["sku"] as? String).map { ($0, p["price"] as? String ?? "") } }
    }

    static func completion(content: String) -> String {
        let object: [String: Any] = [
            "id": "chatcmpl-test", "object": "chat.completion",
            "choices": [["index": 0, "message": ["role": "assistant", "content": content], "finish_reason": "stop"]],
        ]
        return String(decoding: try! JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }

    static func json(_ text: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}

extension ChatServer.Behaviour: Equatable {}
