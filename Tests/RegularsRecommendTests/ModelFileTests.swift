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
}
