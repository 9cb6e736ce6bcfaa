import Foundation
import RegularsData
import Testing

@testable import RegularsContent

@Suite("Campaigns with an LLM")
struct LLMCampaignTests {
    /// A generous timeout by default: under a full, parallel test run a fast local reply took over 5 s once, and
    /// the retry that followed broke "one request" (the timeout tests set their own).
    static func settings(_ url: String, timeout: Duration = .seconds(30)) -> LLMSettings {
        var settings = LLMSettings(baseURL: url, model: "test-model", apiKey: "sk-test")
        settings.timeout = timeout
        settings.attempts = 3
        settings.backoff = .milliseconds(20)
        return settings
    }

    static func campaign(_ llm: LLMSettings) async -> Campaign {
        await Campaign.make(segment: .lapsed, inputs: DemoCampaign.inputs(), llm: llm, limit: 60)
    }

    /// No recipient's name, e-mail, customer id or order id in any request body.
    static func expectNoPersonalDetails(in bodies: [String], campaign: Campaign) {
        let snapshot = DemoCampaign.snapshot
        let titles = snapshot.products.map(\.title).joined(separator: " ")
        for email in campaign.emails {
            let index = snapshot.customerIndexByID[email.customerID]!
            let orderIDs = snapshot.orders(of: index).map { snapshot.orderIDs[$0] }
            for body in bodies {
                #expect(!body.contains(email.email))
                #expect(!body.contains(email.customerID))
                for order in orderIDs { #expect(!body.contains("\"\(order)") && !body.contains(" \(order)")) }
                if let name = email.firstName, !titles.contains(name) {
                    #expect(
                        body.range(of: "\\b\(name)\\b", options: .regularExpression) == nil, "a first name was sent")
                }
            }
        }
    }

