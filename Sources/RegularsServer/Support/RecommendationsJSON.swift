import Foundation
import Hummingbird
import RegularsRecommend

/// `GET /v1/recommendations` answers with bytes written here rather than through `JSONEncoder`: it is the
/// hottest route (every product page of the shop), and Foundation's encoder cost more than the
/// recommendation itself. The output is byte for byte what `JSONCoding.encoder` writes (sorted keys, nulls
/// written out); `RecommendationsJSONTests` holds the two together.
extension RecommendationsResponse: ResponseGenerator {
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var buffer = ByteBuffer()
        buffer.reserveCapacity(256 + items.count * 320)
        write(to: &buffer)
        return Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: buffer))
    }

    func write(to buffer: inout ByteBuffer) {
        buffer.writeStaticString(#"{"items":["#)
        for (index, item) in items.enumerated() {
            if index > 0 { buffer.writeStaticString(",") }
            buffer.writeStaticString(#"{"image":"#)
            JSONText.write(item.image, to: &buffer)
            buffer.writeStaticString(#","model":"#)
            JSONText.write(item.model, to: &buffer)
            buffer.writeStaticString(#","price":"#)
            JSONText.write(item.price, to: &buffer)
            buffer.writeStaticString(#","reason":"#)
            JSONText.write(item.reason, to: &buffer)
            buffer.writeStaticString(#","recommendation_id":"#)
            JSONText.write(item.recommendationID, to: &buffer)
            buffer.writeStaticString(#","sku":"#)
            JSONText.write(item.sku, to: &buffer)
            buffer.writeStaticString(#","title":"#)
            JSONText.write(item.title, to: &buffer)
            buffer.writeStaticString(#","url_or_handle":"#)
            JSONText.write(item.urlOrHandle, to: &buffer)
            buffer.writeStaticString("}")
        }
        buffer.writeStaticString(#"],"model_version":"#)
        buffer.writeString(String(modelVersion))
        buffer.writeStaticString(personalized ? #","personalized":true,"placement":"# : #","personalized":false,"placement":"#)
        JSONText.write(placement, to: &buffer)
        buffer.writeStaticString("}")
    }
}

/// JSON values written straight into a buffer.
enum JSONText {
    static func write(_ text: String?, to buffer: inout ByteBuffer) {
        guard let text else {
            buffer.writeStaticString("null")
            return
        }
        buffer.writeInteger(UInt8(ascii: "\""))
        var pending = text.utf8.startIndex
        let utf8 = text.utf8
        for index in utf8.indices {
            let byte = utf8[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            buffer.writeSubstring(Substring(utf8[pending..<index]))
            switch byte {
            case UInt8(ascii: "\""): buffer.writeStaticString(#"\""#)
            case UInt8(ascii: "\\"): buffer.writeStaticString(#"\\"#)
            case 0x0A: buffer.writeStaticString(#"\n"#)
            case 0x0D: buffer.writeStaticString(#"\r"#)
            case 0x09: buffer.writeStaticString(#"\t"#)
            case 0x08: buffer.writeStaticString(#"\b"#)
            case 0x0C: buffer.writeStaticString(#"\f"#)
            default:
                let hex = Array("0123456789abcdef".utf8)
                buffer.writeStaticString(#"\u00"#)
                buffer.writeInteger(hex[Int(byte >> 4)])
                buffer.writeInteger(hex[Int(byte & 0x0F)])
            }
            pending = utf8.index(after: index)
        }
        buffer.writeSubstring(Substring(utf8[pending...]))
        buffer.writeInteger(UInt8(ascii: "\""))
    }

    /// As `JSONEncoder` writes a `Double`: whole numbers without a fraction, others in their shortest form.
    static func write(_ number: Double?, to buffer: inout ByteBuffer) {
        guard let number, number.isFinite else {
            buffer.writeStaticString("null")
            return
        }
        if number == number.rounded(), abs(number) < 1e15 {
            buffer.writeString(String(Int64(number)))
        } else {
            buffer.writeString(number.description)
        }
    }
}
