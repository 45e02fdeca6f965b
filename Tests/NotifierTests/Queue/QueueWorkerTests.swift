import Foundation
import Postgres
import Testing
import TestSupport
@testable import Notifier

/// The worker in this process against a real PostgreSQL: wake-up, batches, retries, leases and
/// graceful shutdown.
@Suite(.serialized) struct QueueWorkerTests {
    func makeWorker(
        _ db: QueueDatabase, name: String = "worker", handlers: JobHandlers,
        configuration: QueueWorkerConfiguration = QueueWorkerConfiguration(), listens: Bool = true
    ) -> QueueWorker {
        var configuration = configuration
        configuration.listens = listens
        let listener = PostgresListener(configuration: db.database.configuration(user: "wr_worker"), logger: .disabled)
        return QueueWorker(queue: db.queue(name), handlers: handlers, configuration: configuration, listener: listener, logger: .disabled)
    }

    @Test func aNotifyWakesTheWorkerWithoutWaitingForThePoll() async throws {
        let db = try await QueueDatabase.make()
        defer { Task { await db.close() } }
        let seen = Recorder<Int64>()
        var handlers = JobHandlers()
        handlers.register("test.noop") { job in
            seen.append(job.id)
            return .completed
        }
        // A poll interval far longer than the test waits: only the NOTIFY can wake the worker.
        let worker = makeWorker(db, handlers: handlers, configuration: QueueWorkerConfiguration(pollInterval: .seconds(600)))
        let running = Task { await worker.run() }
        // The worker starts idle, listening (its first poll finds nothing).
        let superuser = db.database.makePool()
        defer { Task { await superuser.close() } }
        #expect(try await eventually {
            try await superuser.query("SELECT count(*) FROM pg_stat_activity WHERE datname = \(db.database.name) AND query LIKE 'LISTEN%'")
                .first!.decode(Int.self, column: 0) == 1
        })
        try await Task.sleep(for: .milliseconds(200))
        let ids = try await db.enqueue(3)
        #expect(try await eventually(timeout: .seconds(30)) { seen.count == 3 })
        #expect(Set(seen.all) == Set(ids))
        #expect(try await eventually { try await db.counts() == ["completed": 3] })
        worker.shutdown()
        await running.value
    }

    @Test func withoutListeningTheWorkerPolls() async throws {
        let db = try await QueueDatabase.make()
        defer { Task { await db.close() } }
        var handlers = JobHandlers()
        handlers.register("test.noop") { _ in .completed }
        let worker = makeWorker(db, handlers: handlers, configuration: QueueWorkerConfiguration(pollInterval: .milliseconds(50)), listens: false)
        let running = Task { await worker.run() }
        try await Task.sleep(for: .milliseconds(100))
        try await db.enqueue(5)
        #expect(try await eventually { try await db.counts() == ["completed": 5] })
        worker.shutdown()
        await running.value
    }

    @Test func aFailingJobIsRetriedWithBackoffAndDiscardedAfterItsLastAttemptWithErrorsKept() async throws {
        let db = try await QueueDatabase.make()
        defer { Task { await db.close() } }
        let attempts = Recorder<(Int, Date)>()
        var handlers = JobHandlers()
        handlers.register("test.noop") { job in
            attempts.append((job.attempt, Date()))
            throw SMSGatewayError.classify(status: 503)!
        }
        let configuration = QueueWorkerConfiguration(pollInterval: .milliseconds(20), backoff: Backoff(unit: .milliseconds(20), jitter: 0))
        let worker = makeWorker(db, handlers: handlers, configuration: configuration)
        let running = Task { await worker.run() }
        let id = try #require(try await db.enqueue(1, maxAttempts: 3).first)
        #expect(try await eventually { try await db.job(id).state == "discarded" })
        worker.shutdown()
        await running.value

        #expect(attempts.all.map(\.0) == [1, 2, 3])
        let times = attempts.all.map(\.1)
        // attempt⁴ × 20 ms: at least 20 ms after the first failure, 320 ms after the second.
        #expect(times[1].timeIntervalSince(times[0]) >= 0.02)
        #expect(times[2].timeIntervalSince(times[1]) >= 0.32)
        #expect(try await db.job(id).errors == ["sms.serverError", "sms.serverError", "sms.serverError"])
    }

    @Test func aPermanentFailureIsNotRetried() async throws {
        let db = try await QueueDatabase.make()
        defer { Task { await db.close() } }
        let attempts = Recorder<Int>()
        var handlers = JobHandlers()
        handlers.register("test.noop") { job in
            attempts.append(job.attempt)
            throw NotificationChannelError(.recipientNotSupported, channel: "email")
        }
        let worker = makeWorker(db, handlers: handlers, configuration: QueueWorkerConfiguration(pollInterval: .milliseconds(20)))
        let running = Task { await worker.run() }
        let id = try #require(try await db.enqueue(1).first)
        #expect(try await eventually { try await db.job(id).state == "discarded" })
        worker.shutdown()
        await running.value
        #expect(attempts.all == [1])
        #expect(try await db.job(id).errors == ["channel.recipientNotSupported"])
    }

    @Test func anUnknownKindWaitsForANotifierThatKnowsIt() async throws {
        let db = try await QueueDatabase.make()
        defer { Task { await db.close() } }
        let worker = makeWorker(db, handlers: JobHandlers(), configuration: QueueWorkerConfiguration(pollInterval: .milliseconds(20)))
        let running = Task { await worker.run() }
        let id = try #require(try await db.enqueue(1, kind: "test.from_the_future").first)
        #expect(try await eventually { try await db.job(id).state == "retryable" })
        worker.shutdown()
        await running.value
        #expect(try await db.job(id).errors == ["job.unknownKind"])
    }

    @Test func twoWorkersDeliverEveryJobExactlyOnce() async throws {
        let db = try await QueueDatabase.make()
        defer { Task { await db.close() } }
        let seen = Recorder<(String, Int64)>()
        func handlers(_ name: String) -> JobHandlers {
            var handlers = JobHandlers()
            handlers.register("test.noop") { job in
                seen.append((name, job.id))
                try await Task.sleep(for: .milliseconds(Int.random(in: 0...2)))
                return .completed
            }
            return handlers
        }
        let configuration = QueueWorkerConfiguration(batchSize: 10, pollInterval: .milliseconds(50))
        let workers = ["a", "b"].map { makeWorker(db, name: $0, handlers: handlers($0), configuration: configuration) }
        let running = workers.map { worker in Task { await worker.run() } }
        let ids = try await db.enqueue(400)
        #expect(try await eventually(timeout: .seconds(60)) { try await db.counts() == ["completed": 400] })
        for worker in workers { worker.shutdown() }
        for task in running { await task.value }
        let delivered = seen.all.map(\.1)
        #expect(delivered.count == 400, "\(delivered.count - Set(delivered).count) jobs delivered twice")
        #expect(Set(delivered) == Set(ids))
        #expect(Set(seen.all.map(\.0)) == ["a", "b"], "both workers took part")
    }

    @Test func aSlowJobDoesNotHoldUpTheOthers() async throws {
        let db = try await QueueDatabase.make()
        defer { Task { await db.close() } }
        var handlers = JobHandlers()
        handlers.register("test.slow") { _ in
            try await Task.sleep(for: .seconds(600))
            return .completed
        }
        handlers.register("test.noop") { _ in .completed }
        let worker = makeWorker(db, handlers: handlers, configuration: QueueWorkerConfiguration(maximumRunning: 4, pollInterval: .milliseconds(20)))
        let running = Task { await worker.run() }
        try await db.enqueue(1, kind: "test.slow")
        try await Task.sleep(for: .milliseconds(100))
        try await db.enqueue(20)
        #expect(try await eventually { try await db.counts(kind: "test.noop") == ["completed": 20] })
        running.cancel()
        await running.value
    }

    @Test func leasesAreExtendedWhileAJobRuns() async throws {
        let db = try await QueueDatabase.make()
        defer { Task { await db.close() } }
        var handlers = JobHandlers()
        handlers.register("test.noop") { _ in
            try await Task.sleep(for: .seconds(5))
            return .completed
        }
        // A lease far shorter than the job: without the heartbeat (every 0.5 s) it would be rescued.
        let configuration = QueueWorkerConfiguration(lease: .milliseconds(1500), pollInterval: .milliseconds(20), rescueInterval: .milliseconds(100))
        let worker = makeWorker(db, handlers: handlers, configuration: configuration)
        let running = Task { await worker.run() }
        let id = try #require(try await db.enqueue(1).first)
        #expect(try await eventually { try await db.job(id).state == "completed" })
        worker.shutdown()
        await running.value
        let job = try await db.job(id)
        #expect(job.errors.isEmpty, "the job was rescued although its worker was alive: \(job.errors)")
        #expect(job.attempt == 1)
    }

    @Test func shutdownLetsRunningJobsFinish() async throws {
        let db = try await QueueDatabase.make()
        defer { Task { await db.close() } }
        let started = Recorder<Int64>()
        var handlers = JobHandlers()
        handlers.register("test.noop") { job in
            started.append(job.id)
            try await Task.sleep(for: .milliseconds(400))
            return .completed
        }
        let worker = makeWorker(db, handlers: handlers, configuration: QueueWorkerConfiguration(pollInterval: .milliseconds(20), shutdownGrace: .seconds(10)))
        let running = Task { await worker.run() }
        let ids = try await db.enqueue(2)
        #expect(try await eventually { started.count == 2 })
        worker.shutdown()
        await running.value
        for id in ids { #expect(try await db.job(id).state == "completed") }
    }

    @Test func shutdownGivesBackJobsThatOutlastTheGrace() async throws {
        let db = try await QueueDatabase.make()
        defer { Task { await db.close() } }
        let started = Recorder<Int64>()
        var handlers = JobHandlers()
        handlers.register("test.noop") { job in
            started.append(job.id)
            try await Task.sleep(for: .seconds(600))
            return .completed
        }
        let configuration = QueueWorkerConfiguration(maximumRunning: 2, pollInterval: .milliseconds(20), shutdownGrace: .milliseconds(200))
        let worker = makeWorker(db, handlers: handlers, configuration: configuration)
        let running = Task { await worker.run() }
        let ids = try await db.enqueue(5)
        #expect(try await eventually { started.count == 2 })
        let stoppedAt = ContinuousClock.now
        worker.shutdown()
        await running.value
        #expect(stoppedAt.duration(to: .now) < .seconds(5))
        for id in ids {
            let job = try await db.job(id)
            #expect(job.state == "available", "job \(id) is \(job.state)")
            #expect(job.attempt == 0, "a given-back job keeps its attempts")
        }
    }

    @Test func cancellingTheWorkerGivesBackItsJobsAtOnce() async throws {
        let db = try await QueueDatabase.make()
        defer { Task { await db.close() } }
        let started = Recorder<Int64>()
        var handlers = JobHandlers()
        handlers.register("test.noop") { job in
            started.append(job.id)
            try await Task.sleep(for: .seconds(600))
            return .completed
        }
        let worker = makeWorker(db, handlers: handlers, configuration: QueueWorkerConfiguration(pollInterval: .milliseconds(20)))
        let running = Task { await worker.run() }
        let ids = try await db.enqueue(3)
        #expect(try await eventually { started.count == 3 })
        running.cancel()
        await running.value
        for id in ids { #expect(try await db.job(id).state == "available") }
    }

    @Test func aSnoozedJobComesBackAtItsTime() async throws {
        let db = try await QueueDatabase.make()
        defer { Task { await db.close() } }
        let runs = Recorder<(Int, Date)>()
        var handlers = JobHandlers()
        handlers.register("test.noop") { job in
            runs.append((job.attempt, Date()))
            return runs.count == 1 ? .snoozed(until: Date().addingTimeInterval(0.5)) : .completed
        }
        let worker = makeWorker(db, handlers: handlers, configuration: QueueWorkerConfiguration(pollInterval: .milliseconds(20)))
        let running = Task { await worker.run() }
        let id = try #require(try await db.enqueue(1).first)
        #expect(try await eventually { try await db.job(id).state == "completed" })
        worker.shutdown()
        await running.value
        #expect(runs.all.map(\.0) == [1, 1], "the snoozed run did not count an attempt")
        #expect(runs.all[1].1.timeIntervalSince(runs.all[0].1) >= 0.5)
    }
}
