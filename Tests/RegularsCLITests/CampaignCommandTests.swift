import Foundation
import RegularsData
import RegularsTestSupport
import Testing

@testable import RegularsCLI

@Suite("regulars campaign, brief, catalog-brief, voice init", .serialized)
struct CampaignCommandTests {
    /// One demo store for the suite (the demo takes seconds): its folder.
    static let demoFolder = Task { try await CLI.demoFolder() }
    static var demo: URL { get async throws { try await demoFolder.value } }
    static var store: String { get async throws { try await demo.appendingPathComponent("regulars-demo.sqlite").path } }
    static let asOf = "2025-07-01"

    static func rows(_ url: URL) throws -> [[String]] {
        let reader = try CSVReader(url: url)
        var rows: [[String]] = []
        while let record = try reader.readRecord() { rows.append(record.fields) }
        return rows
    }

    @Test("campaign --segment lapsed writes every file; CSVs parse; products, prices, consent and limits hold")
    func lapsedCampaign() async throws {
        let folder = try await Self.demo
        // One lapsed recipient of the demo's own campaign opts out first: they must be left out.
        let demoCampaign = folder.appendingPathComponent("regulars-demo.campaigns/lapsed-\(Self.asOf)")
        let optingOut = try #require(
            try Self.rows(demoCampaign.appendingPathComponent("klaviyo.csv")).dropFirst().first?.first)
        let optOut = await CLI.run(["opt-out", optingOut, "--store", try await Self.store])
        #expect(optOut.status == 0, "\(optOut.stderr)")

