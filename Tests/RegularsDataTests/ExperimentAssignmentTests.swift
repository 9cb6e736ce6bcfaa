import Testing

@testable import RegularsData

struct ExperimentAssignmentTests {
    static let twoArms: [(name: String, weight: Double)] = [("control", 1), ("treatment", 1)]

    // Published FNV-1a 64 test vectors (Fowler/Noll/Vo reference suite).
    @Test func fnvMatchesPublishedVectors() {
        #expect(StableHash.fnv1a64("") == 0xcbf2_9ce4_8422_2325)
        #expect(StableHash.fnv1a64("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(StableHash.fnv1a64("foobar") == 0x8594_4171_f739_67e8)
    }

    // These pinned outputs are the cross-process / cross-platform stability contract: they were computed once
    // and checked against an independent Python implementation of the same hash (FNV-1a 64 + fmix64 over the
    // UTF-8 bytes). If any of them changes, every running experiment would silently reshuffle its units.
    @Test func pinnedAssignmentsNeverChange() {
        #expect(StableHash.hash("checkout-button\u{0}customer-42") == 0xecc4_2147_5dc8_ee7e)
        let expected: [(String, String?)] = [
            ("customer-1", "treatment"), ("customer-2", "control"), ("customer-3", "treatment"),
            ("customer-5", "control"), ("customer-21", nil), ("customer-37", nil),
            ("customer-42", "treatment"), ("c@example.com", "treatment"),
        ]
        for (unit, arm) in expected {
            let assigned = ExperimentAssignment.arm(
                experiment: "checkout-button", unit: unit, arms: Self.twoArms, holdoutPercent: 10)
            #expect(assigned == arm, "unit \(unit)")
        }
        let threeArms: [(name: String, weight: Double)] = [("A", 0.5), ("B", 0.25), ("C", 0.25)]
        let pinned = ["customer-1": "C", "customer-2": "A", "customer-13": "B", "customer-37": "B"]
        for (unit, arm) in pinned {
            #expect(
                ExperimentAssignment.arm(
                    experiment: "checkout-button", unit: unit, arms: threeArms, holdoutPercent: 0) == arm)
        }
        #expect(ExperimentAssignment.isInPermanentHoldout(unit: "customer-3", percent: 20))
        #expect(ExperimentAssignment.isInPermanentHoldout(unit: "c@example.com", percent: 20))
        #expect(!ExperimentAssignment.isInPermanentHoldout(unit: "customer-1", percent: 20))
    }

    @Test func splitProportionsOver100kUnits() {
        let arms: [(name: String, weight: Double)] = [("A", 7), ("B", 3)]
        var counts: [String: Int] = [:]
        var heldOut = 0
        for i in 0..<100_000 {
            if let arm = ExperimentAssignment.arm(
                experiment: "hero-banner", unit: "u\(i)", arms: arms,
                holdoutPercent: 10)
            {
                counts[arm, default: 0] += 1
            } else {
                heldOut += 1
            }
        }
        // Binomial standard deviations are ≈ 95 (holdout) and ≈ 140 (arms); allow about 4 of them.
        #expect(abs(heldOut - 10_000) < 400)
        let enrolled = 100_000 - heldOut
        #expect(abs(Double(counts["A", default: 0]) / Double(enrolled) - 0.7) < 0.006)
    }

    @Test func permanentHoldoutIsIndependentOfArmsAndExperimentHoldout() {
        var holdoutByArm: [String: (held: Int, total: Int)] = [:]
        for i in 0..<100_000 {
            let unit = "customer-\(i)"
            let permanent = ExperimentAssignment.isInPermanentHoldout(unit: unit, percent: 10)
            let arm =
                ExperimentAssignment.arm(
                    experiment: "hero-banner", unit: unit, arms: Self.twoArms,
                    holdoutPercent: 20) ?? "holdout"
            holdoutByArm[arm, default: (0, 0)].total += 1
            if permanent { holdoutByArm[arm, default: (0, 0)].held += 1 }
        }
        // If the hashes correlated, the 10 % permanent holdout would be over- or under-represented in an arm.
        for (arm, tally) in holdoutByArm {
            let share = Double(tally.held) / Double(tally.total)
            #expect(abs(share - 0.10) < 0.006, "arm \(arm): \(share)")
        }
    }

    @Test func armsOfDifferentExperimentsAreIndependent() {
        var together = 0
        for i in 0..<100_000 {
            let first = ExperimentAssignment.arm(
                experiment: "exp-1", unit: "u\(i)", arms: Self.twoArms,
                holdoutPercent: 0)
            let second = ExperimentAssignment.arm(
                experiment: "exp-2", unit: "u\(i)", arms: Self.twoArms,
                holdoutPercent: 0)
            if first == "treatment" && second == "treatment" { together += 1 }
        }
        #expect(abs(together - 25_000) < 600)
    }

    @Test func invalidArmsGiveNil() {
        #expect(ExperimentAssignment.arm(experiment: "e", unit: "u", arms: [], holdoutPercent: 0) == nil)
        #expect(
            ExperimentAssignment.arm(
                experiment: "e", unit: "u", arms: [("A", 0), ("B", -1)],
                holdoutPercent: 0) == nil)
        #expect(ExperimentAssignment.arm(experiment: "e", unit: "u", arms: Self.twoArms, holdoutPercent: 100) == nil)
        #expect(!ExperimentAssignment.isInPermanentHoldout(unit: "u", percent: 0))
        #expect(ExperimentAssignment.isInPermanentHoldout(unit: "u", percent: 100))
    }
}
