public import Foundation

/// One claimed job (*jobb*): what to do (``kind`` and ``payload``), which attempt this is, and when
/// it was meant to run. Handed to a ``JobHandler`` by the ``QueueWorker``.
public struct Job: Sendable {
    /// The queue's id; also the identity of what the job sends (the e-mail `Message-ID`, the inbox
    /// row), so a retry is recognisable as the same message.
    public let id: Int64
    /// What kind of work, e.g. `support.new_request`.
    public let kind: String
    /// Ids and codes only, never names or text.
    public let payload: JobPayload
    /// This attempt's number, from 1.
    public let attempt: Int
    /// After this many attempts a failing job is discarded.
    public let maxAttempts: Int
    /// When the job was due (its schedule, not when it was claimed).
    public let runAt: Date
    /// When it was enqueued.
    public let created: Date
    /// The organisation it belongs to; nil for the Notifier's own maintenance.
    public let organisationID: UUID?

    /// Creates a job value (the queue builds them from claimed rows; tests build them directly).
    public init(
        id: Int64, kind: String, payload: JobPayload, attempt: Int = 1, maxAttempts: Int = 10,
        runAt: Date, created: Date, organisationID: UUID? = nil
    ) {
        self.id = id
        self.kind = kind
        self.payload = payload
        self.attempt = attempt
        self.maxAttempts = maxAttempts
        self.runAt = runAt
        self.created = created
        self.organisationID = organisationID
    }

    /// Whether a failure now would be the last try.
    public var isLastAttempt: Bool { attempt >= maxAttempts }
}
