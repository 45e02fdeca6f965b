import Foundation
public import Postgres

/// The in-service inbox backed by `notify.inbox_message` (through `notify.store_inbox_message`,
/// which finds the account's organisation; the Notifier has no privilege on accounts).
public struct DatabaseInbox: InServiceInbox {
    private let pool: PostgresPool

    /// An inbox over a pool acting as `wr_notifier`.
    public init(pool: PostgresPool) {
        self.pool = pool
    }

    /// Stores the message once per job; a disabled or deleted account gets nothing, silently.
    public func store(_ message: InboxMessage) async throws {
        _ = try await pool.query("""
            SELECT notify.store_inbox_message(\(message.jobID), \(message.recipientAccountID), \
            \(message.templateKey.rawValue), \(message.created))
            """)
    }
}
