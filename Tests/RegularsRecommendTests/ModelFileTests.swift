import Foundation
import RegularsData
import Testing

@testable import RegularsRecommend

@Suite("Model files")
struct ModelFileTests {
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("models-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("a saved set loads back as it was, and its header reads without the models")
    func roundTrip() throws {
        let snapshot = TinyShop.snapshot(["a": [["X", "Y"], ["X"]], "b": [["Y", "Z"]]])
        let models = ModelSet.train(on: snapshot, trainedAt: TinyShop.asOf)
        let url = try Self.folder().appendingPathComponent("v0001.models")
        try models.save(to: url, version: 1)
        let header = try ModelSet.header(of: url)
        #expect(header.formatVersion == ModelSet.fileFormatVersion && header.version == 1)
        #expect(header.customers == 2 && header.products == 3)
        let loaded = try ModelSet.load(from: url)
        #expect(loaded.snapshot.customers.map(\.id) == models.snapshot.customers.map(\.id))
    }

    @Test("the demo shop's models load back exactly: the loaded set encodes to the same JSON, key for key")
    func demoShopRoundTrip() throws {
        let models = PlacementFixtures.models
        let url = try Self.folder().appendingPathComponent("v0001.models")
        try models.save(to: url, version: 1)
        let loaded = try ModelSet.load(from: url)
        let json = JSONEncoder()
        json.outputFormatting = .sortedKeys
        json.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        #expect(try json.encode(loaded) == json.encode(models))
        let customer = try #require(models.snapshot.customers.first?.id)
        let request = RecommendationRequest(placement: .home, customer: customer, limit: 8)
        #expect(try Recommender(models: loaded).recommend(request) == Recommender(models: models).recommend(request))
    }

    @Test("a file cut short is refused with the byte counts and the cure, not decoded into something else")
    func tornFileRefused() throws {
        let snapshot = TinyShop.snapshot(["a": [["X", "Y"], ["X"]], "b": [["Y", "Z"]]])
        let url = try Self.folder().appendingPathComponent("v0001.models")
        try ModelSet.train(on: snapshot, trainedAt: TinyShop.asOf).save(to: url, version: 1)
        let whole = try Data(contentsOf: url)
        let header = try ModelSet.header(of: url)
        for cut in [1, header.bodyBytes / 2, header.bodyBytes - 1] {
            try whole.prefix(whole.count - cut).write(to: url)
            let error = try #require(throws: ModelFileError.self) { try ModelSet.load(from: url) }
            #expect(error.message.contains("\(header.bodyBytes)") && error.message.contains("regulars train"))
        }
    }

    @Test("a file of another format version is refused with a message that names both versions and the cure")
    func otherFormatRefused() throws {
        let snapshot = TinyShop.snapshot(["a": [["X", "Y"]]])
        let url = try Self.folder().appendingPathComponent("v0001.models")
        try ModelSet.train(on: snapshot, trainedAt: TinyShop.asOf).save(to: url, version: 1)
        let current = ModelSet.fileFormatVersion
        // The same file as an older Regulars would have labelled it.
        var data = try Data(contentsOf: url)
        let prefix = Data("REGULARS-MODELS \(current) ".utf8)
        #expect(data.starts(with: prefix))
        data.replaceSubrange(0..<prefix.count, with: Data("REGULARS-MODELS \(current - 1) ".utf8))
        try data.write(to: url)
        let error = try #require(throws: ModelFileError.self) { try ModelSet.load(from: url) }
        #expect(error.message.contains("format \(current - 1)") && error.message.contains("format \(current)"))
        #expect(error.message.contains("regulars train"))
        #expect(throws: ModelFileError.self) { try ModelSet.header(of: url) }
        try Data("not models\n".utf8).write(to: url)
        #expect(throws: ModelFileError.self) { try ModelSet.load(from: url) }
    }

    /// The id of a process that has ended (and been waited for).
    static func endedProcessID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    @Test("a half-written file whose writer has ended is removed by the next save, even of the same version")
    func leftoversOfEndedWriters() throws {
        let snapshot = TinyShop.snapshot(["a": [["X", "Y"]]])
        let folder = try Self.folder()
        let directory = ModelDirectory(storePath: folder.appendingPathComponent("shop.sqlite").path)
        try FileManager.default.createDirectory(at: directory.url, withIntermediateDirectories: true)
        let ended = try Self.endedProcessID()
        let killed = ".v0001.models.\(ended).\(UUID().uuidString).tmp"  // a training killed while writing
        let running = ".v0001.models.\(getpid()).\(UUID().uuidString).tmp"  // a write under way right now
        let older = ".v0001.models.\(UUID().uuidString).tmp"  // named before writers were: its writer is unknown
        #expect(PrivateFile.writerIsGone(temporaryName: killed) == true)
        #expect(PrivateFile.writerIsGone(temporaryName: running) == false)
        #expect(PrivateFile.writerIsGone(temporaryName: older) == nil)
        for name in [killed, running, older] {
            try Data("customer-1".utf8).write(to: directory.url.appendingPathComponent(name))
        }
        #expect(try directory.save(ModelSet.train(on: snapshot, trainedAt: TinyShop.asOf)) == 1)
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: directory.url.path))
        #expect(left == ["v0001.models", running, older])
        directory.removeLeftovers()  // an erasure's clean-up: every leftover, whoever wrote it
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: directory.url.path)) == ["v0001.models"])
    }
}
