import Foundation
import RegularsTestSupport

@testable import RegularsCLI

/// Runs `regulars` commands in the test process (`Regulars.run(arguments:)`), output captured: most command
/// tests go this way; a few end-to-end ones (`DemoCommandTests`, the environment variable) spawn the binary.
enum CLI {
    static func run(_ arguments: [String]) async -> Regulars.Outcome { await Regulars.run(arguments: arguments) }

    /// A fresh folder with the demo shop in it: `regulars-demo.sqlite` and its exports in `regulars-demo/`.
    static func demoFolder() async throws -> URL {
        let folder = try Fixtures.temporaryDirectory()
        let result = await run([
            "demo", "--store", folder.appendingPathComponent("regulars-demo.sqlite").path,
            "--out", folder.appendingPathComponent("regulars-demo").path,
        ])
        guard result.status == 0 else { throw CLIError.failed(result.stderr) }
        return folder
    }

    enum CLIError: Error { case failed(String) }
}
