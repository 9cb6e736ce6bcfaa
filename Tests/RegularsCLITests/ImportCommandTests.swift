import Foundation
import RegularsTestSupport
import Testing

@testable import RegularsCLI

@Suite("regulars import and stats")
struct ImportCommandTests {
    @Test("imports orders with --store before the command, and stats --json has the documented keys")
    func importThenStats() async throws {
        let folder = try Fixtures.temporaryDirectory()
        let store = folder.appendingPathComponent("s.sqlite").path
        let imported = await CLI.run([
            "--store", store, "import", "orders", Fixtures.file("generic/orders.csv").path,
        ])
        #expect(imported.status == 0)
        #expect(imported.stdout.contains("What your data is ready for"))
        let stats = await CLI.run(["stats", "--store", store, "--json"])
        #expect(stats.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
        for key in ["customers", "products", "orders", "order_lines", "first_order_at", "last_order_at"] {
            #expect(json[key] != nil, "missing key \(key)")
        }
        #expect(json["order_lines"] as? Int == 5)
        #expect(json["first_order_at"] as? String == "2024-01-05T10:00:00Z")
    }

    @Test("a broken file exits non-zero, names line and column on stderr, and changes nothing")
    func brokenFile() async throws {
        let folder = try Fixtures.temporaryDirectory()
        let store = folder.appendingPathComponent("s.sqlite").path
        _ = await CLI.run(["import", "orders", Fixtures.file("generic/orders.csv").path, "--store", store])
        let result = await CLI.run([
            "import", "orders", Fixtures.file("generic/bad-date.csv").path, "--store", store,
        ])
        #expect(result.status != 0)
        #expect(result.stderr.contains("bad-date.csv:3: column 'ordered_at': cannot read \"31/02/2011\" as a date"))
        #expect(result.stdout.isEmpty)
        let stats = await CLI.run(["stats", "--json", "--store", store])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
        #expect(json["order_lines"] as? Int == 5)
    }

    @Test("REGULARS_STORE picks the store when --store is absent (end to end: a spawned binary)")
    func environmentStore() throws {
        let folder = try Fixtures.temporaryDirectory()
        let store = folder.appendingPathComponent("env.sqlite").path
        let result = try CLIRunner.run(
            ["import", "products", Fixtures.file("generic/products.csv").path], in: folder,
            environment: ["REGULARS_STORE": store])
        #expect(result.status == 0)
        #expect(FileManager.default.fileExists(atPath: store))
    }

    @Test("a missing file is a clear error with a non-zero exit")
    func missingFile() async throws {
        let folder = try Fixtures.temporaryDirectory()
        let result = await CLI.run([
            "import", "orders", "nope.csv", "--store", folder.appendingPathComponent("s.sqlite").path,
        ])
        #expect(result.status != 0)
        #expect(result.stderr.contains("nope.csv"))
    }
}
