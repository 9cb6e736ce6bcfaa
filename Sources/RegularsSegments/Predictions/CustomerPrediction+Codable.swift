import Foundation
import RegularsData

/// JSON shape for the CLI and the API: snake-case keys, money as decimal numbers (`24.66`), days as
/// `"2024-07-15"`, RFM as `"545"`, whatever the encoder's date strategy.
extension CustomerPrediction: Codable {
    enum CodingKeys: String, CodingKey {
        case customerID = "customer_id"
        case segments
        case primarySegment = "primary_segment"
        case season
        case rfm
        case orders
        case totalSpend = "total_spend"
        case lastOrderDate = "last_order_date"
        case daysSinceLastOrder = "days_since_last_order"
        case probabilityAlive = "p_alive"
        case expectedOrders30Days = "expected_orders_30d"
        case expectedOrders90Days = "expected_orders_90d"
        case expectedOrders365Days = "expected_orders_365d"
        case nextOrderDate = "next_order_date"
        case expectedSpend = "expected_spend"
        case predictedCLV = "clv"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(customerID, forKey: .customerID)
        try c.encode(segments, forKey: .segments)
        try c.encode(primarySegment, forKey: .primarySegment)
        try c.encode(season, forKey: .season)
        try c.encode(rfm.description, forKey: .rfm)
        try c.encode(orders, forKey: .orders)
        try c.encode(totalSpend.doubleValue, forKey: .totalSpend)
        try c.encode(DayNumber.iso(DayNumber.day(of: lastOrderDate)), forKey: .lastOrderDate)
        try c.encode(daysSinceLastOrder, forKey: .daysSinceLastOrder)
        try c.encode(probabilityAlive, forKey: .probabilityAlive)
        try c.encode(expectedOrders30Days, forKey: .expectedOrders30Days)
        try c.encode(expectedOrders90Days, forKey: .expectedOrders90Days)
        try c.encode(expectedOrders365Days, forKey: .expectedOrders365Days)
        try c.encode(nextOrderDate.map { DayNumber.iso(DayNumber.day(of: $0)) }, forKey: .nextOrderDate)
        try c.encode(expectedSpend?.doubleValue, forKey: .expectedSpend)
        try c.encode(predictedCLV?.doubleValue, forKey: .predictedCLV)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func day(_ key: CodingKeys) throws -> Date? {
            guard let text = try c.decodeIfPresent(String.self, forKey: key) else { return nil }
            guard let day = SummaryFile.parseDay(text[...]) else {
                throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: "expected YYYY-MM-DD")
            }
            return DayNumber.date(ofDay: day)
        }
        func money(_ key: CodingKeys) throws -> Money? {
            try c.decodeIfPresent(Double.self, forKey: key).map(Money.init(rounding:))
        }
        let code = try c.decode(String.self, forKey: .rfm).compactMap(\.wholeNumberValue)
        guard code.count == 3 else {
            throw DecodingError.dataCorruptedError(forKey: .rfm, in: c, debugDescription: "expected three digits")
        }
        guard let lastOrder = try day(.lastOrderDate) else {
            throw DecodingError.valueNotFound(
                Date.self, .init(codingPath: [CodingKeys.lastOrderDate], debugDescription: "missing"))
        }
        self.init(
            customerID: try c.decode(String.self, forKey: .customerID),
            segments: try c.decode([LifecycleSegment].self, forKey: .segments),
            primarySegment: try c.decodeIfPresent(LifecycleSegment.self, forKey: .primarySegment),
            rfm: RFMScore(recency: code[0], frequency: code[1], monetary: code[2]),
            orders: try c.decode(Int.self, forKey: .orders), totalSpend: try money(.totalSpend) ?? .zero,
            lastOrderDate: lastOrder, daysSinceLastOrder: try c.decode(Int.self, forKey: .daysSinceLastOrder))
        probabilityAlive = try c.decodeIfPresent(Double.self, forKey: .probabilityAlive)
        expectedOrders30Days = try c.decodeIfPresent(Double.self, forKey: .expectedOrders30Days)
        expectedOrders90Days = try c.decodeIfPresent(Double.self, forKey: .expectedOrders90Days)
        expectedOrders365Days = try c.decodeIfPresent(Double.self, forKey: .expectedOrders365Days)
        nextOrderDate = try day(.nextOrderDate)
        expectedSpend = try money(.expectedSpend)
        predictedCLV = try money(.predictedCLV)
        season = try c.decodeIfPresent(Season.self, forKey: .season)
    }
}
