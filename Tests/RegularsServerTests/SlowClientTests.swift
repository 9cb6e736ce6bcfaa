import Foundation
import Hummingbird
import HummingbirdTesting
import RegularsData
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

@Suite("Requests waiting on the database do not stall the others")
struct BlockedStoreTests {
    actor Finished {
        var order: [String] = []
        let start = ContinuousClock.now
        func add(_ name: String) { order.append("\(name) \(start.duration(to: .now))") }
    }

    @Test("while another process holds the write lock, requests that write wait, and /health answers meanwhile")
    func healthWhileWritesWait() async throws {
        let server = try TestServer()
        let other = try SQLiteStore(path: server.storePath)
        try await server.run { client in
            let finished = Finished()
            // Another process takes the write lock for nine seconds (an import, say), under the server's busy
            // timeout of ten: long beside the load of a whole test run.
            let holder = Thread {
                // A write inside the transaction takes the lock (GRDB's transactions start deferred); rolled back.
                _ = try? other.write { writer -> Void in
                    try writer.ensureCustomer("lock-holder")
                    Thread.sleep(forTimeInterval: 9)
                    throw CancellationError()
                }
                Task { await finished.add("lock released") }
            }
            holder.start()
            try await Task.sleep(for: .milliseconds(200))
            let port = try #require(client.port)
            let body = eventBatch([viewEvent("w")])
            // Each on a connection of its own, from threads of its own: the test client has one connection.
            func onThread(_ name: String, _ request: String) async -> String {
                await withCheckedContinuation { continuation in
                    Thread {
                        let answer = SlowClientTests.exchange(port: port, request)
                        continuation.resume(returning: answer)
                    }.start()
                }
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                // More waiting writers than the machine has cores: on the cooperative pool they would hold it all.
                for index in 0..<(ProcessInfo.processInfo.activeProcessorCount + 2) {
                    let batch = body.replacingOccurrences(of: "\"w\"", with: "\"w\(index)\"")
                    group.addTask {
                        let answer = await onThread(
                            "events",
                            "POST /v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                + "Authorization: Bearer \(server.secretKey)\r\nContent-Type: application/json\r\n"
                                + "Content-Length: \(batch.utf8.count)\r\n"
                                + "Connection: close\r\n\r\n\(batch)")
                        #expect(answer.hasPrefix("HTTP/1.1 200"), "\(answer.prefix(200))")
                        await finished.add("events")
                    }
                }
                try await Task.sleep(for: .milliseconds(300))
                group.addTask {
                    let answer = await onThread(
                        "health", "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    #expect(answer.hasPrefix("HTTP/1.1 200"), "\(answer.prefix(200))")
                    await finished.add("health")
                }
                try await group.waitForAll()
            }
            let order = await finished.order
            // /health answered while the writers still waited: before the lock went and they could finish.
            #expect(order.first?.hasPrefix("health") == true, "\(order)")
            #expect(order.firstIndex { $0.hasPrefix("health") } ?? 99 < order.firstIndex { $0.hasPrefix("lock") } ?? 0)
        }
    }
}
