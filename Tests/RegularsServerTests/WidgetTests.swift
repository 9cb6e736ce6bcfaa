import Foundation
import Hummingbird
import HummingbirdTesting
import RegularsTestSupport
import Testing

@testable import RegularsServer

@Suite("GET /widget.js")
struct WidgetTests {
    @Test("served without a key as JavaScript that loads nothing from elsewhere")
    func served() async throws {
        let server = try TestServer()
        try await server.run { client in
            let reply = try await client.send(.get, "/widget.js")
            #expect(reply.status == .ok)
            #expect(reply.headers[.contentType] == "text/javascript; charset=utf-8")
            #expect(!reply.text.contains("http://") && !reply.text.contains("https://"))
            #expect(reply.text.contains("data-regulars-placement"))
            #expect(reply.text.contains("rec_impression") && reply.text.contains("rec_click"))
            // Cards are built with textContent: a product title can never become markup.
            #expect(!reply.text.contains("innerHTML"))
        }
    }

    static let node = ["/usr/bin/node", "/usr/local/bin/node"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    @Test("the script parses (node --check)", .enabled(if: node != nil))
    func parses() throws {
        let file = try Fixtures.temporaryDirectory().appendingPathComponent("widget.js")
        try Data(WidgetScript.source.utf8).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.node!)
        process.arguments = ["--check", file.path]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }
}
