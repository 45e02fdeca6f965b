import Foundation
import Postgres

/// What operators do from the command line: look, retry, discard.
extension JobQueue {
    /// Counts, the running jobs and the latest `deadLetterLimit` dead letters.
    public func status(deadLetterLimit: Int = 20) async throws -> QueueStatus {
        var counts: [JobState: Int] = [:]
        for row in try await pool.query("SELECT state, count(*) FROM notify.job GROUP BY state") {
            let (state, count) = try row.decode((String, Int).self)
            if let state = JobState(rawValue: state) { counts[state] = count }
        }
        var byKind: [String: Int] = [:]
        for row in try await pool.query("""
            SELECT kind, count(*) FROM notify.job WHERE state NOT IN ('completed', 'discarded') GROUP BY kind
            """) {
            let (kind, count) = try row.decode((String, Int).self)
            byKind[kind] = count
        }
        let oldest = try await pool.query("""
            SELECT extract(epoch FROM now() - min(run_at))::float8 FROM notify.job WHERE state = 'available'
            """).first?.decode(Double?.self, column: 0)
        let running = try await pool.query("""
            SELECT id, kind, worker, leased_until FROM notify.job WHERE state = 'running' ORDER BY leased_until LIMIT 50
            """).map { row in
            let (id, kind, worker, lease) = try row.decode((Int64, String, String?, Date).self)
            return QueueStatus.RunningJob(id: id, kind: kind, worker: worker ?? "?", leasedUntil: lease)
        }
        let dead = try await pool.query("""
            SELECT id, kind, attempt, max_attempts, ARRAY(SELECT coalesce(e ->> 'error', '?') FROM jsonb_array_elements(errors) e), finalized_at
            FROM notify.job WHERE state = 'discarded' ORDER BY finalized_at DESC, id DESC LIMIT \(deadLetterLimit)
            """).map { row in
            let (id, kind, attempt, maxAttempts, codes, at) = try row.decode((Int64, String, Int, Int, [String], Date?).self)
            return QueueStatus.DeadLetter(id: id, kind: kind, attempt: attempt, maxAttempts: maxAttempts,
                                          errorCodes: codes, discardedAt: at)
        }
        return QueueStatus(countsByState: counts, activeByKind: byKind, oldestAvailableAge: oldest.map { .milliseconds(Int64($0 * 1000)) },
                           running: running, deadLetters: dead)
    }

    /// Runs a dead, failing or waiting job again now; false when there is no such job in one of
    /// those states.
    public func retry(_ id: Int64) async throws -> Bool {
        try await pool.query("SELECT notify.retry(\(id))").first?.decode(Bool.self, column: 0) ?? false
    }

    /// Gives up a job that has not run yet or is failing; false when there is no such job in one of
    /// those states (a running job belongs to its worker).
    public func discard(_ id: Int64) async throws -> Bool {
        try await pool.query("SELECT notify.discard(\(id))").first?.decode(Bool.self, column: 0) ?? false
    }
}
