import Foundation
import Testing
@testable import Notifier

/// Recurring jobs schedule themselves, once per slot, however many Notifiers run.
@Suite(.serialized) struct RecurringJobTests {
    static func makeJob(_ runs: Recorder<Int64>) -> RecurringJob {
        RecurringJob(kind: "test.recurring", schedule: .every(minutes: 10), handler: ClosureJobHandler { job in
            runs.append(job.id)
            return .completed
        })
    }

    @Test func manyNotifiersStartingAtOnceQueueOneRun() async throws {
        let db = try await QueueDatabase.make()
        defer { Task { await db.close() } }
        let recurring = Self.makeJob(Recorder())
        let now = Date()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<6 {
                let queue = db.queue("notifier-\(index)")
                group.addTask { try await recurring.ensureScheduled(on: queue, now: now) }
            }
            try await group.waitForAll()
        }
        let rows = try await db.owner.query("SELECT state, run_at FROM notify.job WHERE kind = 'test.recurring'")
            .map { try $0.decode((String, Date).self) }
        #expect(rows.count == 1)
        #expect(rows.first?.0 == "scheduled")
        #expect(rows.first?.1 == RecurringSchedule.every(minutes: 10).next(after: now))
        #expect(try await recurring.ensureScheduled(on: db.queue(), now: now) == nil, "a waiting run is enough")
    }

    @Test func eachRunQueuesTheNextSlotFirst() async throws {
        let db = try await QueueDatabase.make()
        defer { Task { await db.close() } }
        let runs = Recorder<Int64>()
        let recurring = Self.makeJob(runs)
        let slot = RecurringScheduleTests.stockholm("2026-11-23T09:10:00")
        let handler = recurring.schedulingHandler(queue: db.queue(), clock: { slot.addingTimeInterval(5) })
        let job = Job(id: 77, kind: recurring.kind, payload: .empty, runAt: slot, created: slot)
        #expect(try await handler.handle(job) == .completed)
        #expect(try await handler.handle(job) == .completed, "a rerun of the same slot queues nothing new")
        #expect(runs.all == [77, 77])
        let next = try await db.owner.query("SELECT run_at, unique_key FROM notify.job WHERE kind = 'test.recurring'")
            .map { try $0.decode((Date, String).self) }
        #expect(next.map(\.0) == [RecurringScheduleTests.stockholm("2026-11-23T09:20:00")])
        #expect(next.first?.1 == "recurring:test.recurring:\(Int(RecurringScheduleTests.stockholm("2026-11-23T09:20:00").timeIntervalSince1970))")
    }

    @Test func afterAnOutageTheMissedSlotsAreSkipped() async throws {
        let db = try await QueueDatabase.make()
        defer { Task { await db.close() } }
        let recurring = Self.makeJob(Recorder())
        let slot = RecurringScheduleTests.stockholm("2026-11-23T09:10:00")
        let now = RecurringScheduleTests.stockholm("2026-11-23T13:47:00")
        let handler = recurring.schedulingHandler(queue: db.queue(), clock: { now })
        _ = try await handler.handle(Job(id: 1, kind: recurring.kind, payload: .empty, runAt: slot, created: slot))
        let next = try await db.owner.query("SELECT run_at FROM notify.job WHERE kind = 'test.recurring'").map { try $0.decode(Date.self, column: 0) }
        #expect(next == [RecurringScheduleTests.stockholm("2026-11-23T13:50:00")])
    }
}
