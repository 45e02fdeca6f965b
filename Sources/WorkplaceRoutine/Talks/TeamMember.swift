import Foundation
import Postgres

/// One direct report on the manager's team page, with their due date and status in a cycle, as
/// `routine.team_overview` computes it acting as the manager (so only their own reports exist).
struct TeamMember: Sendable {
    let personID: UUID
    let name: String
    /// Skyddade personuppgifter: shown only to this manager, never in a notification.
    let protectedIdentity: Bool
    let unitName: String
    let hireDate: CalendarDay
    let endDate: CalendarDay?
    /// When the question is due in this cycle (nil: not due in it).
    let dueOn: CalendarDay?
    let status: TalkStatus
    /// The planned, not yet held talk.
    let openTalkID: UUID?
    let plannedAt: Date?
    /// The held talk that tells the most (asked, else the latest).
    let heldTalkID: UUID?
    let heldOn: CalendarDay?
    let questionAsked: Bool?
    let notAskedReason: NotAskedReason?
    let recordedAt: Date?
    /// When the held talk's record can no longer be corrected.
    let locksAt: Date?

    /// The manager's team in `cycle`.
    static func team(in cycle: UUID, transaction: PostgresTransaction) async throws -> [TeamMember] {
        try await transaction.query("""
            SELECT person_id, name, protected_identity, unit_name, hire_date, end_date, due_on, status, open_talk_id, planned_at,
                   held_talk_id, held_on, question_asked, not_asked_reason, recorded_at, locks_at
            FROM routine.team_overview(\(cycle))
            """).map(decode)
    }

    /// One person of the manager's team (nil when not theirs or not there: the page answers 404).
    static func find(_ person: UUID, in cycle: UUID, transaction: PostgresTransaction) async throws -> TeamMember? {
        try await transaction.query("""
            SELECT person_id, name, protected_identity, unit_name, hire_date, end_date, due_on, status, open_talk_id, planned_at,
                   held_talk_id, held_on, question_asked, not_asked_reason, recorded_at, locks_at
            FROM routine.team_overview(\(cycle)) WHERE person_id = \(person)
            """).first.map(decode)
    }

    private static func decode(_ row: PostgresRow) throws -> TeamMember {
        let (id, name, protected, unit, hire, end, due, status, open, planned, held, heldOn, asked, reason, recorded, locks) =
            try row.decode((UUID, String, Bool, String, PostgresDate, PostgresDate?, PostgresDate?, String, UUID?, Date?,
                            UUID?, PostgresDate?, Bool?, String?, Date?, Date?).self)
        return TeamMember(personID: id, name: name, protectedIdentity: protected, unitName: unit, hireDate: hire.calendarDay,
                          endDate: end?.calendarDay, dueOn: due?.calendarDay, status: TalkStatus(rawValue: status) ?? .notPlanned,
                          openTalkID: open, plannedAt: planned, heldTalkID: held, heldOn: heldOn?.calendarDay, questionAsked: asked,
                          notAskedReason: reason.flatMap(NotAskedReason.init(rawValue:)), recordedAt: recorded, locksAt: locks)
    }
}

/// A talk as the manager's person page and the employee's own view list it.
struct Talk: Sendable {
    let id: UUID
    let cycleName: String
    let plannedAt: Date?
    let heldOn: CalendarDay?
    let questionAsked: Bool?
    let notAskedReason: NotAskedReason?
    let recordedAt: Date?
    /// When the record locks (recorded talks only).
    let locksAt: Date?

    /// Whether the record can still be corrected at `now`.
    func isLocked(at now: Date = Date()) -> Bool { locksAt.map { now > $0 } ?? false }

    /// The talks of `person` visible to the acting role (a manager: their report's; an employee: their own).
    static func all(of person: UUID, cycle: UUID? = nil, transaction: PostgresTransaction) async throws -> [Talk] {
        try await transaction.query("""
            SELECT t.id, c.name, t.planned_at, t.held_on, t.question_asked, t.not_asked_reason::text, t.recorded_at,
                   t.recorded_at + make_interval(days => o.correction_days)
            FROM routine.talk t
            JOIN routine.cycle c ON c.id = t.cycle_id
            JOIN org.organisation o ON o.id = t.organisation_id
            WHERE t.person_id = \(person) AND (\(cycle)::uuid IS NULL OR t.cycle_id = \(cycle))
            ORDER BY coalesce(t.held_on, t.planned_at::date) DESC, t.created_at DESC
            """).map { row in
            let (id, cycle, planned, held, asked, reason, recorded, locks) =
                try row.decode((UUID, String, Date?, PostgresDate?, Bool?, String?, Date?, Date?).self)
            return Talk(id: id, cycleName: cycle, plannedAt: planned, heldOn: held?.calendarDay, questionAsked: asked,
                        notAskedReason: reason.flatMap(NotAskedReason.init(rawValue:)), recordedAt: recorded, locksAt: locks)
        }
    }
}
