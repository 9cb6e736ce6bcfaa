import Foundation

/// How much history a shop needs before BG/NBD and Gamma-Gamma predictions are worth showing.
///
/// Below about a hundred repeat customers the four BG/NBD parameters are barely identified (their
/// standard errors exceed the values), and under three months no one has had time to come back.
public struct DataRequirements: Sendable, Hashable, Codable {
    /// Customers with at least one repeat purchase day.
    public var minimumRepeatCustomers = 100
    /// Days from the first purchase in the data to the end of the calibration period.
    public var minimumHistoryDays = 90

    public init(minimumRepeatCustomers: Int = 100, minimumHistoryDays: Int = 90) {
        self.minimumRepeatCustomers = minimumRepeatCustomers
        self.minimumHistoryDays = minimumHistoryDays
    }

    enum CodingKeys: String, CodingKey {
        case minimumRepeatCustomers = "minimum_repeat_customers"
        case minimumHistoryDays = "minimum_history_days"
    }

    /// Keys left out keep their defaults.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        minimumRepeatCustomers = try c.decodeIfPresent(Int.self, forKey: .minimumRepeatCustomers) ?? 100
        minimumHistoryDays = try c.decodeIfPresent(Int.self, forKey: .minimumHistoryDays) ?? 90
    }

    /// What is missing from `summaries`, or `nil` when they are enough.
    public func shortfall(of summaries: CustomerSummaries) -> DataShortfall? {
        shortfall(repeatCustomers: summaries.repeatCustomerCount, historyDays: summaries.historyDays)
    }

    /// A fit needs at least one repeat customer whatever the setting says.
    func shortfall(repeatCustomers: Int, historyDays: Double) -> DataShortfall? {
        let shortfall = DataShortfall(
            repeatCustomers: repeatCustomers, requiredRepeatCustomers: max(minimumRepeatCustomers, 1),
            historyDays: Int(historyDays.rounded(.down)), requiredHistoryDays: minimumHistoryDays)
        return shortfall.moreRepeatCustomersNeeded > 0 || shortfall.moreHistoryDaysNeeded > 0 ? shortfall : nil
    }
}

/// The data a fit lacked: "not enough data for predictions yet: 37 more repeat customers needed".
public struct DataShortfall: Sendable, Hashable, Codable, CustomStringConvertible {
    public var repeatCustomers: Int
    public var requiredRepeatCustomers: Int
    public var historyDays: Int
    public var requiredHistoryDays: Int

    enum CodingKeys: String, CodingKey {
        case repeatCustomers = "repeat_customers"
        case requiredRepeatCustomers = "required_repeat_customers"
        case historyDays = "history_days"
        case requiredHistoryDays = "required_history_days"
    }

    public init(repeatCustomers: Int, requiredRepeatCustomers: Int, historyDays: Int, requiredHistoryDays: Int) {
        self.repeatCustomers = repeatCustomers
        self.requiredRepeatCustomers = requiredRepeatCustomers
        self.historyDays = historyDays
        self.requiredHistoryDays = requiredHistoryDays
    }

    public var moreRepeatCustomersNeeded: Int { max(0, requiredRepeatCustomers - repeatCustomers) }
    public var moreHistoryDaysNeeded: Int { max(0, requiredHistoryDays - historyDays) }

    public var description: String {
        var needs: [String] = []
        let customers = moreRepeatCustomersNeeded
        if customers > 0 { needs.append("\(customers) more repeat customer\(customers == 1 ? "" : "s")") }
        let days = moreHistoryDaysNeeded
        if days > 0 { needs.append("\(days) more day\(days == 1 ? "" : "s") of history") }
        return "not enough data for predictions yet: \(needs.joined(separator: " and ")) needed"
            + " (have \(repeatCustomers) repeat customers over \(historyDays) days)"
    }
}
