import Foundation
import RegularsData

/// A model set on disk: one line of header, then the models.
///
/// The header (`REGULARS-MODELS 5 {json}`) names the file format's version, so a file written by
/// another version is refused with a clear message instead of decoding into nonsense, and the body's length, so a
/// file cut short is refused too. The body is `BinaryEncoder`'s layout: the models are mostly long arrays of
/// numbers, which JSON wrote as 20 MB of text and took seconds to write and read on online-retail.
extension ModelSet {
    /// Bumped whenever the saved shape changes; older files must be retrained.
    public static let fileFormatVersion = 5
    static let magic = "REGULARS-MODELS"

    /// What the header line says about the file, readable without decoding the models.
    public struct FileHeader: Sendable, Codable, Hashable {
        public var formatVersion: Int
        public var version: Int
        public var trainedAt: Date
        public var asOf: Date
        public var customers: Int
        public var products: Int
        public var orders: Int
        public var trainingSeconds: [String: Double]
        /// The length of the body after the header line.
        public var bodyBytes: Int
    }

    /// Writes the set to `url` atomically (a reader never sees half a file) as model version `version`, owner-only:
    /// it holds customer ids. The temporary file is named so that `ModelDirectory` finds and removes it when a
    /// write was killed halfway (it would keep customers an erasure removed).
    public func save(to url: URL, version: Int) throws {
        let body = try BinaryEncoder().encode(self)
        let header = FileHeader(
            formatVersion: Self.fileFormatVersion, version: version, trainedAt: trainedAt, asOf: asOf,
            customers: snapshot.customerCount, products: snapshot.productCount, orders: snapshot.orderCount,
            trainingSeconds: trainingSeconds, bodyBytes: body.count)
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        var data = Data("\(Self.magic) \(Self.fileFormatVersion) ".utf8)
        data.append(try encoder.encode(header))
        data.append(0x0A)
        data.append(body)
        try PrivateFile.write(data, to: url)
    }

    /// Reads only the header line of a model file.
    public static func header(of url: URL) throws -> FileHeader {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        let prefix = try handle.read(upToCount: 64 * 1024) ?? Data()
        return try parseHeader(prefix, url: url).header
    }

    /// Loads a model set; a file of another format version, or no model file at all, is a `ModelFileError`.
    public static func load(from url: URL) throws -> ModelSet {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ModelFileError(
                path: url.path, message: "cannot read the model file: run `regulars train` first", unreadable: true)
        }
        let (header, bodyStart) = try parseHeader(data, url: url)
        let body = data[bodyStart...]
        guard body.count == header.bodyBytes else {
            throw ModelFileError(
                path: url.path,
                message:
                    "the file holds \(body.count) bytes of models where its header says \(header.bodyBytes): "
                    + "it was cut short or damaged; run `regulars train` again")
        }
        do {
            return try BinaryDecoder().decode(ModelSet.self, from: body)
        } catch {
            throw ModelFileError(
                path: url.path, message: "the models in this file cannot be read (\(error)); run `regulars train` again"
            )
        }
    }

    private static func parseHeader(_ data: Data, url: URL) throws -> (header: FileHeader, bodyStart: Data.Index) {
        guard let newline = data.firstIndex(of: 0x0A) else {
            throw ModelFileError(path: url.path, message: "not a Regulars model file")
        }
        let line = String(decoding: data[data.startIndex..<newline], as: UTF8.self)
        let parts = line.split(separator: " ", maxSplits: 2)
        guard parts.count == 3, parts[0] == magic, let version = Int(parts[1]) else {
            throw ModelFileError(path: url.path, message: "not a Regulars model file")
        }
        guard version == fileFormatVersion else {
            throw ModelFileError(
                path: url.path,
                message:
                    "written by model format \(version), this Regulars reads format \(fileFormatVersion); "
                    + "run `regulars train` again"
            )
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        guard let header = try? decoder.decode(FileHeader.self, from: Data(parts[2].utf8)) else {
            throw ModelFileError(path: url.path, message: "the model file's header is damaged")
        }
        return (header, data.index(after: newline))
    }
}

/// A model file is missing, damaged, or of another format version.
public struct ModelFileError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String
    /// The file could not be read at all (missing, or an I/O error that may pass): its content says nothing yet.
    public var unreadable = false
    public var description: String { "\(path): \(message)" }

    public init(path: String, message: String, unreadable: Bool = false) {
        self.path = path
        self.message = message
        self.unreadable = unreadable
    }
}
