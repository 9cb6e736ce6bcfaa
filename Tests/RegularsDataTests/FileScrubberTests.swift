import Foundation
import RegularsData
import RegularsTestSupport
import Testing

@Suite("Erasure in files the product wrote, and owner-only files")
struct FileScrubberTests {
    let ana = PersonalIdentifiers(ids: ["c-1"], emails: ["ana@example.com"], names: ["Ana"])

    func write(_ text: String, _ name: String) throws -> WrittenFile {
        let url = try Fixtures.temporaryDirectory().appendingPathComponent(name)
        try PrivateFile.write(Data(text.utf8), to: url)
        return WrittenFile(path: url.path, kind: .campaignExport)
    }

    func text(_ file: WrittenFile) throws -> String { try String(contentsOfFile: file.path, encoding: .utf8) }

    @Test("a CSV loses the rows that name the customer, e-mail compared without case; other rows stay as they were")
    func csvRows() throws {
        let file = try write(
            "Email,first_name,rec_1_reason\nANA@example.com,Ana,\"Because you bought a skillet, \"\"Lodge\"\"\"\n"
                + "bo@example.com,Bo,\"Often bought with, your kettle\"\n", "klaviyo.csv")
        #expect(try FileScrubber.scrub(file, of: ana) == .scrubbed)
        #expect(
            try text(file) == "Email,first_name,rec_1_reason\nbo@example.com,Bo,\"Often bought with, your kettle\"\n")
        #expect(try FileScrubber.scrub(file, of: ana) == .clean)
    }

    @Test("in an orders export, every row of the customer's orders goes, also rows that do not name them")
    func ordersRows() throws {
        let file = try write(
            "Name,Email,Lineitem sku,Billing Name\n#1001,ana@example.com,SKILLET,Ana Lima\n#1001,,CAREKIT,\n"
                + "#1002,bo@example.com,BEANS,Bo Ng\n", "orders_export.csv")
        #expect(try FileScrubber.scrub(file, of: ana) == .scrubbed)
        #expect(try text(file) == "Name,Email,Lineitem sku,Billing Name\n#1002,bo@example.com,BEANS,Bo Ng\n")
    }

    @Test("e-mails.txt loses the customer's block; a preview page is replaced by a notice; other files are removed")
    func otherFormats() throws {
        let separator = FileScrubber.textBlockSeparator
        let emails = try write(
            "To: ana@example.com\nHi Ana" + separator + "To: bo@example.com\nHi Bo" + separator, "emails.txt")
        #expect(try FileScrubber.scrub(emails, of: ana) == .scrubbed)
        #expect(try text(emails) == "To: bo@example.com\nHi Bo" + separator)
        let preview = try write("<p>Hi Ana (ana@example.com)</p>", "preview.html")
        #expect(try FileScrubber.scrub(preview, of: ana) == .replaced)
        #expect(try !text(preview).contains("ana@example.com"))
        let json = try write(#"{"to": "c-1"}"#, "summary.json")
        #expect(try FileScrubber.scrub(json, of: ana) == .removed)
        #expect(!FileManager.default.fileExists(atPath: json.path))
        #expect(try FileScrubber.scrub(json, of: ana) == .missing)
    }

    @Test("files with customers' details are owner-only (0600), rewritten ones too")
    func ownerOnly() throws {
        let folder = try Fixtures.temporaryDirectory()
        func mode(_ name: String) throws -> Int {
            let attributes = try FileManager.default.attributesOfItem(
                atPath: folder.appendingPathComponent(name).path)
            return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
        }
        try PrivateFile.write(Data("x".utf8), to: folder.appendingPathComponent("a.txt"))
        #expect(try mode("a.txt") == 0o600)
        let loose = folder.appendingPathComponent("b.csv")
        _ = FileManager.default.createFile(atPath: loose.path, contents: nil, attributes: [.posixPermissions: 0o644])
        var writer = try CSVWriter(url: loose)
        try writer.write(["line", "email"])
        try writer.write(["2", "ana@example.com"])
        try writer.close()
        #expect(try mode("b.csv") == 0o600)
        let file = WrittenFile(path: loose.path, kind: .importRejects)
        #expect(try FileScrubber.scrub(file, of: ana) == .scrubbed)
        #expect(try mode("b.csv") == 0o600)
    }
}
