import Foundation
import Postgres

/// Everything the service stores about the logged-in person (GDPR, right of access), read acting as
/// wr_employee: their own rows through row-level security, and their account, sessions and audit
/// entries through functions that return only the caller's rows. Content they wrote to support is
/// encrypted and shown in the dialogue itself; here it is described, not repeated.
struct StoredData: Sendable, Codable {
    struct PersonRecord: Sendable, Codable {
        var hrID: String
        var name: String
        var workEmail: String?
        var unit: String
        var hasManager: Bool
        var hireDate: String
        var endDate: String?
        var protectedIdentity: Bool
        var active: Bool
        var deactivatedAt: Date?
        var createdAt: Date
        var updatedAt: Date
    }

    struct AccountRecord: Sendable, Codable {
        var login: String
        var displayName: String
        var language: String
        var roles: [String]
        var createdAt: Date
        var disabledAt: Date?
        var failedLogins: Int
        var lockedUntil: Date?
        var hasPassword: Bool
    }

    struct SessionRecord: Sendable, Codable {
        var createdAt: Date
        var lastSeenAt: Date
        var expiresAt: Date
    }

    struct TalkRecord: Sendable, Codable {
        var period: String
        var plannedAt: Date?
        var heldOn: String?
        var questionAsked: Bool?
        var notAskedReason: String?
        var recordedAt: Date?
    }

    struct ProposalRecord: Sendable, Codable {
        var kind: String
        var proposedAt: Date
        var expiresAt: Date
        var confirmedAt: Date?
    }

    struct RequestRecord: Sendable, Codable {
        var kind: String
        var referral: String?
        var door: String
        var status: String
        var receivedAt: Date
        var deadlineAt: Date
        var firstContactAt: Date?
        var closedAt: Date?
        var channel: String
        var safeWeekdays: [Int]
        var safeFrom: String
        var safeUntil: String
        var voiceMessageOK: Bool
        var writtenMessageOK: Bool
        var language: String
        var interpreterLanguage: String?
        var hasContactDetails: Bool
        var hasName: Bool
        var hasMessage: Bool
        var messages: Int
    }

    struct AuditRecord: Sendable, Codable {
        var at: Date
        var action: String
        var objectKind: String?
        var aboutMe: Bool
        var byMe: Bool
        var actorRole: String?
    }

    var generatedAt: Date
    var person: PersonRecord?
    var account: AccountRecord?
    var sessions: [SessionRecord]
    var talks: [TalkRecord]
    var proposals: [ProposalRecord]
    var supportRequests: [RequestRecord]
    var auditEvents: [AuditRecord]

