import Foundation

/// Peak resident memory of this process, from `/proc/self/status` (Linux).
enum ProcessMemory {
    /// `VmHWM` in bytes, or `nil` where /proc is not there.
    static var peakResidentBytes: Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let digits = line.split(separator: " ").compactMap { Int($0) }
            return digits.first.map { $0 * 1024 }
        }
        return nil
    }
}
