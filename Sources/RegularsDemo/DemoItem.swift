import RegularsData

/// One line of the demo catalog before it is split into variants (one `Product` per variant).
struct DemoItem: Sendable {
    /// What part a product plays in the planted purchase patterns.
    enum Role: Sendable, Equatable {
        case none
        case skillet, careKit, ovenMitt
        case coffeeBeans, grinder, dripper, filters, kettle
        case candle
        case raisedBed, soilAmendment
        case giftSet
    }

    var category: DemoCategory
    var title: String
    /// The SKU of a single-variant item, or the stem of its variants' SKUs.
    var sku: String
    var vendor: String
    var price: String
    var compareAt: String?
    var role: Role
    var tags: [String]
    /// `Title` for single-variant items (Shopify's `Default Title`), else `Size`, `Color`, `Scent` …
    var optionName: String
    var optionValues: [String]
    /// Per-variant prices when they differ (same order as `optionValues`).
    var variantPrices: [String]?
    /// Per-variant SKUs when the stem rule is not wanted (same order as `optionValues`).
    var variantSKUs: [String]?

    init(
        _ category: DemoCategory, _ title: String, _ sku: String, _ vendor: String, _ price: String,
        was compareAt: String? = nil, role: Role = .none, tags: [String] = [],
        option: String = "Title", values: [String] = ["Default Title"], prices: [String]? = nil, skus: [String]? = nil
    ) {
        self.category = category
        self.title = title
        self.sku = sku
        self.vendor = vendor
        self.price = price
        self.compareAt = compareAt
        self.role = role
        self.tags = tags
        self.optionName = option
        self.optionValues = values
        self.variantPrices = prices
        self.variantSKUs = skus
    }

    var hasVariants: Bool { optionValues != ["Default Title"] }

    /// The SKU of variant `index`: explicit, or the stem plus a short code of the option value
    /// (`"Charcoal"` → `CHAR`, `"Fig & Cedar"` → `FIGC`, `"250 g"` → `250G`, `"S/M"` → `SM`).
    func variantSKU(_ index: Int) -> String {
        if let variantSKUs { return variantSKUs[index] }
        guard hasVariants else { return sku }
        let words = optionValues[index].split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { $0.uppercased() }
        let head = words[0].first!.isNumber ? words[0].prefix(5) : words[0].prefix(words.count == 1 ? 4 : 3)
        return sku + "-" + head + words.dropFirst().map { String($0.prefix(1)) }.joined()
    }

    /// The handle Shopify would derive from the title: `Cedar Raised Bed Kit, 4 x 8 ft` →
    /// `cedar-raised-bed-kit-4-x-8-ft`.
    var handle: String {
        var result = ""
        var dash = false
        for scalar in title.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if dash && !result.isEmpty { result.append("-") }
                result.unicodeScalars.append(scalar)
                dash = false
            } else {
                dash = true
            }
        }
        return result
    }
}
