import Foundation
import Postgres

/// The support team's work on requests, acting as wr_support: the inbox, reading a case (audited in
/// the database), and every change a case goes through. Each change is one definer function in
/// `support` that checks the worker is in the request's team and keeps the case log, status, first
/// contact, the audit log and the notification queue in step.
///
/// A refused change throws ``SupportCaseError`` and leaves the caller's transaction usable (each
/// change runs in a savepoint), so a page can explain instead of failing.
enum SupportCases {
    /// The inbox of the acting worker's teams: open requests first (waiting for contact, by
    /// deadline; then contacted, by deadline), then the latest closed ones. Metadata only.
    static func inbox(closedLimit: Int = 50, in transaction: PostgresTransaction) async throws -> [InboxEntry] {
        let rows = try await transaction.query("""
            (SELECT r.id, r.kind, r.door, r.status, r.received_at, r.deadline_at, r.first_contact_at, r.closed_at, t.name,
                    (SELECT count(*) FROM support.message m WHERE m.request_id = r.id AND m.author = 'employee' AND m.read_at IS NULL)::bigint,
                    r.channel, CASE r.status WHEN 'new' THEN 0 ELSE 1 END AS rank
             FROM support.request r JOIN support.team t ON t.id = r.team_id
             WHERE r.status <> 'closed')
            UNION ALL
            (SELECT r.id, r.kind, r.door, r.status, r.received_at, r.deadline_at, r.first_contact_at, r.closed_at, t.name,
                    (SELECT count(*) FROM support.message m WHERE m.request_id = r.id AND m.author = 'employee' AND m.read_at IS NULL)::bigint,
                    r.channel, 2 AS rank
             FROM support.request r JOIN support.team t ON t.id = r.team_id
             WHERE r.status = 'closed' ORDER BY r.closed_at DESC LIMIT \(closedLimit))
            ORDER BY rank, deadline_at, id
            """)
        var entries: [InboxEntry] = []
        for row in rows {
            let (id, kind, door, status, received, deadline, contact, closed, team, unread, channel, _) =
                try row.decode((UUID, String, String, String, Date, Date, Date?, Date?, String, Int, String, Int).self)
            guard let kind = RequestKind(rawValue: kind), let door = RequestDoor(rawValue: door),
                  let status = RequestStatus(rawValue: status), let channel = ContactWishes.Channel(rawValue: channel) else { continue }
            entries.append(InboxEntry(id: id, kind: kind, door: door, status: status, receivedAt: received, deadlineAt: deadline,
                                      firstContactAt: contact, closedAt: closed, teamName: team, unreadMessages: unread, channel: channel))
        }
        // Closed ones come newest first; the database sorted the union by deadline.
        let open = entries.filter { $0.status != .closed }
        let closedEntries = entries.filter { $0.status == .closed }.sorted { ($0.closedAt ?? .distantPast) > ($1.closedAt ?? .distantPast) }
        return open + closedEntries
    }

    /// Reads one case with everything in it, writing the audit entry; nil when it is not one of the
    /// worker's teams' requests.
    static func read(_ id: UUID, contentKey: String, in transaction: PostgresTransaction) async throws -> SupportCase? {
        let rows = try await transaction.query("SELECT support.read_case(\(id), \(contentKey))::text")
        return try SupportCaseDocument.decode(rows)
    }

    /// Logs a contact attempt.
    static func logAttempt(_ id: UUID, result: ContactResult, in transaction: PostgresTransaction) async throws {
        try await SupportSavepoint.run(transaction) {
            _ = try await transaction.query("SELECT support.log_contact_attempt(\(id), \(result.rawValue))")
        }
    }

    /// Replies in the dialogue; the person is notified on their channel.
    @discardableResult
    static func reply(_ id: UUID, body: String, contentKey: String, in transaction: PostgresTransaction) async throws -> UUID {
        try await SupportSavepoint.run(transaction) {
            try await transaction.query("SELECT support.reply(\(id), \(body), \(contentKey))").first!.decode(UUID.self, column: 0)
        }
    }

    /// Adds an internal note.
    @discardableResult
    static func addNote(_ id: UUID, body: String, contentKey: String, in transaction: PostgresTransaction) async throws -> UUID {
        try await SupportSavepoint.run(transaction) {
            try await transaction.query("SELECT support.add_note(\(id), \(body), \(contentKey))").first!.decode(UUID.self, column: 0)
        }
    }

    /// Closes the request with an outcome.
    static func close(_ id: UUID, outcome: CloseOutcome, in transaction: PostgresTransaction) async throws {
        try await SupportSavepoint.run(transaction) {
            _ = try await transaction.query("SELECT support.close_request(\(id), \(outcome.rawValue))")
        }
    }

    /// Opens a closed request again.
    static func reopen(_ id: UUID, in transaction: PostgresTransaction) async throws {
        try await SupportSavepoint.run(transaction) {
            _ = try await transaction.query("SELECT support.reopen_request(\(id))")
        }
    }

    /// A team of the worker's organisation.
    struct Team: Sendable, Equatable {
        let id: UUID
        let name: String
        let isDefault: Bool
    }

    /// Every team of the worker's organisation (a request can be moved to any of them).
    static func organisationTeams(in transaction: PostgresTransaction) async throws -> [Team] {
        try await transaction.query("SELECT id, name, is_default FROM support.organisation_teams()").map { row in
            let (id, name, isDefault) = try row.decode((UUID, String, Bool).self)
            return Team(id: id, name: name, isDefault: isDefault)
        }
    }

    /// Moves the request to another team of the same organisation.
    static func move(_ id: UUID, to team: UUID, in transaction: PostgresTransaction) async throws {
        try await SupportSavepoint.run(transaction) {
            _ = try await transaction.query("SELECT support.move_request(\(id), \(team))")
        }
    }
}

/// Decoding of the case document the reader functions return (as text, decoded here so nothing of
/// it can end up in a decoding error message).
enum SupportCaseDocument {
    static func decode(_ rows: PostgresRows) throws -> SupportCase? {
        guard let row = rows.first, let text = try row.decode(String?.self, column: 0) else { return nil }
        do {
            return try JSONDecoder().decode(SupportCase.self, from: Data(text.utf8))
        } catch {
            throw PostgresError(code: .decoding, operation: .decode, reason: "support case document does not match SupportCase")
        }
    }
}

/// Runs one change in a savepoint, so a refusal (a closed request, a request that moved away) rolls
/// back only that change and the request's transaction can still render a page.
enum SupportSavepoint {
    static func run<T>(_ transaction: PostgresTransaction, _ body: () async throws -> T) async throws -> T {
        _ = try await transaction.query("SAVEPOINT support_change")
        do {
            let value = try await body()
            _ = try await transaction.query("RELEASE SAVEPOINT support_change")
            return value
        } catch {
            _ = try? await transaction.query("ROLLBACK TO SAVEPOINT support_change")
            _ = try? await transaction.query("RELEASE SAVEPOINT support_change")
            throw SupportCaseError.from(error) ?? error
        }
    }
}
