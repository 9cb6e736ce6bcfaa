import Foundation
import RegularsData
import RegularsTestSupport
import Testing

@testable import RegularsContent

/// Mutation fuzzing of the brand voice file: a mutated file is refused with an error naming the file, or it reads
/// and a segment prompt is built with it, without a crash.
@Suite("Fuzzing the voice file", .timeLimit(.minutes(5)))
struct VoiceFileFuzzTests {
    @Test("a mutated voice file is refused naming the file, or reads and builds a prompt")
    func voiceFile() throws {
        let url = try Fixtures.temporaryDirectory().appendingPathComponent("shop.voice.json")
        let seed = Array(BrandVoice.exampleJSON().utf8)
        var mutator = Mutator(seed: 5)
        let runs = ProcessInfo.processInfo.environment["FUZZ_RUNS"].flatMap(Int.init) ?? 150
        var read = 0
        for run in 0..<runs {
            try Data(mutator.mutate(seed)).write(to: url)
            let voice: BrandVoice
            do {
                voice = try BrandVoice.load(from: url)
            } catch {
                #expect("\(error)".contains("shop.voice.json"), "#\(run): \(error)")
                continue
            }
            let prompt = SegmentPrompt(voice: voice, playbook: .for(.lapsed), products: [], recipients: 3)
            #expect(!prompt.messages.isEmpty)
            read += 1
        }
        print("fuzz: voice file, \(runs) inputs, \(read) read and built a prompt, 0 crashes")
    }
}
