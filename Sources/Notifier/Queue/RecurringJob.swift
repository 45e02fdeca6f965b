public import Foundation
import Postgres

/// A job the Notifier runs on a schedule (retention, deadline scans, the manager digest …).
///
/// Recurring jobs schedule themselves: each run first enqueues the next one, keyed
/// `recurring:<kind>:<epoch seconds>` so that two Notifiers can never queue the same run twice, and
/// every Notifier makes sure on start (and every few minutes) that each recurring kind has a job
/// waiting. A run that was missed (all Notifiers down) happens once when they return, not once per
/// missed slot.
public struct RecurringJob: Sendable {
    /// The job kind.
    public var kind: String
    /// When it runs.
    public var schedule: RecurringSchedule
    /// 1 (most urgent) to 4.
    public var priority: Int16
    /// What it does.
    public var handler: any JobHandler

    /// Creates a recurring job.
    public init(kind: String, schedule: RecurringSchedule, priority: Int16 = 3, handler: any JobHandler) {
        self.kind = kind
        self.schedule = schedule
        self.priority = priority
        self.handler = handler
    }

    /// The request for the run at `date`.
    func request(at date: Date) -> JobRequest {
        JobRequest(kind: kind, runAt: date, uniqueKey: "recurring:\(kind):\(Int64(date.timeIntervalSince1970))",
                   priority: priority, maxAttempts: 5)
    }

    /// Enqueues the next run unless a job of this kind is already waiting or running; returns the
    /// new job's id.
    @discardableResult
    public func ensureScheduled(on queue: JobQueue, now: Date) async throws -> Int64? {
        // One EXISTS per state group, so each reads its small partial index (claim, waiting, lease).
        let waiting = try await queue.pool.query("""
            SELECT EXISTS (SELECT 1 FROM notify.job WHERE state = 'available' AND kind = \(kind))
                OR EXISTS (SELECT 1 FROM notify.job WHERE state IN ('scheduled', 'retryable') AND kind = \(kind))
                OR EXISTS (SELECT 1 FROM notify.job WHERE state = 'running' AND kind = \(kind))
            """).first?.decode(Bool.self, column: 0) ?? false
        if waiting { return nil }
        return try await queue.enqueue(request(at: schedule.next(after: now)))
    }

    /// The handler the worker registers for `kind`: enqueue the following run, then do the work.
    public func schedulingHandler(queue: JobQueue, clock: @escaping @Sendable () -> Date) -> any JobHandler {
        let recurring = self
        return ClosureJobHandler { job in
            let now = clock()
            // Continue from this run's slot; after an outage skip to the first slot still ahead.
            var next = recurring.schedule.next(after: job.runAt)
            if next <= now { next = recurring.schedule.next(after: now) }
            try await queue.enqueue(recurring.request(at: next))
            return try await recurring.handler.handle(job)
        }
    }
}
