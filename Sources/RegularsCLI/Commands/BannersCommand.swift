import ArgumentParser
import Foundation
import RegularsContent
import RegularsData
import RegularsSegments
import RegularsShop

struct BannersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "banners",
        abstract: "The homepage banner each segment sees: headline, sub-line, call to action, products, and why.",
        discussion: """
            New customers get reassurance and bestsellers, loyal ones early access to new arrivals, lapsed ones \
            what has arrived since their last order, anonymous visitors what their session and source suggest. \
            The copy comes from the phrases (banner_headline, banner_subline, banner_cta in phrases.json, which \
            shop.templates/ may override) and passes the same fact check as e-mail copy. The server answers one \
            visitor's banner at GET /v1/banner.
            """)
    @OptionGroup var global: GlobalOptions
    @Option(help: "Write the banners for visitors from this traffic source (instagram, google, email, direct, …).")
    var source: String?
    @Option(help: "Show one customer's banner, with their own products.")
    var customer: String?

    func validate() throws {
        if let source, TrafficSource(source) == nil {
            throw ValidationError("--source: '\(source)' is not a source name (letters, digits, - and _, at most 40)")
        }
    }

    func run() throws {
        let shop = try global.openShop()
        let asOf = try global.asOf(shop)
        let inputs = try ContentInputs.load(shop, asOf: asOf)
        let composer = BannerComposer(inputs: inputs)
        let source = source.flatMap(TrafficSource.init)
        let banners: [Banner]
        if let customer {
            guard inputs.snapshot.customerIndexByID[customer] != nil else {
                throw ValidationError("--customer: no customer '\(customer)' in \(global.storeName)")
            }
            let segment =
                inputs.heldOut.contains(customer) ? nil : inputs.predictions.prediction(for: customer)?.primarySegment
            banners = [
                composer.banner(segment: segment, customer: segment == nil ? nil : customer, source: source, asOf: asOf)
            ]
        } else {
            banners = composer.segmentBanners(report: inputs.predictions, source: source, asOf: asOf)
        }
        if global.json {
            print(try Output.json(banners))
            return
        }
        print(banners.map(Self.text).joined(separator: "\n\n"))
    }

    /// One banner as the owner reads it: the copy, where it points, the products with their reasons, why, and
    /// the fact check's verdict.
    static func text(_ banner: Banner) -> String {
        var lines = [
            "\(banner.audience) (\(banner.angle.rawValue))" + (banner.source.map { ", for visitors from \($0)" } ?? ""),
            "  \(banner.headline)", "  \(banner.subline)", "  [\(banner.cta)] → \(banner.link)",
        ]
        for product in banner.products {
            lines.append(
                "    · \(product.title)" + (product.price.map { " (\($0))" } ?? "") + " — \(product.reason)")
        }
        lines.append("  Why: \(banner.reason)")
        lines.append(
            banner.problems.isEmpty
                ? "  Fact check: passed"
                : "  Fact check FAILED (not served): " + banner.problems.joined(separator: "; "))
        return lines.joined(separator: "\n")
    }
}
