import ArgumentParser
import Foundation
import RegularsContent

struct VoiceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "voice", abstract: "The shop's brand voice for campaigns (shop.voice.json beside the store).",
        subcommands: [Init.self])

    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init", abstract: "Write an example voice file, each key explained, to edit.")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Replace an existing voice file.")
        var force = false

        func run() throws {
            let url = BrandVoice.fileURL(storePath: try global.filesBase())
            if FileManager.default.fileExists(atPath: url.path) && !force {
                throw ValidationError("\(url.path) exists; edit it, or add --force to start again")
            }
            try Data(BrandVoice.exampleJSON().utf8).write(to: url, options: .atomic)
            _ = try BrandVoice.load(from: url)
            print("Wrote \(url.path): edit it, then run `regulars campaign --segment lapsed`.")
        }
    }
}
