import Foundation
import Testing

@testable import RegularsData

@Suite("Binary coding")
struct BinaryCodingTests {
    enum Shape: String, Codable, Equatable { case round, square }

    struct Inner: Codable, Equatable {
        var name: String
        var weights: [Float]
        var shape: Shape?
    }

    /// Every kind of value a model holds: numbers at their limits, optionals, nested and keyed collections,
    /// packed arrays of each width, and lists the coder cannot pack.
    struct Everything: Codable, Equatable {
        var flag = true
        var small: Int8 = -128
        var big: Int64 = .min
        var unsigned: UInt64 = .max
        var count = 123_456_789
        var half: Float = -0.5
        var ratio = 1e-300
        var text = "crème brûlée, 🍰"
        var empty = ""
        var missing: Int? = nil
        var present: Int? = 0
        var date = Date(timeIntervalSince1970: 1_291_161_600.25)
        var floats: [Float] = [1, -2.5, .greatestFiniteMagnitude, .infinity]
        var doubles: ContiguousArray<Double> = [0, -0.0, .pi, -.infinity]
        var indices: ContiguousArray<Int32> = [0, .max, .min, 7]
        var times: [Int64] = [.max, .min, 0]
        var ints: [Int] = [1, -1, .max]
        var bytes = Data([0, 255, 7])
        var shorts: [UInt16] = [0, .max]
        var noFloats: [Float] = []
        var nested: [[Int32]] = [[1, 2], [], [3]]
        var set: Set<Int32> = [4, 5, 6]
        var byName: [String: Inner] = [
            "a": Inner(name: "x", weights: [0.25], shape: .round), "b": Inner(name: "", weights: [], shape: nil),
        ]
        var byNumber: [Int: [Double]] = [3: [1], -8: []]
        var byShape: [Shape: Int] = [.round: 1, .square: 2]
        var structs = [Inner(name: "y", weights: [1, 2], shape: .square)]
        var optionals: [Int?] = [1, nil, 3]
    }

    @Test("every kind of value comes back as it went in")
    func roundTrip() throws {
        let value = Everything()
        let data = try BinaryEncoder().encode(value)
        #expect(try BinaryDecoder().decode(Everything.self, from: data) == value)
    }

    @Test("NaN survives (it is not equal to itself, so compared by its bits)")
    func notANumber() throws {
        let floats: [Float] = [.nan, 1]
        let back = try BinaryDecoder().decode([Float].self, from: BinaryEncoder().encode(floats))
        #expect(back.map(\.bitPattern) == floats.map(\.bitPattern))
        let one = try BinaryDecoder().decode(Double.self, from: BinaryEncoder().encode(Double.nan))
        #expect(one.isNaN)
    }

    @Test("arrays of numbers are packed: a million floats take four bytes each, not a tag and a number each")
    func packed() throws {
        let floats = (0..<1_000_000).map { Float($0) / 3 }
        let data = try BinaryEncoder().encode(floats)
        #expect(data.count < 4_000_010)
        #expect(try BinaryDecoder().decode([Float].self, from: data) == floats)
        // The same bytes read as a list, by a type that decodes element by element.
        let listed = try BinaryDecoder().decode([Int32].self, from: BinaryEncoder().encode([Int32](1...5)))
        #expect(try BinaryDecoder().decode(Set<Int32>.self, from: BinaryEncoder().encode(listed)) == [1, 2, 3, 4, 5])
    }

    @Test("a keyed container of many keys is found by key, in any order")
    func largeDictionary() throws {
        let table = Dictionary(uniqueKeysWithValues: (0..<20_000).map { ("sku-\($0)", Int32($0)) })
        let back = try BinaryDecoder().decode([String: Int32].self, from: BinaryEncoder().encode(table))
        #expect(back == table)
    }

    @Test("data cut short, with a byte too many, or of the wrong type is an error, never a value")
    func damaged() throws {
        let data = try BinaryEncoder().encode(Everything())
        for cut in [1, 2, 17, data.count / 2, data.count - 1] {
            #expect(throws: BinaryCodingError.self) {
                try BinaryDecoder().decode(Everything.self, from: data.prefix(cut))
            }
        }
        #expect(throws: BinaryCodingError.self) { try BinaryDecoder().decode(Everything.self, from: data + [0]) }
        #expect(throws: BinaryCodingError.self) { try BinaryDecoder().decode(Everything.self, from: Data([0xEE])) }
        #expect(throws: DecodingError.self) {
            try BinaryDecoder().decode(Inner.self, from: BinaryEncoder().encode(["name": "x"]))
        }
        #expect(throws: DecodingError.self) { try BinaryDecoder().decode(Int8.self, from: BinaryEncoder().encode(300)) }
        #expect(throws: DecodingError.self) {
            try BinaryDecoder().decode([Float].self, from: BinaryEncoder().encode([1.0]))
        }
    }

    @Test("a length that claims more than the data holds fails at once instead of reserving it")
    func hugeLength() throws {
        // An unkeyed container claiming 2⁶² elements, in ten bytes.
        var data = Data([BinaryValue.Tag.unkeyed.rawValue])
        data.append(contentsOf: [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x40])
        let error = try #require(throws: BinaryCodingError.self) { try BinaryDecoder().decode([Int].self, from: data) }
        #expect(error.description.contains("past the end"))
    }
}