    /// Reads everything about the acting employee.
    static func load(in transaction: PostgresTransaction) async throws -> StoredData {
        let person = try await transaction.query("""
            SELECT p.hr_id, p.name, p.work_email, u.name, p.manager_id IS NOT NULL, p.hire_date::text, p.end_date::text,
                   p.protected_identity, p.active, p.deactivated_at, p.created_at, p.updated_at
            FROM org.person p JOIN org.unit u ON u.id = p.unit_id
            WHERE p.id = (SELECT app.person_id())
            """).first.map { row in
            let (hrID, name, email, unit, hasManager, hired, ended, protected, active, deactivated, created, updated) =
                try row.decode((String, String, String?, String, Bool, String, String?, Bool, Bool, Date?, Date, Date).self)
            return PersonRecord(hrID: hrID, name: name, workEmail: email, unit: unit, hasManager: hasManager, hireDate: hired,
                                endDate: ended, protectedIdentity: protected, active: active, deactivatedAt: deactivated,
                                createdAt: created, updatedAt: updated)
        }
        let account = try await transaction.query("""
            SELECT login, display_name, language, roles, created_at, disabled_at, failed_logins, locked_until, has_password
            FROM auth.my_account()
            """).first.map { row in
            let (login, display, language, roles, created, disabled, failed, locked, hasPassword) =
                try row.decode((String, String, String, [String], Date, Date?, Int32, Date?, Bool).self)
            return AccountRecord(login: login, displayName: display, language: language, roles: roles, createdAt: created,
                                 disabledAt: disabled, failedLogins: Int(failed), lockedUntil: locked, hasPassword: hasPassword)
        }
        let sessions = try await transaction.query("SELECT created_at, last_seen_at, expires_at FROM auth.my_sessions()").map { row in
            let (created, seen, expires) = try row.decode((Date, Date, Date).self)
            return SessionRecord(createdAt: created, lastSeenAt: seen, expiresAt: expires)
        }
        let talks = try await transaction.query("""
            SELECT c.name, t.planned_at, t.held_on::text, t.question_asked, t.not_asked_reason::text, t.recorded_at
            FROM routine.talk t JOIN routine.cycle c ON c.id = t.cycle_id
            WHERE t.person_id = (SELECT app.person_id())
            ORDER BY c.starts_on, t.created_at
            """).map { row in
            let (period, planned, held, asked, reason, recorded) = try row.decode((String, Date?, String?, Bool?, String?, Date?).self)
            return TalkRecord(period: period, plannedAt: planned, heldOn: held, questionAsked: asked, notAskedReason: reason, recordedAt: recorded)
        }
        let proposals = try await transaction.query("""
            SELECT kind, proposed_at, expires_at, confirmed_at FROM support.outcome_proposal
            WHERE person_id = (SELECT app.person_id()) ORDER BY proposed_at
            """).map { row in
            let (kind, proposed, expires, confirmed) = try row.decode((String, Date, Date, Date?).self)
            return ProposalRecord(kind: kind, proposedAt: proposed, expiresAt: expires, confirmedAt: confirmed)
        }
        let requests = try await transaction.query("""
            SELECT r.kind, r.referral, r.door, r.status, r.received_at, r.deadline_at, r.first_contact_at, r.closed_at, r.channel,
                   r.safe_weekdays::int[], to_char(r.safe_from, 'HH24:MI'), to_char(r.safe_until, 'HH24:MI'),
                   r.voice_message_ok, r.written_message_ok, r.language, r.interpreter_language,
                   r.contact_enc IS NOT NULL, r.name_enc IS NOT NULL, r.message_enc IS NOT NULL,
                   (SELECT count(*) FROM support.message m WHERE m.request_id = r.id)::int
            FROM support.request r WHERE r.person_id = (SELECT app.person_id()) ORDER BY r.received_at
            """).map { row in
            let (kind, referral, door, status, received, deadline, contacted, closed, channel, days, from, until,
                 voice, written, language, interpreter, hasContact, hasName, hasMessage, messages) =
                try row.decode((String, String?, String, String, Date, Date, Date?, Date?, String, [Int32], String, String,
                                Bool, Bool, String, String?, Bool, Bool, Bool, Int32).self)
            return RequestRecord(kind: kind, referral: referral, door: door, status: status, receivedAt: received, deadlineAt: deadline,
                                 firstContactAt: contacted, closedAt: closed, channel: channel, safeWeekdays: days.map(Int.init),
                                 safeFrom: from, safeUntil: until, voiceMessageOK: voice, writtenMessageOK: written, language: language,
                                 interpreterLanguage: interpreter, hasContactDetails: hasContact, hasName: hasName, hasMessage: hasMessage,
                                 messages: Int(messages))
        }
        let audit = try await transaction.query("SELECT at, action, object_kind, about_me, by_me, actor_role FROM audit.my_events()").map { row in
            let (at, action, kind, about, byMe, role) = try row.decode((Date, String, String?, Bool, Bool, String?).self)
            return AuditRecord(at: at, action: action, objectKind: kind, aboutMe: about, byMe: byMe, actorRole: role)
        }
        return StoredData(generatedAt: Date(), person: person, account: account, sessions: sessions, talks: talks,
                          proposals: proposals, supportRequests: requests, auditEvents: audit)
    }

    /// The JSON download: snake_case keys, ISO 8601 times, sorted keys so two downloads compare.
    func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
