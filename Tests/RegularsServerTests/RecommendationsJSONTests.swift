import Foundation
import Testing

@testable import RegularsServer

@Suite("RecommendationsResponse.json(): the answer's bytes")
struct RecommendationsJSONTests {
    static func item(_ title: String, price: Double?, probability: Double?) -> RecommendationsResponse.Item {
        .init(
            sku: "P-1", title: title, price: price, urlOrHandle: nil, image: nil, reason: "Popular", model: "popular",
            probability: probability, recommendationID: "ab-1")
    }

    @Test("keys sorted, nulls written, no experiment keys without an experiment, whole numbers without .0")
    func exactBytes() {
        let response = RecommendationsResponse(
            placement: "home", modelVersion: 3, personalized: true,
            items: [Self.item("Mug", price: 12.0, probability: 0.4206)])
        let expected =
            #"{"items":[{"image":null,"model":"popular","price":12,"probability":0.4206,"reason":"Popular","#
            + #""recommendation_id":"ab-1","sku":"P-1","title":"Mug","url_or_handle":null}],"model_version":3,"#
            + #""personalized":true,"placement":"home"}"#
        #expect(String(buffer: response.json()) == expected)
        var empty = RecommendationsResponse(placement: "cart", modelVersion: 1, personalized: false, items: [])
        empty.experiment = "lapsed"
        empty.arm = "a/b"
        let withArm =
            #"{"arm":"a/b","experiment":"lapsed","items":[],"model_version":1,"personalized":false,"#
            + #""placement":"cart"}"#
        #expect(String(buffer: empty.json()) == withArm)
    }

    @Test("any title and number read back as what was written")
    func roundTrip() throws {
        let titles = [
            "Quote \" and backslash \\ and slash /", "tab\tnew\nline\r\u{8}\u{C}", "\u{0}\u{1}\u{1F}\u{7F}",
            "café ☕️ 北京 \u{2028}", "",
        ]
        let numbers: [Double?] = [
            nil, 0, -0.0, 1e-05, 0.1 + 0.2, 123_456_789.125, 1e300, .leastNonzeroMagnitude, .nan, .infinity,
        ]
        for (index, title) in titles.enumerated() {
            let items = numbers.map { Self.item(title, price: $0, probability: numbers[(index + 1) % numbers.count]) }
            let response = RecommendationsResponse(
                placement: "home", modelVersion: 1, personalized: false, items: items)
            let data = Data(buffer: response.json())
            // JSONDecoder reads numbers exactly (JSONSerialization on Linux does not: 0.30000000000000004).
            let read = try JSONDecoder().decode(Read.self, from: data).items
            let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let raw = try #require(object["items"] as? [[String: Any]])
            #expect(read.count == items.count && raw.count == items.count)
            for ((written, item), keys) in zip(zip(read, items), raw) {
                #expect(written.title == title)
                #expect(
                    written.price == item.price.flatMap { $0.isFinite ? $0 : nil }, "\(String(describing: item.price))")
                #expect(written.probability == item.probability.flatMap { $0.isFinite ? $0 : nil })
                #expect(item.price?.isFinite == true || keys["price"] is NSNull, "no number is written as null")
            }
        }
    }

    struct Read: Decodable {
        struct Item: Decodable {
            var title: String
            var price: Double?
            var probability: Double?
        }
        var items: [Item]
    }
}
