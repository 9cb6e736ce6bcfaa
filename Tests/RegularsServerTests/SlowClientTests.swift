import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import RegularsServer

#if canImport(Glibc)
    import Glibc
#endif

@Suite("A slow client cannot hold a connection")
struct SlowClientTests {
    /// A TCP connection to 127.0.0.1:`port`, or -1.
    static func connected(port: Int) -> Int32 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(descriptor)
            return -1
        }
        return descriptor
    }

    /// One request on a connection of its own (`Connection: close`); the whole answer, as text.
    static func exchange(port: Int, _ request: String) -> String {
        let descriptor = connected(port: port)
        guard descriptor >= 0 else { return "" }
        defer { close(descriptor) }
        _ = request.withCString { send(descriptor, $0, strlen($0), 0) }
        var answer: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count <= 0 { break }
            answer += buffer[0..<count]
        }
        return String(decoding: answer, as: UTF8.self)
    }

    /// A TCP connection to 127.0.0.1:`port` that sends `text` and then waits: whether the server closed it.
    static func closedAfter(_ seconds: Double, port: Int, sending text: String) -> Bool {
        let descriptor = connected(port: port)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        _ = text.withCString { send(descriptor, $0, strlen($0), 0) }
        var timeout = timeval(tv_sec: Int(seconds), tv_usec: Int((seconds - Double(Int(seconds))) * 1_000_000))
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var buffer = [UInt8](repeating: 0, count: 512)
        // 0: the server closed the connection; -1 with a timeout: it is still open.
        return recv(descriptor, &buffer, buffer.count, 0) == 0
    }

    @Test("a connection that sends nothing, or half a header, is closed after the idle timeout")
    func idleAndHalfHeader() async throws {
        let server = try TestServer()
        try await server.run(configure: { $0.idleTimeout = .milliseconds(300) }) { client in
            let port = try #require(client.port)
            #expect(Self.closedAfter(3, port: port, sending: ""))
            #expect(Self.closedAfter(3, port: port, sending: "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "))
            // (The test client's own idle connection is cut off too, so no request follows here.)
        }
    }
}
