import Foundation
import RegularsTestSupport

// Writes the synthetic generic-orders file of the import benchmarks: `RegularsSyntheticOrders LINES FILE`.
// A tool of scripts/import-vs-sqlite.sh, kept out of the shipped `regulars` executable.
let arguments = CommandLine.arguments.dropFirst()
guard arguments.count == 2, let lines = Int(arguments.first!), lines > 0 else {
    FileHandle.standardError.write(Data("usage: RegularsSyntheticOrders LINES FILE\n".utf8))
    exit(2)
}
do {
    try SyntheticOrdersFile.write(lines: lines, to: URL(fileURLWithPath: arguments.last!))
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}
