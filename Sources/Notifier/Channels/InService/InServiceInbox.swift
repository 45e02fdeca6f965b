/// Where in-service messages are kept: the interface the job queue backs with a table.
///
/// Not implemented here on purpose. The queue's migration will add the table (one row per
/// ``InboxMessage``, `job_id` unique) in the `notify` schema, and its implementation of this
/// protocol will insert with `ON CONFLICT (job_id) DO NOTHING`, so that a retried job stores its
/// message once. Until then nothing in the product delivers in-service messages.
public protocol InServiceInbox: Sendable {
    /// Stores `message`; storing the same job's message again must change nothing.
    func store(_ message: InboxMessage) async throws
}
