import ArgumentParser
import Foundation
import RegularsData
import RegularsMeasure
import RegularsShop

struct ExperimentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "experiment",
        abstract: "A/B test a placement, read the results with honest intervals, and plan how long a test needs.",
        discussion: """
            Arms name recipes: default (the placement's own), none (no recommendations), popular, or a name in the \
            rules file's experimentRecipes. A=default,B=none measures what the placement itself earns. A running \
            server picks a new experiment up within seconds; the recommendations it serves carry the arm.
            """,
        subcommands: [
            ExperimentCreateCommand.self, ExperimentListCommand.self, ExperimentResultsCommand.self,
            ExperimentStopCommand.self, ExperimentPlanCommand.self, ExperimentHoldoutCommand.self,
        ])
}

struct ExperimentCreateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "create", abstract: "Start an experiment.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "A name: letters, digits, '.', '_' or '-'.") var name: String
    @Option(help: "The placement to test (home, product, cart, checkout, …).") var placement: String
    @Option(help: "NAME=RECIPE pairs, such as A=default,B=popular.") var arms: String
    @Option(help: "Shares per arm, such as 50/50 or 90/10 (default: equal).") var split: String?
    @Option(help: "Percent of units kept out of every arm (0–50).") var holdout: Double?
    @Option(help: "Who is randomized: customer or session.") var unit: String?

    func run() throws {
        let record = try global.openShop().createExperiment(
            ExperimentSpec(
                name: name, placement: placement, arms: try ExperimentSpec.parse(arms: arms, split: split),
                holdoutPercent: holdout, unit: unit))
        print(
            global.json ? try Output.json(record.json) : "Started experiment '\(record.name)' on \(record.placement).")
    }
}

struct ExperimentListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Every experiment.")
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let experiments = try global.openShop().store.experiments()
        if global.json { return print(try Output.json(experiments.map(\.json))) }
        if experiments.isEmpty { return print("No experiments yet: `regulars experiment create NAME …` starts one.") }
        for experiment in experiments {
            let arms = experiment.arms.map { "\($0.name)=\($0.recipe)" }.joined(separator: ",")
            let state = experiment.stoppedAt.map { "stopped \(Timestamp.isoDay($0))" } ?? "running"
            let since = Timestamp.isoDay(experiment.startedAt)
            print("\(experiment.name)  \(experiment.placement)  \(arms)  since \(since)  \(state)")
        }
    }
}

struct ExperimentResultsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "results", abstract: "Arms side by side, the lift with its always-valid interval, the verdict.",
        aliases: ["status"])
    @OptionGroup var global: GlobalOptions
    @Argument var name: String

    func run() throws {
        let results = try global.openShop().experimentResults(named: name)
        if global.json { return print(try Output.json(results.json)) }
        print("arm      units  impressions  clicks  orders    revenue/unit  conversion")
        for arm in results.arms {
            let perUnit = arm.revenuePerUnit.map { String(format: "%.2f", $0) } ?? "-"
            let conversion = arm.conversionRate.map { String(format: "%.1f %%", $0 * 100) } ?? "-"
            print(
                arm.name.padding(toLength: 8, withPad: " ", startingAt: 0)
                    + String(
                        format: " %6d %12d %7d %7d %15@ %11@", arm.units, arm.impressions, arm.clicks, arm.orders,
                        perUnit as NSString, conversion as NSString))
        }
        for comparison in results.comparisons {
            let metric = comparison.metric == .revenuePerUnit ? "revenue per unit" : "conversion"
            print("\(comparison.arm) vs \(comparison.control), \(metric): \(comparison.verdict.sentence)")
        }
    }
}

struct ExperimentStopCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stop", abstract: "Stop an experiment.")
    @OptionGroup var global: GlobalOptions
    @Argument var name: String

    func run() throws {
        let record = try global.openShop().stopExperiment(named: name)
        print(global.json ? try Output.json(record.json) : "Stopped '\(record.name)'; its results stay readable.")
    }
}

