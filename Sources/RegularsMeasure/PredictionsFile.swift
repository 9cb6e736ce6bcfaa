import Foundation
import RegularsData

/// Writes the protocol's predictions file (PROTOCOL.md §5): header `customer_id,rank,sku`, one line per
/// recommended product, ranks 1…n per customer, customers sorted by id.
///
/// The two tracks need different lists (the `new` track's scorer drops the customer's own products without
/// refilling), so an evaluation writes one file per track: `paths(for:)`.
public enum PredictionsFile {
    /// `p.csv` itself holds the `all` lists and `p-new.csv`, beside it, the `new` lists: `score.py score DATA
    /// p.csv --track all` then scores what was asked for, and the `new` file is there for the other track.
    public static func paths(for url: URL) -> [Track: URL] {
        let stem = url.deletingPathExtension().lastPathComponent
        let ext = url.pathExtension.isEmpty ? "csv" : url.pathExtension
        let folder = url.deletingLastPathComponent()
        return [.all: url, .new: folder.appendingPathComponent("\(stem)-new.\(ext)")]
    }

    /// The file's text for one track's lists.
    public static func text(lists: [CustomerIndex: [ProductIndex]], snapshot: Snapshot) -> String {
        var out = CSVWriter()
        out.append(["customer_id", "rank", "sku"])
        let customers = lists.keys.sorted {
            snapshot.customers[Int($0)].id.utf8.lexicographicallyPrecedes(snapshot.customers[Int($1)].id.utf8)
        }
        for customer in customers {
            let id = snapshot.customers[Int(customer)].id
            for (rank, product) in lists[customer]!.enumerated() {
                out.append([id, String(rank + 1), snapshot.products[Int(product)].sku])
            }
        }
        return out.text
    }

    /// Writes every track's file; returns the paths written.
    @discardableResult
    public static func write(_ predictions: Predictions, to url: URL) throws -> [Track: URL] {
        let paths = paths(for: url)
        for (track, lists) in predictions.lists {
            try text(lists: lists, snapshot: predictions.snapshot).write(
                to: paths[track]!, atomically: true, encoding: .utf8)
        }
        return paths
    }
}
