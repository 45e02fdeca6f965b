public import Foundation
public import Postgres

/// The queue's statements, for one worker (*kö*): claim, complete, fail, snooze, release, extend
/// leases, rescue, stage, prune, and enqueue.
///
/// The pool must act as `wr_notifier` in every session (log in as `wr_worker` with
/// `PostgresConfiguration.sessionRole = "wr_notifier"`), so each statement is one round trip and
/// autocommits. The SQL lives in `Migrations/0080_notify_queue.sql`; the statements here only call
/// it, and `scripts/bench/03-queue.sh` runs the very same text through pgbench.
public struct JobQueue: Sendable {
    /// Connections acting as `wr_notifier`.
    public let pool: PostgresPool
    /// This worker's name, recorded on the jobs it holds (`host:pid:random`).
    public let workerName: String

    /// The channel `notify.enqueue` notifies on commit.
    public static let channel = "notify_job"

    /// A queue for the worker `workerName`.
    public init(pool: PostgresPool, workerName: String = JobQueue.makeWorkerName()) {
        self.pool = pool
        self.workerName = workerName
    }

    /// A name unique to this process: host name, process id and a random part (a restarted
    /// container may reuse the pid).
    public static func makeWorkerName() -> String {
        let host = ProcessInfo.processInfo.hostName.split(separator: ".").first.map(String.init) ?? "host"
        let random = String(UInt32.random(in: 0...UInt32.max), radix: 36)
        return "\(host.prefix(40)):\(ProcessInfo.processInfo.processIdentifier):\(random)"
    }

    /// Claims up to `limit` ready jobs, each leased for `lease`.
    public func claim(limit: Int, lease: Duration) async throws -> [Job] {
        let rows = try await pool.query("""
            SELECT id, kind, payload, attempt, max_attempts, run_at, created_at, organisation_id \
            FROM notify.claim(\(workerName), \(Int32(clamping: limit)), make_interval(secs => \(Backoff.seconds(lease))))
            """)
        return try rows.map { row in
            let (id, kind, payload, attempt, maxAttempts, runAt, created, organisation) =
                try row.decode((Int64, String, JobPayload, Int, Int, Date, Date, UUID?).self)
            return Job(id: id, kind: kind, payload: payload, attempt: attempt, maxAttempts: maxAttempts,
                       runAt: runAt, created: created, organisationID: organisation)
        }
    }

    /// Marks delivered jobs completed, in one statement; returns how many were still this worker's.
    @discardableResult
    public func complete(_ ids: [Int64]) async throws -> Int {
        guard !ids.isEmpty else { return 0 }
        return try await pool.query("SELECT notify.complete(\(ids), \(workerName))").first?.decode(Int.self, column: 0) ?? 0
    }

    /// Records a failed attempt: retried after `retryAfter` (measured by the database's clock), or
    /// discarded when `retryAfter` is nil or no attempt is left. Returns the job's new state, nil if
    /// the job was no longer this worker's.
    @discardableResult
    public func fail(_ id: Int64, failure: JobFailure, retryAfter: Duration?) async throws -> JobState? {
        let seconds = retryAfter.map(Backoff.seconds)
        let rows = try await pool.query("""
            SELECT notify.fail(\(id), \(workerName), \(PostgresJSON(failure.json)), \
            CASE WHEN \(seconds)::float8 IS NULL THEN NULL ELSE now() + make_interval(secs => \(seconds)) END)
            """)
        return try rows.first?.decode(String?.self, column: 0).flatMap(JobState.init(rawValue:))
    }

    /// Puts a running job back to wait until `date` without counting the attempt.
    @discardableResult
    public func snooze(_ id: Int64, until date: Date) async throws -> Bool {
        try await pool.query("SELECT notify.snooze(\(id), \(workerName), \(date))").first?.decode(Bool.self, column: 0) ?? false
    }

    /// Gives running jobs back, uncounted, for any worker to take now (graceful shutdown).
    @discardableResult
    public func release(_ ids: [Int64]) async throws -> Int {
        guard !ids.isEmpty else { return 0 }
        return try await pool.query("SELECT notify.release(\(ids), \(workerName))").first?.decode(Int.self, column: 0) ?? 0
    }

    /// Extends the leases of jobs still being worked on.
    @discardableResult
    public func extendLeases(_ ids: [Int64], lease: Duration) async throws -> Int {
        guard !ids.isEmpty else { return 0 }
        return try await pool.query("""
            SELECT notify.extend_leases(\(ids), \(workerName), make_interval(secs => \(Backoff.seconds(lease))))
            """).first?.decode(Int.self, column: 0) ?? 0
    }

    /// Returns jobs with an expired lease (their worker vanished) to the queue; how many.
    @discardableResult
    public func rescue() async throws -> Int {
        try await pool.query("SELECT notify.rescue()").first?.decode(Int.self, column: 0) ?? 0
    }

    /// Makes waiting jobs whose time has come ready; how many.
    @discardableResult
    public func stage() async throws -> Int {
        try await pool.query("SELECT notify.stage()").first?.decode(Int.self, column: 0) ?? 0
    }

    /// Deletes completed jobs older than `completedAfter` and dead letters older than
    /// `discardedAfter`, in rounds of at most 10,000; how many in all.
    @discardableResult
    public func prune(completedAfter: Duration, discardedAfter: Duration) async throws -> Int {
        var total = 0
        while true {
            let deleted = try await pool.query("""
                SELECT notify.prune(make_interval(secs => \(Backoff.seconds(completedAfter))), \
                make_interval(secs => \(Backoff.seconds(discardedAfter))), 10000)
                """).first?.decode(Int.self, column: 0) ?? 0
            total += deleted
            if deleted < 10000 { return total }
        }
    }

    /// Enqueues `request` on `connection` (a transaction, to enqueue together with a change);
    /// returns the new job's id, or nil when a job with the same unique key exists.
    @discardableResult
    public static func enqueue(_ request: JobRequest, on connection: any PostgresQueryable) async throws -> Int64? {
        let rows = try await connection.query("""
            SELECT notify.enqueue_for(\(request.organisationID), \(request.kind), \(request.payload), \(request.runAt), \
            \(request.uniqueKey), \(request.priority), \(request.maxAttempts))
            """)
        return try rows.first?.decode(Int64?.self, column: 0)
    }

    /// Enqueues `request` on its own.
    @discardableResult
    public func enqueue(_ request: JobRequest) async throws -> Int64? {
        try await Self.enqueue(request, on: pool)
    }
}