struct ExperimentPlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan", abstract: "How many weeks a test needs, from your own traffic and rates.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "The placement to test.") var placement: String
    @Option(help: "The smallest lift worth finding, such as 10%.") var lift: String = "10%"
    @Option(help: "Percent of units held out.") var holdout: Double = 0
    @Option(help: "What if: units a week entering the test, instead of the shop's own traffic.")
    var unitsPerWeek: Double?
    @Option(help: "What if: the share of units that order (0–1), with --units-per-week.") var conversionRate: Double?
    @Option(help: "What if: mean revenue per unit, with --units-per-week.") var revenuePerUnit: Double?
    @Option(help: "What if: the standard deviation of revenue per unit.") var revenueSd: Double?

    func run() throws {
        guard let value = Double(lift.trimmingCharacters(in: CharacterSet(charactersIn: "% "))), value != 0 else {
            throw ValidationError("--lift: expected a percentage such as 10%")
        }
        var (plan, traffic, basis): (ExperimentPlan?, TrafficProfile, String)
        if let unitsPerWeek {
            // A scenario rather than the shop's history (a new placement, a traffic simulation).
            traffic = TrafficProfile(
                unitsPerWeek: unitsPerWeek, baselineConversionRate: conversionRate ?? 0,
                baselineRevenuePerUnit: revenuePerUnit ?? 0, revenuePerUnitStandardDeviation: revenueSd ?? 0,
                holdoutFraction: holdout / 100)
            plan = ExperimentPlanner.plan(traffic: traffic, targetLift: value / 100)
            basis = "the traffic given"
        } else {
            let shop = try global.openShop()
            _ = try global.asOf(shop)
            (plan, traffic, basis) = try shop.planExperiment(
                placement: placement, lift: value / 100, holdoutPercent: holdout)
        }
        if global.json {
            struct JSON: Encodable {
                var basis: String
                var traffic: TrafficProfile
                var plan: ExperimentPlan?
            }
            return print(try Output.json(JSON(basis: basis, traffic: traffic, plan: plan)))
        }
        print(
            String(
                format: "From %@: %.0f units a week, %.1f %% convert in 4 weeks, %.2f revenue per unit.",
                basis, traffic.unitsPerWeek, traffic.baselineConversionRate * 100, traffic.baselineRevenuePerUnit))
        guard let plan else { return print("Not enough traffic or orders to plan a test yet.") }
        for metric in [plan.revenuePerUnit, plan.conversion].compactMap({ $0 }) {
            let name = metric.metric == .revenuePerUnit ? "revenue per unit" : "conversion"
            print(
                String(
                    format:
                        "  %@: about %.1f weeks (peeking daily allowed; %.1f weeks if you look only once at the end)",
                    name, metric.sequentialWeeks, metric.fixedHorizonWeeks))
        }
        if let soonest = plan.soonest {
            print("Soonest detectable: \(soonest.metric == .revenuePerUnit ? "revenue per unit" : "conversion").")
        }
    }
}

struct ExperimentHoldoutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "holdout",
        abstract: "The permanent holdout: a share of customers who get no personal recommendations anywhere.",
        discussion: """
            It measures what personalization as a whole earns: `regulars experiment results NAME` compares the \
            held-out customers with the rest. 5–10 % is usual; 0 turns it off. Without a percentage, shows it.
            """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Percent of customers to hold out (0 turns it off).") var percent: Double?

    func run() throws {
        let shop = try global.openShop()
        let holdout = try percent.map { try shop.setPermanentHoldout(percent: $0) } ?? shop.permanentHoldout()
        if global.json { return print(try Output.json(holdout)) }
        guard let holdout else { return print("No permanent holdout: every customer gets personal recommendations.") }
        print(
            String(format: "%.1f %% of customers are held out", holdout.heldOutPercent)
                + " since \(Timestamp.isoDay(holdout.startedAt)); results: regulars experiment results \(holdout.name)")
    }
}
