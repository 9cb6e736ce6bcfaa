import Foundation
import RegularsData
import RegularsTestSupport
import Testing

@testable import RegularsCLI

@Suite("regulars forget: erasure reaches every file the product wrote")
struct ForgetCommandTests {
    /// Every file under `folder`, read as bytes.
    static func files(under folder: URL) -> [(path: String, bytes: Data)] {
        let paths = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []
        return paths.compactMap { relative in
            let url = folder.appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                let bytes = FileManager.default.contents(atPath: url.path)
            else { return nil }
            return (relative, bytes)
        }
    }

    /// The files under `folder` that hold any of `needles` (e-mails compared without case).
    static func holders(of needles: [String], under folder: URL) -> [String] {
        files(under: folder).filter { file in
            let lower = Data(String(decoding: file.bytes, as: UTF8.self).lowercased().utf8)
            return needles.contains { lower.range(of: Data($0.lowercased().utf8)) != nil }
        }.map(\.path)
    }

    @Test(
        """
        on the demo shop, after a campaign, a rejects file, predictions and two trainings: no file under the shop's \
        folders holds the erased customer's id, e-mail, name or phone, and a re-import brings nothing back
        """)
    func demoShop() async throws {
        let folder = try await CLI.demoFolder()
        let store = folder.appendingPathComponent("regulars-demo.sqlite").path
        let exports = folder.appendingPathComponent("regulars-demo")
        // Someone the demo's lapsed campaign wrote to.
        let campaign = try #require(
            try FileManager.default.contentsOfDirectory(
                atPath: folder.appendingPathComponent("regulars-demo.campaigns").path
            ).first)
        let klaviyo = try String(
            contentsOfFile: folder.appendingPathComponent("regulars-demo.campaigns/\(campaign)/klaviyo.csv").path,
            encoding: .utf8)
        // Their full name and phone, as the orders export has them (the store keeps first names only). The demo
        // reuses names, so the one picked has a name no other customer has.
        let reader = try CSVReader(url: exports.appendingPathComponent("orders_export.csv"))
        var rows: [[String]] = []
        while let record = try reader.readRecord() { rows.append(record.fields) }
        let header = rows[0]
        let nameColumn = header.firstIndex(of: "Billing Name")!
        let emailColumn = header.firstIndex(of: "Email")!
        let recipients = klaviyo.split(separator: "\n").dropFirst().compactMap { $0.split(separator: ",").first }
        let row = try #require(
            recipients.lazy.compactMap { email -> [String]? in
                guard let row = rows.first(where: { $0.count == header.count && $0[emailColumn] == email }) else {
                    return nil
                }
                let namesakes = rows.filter { $0.count == header.count && $0[nameColumn] == row[nameColumn] }
                return namesakes.allSatisfy { $0[emailColumn] == email } ? row : nil
            }.first)
        let email = row[emailColumn]
        let id = try #require(try SQLiteStore(path: store).personalIdentifiers(of: email).ids.first { $0 != email })
        let name = row[nameColumn]
        let phone = row[header.firstIndex(of: "Billing Phone")!]
        let needles = [id, email, name] + (phone.isEmpty ? [] : [phone])
        // A copy of the export kept outside the shop's folders, to import again after the erasure.
        let outside = try Fixtures.temporaryDirectory().appendingPathComponent("orders_export.csv")
        try FileManager.default.copyItem(at: exports.appendingPathComponent("orders_export.csv"), to: outside)

        // A late file with one bad row of theirs: its rejects file holds their details.
        var quantity = row
        quantity[header.firstIndex(of: "Lineitem quantity")!] = "two"
        let late = folder.appendingPathComponent("late.csv")
        try (CSVWriter.line(header) + CSVWriter.line(quantity)).write(to: late, atomically: true, encoding: .utf8)
        let imported = await CLI.run(["--store", store, "import", "orders", late.path, "--skip-invalid"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let rejects = folder.appendingPathComponent("late.csv.rejects.csv")
        let predictions = folder.appendingPathComponent("predictions.csv").path
        for arguments in [
            ["predict", "--out", predictions], ["train"], ["train"],
        ] {
            let result = await CLI.run(["--store", store, "--as-of", "2025-07-01"] + arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        let before = Self.holders(of: needles, under: folder)
        for expected in ["klaviyo.csv", "mailchimp.csv", "sms.csv", "emails.txt"] {
            #expect(before.contains("regulars-demo.campaigns/\(campaign)/\(expected)"), "\(before)")
        }
        #expect(before.contains("late.csv.rejects.csv") && before.contains("predictions.csv"), "\(before)")
        #expect(before.contains("regulars-demo/orders_export.csv"), "\(before)")

        let forgot = await CLI.run(["--store", store, "--as-of", "2025-07-01", "--json", "forget", email])
        #expect(forgot.status == 0, "\(forgot.stderr)")
        // The receipt names files, never the customer.
        #expect(!needles.contains { forgot.stdout.lowercased().contains($0.lowercased()) })
        #expect(forgot.stdout.contains(rejects.lastPathComponent))
        // late.csv is the user's own file: listed as not reached, left as it is.
        #expect(forgot.stdout.contains("late.csv\""))
        let reimport = await CLI.run(["--store", store, "import", "orders", outside.path])
        #expect(reimport.status == 0, "\(reimport.stderr)")
        try FileManager.default.removeItem(at: late)
        #expect(Self.holders(of: needles, under: folder) == [])
        #expect(try SQLiteStore(path: store).personalIdentifiers(of: email).ids == [email])
        let served = await CLI.run([
            "--store", store, "--as-of", "2025-07-01", "--json", "recommend", "--placement", "home", "--customer", id,
        ])
        #expect(!served.stdout.contains("\"customer\" : \"\(id)\""))
    }

    @Test("after forget, the customer's id appears nowhere in the store file or the model files")
    func noTraceLeft() async throws {
        let folder = try Fixtures.temporaryDirectory()
        let orders = try TemporaryStore.file(
            named: "orders.csv",
            """
            order_id,customer_id,ordered_at,sku,product_name,category,quantity,unit_price
            A-1,zebra-customer-7781,2024-01-05T10:00:00Z,SKILLET,Cast-iron skillet,Cookware,1,29.90
            A-2,other-customer,2024-01-06T10:00:00Z,SKILLET,Cast-iron skillet,Cookware,1,29.90
            A-3,other-customer,2024-02-06T10:00:00Z,CAREKIT,Care kit,Cookware,1,18.50
            """)
        let store = folder.appendingPathComponent("shop.sqlite").path
        #expect(await CLI.run(["import", "orders", orders.path, "--store", store]).status == 0)
        #expect(await CLI.run(["train", "--store", store, "--as-of", "2024-03-01"]).status == 0)
        // What a training killed halfway through its write leaves behind (the crash suite found these).
        let leftover = folder.appendingPathComponent("shop.models/.v0002.models.5B1E.tmp")
        try Data("zebra-customer-7781".utf8).write(to: leftover)
        try Data("zebra-customer-7781".utf8).write(to: folder.appendingPathComponent("shop.models/.dat.nosync12.ab"))
        let forget = await CLI.run(["forget", "zebra-customer-7781", "--store", store, "--as-of", "2024-03-01"])
        #expect(forget.status == 0, "stderr: \(forget.stderr)")
        #expect(forget.stdout.contains("retrained"))
        var files = [store, store + "-wal"]
        let models = folder.appendingPathComponent("shop.models")
        files += try FileManager.default.contentsOfDirectory(atPath: models.path).map {
            models.appendingPathComponent($0).path
        }
        #expect(!FileManager.default.fileExists(atPath: leftover.path))
        for file in files where FileManager.default.fileExists(atPath: file) {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
            #expect(bytes.range(of: Data("zebra-customer-7781".utf8)) == nil, "found in \(file)")
        }
        #expect(
            await CLI.run(["import", "orders", orders.path, "--store", store]).stdout.contains("erased customer"))
    }
}
