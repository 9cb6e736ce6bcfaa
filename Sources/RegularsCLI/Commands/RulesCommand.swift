import ArgumentParser
import Foundation
import RegularsData
import RegularsRecommend

/// `regulars rules …`: edits the merchandising rules file beside the store (shop.sqlite → shop.rules.json).
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Show or edit the merchandising rules: pin, boost, exclude, cap, price ranges, margin ranking.",
        discussion: """
            The rules live in a JSON file beside the store (shop.sqlite → shop.rules.json) that you may also edit by \
            hand; `regulars recommend --explain` shows which rules fired.
            """,
        subcommands: [
            Show.self, Pin.self, Unpin.self, Boost.self, Unboost.self, Exclude.self, Include.self, Cap.self, Price.self,
            MarginRanking.self, EmailFloor.self,
        ],
        defaultSubcommand: Show.self)

    /// Loads the rules, lets `change` edit them, saves and prints them.
    static func edit(_ global: GlobalOptions, _ change: (inout MerchandisingRules) throws -> String) throws {
        let url = MerchandisingRules.fileURL(storePath: try global.filesBase())
        var rules = try MerchandisingRules.load(from: url)
        let message = try change(&rules)
        try rules.save(to: url)
        print(global.json ? rules.json : "\(message)\nRules saved to \(url.path)")
    }

    /// Refuses a SKU the latest trained models do not know (when there are models to ask).
    static func check(_ skus: [SKU], _ global: GlobalOptions) throws {
        guard !skus.isEmpty, let latest = ModelDirectory(storePath: try global.filesBase()).latest,
            let models = try? ModelSet.load(from: latest.url)
        else { return }
        for sku in skus where models.snapshot.productIndexBySKU[sku] == nil {
            throw ValidationError("unknown SKU \"\(sku)\"; expected a SKU of the catalog (see the products export)")
        }
    }

    static func placement(_ name: String) throws -> Placement {
        guard let placement = Placement(rawValue: name) else {
            throw ValidationError("unknown placement '\(name)'; expected one of \(Placement.names)")
        }
        return placement
    }

    static func date(_ text: String) throws -> Date {
        guard let seconds = Timestamp.parse(text) else {
            throw ValidationError("--until: cannot read \"\(text)\" as a date; expected \(Timestamp.expected)")
        }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the rules in force.")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let url = MerchandisingRules.fileURL(storePath: try global.filesBase())
            let rules = try MerchandisingRules.load(from: url)
            print(global.json ? rules.json : RulesCommand.describe(rules, file: url.path))
        }
    }

    struct Pin: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Always show a product in one slot of a placement.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The product's SKU.") var sku: String
        @Option(help: "The placement: \(Placement.names).") var placement: String
        @Option(help: "The slot, 1 for the first.") var slot: Int = 1

        func run() throws {
            let placement = try RulesCommand.placement(placement)
            guard slot >= 1 else { throw ValidationError("--slot: expected 1 or more") }
            try RulesCommand.check([sku], global)
            try RulesCommand.edit(global) { rules in
                rules.pins.removeAll { $0.sku == sku && $0.placement == placement }
                rules.pins.append(.init(sku: sku, placement: placement, slot: slot))
                return "Pinned \(sku) to slot \(slot) of \(placement)."
            }
        }
    }

    struct Unpin: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a product's pins (of one placement, or all).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The product's SKU.") var sku: String
        @Option(help: "Only this placement.") var placement: String?

        func run() throws {
            let only = try placement.map(RulesCommand.placement)
            try RulesCommand.edit(global) { rules in
                let before = rules.pins.count
                rules.pins.removeAll { $0.sku == sku && (only == nil || $0.placement == only) }
                return "Removed \(before - rules.pins.count) pin(s) of \(sku)."
            }
        }
    }

    struct Boost: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Multiply the score of a product, a category or every new arrival, until a date.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The product's SKU (or use --category / --new-arrivals).") var sku: String?
        @Option(help: "Boost a whole category.") var category: String?
        @Flag(help: "Boost every new arrival.") var newArrivals = false
        @Option(help: "The multiplier, e.g. 1.5.") var factor: Double
        @Option(help: "When the boost stops (YYYY-MM-DD: at the start of that day, UTC).") var until: String?

        func run() throws {
            guard [sku != nil, category != nil, newArrivals].filter({ $0 }).count == 1 else {
                throw ValidationError("boost one thing: a SKU, --category NAME or --new-arrivals")
            }
            guard factor > 0 else { throw ValidationError("--factor: expected a positive number such as 1.5") }
            if let sku { try RulesCommand.check([sku], global) }
            let end = try until.map(RulesCommand.date)
            try RulesCommand.edit(global) { rules in
                rules.boosts.removeAll {
                    $0.sku == sku && $0.category == category && ($0.newArrivals ?? false) == newArrivals
                }
                rules.boosts.append(
                    .init(
                        sku: sku, category: category, newArrivals: newArrivals ? true : nil, factor: factor, until: end)
                )
                let what = sku ?? category.map { "category \($0)" } ?? "new arrivals"
                return "Boosted \(what) ×\(factor)" + (until.map { " until \($0)" } ?? "") + "."
            }
        }
    }

    struct Unboost: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a boost.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The product's SKU.") var sku: String?
        @Option(help: "A boosted category.") var category: String?
        @Flag(help: "The new-arrivals boost.") var newArrivals = false

        func run() throws {
            try RulesCommand.edit(global) { rules in
                let before = rules.boosts.count
                rules.boosts.removeAll {
                    $0.sku == sku && $0.category == category && ($0.newArrivals ?? false) == newArrivals
                }
                return "Removed \(before - rules.boosts.count) boost(s)."
            }
        }
    }

    struct Exclude: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Never recommend these SKUs, a category, or products below a margin.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "SKUs to exclude.") var skus: [String] = []
        @Option(help: "A category to exclude.") var category: String?
        @Option(help: "Exclude products whose margin (price - cost) / price is below this fraction, e.g. 0.2.")
        var belowMargin: Double?

        func run() throws {
            guard !skus.isEmpty || category != nil || belowMargin != nil else {
                throw ValidationError("name SKUs, --category NAME or --below-margin FRACTION")
            }
            if let belowMargin, !(0..<1).contains(belowMargin) {
                throw ValidationError("--below-margin: expected a fraction such as 0.2 (20 %)")
            }
            try RulesCommand.check(skus, global)
            try RulesCommand.edit(global) { rules in
                var done: [String] = []
                for sku in skus where !rules.excludedSKUs.contains(sku) { rules.excludedSKUs.append(sku) }
                if !skus.isEmpty { done.append(skus.joined(separator: ", ")) }
                if let category {
                    if !rules.excludedCategories.contains(category) { rules.excludedCategories.append(category) }
                    done.append("category \(category)")
                }
                if let belowMargin {
                    rules.minimumMargin = belowMargin
                    done.append("products below \(Int((belowMargin * 100).rounded())) % margin")
                }
                return "Excluded \(done.joined(separator: "; "))."
            }
        }
    }

    struct Include: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Undo exclusions.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "SKUs to allow again.") var skus: [String] = []
        @Option(help: "A category to allow again.") var category: String?
        @Flag(help: "Drop the minimum margin.") var anyMargin = false

        func run() throws {
            try RulesCommand.edit(global) { rules in
                rules.excludedSKUs.removeAll { skus.contains($0) }
                if let category { rules.excludedCategories.removeAll { $0.lowercased() == category.lowercased() } }
                if anyMargin { rules.minimumMargin = nil }
                return "Exclusions updated."
            }
        }
    }

    struct Cap: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "At most N products of one category in one list.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The most products per category; 0 removes the cap.") var perCategory: Int

        func run() throws {
            guard perCategory >= 0 else { throw ValidationError("--per-category: expected 0 or more") }
            try RulesCommand.edit(global) { rules in
                rules.maximumPerCategory = perCategory == 0 ? nil : perCategory
                return perCategory == 0 ? "Category cap removed." : "At most \(perCategory) per category."
            }
        }
    }

    struct Price: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Keep recommendations within a price range.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only this placement (default: all).") var placement: String?
        @Option(help: "Lowest price.") var min: Double?
        @Option(help: "Highest price.") var max: Double?
        @Flag(help: "Remove the range of this placement (or the all-placements one).") var clear = false

        func run() throws {
            let target = try placement.map(RulesCommand.placement)
            guard clear || min != nil || max != nil else { throw ValidationError("give --min, --max or --clear") }
            try RulesCommand.edit(global) { rules in
                rules.priceRanges.removeAll { $0.placement == target }
                if !clear { rules.priceRanges.append(.init(placement: target, minimum: min, maximum: max)) }
                return clear ? "Price range removed." : "Price range set."
            }
        }
    }

    struct MarginRanking: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "margin-ranking",
            abstract: "Rank by expected margin: P(purchase) × margin for known customers, score × margin else (on|off)."
        )
        @OptionGroup var global: GlobalOptions
        @Argument(help: "on or off") var state: String

        func run() throws {
            guard state == "on" || state == "off" else { throw ValidationError("expected on or off") }
            try RulesCommand.edit(global) { rules in
                rules.rankByExpectedMargin = state == "on"
                return "Margin ranking \(state)."
            }
        }
    }

    struct EmailFloor: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "email-floor",
            abstract: "E-mails to known customers leave out picks below this purchase probability (percent, or off).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "a percentage such as 2 (for 2 %), or off") var value: String

        func run() throws {
            var floor: Double?
            if value != "off" {
                guard let percent = Double(value.trimmingCharacters(in: CharacterSet(charactersIn: " %"))),
                    percent > 0, percent < 100
                else { throw ValidationError("expected a percentage between 0 and 100 (2 for 2 %), or off") }
                floor = percent / 100
            }
            try RulesCommand.edit(global) { rules in
                rules.emailMinimumProbability = floor
                return floor == nil ? "E-mail floor off." : "E-mails leave out picks below \(value) % probability."
            }
        }
    }

    /// The rules as sentences.
    static func describe(_ rules: MerchandisingRules, file: String) -> String {
        var lines = ["Rules file: \(file)"]
        for pin in rules.pins { lines.append("  pin \(pin.sku) to slot \(pin.slot) of \(pin.placement)") }
        for boost in rules.boosts {
            let what = boost.sku ?? boost.category.map { "category \($0)" } ?? "new arrivals"
            let until = boost.until.map { " until \(Timestamp.isoDay(Int64($0.timeIntervalSince1970)))" } ?? ""
            lines.append("  boost \(what) ×\(boost.factor)\(until)")
        }
        if !rules.excludedSKUs.isEmpty { lines.append("  exclude \(rules.excludedSKUs.joined(separator: ", "))") }
        for category in rules.excludedCategories { lines.append("  exclude category \(category)") }
        if let margin = rules.minimumMargin {
            lines.append("  exclude products below \(Int((margin * 100).rounded())) % margin")
        }
        for range in rules.priceRanges {
            let bounds = [range.minimum.map { "from \($0)" }, range.maximum.map { "up to \($0)" }].compactMap { $0 }
            lines.append(
                "  price \(bounds.joined(separator: " ")) in \(range.placement?.rawValue ?? "every placement")")
        }
        if let cap = rules.maximumPerCategory { lines.append("  at most \(cap) per category") }
        if rules.rankByExpectedMargin { lines.append("  rank by expected margin") }
        if let floor = rules.emailMinimumProbability {
            lines.append(String(format: "  e-mails leave out picks below %g %% purchase probability", floor * 100))
        }
        lines.append(
            "  always: out-of-stock and draft products hidden; durable items a customer owns not offered again")
        return lines.joined(separator: "\n")
    }
}
