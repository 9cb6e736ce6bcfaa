import Foundation
import RegularsData

extension Money {
    /// The nearest `Money` to an amount in currency units computed by a model (`24.6586…` → 24.6586).
    init(rounding amount: Double) {
        self.init(units: Int64((amount * Double(Money.scale)).rounded()))
    }
}
