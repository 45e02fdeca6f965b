public import Foundation

/// A job to enqueue: kind, payload (ids only), when, and the key that keeps it from being queued
/// twice.
public struct JobRequest: Sendable {
    /// What kind of work, e.g. `support.team_notice`.
    public var kind: String
    /// Ids and codes only.
    public var payload: JobPayload
    /// Not before this time; nil: now.
    public var runAt: Date?
    /// A second job with the same key is not queued (it is dropped, not an error).
    public var uniqueKey: String?
    /// 1 (most urgent) to 4.
    public var priority: Int16
    /// How many attempts before the job is discarded.
    public var maxAttempts: Int32
    /// Whose job it is; nil for maintenance.
    public var organisationID: UUID?

    /// Creates a request.
    public init(
        kind: String, payload: JobPayload = .empty, runAt: Date? = nil, uniqueKey: String? = nil,
        priority: Int16 = 2, maxAttempts: Int32 = 10, organisationID: UUID? = nil
    ) {
        self.kind = kind
        self.payload = payload
        self.runAt = runAt
        self.uniqueKey = uniqueKey
        self.priority = priority
        self.maxAttempts = maxAttempts
        self.organisationID = organisationID
    }
}
