import RegularsData

extension DemoShop {
    /// The SKUs and numbers behind the planted patterns, for tests and for checking the models.
    public enum GroundTruth {
        /// "Lodge Cast-Iron Skillet 10.25 in".
        public static let skillet: SKU = "LODGE-L8SK3"
        /// Bought with the skillet (55 %) or 1–10 days after it (25 %).
        public static let careKit: SKU = "CI-CARE-KIT"
        /// The three colours of the oven mitt bought with the skillet or up to 14 days after it.
        public static let ovenMitts: [SKU] = skus(.ovenMitt)
        public static let grinders: [SKU] = skus(.grinder)
        public static let dripper: SKU = "DRIP-CER-02"
        public static let filters: SKU = "FILT-02-100"
        /// Every bag of coffee beans; coffee drinkers reorder the 250 g bags about every 30 days.
        public static let coffeeBeans: [SKU] = skus(.coffeeBeans)
        public static let coffeeReorderDays = 30
        /// The soy candles reordered about every 60 days.
        public static let candles: [SKU] = skus(.candle)
        public static let candleReorderDays = 60
        /// Bought in spring (March–May) …
        public static let raisedBedKits: [SKU] = skus(.raisedBed)
        /// … followed by one of these 42–56 days later in 85 % of cases.
        public static let soilAmendments: [SKU] = skus(.soilAmendment)
        public static let soilAmendmentLagDays = 42...56
        /// Sold mostly between 10 November and 20 December.
        public static let giftSets: [SKU] = skus(.giftSet)
        /// Health and pregnancy items: never a reason, never e-mailed.
        public static let sensitiveCategory = DemoCategory.wellness.rawValue

        private static func skus(_ role: DemoItem.Role) -> [SKU] {
            DemoCatalog.items.filter { $0.role == role }.flatMap { item in
                item.optionValues.indices.map(item.variantSKU)
            }
        }
    }

    /// Orders cancelled before payment (`voided`).
    public var cancelledOrderIDs: [OrderID] { orders.filter { $0.financialStatus == .voided }.map(\.order.id) }
    /// Orders refunded in full.
    public var refundedOrderIDs: [OrderID] { orders.filter { $0.financialStatus == .refunded }.map(\.order.id) }
    /// Products with inventory 0.
    public var outOfStockSKUs: [SKU] { products.filter { $0.inventory == 0 }.map(\.sku) }
    /// Active products created in the last 30 days.
    public var newArrivalSKUs: [SKU] {
        let since = settings.lastDay.addingTimeInterval(-29 * DayNumber.interval)
        return products.filter { ($0.createdAt ?? since) > since && $0.status == "active" }.map(\.sku)
    }
    /// Products that never appear on an order line (drafts and a few unloved active products).
    public var unsoldSKUs: [SKU] {
        let sold = Set(orders.flatMap { $0.lines.map(\.sku) })
        return products.map(\.sku).filter { !sold.contains($0) }
    }
}
