import Foundation

extension SegmentDefinitions {
    /// Reads definitions from a JSON file; keys it leaves out keep their defaults.
    /// - Throws: `SegmentDefinitionsError` naming the file and the key at fault.
    public static func load(from url: URL) throws(SegmentDefinitionsError) -> SegmentDefinitions {
        let file = url.lastPathComponent
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw SegmentDefinitionsError(file: file, key: "", message: "cannot read the file")
        }
        let definitions: SegmentDefinitions
        do {
            definitions = try JSONDecoder().decode(SegmentDefinitions.self, from: data)
        } catch let DecodingError.typeMismatch(type, context), let DecodingError.valueNotFound(type, context) {
            throw SegmentDefinitionsError(file: file, key: context.keyPath, message: "expected \(Self.describe(type))")
        } catch let DecodingError.dataCorrupted(context) where context.codingPath.first?.stringValue == "priority" {
            let names = LifecycleSegment.allCases.map(\.rawValue).joined(separator: ", ")
            throw SegmentDefinitionsError(
                file: file, key: "priority", message: "unknown segment; expected each of \(names) once")
        } catch let DecodingError.dataCorrupted(context) {
            let message = context.codingPath.isEmpty ? "not valid JSON" : context.debugDescription.lowercased()
            throw SegmentDefinitionsError(file: file, key: context.keyPath, message: message)
        } catch {
            throw SegmentDefinitionsError(file: file, key: "", message: "not valid JSON")
        }
        try definitions.validate(file: file)
        return definitions
    }

    /// Checks that every number is in range and the priority names each segment once.
    public func validate(file: String = "settings") throws(SegmentDefinitionsError) {
        func require(_ ok: Bool, _ key: CodingKeys, _ message: String) throws(SegmentDefinitionsError) {
            if !ok { throw SegmentDefinitionsError(file: file, key: key.rawValue, message: message) }
        }
        try require(newWithinDays > 0, .newWithinDays, "expected 1 or more days")
        try require(activeWithinDays > 0, .activeWithinDays, "expected 1 or more days")
        try require(loyalMinimumOrders > 0, .loyalMinimumOrders, "expected 1 or more orders")
        try require(
            (0...1).contains(highSpenderTopShare), .highSpenderTopShare, "expected a share from 0 to 1, such as 0.1")
        try require(giftSeasonMonths.allSatisfy { (1...12).contains($0) }, .giftSeasonMonths, "expected months 1 to 12")
        try require((0...1).contains(giftSeasonMinimumShare), .giftSeasonMinimumShare, "expected a share from 0 to 1")
        try require(seasonalMinimumOrders > 0, .seasonalMinimumOrders, "expected 1 or more orders")
        try require(
            (0.25...1).contains(seasonalMinimumShare), .seasonalMinimumShare,
            "expected a share from 0.25 to 1, such as 0.75")
        try require(atRiskGapMultiple > 0, .atRiskGapMultiple, "expected a positive multiple, such as 2")
        try require(
            (0...1).contains(atRiskProbabilityAlive), .atRiskProbabilityAlive, "expected a probability from 0 to 1")
        try require(lapsedAfterDays > 0, .lapsedAfterDays, "expected 1 or more days")
        try require(lostAfterDays >= lapsedAfterDays, .lostAfterDays, "expected at least lapsed_after_days")
        let names = LifecycleSegment.allCases.map(\.rawValue).joined(separator: ", ")
        try require(
            Set(priority).count == priority.count, .priority,
            "a segment is listed twice; expected each of \(names) once")
        try require(Set(priority) == Set(LifecycleSegment.allCases), .priority, "expected each of \(names) once")
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type: "a whole number"
        case is Double.Type: "a number"
        case is [String].Type: "a list of strings"
        case is [Int].Type: "a list of whole numbers"
        default: "a value of type \(type)"
        }
    }
}

/// A segment definitions file could not be used: "segments.json: lapsed_after_days: expected 1 or more days".
public struct SegmentDefinitionsError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// The JSON key at fault (empty when the whole file is).
    public var key: String
    public var message: String

    public init(file: String, key: String, message: String) {
        self.file = file
        self.key = key
        self.message = message
    }

    public var description: String { key.isEmpty ? "\(file): \(message)" : "\(file): \(key): \(message)" }
}

extension DecodingError.Context {
    fileprivate var keyPath: String { codingPath.map(\.stringValue).joined(separator: ".") }
}