        let result = await CLI.run([
            "campaign", "--segment", "lapsed", "--store", try await Self.store, "--as-of", Self.asOf, "--out",
            folder.appendingPathComponent("out").path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("@"), "stdout must not carry e-mail addresses")
        let out = folder.appendingPathComponent("out")
        for name in ["preview.html", "emails.txt", "klaviyo.csv", "mailchimp.csv", "sms.csv", "summary.json"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path), "\(name)")
        }

        let snapshot = try SQLiteStore(path: try await Self.store)
            .snapshot(asOf: Fixtures.day(Self.asOf))
        let customersByEmail = Dictionary(
            snapshot.customers.compactMap { c in c.email.map { ($0, c) } }, uniquingKeysWith: { a, _ in a })
        let productsByTitle = Dictionary(snapshot.products.map { ($0.title, $0) }, uniquingKeysWith: { a, _ in a })

        let klaviyo = try Self.rows(out.appendingPathComponent("klaviyo.csv"))
        let header = try #require(klaviyo.first)
        #expect(
            Array(header.prefix(6)) == [
                "Email", "first_name", "rec_1_title", "rec_1_url", "rec_1_reason", "rec_1_price",
            ])
        #expect(klaviyo.count > 100)
        var emails = Set<String>()
        for row in klaviyo.dropFirst() {
            let field = { (name: String) in row[header.firstIndex(of: name)!] }
            let customer = try #require(customersByEmail[field("Email")])
            #expect(customer.acceptsMarketing && !customer.optedOut)
            emails.insert(field("Email"))
            #expect(field("subject").count <= 60)
            for slot in 1...4 where !field("rec_\(slot)_title").isEmpty {
                let product = try #require(productsByTitle[field("rec_\(slot)_title")], "not in the catalog")
                #expect(!product.sensitive)
                #expect(field("rec_\(slot)_price") == product.price.map { "£" + $0.description })
                #expect(!field("rec_\(slot)_reason").isEmpty)
            }
        }
        #expect(!emails.contains(optingOut))

        let mailchimp = try Self.rows(out.appendingPathComponent("mailchimp.csv"))
        let tags = try #require(mailchimp.first)
        #expect(Array(tags.prefix(2)) == ["Email Address", "FNAME"])
        #expect(tags.count <= 30)
        #expect(tags.dropFirst(2).allSatisfy { $0.count <= 10 && $0 == $0.uppercased() })
        #expect(mailchimp.dropFirst().allSatisfy { $0.allSatisfy { $0.utf8.count <= 255 } })
        #expect(mailchimp.count == klaviyo.count)

        let sms = try Self.rows(out.appendingPathComponent("sms.csv"))
        for row in sms.dropFirst() { #expect(Int(row[4])! <= Int(row[5])!) }

        let text = try String(contentsOf: out.appendingPathComponent("emails.txt"), encoding: .utf8)
        for product in snapshot.products where product.sensitive { #expect(!text.contains(product.title)) }
        #expect(!text.contains("Dear Valued Customer"))

        let summary = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("summary.json")))
                as? [String: Any])
        #expect(summary["recipients"] as? Int == klaviyo.count - 1)
        #expect(summary["mode"] as? String == "templates")
        let skipped = try #require(summary["skipped"] as? [String: Int])
        #expect(skipped["opted_out"] == 1)
        #expect((skipped["no_marketing_consent"] ?? 0) > 0)
    }

    @Test("campaign writes to the store's campaigns folder by default and --json prints the summary")
    func defaultFolderAndJSON() async throws {
        let result = await CLI.run([
            "campaign", "--segment", "loyal", "--store", try await Self.store, "--as-of", Self.asOf, "--limit", "5",
            "--json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["recipients"] as? Int == 5)
        let folder = try await Self.demo.appendingPathComponent(
            "regulars-demo.campaigns/loyal-\(Self.asOf)/summary.json")
        #expect(FileManager.default.fileExists(atPath: folder.path))
    }

    @Test("an unknown segment is refused with the list of segments")
    func unknownSegment() async throws {
        let result = await CLI.run(["campaign", "--segment", "vip", "--store", try await Self.store])
        #expect(result.status != 0)
        #expect(result.stderr.contains("lapsed"))
    }

    @Test("brief prints history, three starters and three picks; catalog-brief writes Markdown")
    func briefs() async throws {
        let klaviyo = try Self.rows(
            try await Self.demo.appendingPathComponent("regulars-demo.campaigns/lapsed-\(Self.asOf)/klaviyo.csv"))
        let email = try #require(klaviyo.dropFirst().last?.first)
        let snapshot = try SQLiteStore(path: try await Self.store)
            .snapshot(asOf: Fixtures.day(Self.asOf))
        let id = try #require(snapshot.customers.first { $0.email == email }?.id)
        let brief = await CLI.run([
            "brief", "--customer", id, "--store", try await Self.store, "--as-of", Self.asOf, "--json",
        ])
        #expect(brief.status == 0, "\(brief.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(brief.stdout.utf8)) as? [String: Any])
        #expect((json["conversation_starters"] as? [String])?.count == 3)
        #expect((json["picks"] as? [[String: Any]])?.count == 3)
        #expect(json["probability_alive"] != nil)

        let markdownURL = try await Self.demo.appendingPathComponent("catalog.md")
        let catalog = await CLI.run([
            "catalog-brief", "--store", try await Self.store, "--as-of", Self.asOf, "--out", markdownURL.path,
        ])
        #expect(catalog.status == 0, "\(catalog.stderr)")
        let markdown = try String(contentsOf: markdownURL, encoding: .utf8)
        for heading in ["## Categories", "## Bestsellers", "## New arrivals", "## Price bands"] {
            #expect(markdown.contains(heading))
        }
        #expect(markdown.contains("Lodge Cast-Iron Skillet") || markdown.contains("Coffee"))
    }

    @Test("voice init writes an example every key of which the loader reads; a second run needs --force")
    func voiceInit() async throws {
        let folder = try Fixtures.temporaryDirectory()
        let store = folder.appendingPathComponent("shop.sqlite").path
        let first = await CLI.run(["voice", "init", "--store", store])
        #expect(first.status == 0, "\(first.stderr)")
        let text = try String(contentsOf: folder.appendingPathComponent("shop.voice.json"), encoding: .utf8)
        #expect(text.contains("\"_tone\""))
        let second = await CLI.run(["voice", "init", "--store", store])
        #expect(second.status != 0)
        #expect(second.stderr.contains("--force"))
    }
}
