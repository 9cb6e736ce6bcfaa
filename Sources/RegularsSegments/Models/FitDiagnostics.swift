import Foundation

/// How a maximum-likelihood fit went: enough to tell a converged optimum from a budget running out.
public struct FitDiagnostics: Sendable, Hashable, Codable {
    /// Starting points tried; the best optimum among them is kept.
    public var starts: Int
    /// Of those, how many reached the kept optimum (log-likelihood within 1e-6): 1 hints at a rugged surface.
    public var startsAgreeing: Int
    /// Likelihood evaluations over all starts.
    public var evaluations: Int
    /// The kept optimum met its stopping test.
    public var converged: Bool
    /// Distinct rows the likelihood was summed over (customers sharing a summary share a row).
    public var distinctRows: Int

    enum CodingKeys: String, CodingKey {
        case starts, evaluations, converged
        case startsAgreeing = "starts_agreeing"
        case distinctRows = "distinct_rows"
    }

    public init(starts: Int, startsAgreeing: Int, evaluations: Int, converged: Bool, distinctRows: Int) {
        self.starts = starts
        self.startsAgreeing = startsAgreeing
        self.evaluations = evaluations
        self.converged = converged
        self.distinctRows = distinctRows
    }
}

/// Minimises an objective in log-parameters from several starts with BFGS, falling back to Nelder–Mead
/// where BFGS stalls, and keeps the best optimum.
///
/// With a `screening` objective (the same likelihood on a subsample of a big shop) the starts run on it,
/// and only the best is then polished on the full objective: a million customers cost about as much
/// as two fits instead of four.
enum MultiStartFit {
    typealias Objective = ([Double]) -> (value: Double, gradient: [Double])

    static func minimize(
        _ objective: Objective, screening: Objective? = nil, starts: [[Double]], distinctRows: Int
    ) -> (point: [Double], value: Double, diagnostics: FitDiagnostics) {
        let results = starts.map { start in
            if let screening { return run(screening, from: start) }
            return run(objective, from: start)
        }
        var best = results.min { $0.value < $1.value }!
        let agreeing = results.filter { abs($0.value - best.value) <= 1e-6 * max(1, abs(best.value)) }.count
        var evaluations = results.reduce(0) { $0 + $1.evaluations }
        if screening != nil {
            best = run(objective, from: best.point)
            evaluations += best.evaluations
        }
        return (
            best.point, best.value,
            FitDiagnostics(
                starts: starts.count, startsAgreeing: agreeing, evaluations: evaluations, converged: best.converged,
                distinctRows: distinctRows)
        )
    }

    /// BFGS from `start`; where it stalls, Nelder–Mead and BFGS again from the simplex's best point.
    private static func run(_ objective: Objective, from start: [Double]) -> OptimizationResult {
        let result = BFGS().minimize(objective, from: start)
        guard !result.converged || !result.value.isFinite else { return result }
        let simplex = NelderMead().minimize({ objective($0).value }, from: result.value.isFinite ? result.point : start)
        var polished = BFGS().minimize(objective, from: simplex.point)
        polished.evaluations += result.evaluations + simplex.evaluations
        polished.converged = polished.converged || simplex.converged
        return polished
    }
}
