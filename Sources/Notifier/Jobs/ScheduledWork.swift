import Foundation
import Observability
import Postgres

/// The maintenance the Notifier runs on a schedule. Each step is one definer function in the
/// database that writes its own audit entries; here they are only called and counted.
enum ScheduledWork {
    /// Deletes support requests past retention, in rounds of 1,000.
    static func retention(pool: PostgresPool, logger: Logger) -> any JobHandler {
        ClosureJobHandler { _ in
            var total = 0
            while true {
                let deleted = try await pool.query("SELECT notify.support_apply_retention(1000)").first?.decode(Int.self, column: 0) ?? 0
                total += deleted
                if deleted < 1000 { break }
            }
            if total > 0 { logger.notice("support requests deleted after retention", metadata: ["retention.deleted": String(total)]) }
            return .completed
        }
    }

    /// Deletes unconfirmed consent proposals that expired, through the manager routine's own
    /// `routine.expire_proposals()` (each deletion audited as `outcome.expired`).
    static func expireProposals(pool: PostgresPool, logger: Logger) -> any JobHandler {
        ClosureJobHandler { _ in
            let expired = try await pool.query("SELECT routine.expire_proposals()").first?.decode(Int.self, column: 0) ?? 0
            if expired > 0 { logger.info("expired consent proposals deleted", metadata: ["proposals.expired": String(expired)]) }
            return .completed
        }
    }

    /// Queues the deadline warnings and breach notices that are due.
    static func deadlineScan(pool: PostgresPool, logger: Logger) -> any JobHandler {
        ClosureJobHandler { _ in
            let queued = try await pool.query("SELECT notify.support_deadline_scan()").first?.decode(Int.self, column: 0) ?? 0
            if queued > 0 { logger.notice("deadline notices queued", metadata: ["deadline.notices": String(queued)]) }
            return .completed
        }
    }

    /// Prunes finished jobs, expired sessions and old inbox entries.
    static func prune(queue: JobQueue, settings: NotifierJobs.Settings, logger: Logger) -> any JobHandler {
        ClosureJobHandler { _ in
            let jobs = try await queue.prune(completedAfter: settings.keepCompletedJobs, discardedAfter: settings.keepDeadLetters)
            let idle = "\(Int(Backoff.seconds(settings.sessionIdleTimeout))) seconds"
            let sessions = try await queue.pool.query("SELECT auth.prune_sessions(\(idle)::interval)").first?.decode(Int.self, column: 0) ?? 0
            let keepInbox = "\(Int(Backoff.seconds(settings.keepInboxMessages))) seconds"
            let inbox = try await queue.pool.query("SELECT notify.prune_inbox(\(keepInbox)::interval)").first?.decode(Int.self, column: 0) ?? 0
            logger.info("pruned", metadata: ["prune.jobs": String(jobs), "prune.sessions": String(sessions), "prune.inbox": String(inbox)])
            return .completed
        }
    }

    /// Recounts, suppresses and publishes the director's figures of the organisations whose data
    /// changed (`report.refresh()`, the one report function the Notifier's role may call; it returns
    /// 0 at once when another refresh holds the lock).
    static func reportRefresh(pool: PostgresPool, logger: Logger) -> any JobHandler {
        ClosureJobHandler { _ in
            let refreshed = try await pool.query("SELECT report.refresh()::bigint").first?.decode(Int?.self, column: 0) ?? nil
            logger.info("report figures refreshed", metadata: ["report.refreshed": String(refreshed ?? 0)])
            return .completed
        }
    }
}
