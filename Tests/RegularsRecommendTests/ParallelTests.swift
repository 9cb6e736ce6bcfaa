import Foundation
import Testing

@testable import RegularsRecommend

#if canImport(Glibc)
    import Glibc
#endif

@Suite("Parallel training tasks")
struct ParallelTests {
    @Test("both gives each closure's result; whileIdle runs the second at the lowest priority, the first as it was")
    func bothWhileIdle() {
        #if canImport(Glibc)
            func nice() -> Int32 {
                errno = 0
                return getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)
            }
            let before = nice()
            let (first, second) = Parallel.both({ (nice(), 1) }, whileIdle: true, { (nice(), 2) })
            #expect(first.1 == 1 && second.1 == 2)
            #expect(first.0 == before)
            #expect(second.0 == 19)
            #expect(nice() == before)
            let (plain, other) = Parallel.both({ nice() }, { nice() })
            #expect(plain == before && other == before)
        #else
            let (first, second) = Parallel.both({ 1 }, whileIdle: true, { 2 })
            #expect(first == 1 && second == 2)
        #endif
    }

    @Test("a thread's processor time counts its work and not its waiting")
    func threadClock() {
        let start = ThreadClock.seconds()
        Thread.sleep(forTimeInterval: 0.2)
        let slept = ThreadClock.seconds() - start
        var x: UInt64 = 1
        let busyStart = ThreadClock.seconds()
        let wall = ContinuousClock.now
        while ContinuousClock.now - wall < .milliseconds(200) { x = x &* 6_364_136_223_846_793_005 &+ 1 }
        let busy = ThreadClock.seconds() - busyStart
        #expect(x != 0)
        #expect(slept < 0.1, "slept \(slept)")
        #expect(busy > slept, "busy \(busy), slept \(slept)")
    }
}
