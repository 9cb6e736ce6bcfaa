import Foundation

/// The process's own memory statistics.
public enum ProcessMemory {
    /// Peak resident set size in bytes (`VmHWM` of `/proc/self/status`); `nil` where there is no `/proc`.
    public static func peakResidentBytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let digits = line.dropFirst("VmHWM:".count).filter(\.isNumber)
            return Int(digits).map { $0 * 1024 }
        }
        return nil
    }
}
