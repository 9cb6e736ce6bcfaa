import Foundation
import Hummingbird
import Testing

@testable import RegularsServer

@Suite("The hand-written JSON of GET /v1/recommendations")
struct RecommendationsJSONTests {
    static func response(price: Double?, title: String, handle: String?, personalized: Bool) -> RecommendationsResponse {
        RecommendationsResponse(
            placement: "email.post_purchase", modelVersion: 12, personalized: personalized,
            items: [
                .init(
                    sku: "SKU-\"1\"", title: title, price: price, urlOrHandle: handle, image: nil,
                    reason: "Because you bought the Lodge skillet", model: "complements", recommendationID: "00ff-1"),
                .init(
                    sku: "B", title: "Plain", price: 18.5, urlOrHandle: "a/b", image: "https://x.example/i.png",
                    reason: "Popular", model: "popular", recommendationID: "00ff-2"),
            ])
    }

    @Test(
        "byte for byte what JSONEncoder writes, for awkward text and prices",
        arguments: [
            (12.0, "Tab\there, \"quoted\", back\\slash, new\nline, \u{01}\u{1F} control, café ☕️ 🍳"),
            (0.1 + 0.2, "Slash / and </script>"), (1_234_567.891, ""), (nil, "No price"), (0.0001, "Tiny"),
        ] as [(Double?, String)])
    func matchesEncoder(price: Double?, title: String) throws {
        for personalized in [true, false] {
            for handle in [nil, "cast-iron"] as [String?] {
                let response = Self.response(price: price, title: title, handle: handle, personalized: personalized)
                var buffer = ByteBuffer()
                response.write(to: &buffer)
                let expected = try JSONCoding.encoder.encode(response)
                #expect(String(buffer: buffer) == String(decoding: expected, as: UTF8.self))
                let decoded = try JSONDecoder().decode(RecommendationsResponse.self, from: Data(buffer: buffer))
                #expect(decoded == response)
            }
        }
        #expect(RecommendationsResponse(placement: "home", modelVersion: 1, personalized: false, items: []).json
            == #"{"items":[],"model_version":1,"personalized":false,"placement":"home"}"#)
    }
}

extension RecommendationsResponse {
    var json: String {
        var buffer = ByteBuffer()
        write(to: &buffer)
        return String(buffer: buffer)
    }
}
