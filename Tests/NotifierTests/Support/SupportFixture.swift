import Foundation
import Postgres
@testable import Notifier

/// A small organisation written by the migration owner, as the product's features would leave it:
/// a support team with a lead and a member, an employee with an account, a manager with reports.
/// Everyone is fictional; addresses end in `.example`.
struct SupportFixture: Sendable {
    let organisation: UUID
    let unit: UUID
    let team: UUID
    let leadAccount: UUID
    let memberAccount: UUID
    let employeePerson: UUID
    let employeeAccount: UUID
    let db: QueueDatabase

    static let mailbox = "stodteamet@testkommun.example"
    static let leadEmail = "sara.lead@testkommun.example"
    static let memberEmail = "tomas.member@testkommun.example"

    static func make(on db: QueueDatabase, mailbox: String? = SupportFixture.mailbox) async throws -> SupportFixture {
        try await db.owner.transaction { tx in
            let slug = "testkommun-\(UInt32.random(in: 0...UInt32.max))"
            let organisation = try await tx.query("INSERT INTO org.organisation (name, slug) VALUES ('Testkommun', \(slug)) RETURNING id")
                .first!.decode(UUID.self, column: 0)
            let unit = try await tx.query("INSERT INTO org.unit (organisation_id, code, name) VALUES (\(organisation), 'U1', 'Enheten') RETURNING id")
                .first!.decode(UUID.self, column: 0)
            func person(_ hr: String, _ name: String, _ email: String?, hired: String = "2015-01-01", manager: UUID? = nil) async throws -> UUID {
                try await tx.query("""
                    INSERT INTO org.person (organisation_id, hr_id, name, work_email, unit_id, hire_date, manager_id)
                    VALUES (\(organisation), \(hr), \(name), \(email), \(unit), \(hired)::date, \(manager)) RETURNING id
                    """).first!.decode(UUID.self, column: 0)
            }
            func account(_ login: String, _ person: UUID, _ roles: [String], language: String = "sv") async throws -> UUID {
                let id = try await tx.query("""
                    INSERT INTO auth.account (organisation_id, login, display_name, person_id, language)
                    VALUES (\(organisation), \(login), \(login), \(person), \(language)) RETURNING id
                    """).first!.decode(UUID.self, column: 0)
                for role in roles { _ = try await tx.query("INSERT INTO auth.account_role (account_id, role) VALUES (\(id), \(role))") }
                return id
            }
            let lead = try await account("lead.\(slug)", try await person("S1", "Sara Stödlund", leadEmail), ["support", "employee"])
            let member = try await account("member.\(slug)", try await person("S2", "Tomas Tröst", memberEmail), ["support", "employee"])
            let employee = try await person("E1", "Erik Exempel", "erik.exempel@testkommun.example")
            let employeeAccount = try await account("erik.\(slug)", employee, ["employee"])
            let team = try await tx.query("""
                INSERT INTO support.team (organisation_id, name, is_default, notify_email)
                VALUES (\(organisation), 'Team våld i nära relation', true, \(mailbox)) RETURNING id
                """).first!.decode(UUID.self, column: 0)
            _ = try await tx.query("INSERT INTO support.team_member (team_id, account_id, is_lead) VALUES (\(team), \(lead), true), (\(team), \(member), false)")
            return SupportFixture(organisation: organisation, unit: unit, team: team, leadAccount: lead, memberAccount: member,
                                  employeePerson: employee, employeeAccount: employeeAccount, db: db)
        }
    }

    /// A support request as the support journey would store it; `contact` is sealed with the
    /// test content key like the product does.
    func request(
        door: String = "identified", channel: String = "email", contact: String? = "erik.privat@mejl.example",
        safeWeekdays: [Int16] = [1, 2, 3, 4, 5, 6, 7], safeFrom: String = "00:00", safeUntil: String = "23:59", language: String = "sv",
        warningIn: TimeInterval = 86_400, deadlineIn: TimeInterval = 2 * 86_400, status: String = "new",
        closedAgo: TimeInterval? = nil, lastActivityAgo: TimeInterval = 0
    ) async throws -> UUID {
        let person: UUID? = door == "identified" ? employeePerson : nil
        let receipt: String? = door == "anonymous" ? "receipt-\(UUID().uuidString)" : nil
        let sealedContact: String? = channel == "dialogue" ? nil : contact
        return try await db.owner.query("""
            INSERT INTO support.request (organisation_id, team_id, kind, door, person_id, receipt_hash, status, channel, contact_enc,
                                         safe_weekdays, safe_from, safe_until, language, warning_at, deadline_at, closed_at,
                                         close_outcome, last_activity_at)
            VALUES (\(organisation), \(team), 'exposed', \(door), \(person), \(receipt), \(status), \(channel),
                    support.seal(\(sealedContact), \(QueueDatabase.contentKey)), \(safeWeekdays), \(safeFrom)::time, \(safeUntil)::time,
                    \(language), now() + make_interval(secs => \(warningIn)), now() + make_interval(secs => \(deadlineIn)),
                    CASE WHEN \(status) = 'closed' THEN now() - make_interval(secs => \(closedAgo ?? 0)) END,
                    CASE WHEN \(status) = 'closed' THEN 'advice_given' END,
                    now() - make_interval(secs => \(lastActivityAgo)))
            RETURNING id
            """).first!.decode(UUID.self, column: 0)
    }

    /// Enqueues a product event the way the features do: `notify.enqueue` acting as a person's role.
    @discardableResult
    func enqueueAsProduct(_ kind: String, request: UUID, maxAttempts: Int32 = 10) async throws -> Int64 {
        let app = db.database.makePool(user: "wr_app")
        defer { Task { await app.close() } }
        let context = SessionContext(role: "wr_support", settings: [
            "app.organisation_id": organisation.uuidString.lowercased(), "app.account_id": memberAccount.uuidString.lowercased(),
            "app.role": "support",
        ])
        let payload = try JobPayload(["request_id": request.uuidString.lowercased()])
        return try await app.transaction(as: context) { tx in
            try await tx.query("SELECT notify.enqueue(\(kind), \(payload), NULL, NULL, 2::smallint, \(maxAttempts))").first!.decode(Int64.self, column: 0)
        }
    }

    /// Audit entries of `action` for `object`.
    func audit(_ action: String, object: UUID) async throws -> [(String?, String)] {
        try await db.owner.query("""
            SELECT actor_role, detail::text FROM audit.event WHERE action = \(action) AND object_id = \(object) ORDER BY id
            """).map { try $0.decode((String?, String).self) }
    }
}
