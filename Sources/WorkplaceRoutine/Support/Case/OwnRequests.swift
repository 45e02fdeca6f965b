import Foundation
import Postgres

/// The identified person's own requests, acting as wr_employee: the list (metadata through row-level
/// security), reading one (audited in the database), writing in the dialogue, deleting it.
enum OwnRequests {
    /// One of the person's requests in their list.
    struct Entry: Sendable {
        let id: UUID
        let kind: RequestKind
        let status: RequestStatus
        let receivedAt: Date
        let deadlineAt: Date
        let firstContactAt: Date?
        /// Replies from the team the person has not read yet.
        let unreadReplies: Int
    }

    /// The person's requests, newest first.
    static func list(in transaction: PostgresTransaction) async throws -> [Entry] {
        try await transaction.query("""
            SELECT r.id, r.kind, r.status, r.received_at, r.deadline_at, r.first_contact_at,
                   (SELECT count(*) FROM support.message m WHERE m.request_id = r.id AND m.author = 'support' AND m.read_at IS NULL)::bigint
            FROM support.request r ORDER BY r.received_at DESC, r.id
            """).compactMap { row in
            let (id, kind, status, received, deadline, contact, unread) = try row.decode((UUID, String, String, Date, Date, Date?, Int).self)
            guard let kind = RequestKind(rawValue: kind), let status = RequestStatus(rawValue: status) else { return nil }
            return Entry(id: id, kind: kind, status: status, receivedAt: received, deadlineAt: deadline, firstContactAt: contact,
                         unreadReplies: unread)
        }
    }

    /// Reads one of the person's own requests (audited); nil when it is not theirs.
    static func read(_ id: UUID, contentKey: String, in transaction: PostgresTransaction) async throws -> SupportCase? {
        try SupportCaseDocument.decode(try await transaction.query("SELECT support.read_own_request(\(id), \(contentKey))::text"))
    }

    /// Writes in the dialogue; the team is told there is something new.
    @discardableResult
    static func write(_ id: UUID, body: String, contentKey: String, in transaction: PostgresTransaction) async throws -> UUID {
        try await SupportSavepoint.run(transaction) {
            try await transaction.query("SELECT support.write_own_request(\(id), \(body), \(contentKey))").first!.decode(UUID.self, column: 0)
        }
    }

    /// Deletes the request and everything in it.
    static func delete(_ id: UUID, in transaction: PostgresTransaction) async throws {
        try await SupportSavepoint.run(transaction) {
            _ = try await transaction.query("SELECT support.delete_own_request(\(id))")
        }
    }
}