    @Test("a good draft is used (mode llm), merged with each recipient's details, and the prompt carries none of them")
    func goodDraft() async throws {
        let server = ChatServer(behaviour: .goodDraft)
        try await server.run { url in
            let campaign = await Self.campaign(Self.settings(url))
            #expect(campaign.summary.mode == "llm", "\(campaign.summary.llmFallbacks)")
            let bodies = await server.bodies
            #expect(bodies.count == 1)
            Self.expectNoPersonalDetails(in: bodies, campaign: campaign)
            // The draft's intro says the picks go with the last purchase: used wherever one of them does.
            let first = try #require(campaign.emails.first { $0.fromDraft.contains("intro") })
            #expect(!first.intro.contains("{{"))
            if let name = first.firstName { #expect(first.subject.hasPrefix(name)) }
            #expect(campaign.emails.allSatisfy { $0.subject.count <= 60 })
        }
    }

    @Test(
        "every demo customer's details, pasted into the voice that goes into the prompt, are replaced before it leaves")
    func redactedPrompt() async throws {
        let snapshot = DemoCampaign.snapshot
        var voice = BrandVoice()
        var pasted: [String] = []
        for (index, customer) in snapshot.customers.enumerated() {
            let orders = snapshot.orders(of: CustomerIndex(index)).map { snapshot.orderIDs[$0] }
            pasted.append(
                "\(customer.firstName ?? "") Surname\(index) <\(customer.email ?? "")> \(customer.id) "
                    + "\(orders.joined(separator: " ")) +44 7700 9\(String(format: "%05d", index)) "
                    + "\(index + 1) Kings Road EX7 7NA")
        }
        voice.catalogBrief = pasted.joined(separator: "; ")
        voice.signOff = "Love, \(snapshot.customers[0].firstName ?? "") Surname0"
        let inputs = DemoCampaign.inputs(voice: voice)
        let server = ChatServer(behaviour: .goodDraft)
        try await server.run { url in
            _ = await Campaign.make(segment: .lapsed, inputs: inputs, llm: Self.settings(url), limit: 60)
            let bodies = await server.bodies
            #expect(bodies.count == 1)
            // Exact product titles may be sent (a title that holds a first name is still a product); nothing else.
            let titles = Set(snapshot.products.map(\.title)).sorted { $0.count > $1.count }
            for var body in bodies {
                for title in titles { body = body.replacingOccurrences(of: title, with: "") }
                // Words of the body, once: a customer's details are whole words (ids, e-mails, names, numbers).
                let words = Set(
                    body.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber && !"@.-_#+".contains($0) })
                        .map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: ".")) })
                var hits = ["kings road", "7700"].filter { body.lowercased().contains($0) }.count
                for (index, customer) in snapshot.customers.enumerated() {
                    let orders = snapshot.orders(of: CustomerIndex(index)).map { snapshot.orderIDs[$0] }
                    let needles = [customer.email, customer.id, "surname\(index)", customer.firstName].compactMap { $0 }
                    hits += (needles + orders).filter { words.contains($0.lowercased()) }.count
                }
                #expect(hits == 0)
            }
        }
    }

    @Test("a draft stating a wrong price fails the fact check; the campaign completes from templates")
    func wrongPrice() async throws {
        let server = ChatServer(behaviour: .wrongPrice)
        try await server.run { url in
            let campaign = await Self.campaign(Self.settings(url))
            #expect(campaign.summary.mode == "templates")
            let fallback = try #require(campaign.summary.llmFallbacks.first)
            #expect(fallback.code == .factCheck)
            #expect(fallback.problems?.contains { $0.contains("1.99") } == true)
            #expect(campaign.emails.count > 0)
            #expect(campaign.emails.allSatisfy { $0.fromDraft.isEmpty })
            Self.expectNoPersonalDetails(in: await server.bodies, campaign: campaign)
        }
    }

    /// A failing endpoint, the fallback it must cause, and how many requests it should see (retries).
    struct Failure: Sendable, CustomTestStringConvertible {
        var behaviour: ChatServer.Behaviour
        var code: LLMError.Code
        var requests: Int
        var testDescription: String { "\(code.rawValue)" }
    }

    @Test(
        "HTTP 500 (retried), a timeout (retried) and a non-JSON reply fall back to templates; the campaign completes",
        arguments: [
            Failure(behaviour: .serverError, code: .badStatus, requests: 3),
            Failure(behaviour: .slow(seconds: 1.5), code: .timeout, requests: 3),
            Failure(behaviour: .garbage, code: .malformed, requests: 1),
        ])
    func fallsBack(_ failure: Failure) async throws {
        let server = ChatServer(behaviour: failure.behaviour)
        try await server.run { url in
            // A short timeout only where the timeout is the point: under a busy test run a fast reply can
            // take longer than 300 ms, and would be retried.
            let timeout: Duration = failure.code == .timeout ? .milliseconds(300) : .seconds(10)
            let campaign = await Self.campaign(Self.settings(url, timeout: timeout))
            #expect(campaign.summary.mode == "templates")
            #expect(campaign.summary.llmFallbacks.first?.code == failure.code)
            #expect(await server.bodies.count == failure.requests)
            #expect(campaign.emails.count > 0)
        }
    }

    @Test("a server that refuses response_format is asked once more without it")
    func refusesJSONMode() async throws {
        let server = ChatServer(behaviour: .refusesJSONMode)
        try await server.run { url in
            let campaign = await Self.campaign(Self.settings(url))
            #expect(campaign.summary.mode == "llm")
            #expect(await server.bodies.count == 2)
        }
    }

    @Test("an unreachable endpoint falls back with a message that says what to check, without the URL's credentials")
    func unreachable() async throws {
        var settings = Self.settings("http://shop:hunter2secret@127.0.0.1:9/v1", timeout: .seconds(1))
        settings.attempts = 2
        let campaign = await Self.campaign(settings)
        #expect(campaign.summary.mode == "templates")
        let fallback = campaign.summary.llmFallbacks.first
        #expect(fallback?.code == .unreachable || fallback?.code == .timeout)
        #expect(fallback?.reason.contains("127.0.0.1:9") == true)
        // summary.json is written beside the exports: no password from the URL in it.
        let summary = String(decoding: try campaign.summary.json(), as: UTF8.self)
        #expect(!summary.contains("hunter2secret") && !summary.contains("shop:"))
        #expect(summary.contains("127.0.0.1:9"))
    }
}
