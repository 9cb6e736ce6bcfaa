import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The processor time the calling thread has used, for timing a single-threaded model that shares the machine:
/// unlike the wall clock, it leaves out the time the thread waited for a core.
enum ThreadClock {
    /// The monotonic wall clock, in the same unit, for what runs on several threads.
    static func wallSeconds() -> Double { ProcessInfo.processInfo.systemUptime }

    static func seconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
