/// Where a job is in its life (see `Migrations/0080_notify_queue.sql`).
public enum JobState: String, Sendable, CaseIterable, Codable {
    /// Ready to be claimed.
    case available
    /// Waiting for its `run_at` (enqueued for later, or snoozed to a safe window).
    case scheduled
    /// Claimed by a worker that holds a lease on it.
    case running
    /// Failed, waiting for its next attempt.
    case retryable
    /// Delivered; pruned after a while.
    case completed
    /// Given up (permanent failure or no attempts left): a dead letter, kept with its errors.
    case discarded
}
