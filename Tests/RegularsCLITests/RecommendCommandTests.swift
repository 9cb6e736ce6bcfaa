import Foundation
import RegularsData
import RegularsDemo
import RegularsTestSupport
import Testing

@testable import RegularsCLI

@Suite("regulars recommend and rules on the demo shop", .serialized)
struct RecommendCommandTests {
    /// A folder with the demo store trained as of 2025-07-01, made once for the suite.
    static let folder = Task { () throws -> URL in
        let folder = try await CLI.demoFolder()
        let store = folder.appendingPathComponent("regulars-demo.sqlite").path
        _ = await CLI.run(["train", "--store", store, "--as-of", "2025-07-01"])
        return folder
    }

    static func run(_ arguments: [String]) async throws -> Regulars.Outcome {
        let store = try await folder.value.appendingPathComponent("regulars-demo.sqlite").path
        return await CLI.run(arguments + ["--store", store])
    }

    static func items(_ result: Regulars.Outcome) throws -> [[String: Any]] {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        return try #require(json["items"] as? [[String: Any]])
    }

    @Test("checkout for the skillet cart prints the care kit with a bought-together reason, as JSON")
    func checkoutJSON() async throws {
        let result = try await Self.run([
            "recommend", "--placement", "checkout", "--cart", DemoShop.GroundTruth.skillet, "--json", "--n", "5",
        ])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let items = try Self.items(result)
        #expect(items.count == 5)
        let kit = try #require(items.first { $0["sku"] as? String == DemoShop.GroundTruth.careKit })
        #expect(kit["reason"] as? String == "Often bought together with the Lodge Cast-Iron Skillet 10.25 in")
        #expect(kit["model"] as? String == "complements")
        #expect(kit["price"] as? Double == 18.5)
        #expect(kit["title"] as? String == "Cast-Iron Care Kit")
        #expect(kit["score"] is Double)
        #expect(!items.contains { $0["sku"] as? String == DemoShop.GroundTruth.skillet })
        #expect(result.stdout.contains(#""placement" : "checkout""#))
    }

    @Test("text output lists rank, SKU, model and reason")
    func text() async throws {
        let result = try await Self.run([
            "recommend", "--placement", "product", "--product", DemoShop.GroundTruth.skillet, "--n", "4",
        ])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains(" 1. "))
        #expect(result.stdout.contains("Similar to the Lodge") || result.stdout.contains("Often bought together"))
    }

    @Test("unknown placement, customer or SKU: a clear error and a non-zero exit")
    func errors() async throws {
        let placement = try await Self.run(["recommend", "--placement", "sidebar"])
        #expect(placement.status != 0)
        #expect(placement.stderr.contains("unknown placement 'sidebar'"))
        #expect(placement.stderr.contains("email.post_purchase"))
        let customer = try await Self.run(["recommend", "--placement", "home", "--customer", "nobody@example.com"])
        #expect(customer.status != 0)
        #expect(customer.stderr.contains("unknown customer"))
        #expect(!customer.stderr.contains("nobody@example.com"))
        let sku = try await Self.run(["recommend", "--placement", "cart", "--cart", "NOT-A-SKU"])
        #expect(sku.status != 0)
        #expect(sku.stderr.contains("unknown SKU \"NOT-A-SKU\""))
    }

    @Test("without trained models, recommend says to run train")
    func untrained() async throws {
        let folder = try Fixtures.temporaryDirectory()
        let store = folder.appendingPathComponent("empty.sqlite").path
        let result = await CLI.run(["recommend", "--placement", "home", "--store", store])
        #expect(result.status != 0)
        #expect(result.stderr.contains("regulars train"))
    }

    @Test("rules pin, exclude, cap and boost change the list, and --explain shows them")
    func rulesEndToEnd() async throws {
        let truth = DemoShop.GroundTruth.self
        let pinned = truth.candles[1]
        #expect(try await Self.run(["rules", "pin", pinned, "--placement", "checkout", "--slot", "2"]).status == 0)
        #expect(try await Self.run(["rules", "exclude", truth.careKit]).status == 0)
        #expect(try await Self.run(["rules", "cap", "--per-category", "1"]).status == 0)
        #expect(
            try await Self.run(["rules", "boost", "--new-arrivals", "--factor", "1.5", "--until", "2025-08-01"]).status
                == 0)
        let badSKU = try await Self.run(["rules", "pin", "NOT-A-SKU", "--placement", "home"])
        #expect(badSKU.status != 0 && badSKU.stderr.contains("NOT-A-SKU"))
        let show = try await Self.run(["rules", "show"])
        #expect(show.stdout.contains("pin \(pinned) to slot 2 of checkout"))
        #expect(show.stdout.contains("at most 1 per category"))

        let result = try await Self.run([
            "recommend", "--placement", "checkout", "--cart", truth.skillet, "--json", "--explain", "--n", "6",
        ])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let items = try Self.items(result)
        #expect(items[1]["sku"] as? String == pinned)
        #expect(!items.contains { $0["sku"] as? String == truth.careKit })
        #expect(result.stdout.contains(#""rule" : "excluded""#))
        #expect(result.stdout.contains(#""rule" : "pinned""#))
        let text = try await Self.run(["recommend", "--placement", "checkout", "--cart", truth.skillet, "--explain"])
        #expect(text.stdout.contains("Rules fired:"))
        #expect(text.stdout.contains("capped "))
        #expect(text.stdout.contains("excluded \(truth.careKit): on the exclusion list"))

        #expect(try await Self.run(["rules", "unpin", pinned]).status == 0)
        #expect(try await Self.run(["rules", "include", truth.careKit]).status == 0)
        #expect(try await Self.run(["rules", "cap", "--per-category", "0"]).status == 0)
        #expect(try await Self.run(["rules", "unboost", "--new-arrivals"]).status == 0)
        let json = try await Self.run(["rules", "show", "--json"])
        let rules = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((rules["pins"] as? [Any])?.isEmpty == true)
        #expect((rules["excludedSKUs"] as? [Any])?.isEmpty == true)
        #expect(rules["maximumPerCategory"] == nil)
    }
}
