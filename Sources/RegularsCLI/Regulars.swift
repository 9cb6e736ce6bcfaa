import ArgumentParser

@main
struct Regulars: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "regulars",
        abstract: "Every customer feels known: recommendations, segments and campaign copy from your own orders.",
        discussion: "Global options (--store, --json, --as-of) may come before or after the command.",
        subcommands: [
            DemoCommand.self, ImportCommand.self, StatsCommand.self, ForgetCommand.self, DataRequestCommand.self,
            OptOutCommand.self,
            MarkSensitiveCommand.self, SegmentsCommand.self, PredictCommand.self, OffersCommand.self,
            BannersCommand.self, SeasonsCommand.self, TrainCommand.self,
            EvaluateCommand.self,
            BacktestCommand.self, RecommendCommand.self, RulesCommand.self, ExperimentCommand.self,
            BaselineCommand.self, ReportCommand.self, VoiceCommand.self,
            CampaignCommand.self,
            BriefCommand.self, CatalogBriefCommand.self,
            ServeCommand.self, KeysCommand.self, ShopsCommand.self, WorkerCommand.self, JobsCommand.self,
        ])

    /// Lets `regulars --store s.sqlite import orders F` work: global options written before the command
    /// are moved behind it, where every command's `GlobalOptions` reads them.
    static func main() async {
        await main(hoistingGlobalOptions(Array(CommandLine.arguments.dropFirst())))
    }

    static func hoistingGlobalOptions(_ arguments: [String]) -> [String] {
        var leading: [String] = []
        var rest = arguments[...]
        while let first = rest.first, first.hasPrefix("--") {
            let name = first.split(separator: "=", maxSplits: 1)[0]
            switch name {
            case "--store", "--as-of", "--shop":
                leading.append(first)
                rest = rest.dropFirst()
                if !first.contains("="), let value = rest.first {
                    leading.append(value)
                    rest = rest.dropFirst()
                }
            case "--json":
                leading.append(first)
                rest = rest.dropFirst()
            default:
                return arguments
            }
        }
        return Array(rest) + leading
    }
}
