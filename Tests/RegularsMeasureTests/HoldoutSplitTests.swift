import Foundation
import RegularsData
import RegularsRecommend
import RegularsTestSupport
import Testing

@testable import RegularsMeasure

@Suite("Offline protocol")
struct HoldoutSplitTests {
    static let day: Int64 = 86_400
    static let t0: Int64 = 1_300_000_000

    /// a: train {P1, P2}, test {P1, P3}; b: train {P1}, test {P1} (no new item); c: test only; d: train only.
    /// The latest line is at t0 + 100 d, so the cutoff is t0 + 70 d exactly; a line at the cutoff is test.
    static let lines: [SnapshotBuilder.Line] = [
        .init(orderID: "1", customerID: "a", orderedAt: t0, sku: "P1"),
        .init(orderID: "1", customerID: "a", orderedAt: t0, sku: "P2"),
        .init(orderID: "2", customerID: "b", orderedAt: t0 + 10 * day, sku: "P1"),
        .init(orderID: "3", customerID: "d", orderedAt: t0 + 69 * day, sku: "P4"),
        .init(orderID: "4", customerID: "a", orderedAt: t0 + 70 * day, sku: "P1"),
        .init(orderID: "4", customerID: "a", orderedAt: t0 + 70 * day, sku: "P3"),
        .init(orderID: "5", customerID: "b", orderedAt: t0 + 80 * day, sku: "P1"),
        .init(orderID: "6", customerID: "c", orderedAt: t0 + 100 * day, sku: "P2"),
    ]

    @Test("splits at T_max − 30 days with test customers and truth per track as PROTOCOL.md §2–3")
    func split() {
        let split = HoldoutSplit(lines: Self.lines)
        #expect(split.cutoff == Self.t0 + 70 * Self.day)
        #expect(split.trainLineCount == 4 && split.testLineCount == 4)
        let ids = split.testCustomers.map { split.snapshot.customers[Int($0)].id }
        #expect(ids == ["a", "b"])
        let a = split.snapshot.customerIndexByID["a"]!
        let p1 = split.snapshot.productIndexBySKU["P1"]!
        #expect(split.truth[.all]![a]!.count == 2)
        #expect(split.truth[.all]![a]!.contains(p1))
        #expect(split.truth[.new]![a]!.count == 1)  // P3, not in the train catalog: a negative id
        #expect(split.truth[.new]![a]!.allSatisfy { $0 < 0 })
        #expect(split.customers(of: .new).map { split.snapshot.customers[Int($0)].id } == ["a"])
        #expect(split.snapshot.productCount == 3)  // P1, P2, P4
    }

    @Test("the table agrees with score.py on a small file", .enabled(if: Scorer.available))
    func agreesWithScorePy() throws {
        let folder = try Fixtures.temporaryDirectory()
        var csv = "order_id,customer_id,ordered_at,sku,product_name,category,quantity,unit_price\n"
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        for line in Self.lines {
            let at = formatter.string(from: Date(timeIntervalSince1970: TimeInterval(line.orderedAt)))
            csv += "\(line.orderID),\(line.customerID),\(at),\(line.sku),\"Name, with comma\",,1,2.50\n"
        }
        let data = folder.appendingPathComponent("orders.csv")
        try csv.write(to: data, atomically: true, encoding: .utf8)
        let split = HoldoutSplit(lines: Self.lines)
        let snapshot = split.snapshot
        // A list that hits P1 for a at rank 2 and misses for b's new track.
        let p = { (sku: String) in snapshot.productIndexBySKU[sku]! }
        let lists: [CustomerIndex: [ProductIndex]] = [
            snapshot.customerIndexByID["a"]!: [p("P4"), p("P1"), p("P2")],
            snapshot.customerIndexByID["b"]!: [p("P2")],
        ]
        let predictions = folder.appendingPathComponent("p.csv")
        try PredictionsFile.text(lists: lists, snapshot: snapshot).write(
            to: predictions, atomically: true, encoding: .utf8)
        for track in Track.allCases {
            let ours = RankingMetrics.score(
                track: track, customers: split.customers(of: track), lists: lists, truth: split.truth[track]!,
                history: track == .new ? { HoldoutSplit.trainProducts(of: $0, in: snapshot) } : nil,
                isInCatalog: { $0 >= 0 }, catalogCount: snapshot.productCount)
            let theirs = try Scorer.score(data: data, predictions: predictions, track: track)
            for k in [10, 20] {
                #expect(abs(ours[k]!.recall - (theirs["recall@\(k)"] as! Double)) < 1e-12)
                #expect(abs(ours[k]!.ndcg - (theirs["ndcg@\(k)"] as! Double)) < 1e-12)
                #expect(abs(ours[k]!.hitRate - (theirs["hitrate@\(k)"] as! Double)) < 1e-12)
                #expect(abs(ours[k]!.coverage - (theirs["coverage@\(k)"] as! Double)) < 1e-12)
            }
            #expect(ours.customers == theirs["customers"] as! Int)
        }
    }
}

/// Runs `/work/shared/bench/score.py` (beside the repository) when Python 3 with numpy is installed.
enum Scorer {
    static let script = Fixtures.repositoryRoot.deletingLastPathComponent().appendingPathComponent(
        "shared/bench/score.py")

    static let available: Bool = {
        guard FileManager.default.fileExists(atPath: script.path) else { return false }
        return (try? run(["python3", "-c", "import numpy"])) != nil
    }()

    static func score(data: URL, predictions: URL, track: Track) throws -> [String: Any] {
        let output = try run([
            "python3", script.path, "score", data.path, predictions.path, "--track", track.rawValue, "--json",
        ])
        return try JSONSerialization.jsonObject(with: output) as! [String: Any]
    }

    @discardableResult
    static func run(_ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.executableLoad) }
        return data
    }
}
