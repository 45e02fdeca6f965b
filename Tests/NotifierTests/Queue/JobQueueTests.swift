import Foundation
import Postgres
import Testing
import TestSupport
@testable import Notifier

/// The queue's SQL through `JobQueue`, against a real PostgreSQL as production runs it (`wr_worker`
/// acting as `wr_notifier`).
@Suite(.serialized) struct JobQueueTests {
    @Test func enqueueInARolledBackTransactionLeavesNoJob() async throws {
        let db = try await QueueDatabase.make()
        defer { Task { await db.close() } }
        struct Undo: Error {}
        await #expect(throws: Undo.self) {
            try await db.notifier.transaction { transaction in
                try await JobQueue.enqueue(JobRequest(kind: "test.rolled_back"), on: transaction)
                throw Undo()
            }
        }
        #expect(try await db.counts().isEmpty)
        #expect(try await db.queue().claim(limit: 10, lease: .seconds(60)).isEmpty)
    }

    @Test func theProductsEnqueueIsRolledBackWithItsTransactionToo() async throws {
        let db = try await QueueDatabase.make()
        defer { Task { await db.close() } }
        let app = db.database.makePool(user: "wr_app")
        defer { Task { await app.close() } }
        do {
            try await app.transaction(as: SessionContext(role: "wr_employee")) { transaction in
                _ = try await transaction.query("SELECT notify.enqueue('support.new_message_for_team', '{}'::jsonb)")
                _ = try await transaction.query("SELECT 1 / 0")
            }
            Issue.record("the division by zero should have failed the transaction")
        } catch let error as PostgresError {
            #expect(error.sqlState == "22012")
        }
        #expect(try await db.counts().isEmpty)
    }

    @Test func aUniqueKeyQueuesTheSameReminderOnce() async throws {
        let db = try await QueueDatabase.make()
        defer { Task { await db.close() } }
        let queue = db.queue()
        let request = JobRequest(kind: "routine.manager_digest_send", uniqueKey: "routine.manager_digest:m1:2026-11-23")
        let first = try await queue.enqueue(request)
        let second = try await queue.enqueue(request)
        #expect(first != nil)
        #expect(second == nil)
        // Still refused once the first has been delivered: the same reminder never goes out twice.
        let claimed = try await queue.claim(limit: 10, lease: .seconds(60))
        try await queue.complete(claimed.map(\.id))
        #expect(try await queue.enqueue(request) == nil)
        #expect(try await db.counts() == ["completed": 1])
    }

    @Test func claimTakesTheMostUrgentOldestJobsAndLeasesThem() async throws {
        let db = try await QueueDatabase.make()
        defer { Task { await db.close() } }
        let queue = db.queue("worker-a")
        let low = try await queue.enqueue(JobRequest(kind: "test.low", priority: 4))
        let first = try await queue.enqueue(JobRequest(kind: "test.first", priority: 2))
        let urgent = try await queue.enqueue(JobRequest(kind: "test.urgent", priority: 1))
        let later = try await queue.enqueue(JobRequest(kind: "test.later", runAt: Date().addingTimeInterval(3600)))

        let claimed = try await queue.claim(limit: 2, lease: .seconds(60))
        #expect(claimed.map(\.id) == [urgent, first].compactMap { $0 })
        #expect(claimed.allSatisfy { $0.attempt == 1 })
        let leases = try await db.owner.query("""
            SELECT count(*) FROM notify.job WHERE state = 'running' AND worker = 'worker-a'
              AND leased_until BETWEEN now() + interval '50 seconds' AND now() + interval '70 seconds'
            """).first!.decode(Int.self, column: 0)
        #expect(leases == 2)
        let rest = try await queue.claim(limit: 10, lease: .seconds(60))
        #expect(rest.map(\.id) == [low].compactMap { $0 }, "the job scheduled for later is not ready")
        #expect(try await db.job(try requireValue(later)).state == "scheduled")
    }

    @Test func concurrentClaimsNeverHandOutTheSameJob() async throws {
        let db = try await QueueDatabase.make()
        defer { Task { await db.close() } }
        let ids = try await db.enqueue(600)
        let claimedByWorker = try await withThrowingTaskGroup(of: [Int64].self) { group in
            for worker in 0..<4 {
                let queue = db.queue("worker-\(worker)")
                group.addTask {
                    var mine: [Int64] = []
                    while true {
                        let batch = try await queue.claim(limit: 7, lease: .seconds(60))
                        if batch.isEmpty { return mine }
                        mine += batch.map(\.id)
                        try await queue.complete(batch.map(\.id))
                    }
                }
            }
            return try await group.reduce(into: [[Int64]]()) { $0.append($1) }
        }
        let all = claimedByWorker.flatMap { $0 }
        #expect(all.count == ids.count, "a job was claimed twice or not at all")
        #expect(Set(all) == Set(ids))
        #expect(claimedByWorker.filter { !$0.isEmpty }.count > 1, "the claims did not actually run side by side")
        #expect(try await db.counts() == ["completed": 600])
    }

    @Test func anExpiredLeaseIsRescuedAndTheJobRunsAgain() async throws {
        let db = try await QueueDatabase.make()
        defer { Task { await db.close() } }
        let id = try #require(try await db.enqueue(1).first)
        let crashed = db.queue("crashed")
        _ = try await crashed.claim(limit: 1, lease: .seconds(2))
        let survivor = db.queue("survivor")
        #expect(try await survivor.rescue() == 0, "a live lease must not be rescued")
        try await Task.sleep(for: .milliseconds(2500))
        #expect(try await survivor.rescue() == 1)
        let again = try await survivor.claim(limit: 1, lease: .seconds(60))
        #expect(again.map(\.id) == [id])
        #expect(again.first?.attempt == 2)
        #expect(try await db.job(id).errors == ["lease_expired"])
        // The crashed worker's late completion no longer applies: the job is the survivor's now.
        #expect(try await crashed.complete([id]) == 0)
        #expect(try await survivor.complete([id]) == 1)
    }

    @Test func aLateCompletionByTheOriginalWorkerSavesASecondDelivery() async throws {
        let db = try await QueueDatabase.make()
        defer { Task { await db.close() } }
        let id = try #require(try await db.enqueue(1).first)
        let slow = db.queue("slow")
        _ = try await slow.claim(limit: 1, lease: .milliseconds(100))
        try await Task.sleep(for: .milliseconds(200))
        #expect(try await db.queue().rescue() == 1)
        #expect(try await slow.complete([id]) == 1)
        #expect(try await db.job(id).state == "completed")
        #expect(try await db.queue().claim(limit: 1, lease: .seconds(60)).isEmpty)
    }

    @Test func aFailingJobIsRetriedUntilItsLastAttemptThenKeptWithItsErrors() async throws {
        let db = try await QueueDatabase.make()
        defer { Task { await db.close() } }
        let id = try #require(try await db.enqueue(1, maxAttempts: 3).first)
        let queue = db.queue()
        let failure = JobFailure(code: "smtp.temporaryFailure", kind: .temporary, details: ["reply": "451"])
        var states: [JobState?] = []
        for _ in 1...3 {
            _ = try await queue.stage()
            let jobs = try await queue.claim(limit: 1, lease: .seconds(60))
            #expect(jobs.map(\.id) == [id])
            states.append(try await queue.fail(id, failure: failure, retryAfter: .zero))
        }
        #expect(states == [.retryable, .retryable, .discarded])
        let job = try await db.job(id)
        #expect(job.attempt == 3)
        #expect(job.errors == ["smtp.temporaryFailure", "smtp.temporaryFailure", "smtp.temporaryFailure"])
        let entry = try await db.owner.query("SELECT errors -> 0 ->> 'reply', errors -> 2 ->> 'attempt' FROM notify.job WHERE id = \(id)").first!
        #expect(try entry.decode((String, String).self) == ("451", "3"))
        _ = try await queue.stage()
        #expect(try await queue.claim(limit: 1, lease: .seconds(60)).isEmpty, "a dead letter is never claimed")
    }

    @Test func aRetryWaitsForItsBackoff() async throws {
        let db = try await QueueDatabase.make()
        defer { Task { await db.close() } }
        let id = try #require(try await db.enqueue(1).first)
        let queue = db.queue()
        _ = try await queue.claim(limit: 1, lease: .seconds(60))
        try await queue.fail(id, failure: JobFailure(code: "x", kind: .temporary), retryAfter: .seconds(30))
        _ = try await queue.stage()
        #expect(try await queue.claim(limit: 1, lease: .seconds(60)).isEmpty)
        let wait = try await db.owner.query("SELECT extract(epoch FROM run_at - now())::float8 FROM notify.job WHERE id = \(id)").first!
            .decode(Double.self, column: 0)
        #expect(wait > 25 && wait <= 30)
    }

    @Test func aPermanentFailureIsDiscardedAtOnce() async throws {
        let db = try await QueueDatabase.make()
        defer { Task { await db.close() } }
        let id = try #require(try await db.enqueue(1).first)
        let queue = db.queue()
        _ = try await queue.claim(limit: 1, lease: .seconds(60))
        #expect(try await queue.fail(id, failure: JobFailure(code: "smtp.permanentFailure", kind: .permanent), retryAfter: nil) == .discarded)
        #expect(try await db.job(id).attempt == 1)
    }

    @Test func aSnoozedJobWaitsWithoutCountingAnAttempt() async throws {
        let db = try await QueueDatabase.make()
        defer { Task { await db.close() } }
        let id = try #require(try await db.enqueue(1).first)
        let queue = db.queue()
        _ = try await queue.claim(limit: 1, lease: .seconds(60))
        let until = Date().addingTimeInterval(3600)
        #expect(try await queue.snooze(id, until: until))
        let snoozed = try await db.job(id)
        #expect(snoozed.state == "scheduled")
        #expect(snoozed.attempt == 0)
        #expect(abs(snoozed.runAt.timeIntervalSince(until)) < 0.001)
        _ = try await queue.stage()
        #expect(try await queue.claim(limit: 1, lease: .seconds(60)).isEmpty)
        // Its time comes.
        _ = try await db.owner.query("UPDATE notify.job SET run_at = now() - interval '1 second' WHERE id = \(id)")
        #expect(try await queue.stage() == 1)
        #expect(try await queue.claim(limit: 1, lease: .seconds(60)).first?.attempt == 1)
    }

    @Test func releasedJobsGoBackUncountedForAnyWorker() async throws {
        let db = try await QueueDatabase.make()
        defer { Task { await db.close() } }
        let ids = try await db.enqueue(3)
        let stopping = db.queue("stopping")
        _ = try await stopping.claim(limit: 3, lease: .seconds(60))
        #expect(try await stopping.release(ids) == 3)
        let other = try await db.queue("other").claim(limit: 3, lease: .seconds(60))
        #expect(Set(other.map(\.id)) == Set(ids))
        #expect(other.allSatisfy { $0.attempt == 1 })
    }

    @Test func leasesAreExtendedOnlyForTheirOwnWorker() async throws {
        let db = try await QueueDatabase.make()
        defer { Task { await db.close() } }
        let ids = try await db.enqueue(2)
        let holder = db.queue("holder")
        _ = try await holder.claim(limit: 2, lease: .milliseconds(200))
        #expect(try await db.queue("stranger").extendLeases(ids, lease: .seconds(60)) == 0)
        #expect(try await holder.extendLeases(ids, lease: .seconds(60)) == 2)
        try await Task.sleep(for: .milliseconds(300))
        #expect(try await holder.rescue() == 0)
    }

    @Test func pruneDeletesOnlyFinishedJobsPastTheirTime() async throws {
        let db = try await QueueDatabase.make()
        defer { Task { await db.close() } }
        let ids = try await db.enqueue(4)
        let queue = db.queue()
        _ = try await queue.claim(limit: 4, lease: .seconds(60))
        try await queue.complete([ids[0], ids[1]])
        try await queue.fail(ids[2], failure: JobFailure(code: "x", kind: .permanent), retryAfter: nil)
        _ = try await db.owner.query("UPDATE notify.job SET finalized_at = now() - interval '8 days' WHERE id = ANY(\([ids[0], ids[2]]))")
        let pruned = try await queue.prune(completedAfter: .seconds(7 * 86_400), discardedAfter: .seconds(90 * 86_400))
        #expect(pruned == 1)
        let left = try await db.owner.query("SELECT id FROM notify.job ORDER BY id").map { try $0.decode(Int64.self, column: 0) }
        #expect(left == [ids[1], ids[2], ids[3]], "a recent completion, a recent dead letter and a running job stay")
    }

    @Test func operatorsRetryDeadLettersAndDiscardWaitingJobs() async throws {
        let db = try await QueueDatabase.make()
        defer { Task { await db.close() } }
        let ids = try await db.enqueue(2, maxAttempts: 1)
        let queue = db.queue()
        _ = try await queue.claim(limit: 1, lease: .seconds(60))
        try await queue.fail(ids[0], failure: JobFailure(code: "smtp.connectFailed", kind: .temporary), retryAfter: .zero)
        #expect(try await db.job(ids[0]).state == "discarded")

        #expect(try await queue.discard(ids[1]))
        #expect(try await db.job(ids[1]).errors == ["discarded_by_operator"])

        #expect(try await queue.retry(ids[0]))
        let retried = try await queue.claim(limit: 2, lease: .seconds(60))
        #expect(retried.map(\.id) == [ids[0]], "the retried job runs; the discarded one does not")
        #expect(retried.first.map { $0.attempt <= $0.maxAttempts } == true, "a retried dead letter gets another attempt")
        #expect(try await queue.discard(ids[0]) == false, "a running job belongs to its worker")
        #expect(try await queue.retry(999_999) == false)
    }

    @Test func statusShowsCountsRunningJobsAndDeadLetterCodes() async throws {
        let db = try await QueueDatabase.make()
        defer { Task { await db.close() } }
        let ids = try await db.enqueue(3, kind: "support.team_notice")
        let queue = db.queue("status-worker")
        _ = try await queue.claim(limit: 2, lease: .seconds(60))
        try await queue.fail(ids[0], failure: JobFailure(code: "smtp.permanentFailure", kind: .permanent), retryAfter: nil)
        let status = try await queue.status()
        #expect(status.countsByState == [.available: 1, .running: 1, .discarded: 1])
        #expect(status.activeByKind == ["support.team_notice": 2])
        #expect(status.running.map(\.worker) == ["status-worker"])
        #expect(status.deadLetters.map(\.errorCodes) == [["smtp.permanentFailure"]])
        let text = status.render()
        #expect(text.contains("#\(ids[0]) support.team_notice attempts 1/10"))
        #expect(!text.contains("\"n\""), "payloads are never shown")
    }
}
