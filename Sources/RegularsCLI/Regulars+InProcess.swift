import ArgumentParser

extension Regulars {
    /// What one in-process run printed and how it ended, as a shell would see it.
    struct Outcome: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `regulars ARGUMENTS` in this process, its output captured instead of printed: the command tests'
    /// way in. Paths in `arguments` are as the process's working directory reads them (tests pass absolute ones).
    static func run(arguments: [String]) async -> Outcome {
        let capture = Console.Capture()
        let status = await Console.$capture.withValue(capture) { () async -> Int32 in
            do {
                var command = try parseAsRoot(hoistingGlobalOptions(arguments))
                if var asyncCommand = command as? any AsyncParsableCommand {
                    try await asyncCommand.run()
                } else {
                    try command.run()
                }
                return 0
            } catch {
                // As `main` would: help and version on stdout with status 0, errors on stderr.
                let code = exitCode(for: error)
                let message = fullMessage(for: error)
                if !message.isEmpty { Console.write(message + "\n", toError: code != .success) }
                return code.rawValue
            }
        }
        return Outcome(status: status, stdout: capture.out, stderr: capture.err)
    }
}
