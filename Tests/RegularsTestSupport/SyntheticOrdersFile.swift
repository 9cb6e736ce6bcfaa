import Foundation
import RegularsData

/// Writes a large, deterministic generic-orders CSV for import benchmarks, streaming (constant memory).
///
/// Lives with the test support, not in the shipped CLI: the benchmark package and
/// `scripts/import-vs-sqlite.sh` (through `regulars-synthetic-orders`) are its only users.
public enum SyntheticOrdersFile {
    /// Exactly `lines` order lines: customers × orders × lines drawn from a seeded generator.
    public static func write(lines target: Int, to url: URL, seed: UInt64 = 7) throws {
        var writer = try CSVWriter(url: url)
        try writer.write([
            "order_id", "customer_id", "ordered_at", "sku", "product_name", "category", "quantity", "unit_price",
        ])
        var random = SeededRandom(seed: seed)
        let customers = max(target / 20, 10)
        let start = Timestamp.parse("2023-01-01T00:00:00Z")!
        var written = 0
        var order = 0
        while written < target {
            order += 1
            let customer = Int(random.next() % UInt64(customers))
            let time = start + Int64(random.next() % (2 * 365 * 86_400))
            let count = 1 + Int(random.next() % 19)
            for _ in 0..<min(count, target - written) {
                let product = Int(random.next() % 5_000)
                try writer.write([
                    "INV\(order)", "C\(customer)", Timestamp.iso(time), "SKU-\(product)",
                    "Product \(product), size \(product % 7)", "Category \(product % 40)",
                    String(1 + random.next() % 12),
                    Money(units: Int64(5_000 + (product * 7_919) % 500_000)).exactDescription,
                ])
                written += 1
            }
        }
        try writer.close()
    }
}
