import Foundation
import Postgres

/// The anonymous person's way back to their request, acting as wr_anonymous.
///
/// After a successful receipt look-up the person keeps access for a short while through a cookie
/// holding 32 random bytes, bound to that one request; the database stores only their SHA-256, with
/// an idle and an absolute expiry. We chose this over sending the receipt again with every action:
/// the receipt would then have to sit in every page (a hidden field, restored by the browser's form
/// memory), every action would cost a bcrypt and count against the guessing limits, and a stolen page
/// would give the code itself rather than minutes of access. The cookie is HttpOnly and
/// SameSite=Strict; locking the page or the quick exit ends it at once.
enum ReceiptSessions {
    /// Access ends after this long without use.
    static let idle: Duration = .seconds(15 * 60)
    /// Access ends after this long whatever happens.
    static let lifetime: Duration = .seconds(60 * 60)

    static var idleInterval: String { "\(idle.components.seconds) seconds" }
    static var lifetimeInterval: String { "\(lifetime.components.seconds) seconds" }

    /// Looks the receipt up in `organisation`; on a match opens a session for `token` and returns
    /// true. Costs one bcrypt whatever the outcome.
    static func open(organisation: UUID, receipt: Receipt, token: [UInt8], in transaction: PostgresTransaction) async throws -> Bool {
        let rows = try await transaction.query("""
            SELECT support.open_receipt_session(\(organisation), \(receipt.digits), \(Data(token)),
                                                \(lifetimeInterval)::interval, \(idleInterval)::interval)
            """)
        return try rows.first?.decode(Bool.self, column: 0) ?? false
    }

    /// The request of a live session (audited); nil when the session is unknown or expired.
    static func read(token: [UInt8], contentKey: String, in transaction: PostgresTransaction) async throws -> SupportCase? {
        try SupportCaseDocument.decode(try await transaction.query(
            "SELECT support.read_by_receipt(\(Data(token)), \(idleInterval)::interval, \(contentKey))::text"))
    }

    /// Writes in the dialogue through the session.
    @discardableResult
    static func write(token: [UInt8], body: String, contentKey: String, in transaction: PostgresTransaction) async throws -> UUID {
        try await SupportSavepoint.run(transaction) {
            try await transaction.query("SELECT support.write_by_receipt(\(Data(token)), \(idleInterval)::interval, \(body), \(contentKey))")
                .first!.decode(UUID.self, column: 0)
        }
    }

    /// Deletes the request through the session.
    static func delete(token: [UInt8], in transaction: PostgresTransaction) async throws {
        try await SupportSavepoint.run(transaction) {
            _ = try await transaction.query("SELECT support.delete_by_receipt(\(Data(token)), \(idleInterval)::interval)")
        }
    }

    /// Ends the session.
    static func close(token: [UInt8], in transaction: PostgresTransaction) async throws {
        _ = try await transaction.query("SELECT support.close_receipt_session(\(Data(token)))")
    }
}
