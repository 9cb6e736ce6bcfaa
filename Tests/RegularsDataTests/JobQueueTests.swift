import Foundation
import RegularsData
import RegularsTestSupport
import Testing

/// The job queue `regulars worker` takes from, on a real SQLite store, with the clock given.
@Suite("Jobs: queued once, held under a lease, taken again when a worker dies, parked after three failures")
struct JobQueueTests {
    @Test(
        "a kind waiting once is queued once; a worker takes the oldest, and no two take the same kind at once",
        arguments: StoreKind.available)
    func queueAndClaim(kind: StoreKind) throws {
        let store = try TemporaryStore.make(kind)
        #expect(try store.enqueue(job: .train, at: 100))
        #expect(try !store.enqueue(job: .train, at: 101), "one is waiting: marking the shop stale again adds none")
        let first = try #require(try store.claimJob(worker: "A", at: 110, lease: 30))
        #expect(first.state == .running && first.attempts == 1 && first.worker == "A" && first.leaseUntil == 140)
        #expect(try store.claimJob(worker: "B", at: 111, lease: 30) == nil)
        // New orders while it trains: a second training is queued, but waits until the first is over.
        #expect(try store.enqueue(job: .train, at: 112))
        #expect(try store.claimJob(worker: "B", at: 113, lease: 30) == nil)
        #expect(try store.finish(job: first.id, worker: "A", at: 120, result: "model version 2", error: nil))
        let second = try #require(try store.claimJob(worker: "B", at: 121, lease: 30))
        #expect(second.id != first.id && second.worker == "B")
        #expect(try store.jobs(limit: 10).map(\.state) == [.running, .done])
    }

    @Test(
        "a campaign job keeps its segment: the same segment waiting is queued once, another segment is its own job",
        arguments: StoreKind.available)
    func arguments(kind: StoreKind) throws {
        let store = try TemporaryStore.make(kind)
        #expect(try store.enqueue(job: .campaign, argument: "lapsed", at: 100))
        #expect(try !store.enqueue(job: .campaign, argument: "lapsed", at: 101))
        #expect(try store.enqueue(job: .campaign, argument: "champions", at: 102))
        #expect(try store.enqueue(job: .train, at: 103), "a training is not a campaign")
        let first = try #require(try store.claimJob(worker: "A", at: 110, lease: 30))
        #expect(first.kind == "campaign" && first.argument == "lapsed")
        let training = try #require(try store.claimJob(worker: "B", at: 111, lease: 30))
        #expect(training.kind == "train" && training.argument == nil, "one campaign at a time; the training goes by")
        #expect(try store.finish(job: first.id, worker: "A", at: 120, result: "campaign", error: nil))
        #expect(try store.claimJob(worker: "A", at: 121, lease: 30)?.argument == "champions")
        #expect(try store.jobs(limit: 10).map(\.argument) == [nil, "champions", "lapsed"], "newest first")
    }

    @Test(
        "a worker that stops renewing loses the job to another after its lease; the late one's finish is refused",
        arguments: StoreKind.available)
    func leaseExpiry(kind: StoreKind) throws {
        let store = try TemporaryStore.make(kind)
        _ = try store.enqueue(job: .train, at: 0)
        let job = try #require(try store.claimJob(worker: "A", at: 10, lease: 30))
        #expect(try store.renewLease(job: job.id, worker: "A", until: 60))
        #expect(try store.claimJob(worker: "B", at: 59, lease: 30) == nil, "renewed until 60")
        #expect(try !store.renewLease(job: job.id, worker: "B", until: 90), "only the holder renews")
        let taken = try #require(try store.claimJob(worker: "B", at: 60, lease: 30))
        #expect(taken.id == job.id && taken.attempts == 2 && taken.worker == "B")
        #expect(try !store.renewLease(job: job.id, worker: "A", until: 100))
        #expect(try !store.finish(job: job.id, worker: "A", at: 70, result: "late", error: nil))
        #expect(try store.finish(job: job.id, worker: "B", at: 80, result: "model version 2", error: nil))
        let done = try #require(try store.jobs(limit: 1).first)
        #expect(done.state == .done && done.result == "model version 2" && done.finishedAt == 80)
    }

    @Test(
        "a failed job is tried again a minute later and parked after three attempts; so is one whose workers die",
        arguments: StoreKind.available)
    func failuresPark(kind: StoreKind) throws {
        let store = try TemporaryStore.make(kind)
        _ = try store.enqueue(job: .train, at: 0)
        var time: Int64 = 0
        for attempt in 1...3 {
            let job = try #require(try store.claimJob(worker: "A", at: time, lease: 30))
            #expect(job.attempts == attempt)
            #expect(try store.finish(job: job.id, worker: "A", at: time, result: nil, error: "no orders"))
            #expect(try store.claimJob(worker: "A", at: time + Job.retryDelay - 1, lease: 30) == nil)
            time += Job.retryDelay
        }
        let parked = try #require(try store.jobs(limit: 1).first)
        #expect(parked.state == .parked && parked.error == "no orders")
        #expect(try store.claimJob(worker: "A", at: time + 1_000, lease: 30) == nil)

        _ = try store.enqueue(job: .train, at: time)
        for _ in 1...3 { #expect(try store.claimJob(worker: "dies", at: time, lease: 30) != nil); time += 31 }
        #expect(try store.claimJob(worker: "B", at: time, lease: 30) == nil)
        let killed = try #require(try store.jobs(limit: 1).first)
        #expect(killed.state == .parked && killed.attempts == 3)
        #expect(killed.error == "its worker stopped before finishing, 3 times (lease expired)")
    }
}
