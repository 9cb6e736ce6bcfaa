import Hummingbird

/// `GET /widget.js`, no key: the script is public; the public key travels in its `data-key` attribute.
struct WidgetRoutes: Sendable {
    func add(to router: Router<AppContext>) {
        router.get("widget.js", use: script)
    }

    @Sendable func script(_ request: Request, context: AppContext) async throws -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: "text/javascript; charset=utf-8", .cacheControl: "public, max-age=300",
                .xContentTypeOptions: "nosniff",
            ],
            body: .init(byteBuffer: ByteBuffer(string: WidgetScript.source)))
    }
}
