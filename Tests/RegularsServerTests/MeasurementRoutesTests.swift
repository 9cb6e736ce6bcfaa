import Foundation
import Hummingbird
import HummingbirdTesting
import RegularsContent
import RegularsData
import RegularsShop
import RegularsTestSupport
import Testing

@testable import RegularsServer

/// The permanent holdout and e-mail clicks through a real server.
@Suite("The permanent holdout and e-mail clicks, served and measured")
struct MeasurementRoutesTests {
    @Test("held-out customers get no personal list in any placement, and both groups are counted as exposed")
    func permanentHoldout() async throws {
        let server = try RecommendationRoutesTests.trainedServer()
        let shop = Shop(store: server.store, storePath: server.storePath, clock: { TestServer.today })
        let holdout = try #require(try shop.setPermanentHoldout(percent: 50))
        let customers = (1...10).map { "C-\($0)" }
        let heldOut = Set(customers.filter { Shop.isHeldOut($0, by: holdout) })
        #expect(!heldOut.isEmpty && heldOut.count < customers.count, "50 % of ten: some, not all")
        try await server.run { client in
            for customer in customers {
                for placement in ["home", "checkout"] {
                    let reply = try await client.send(
                        .get, "/v1/recommendations?placement=\(placement)&customer=\(customer)&cart=SKILLET",
                        key: server.secretKey)
                    #expect(reply.status == .ok)
                    let personalized = try #require(reply.json["personalized"] as? Bool)
                    if heldOut.contains(customer) { #expect(!personalized, "\(customer) in \(placement)") }
                }
            }
        }
        let exposures = try server.store.exposures(of: holdout.name)
        #expect(exposures.count == customers.count)
        #expect(Set(exposures.filter { $0.arm == "holdout" }.map(\.unit)) == heldOut)
    }

    @Test("an e-mail link's token makes the click its recipient's, and the order that follows counts for the campaign")
    func emailClick() async throws {
        let server = try RecommendationRoutesTests.trainedServer()
        let links = CampaignLinks(campaign: "lapsed-2024-06-28", key: try server.store.customerTokenKey())
        let token = links.token(for: "C-3")
        try server.store.record(sends: [
            EmailSend(campaign: links.campaign, customerID: "C-3", at: 1_719_532_800, token: token),
            EmailSend(campaign: links.campaign, customerID: "C-4", at: 1_719_532_800, token: links.token(for: "C-4")),
        ])
        let click =
            #"{"events": [{"event_id": "email-\#(token)-OIL", "type": "email_click", "at": "2024-06-28T09:00:00Z", "#
            + #""session_id": "browser-1", "sku": "OIL", "recipient_token": "\#(token)", "source": null}]}"#
        let forged =
            #"{"events": [{"event_id": "forged", "type": "email_click", "at": "2024-06-28T09:00:00Z", "#
            + #""session_id": "browser-2", "sku": "OIL", "recipient_token": "not-a-token"}]}"#
        let order =
            #"{"id": "O-mail", "customer_id": "C-3", "created_at": "2024-06-29T18:00:00Z", "#
            + #""lines": [{"sku": "OIL", "quantity": 2, "unit_price": "11.00"}]}"#
        try await server.run { client throws in
            #expect(try await client.send(.post, "/v1/events", key: server.publicKey, body: click).status == .ok)
            #expect(try await client.send(.post, "/v1/events", key: server.publicKey, body: forged).status == .ok)
            #expect(try await client.send(.post, "/v1/orders", key: server.secretKey, body: order).status == .ok)
        }
        let events = try server.store.events(ofCustomer: "C-3")
        #expect(events.map(\.kind) == [.emailClick])
        #expect(events.first?.source == links.campaign)
        let shop = Shop(store: server.store, storePath: server.storePath, clock: { TestServer.today })
        let report = try shop.attributionReport(days: 30, end: TestServer.today)
        let campaign = try #require(report.campaigns.first { $0.campaign == links.campaign })
        #expect(campaign.sends == 2)
        #expect(campaign.attributedRevenue == Money(units: 22 * Money.scale))
        #expect(campaign.revenuePerSend == Money(units: 11 * Money.scale))
    }
}
