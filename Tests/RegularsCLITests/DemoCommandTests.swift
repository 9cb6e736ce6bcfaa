import Foundation
import RegularsTestSupport
import Testing

@Suite("regulars demo")
struct DemoCommandTests {
    @Test("in an empty folder, builds the shop, imports it and prints the report; twice gives the same output")
    func demoRuns() throws {
        let folder = try Fixtures.temporaryDirectory()
        let first = try CLIRunner.run(["demo"], in: folder)
        #expect(first.status == 0, "stderr: \(first.stderr)")
        #expect(first.stdout.contains("What your data is ready for"))
        #expect(first.stdout.contains("skipped 41 cancelled order(s)"))
        #expect(
            FileManager.default.fileExists(
                atPath: folder.appendingPathComponent("regulars-demo/orders_export.csv").path))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("regulars-demo.sqlite").path))
        let second = try CLIRunner.run(["demo"], in: folder)
        #expect(second.stdout == first.stdout)
        let stats = try CLIRunner.run(["stats", "--json", "--store", "regulars-demo.sqlite"], in: folder)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
        #expect((json["orders"] as? Int ?? 0) > 10_000)
        #expect(json["catalog_products"] as? Int == json["products"] as? Int)
    }
}
