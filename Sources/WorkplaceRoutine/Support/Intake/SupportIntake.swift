import Foundation
import Postgres

/// Creates support requests: the one way every door (identified, anonymous) and every confirmed
/// outcome of a talk turns into a request routed to the organisation's support team.
///
/// The contact deadline (24 hours counted on the organisation's working days) is computed here with
/// ``ContactDeadline``; sealing, routing to the default team, the case log, the audit entry and the
/// team's notification happen inside `support.create_request` in the caller's transaction, so a
/// rolled-back request leaves nothing behind and notifies nobody.
enum SupportIntake {
    /// Which door the request comes through.
    enum Door: Sendable {
        /// A logged-in employee (acting as wr_employee); organisation and person come from the session.
        case identified
        /// No login; the organisation chosen on the public page and the receipt shown to the person.
        case anonymous(organisation: UUID, receipt: Receipt)

        var code: String {
            switch self {
            case .identified: "identified"
            case .anonymous: "anonymous"
            }
        }
    }

    /// The organisation's working calendar (its closing days) for the deadline.
    static func calendar(for organisation: UUID, in transaction: PostgresTransaction) async throws -> WorkingCalendar {
        guard let row = try await transaction.query("SELECT closing_days, extra_closed_dates::text[] FROM support.intake_calendar(\(organisation))").first else {
            return .swedishDefault
        }
        let (closing, extra) = try row.decode(([String], [String]).self)
        return WorkingCalendar(closingDays: Set(closing), extraClosedDates: Set(extra.compactMap { CalendarDay(iso: $0) }))
    }

    /// Creates the request and returns its id.
    /// - Parameters:
    ///   - kind: what it is about (ignored for a confirmed proposal, which becomes `talk_referral`).
    ///   - organisation: the request's organisation (the session's for the identified door).
    ///   - proposal: a pending consented outcome of a talk that the employee is confirming.
    ///   - contentKey: the key that seals what the person wrote; never stored in the database.
    static func create(
        kind: RequestKind, wishes: ContactWishes, door: Door, organisation: UUID, proposal: UUID? = nil,
        contentKey: String, now: Date = Date(), in transaction: PostgresTransaction
    ) async throws -> UUID {
        let deadline = ContactDeadline(received: now, calendar: try await calendar(for: organisation, in: transaction))
        var receipt: String?
        if case .anonymous(_, let value) = door { receipt = value.digits }
        let weekdays = wishes.safeWeekdays.map { Int16($0) }
        let rows = try await transaction.query("""
            SELECT support.create_request(
                \(organisation), \(kind.rawValue), \(door.code), \(receipt), \(proposal),
                \(deadline.warning), \(deadline.due),
                \(wishes.channel.rawValue), \(wishes.address), \(weekdays)::smallint[], \(wishes.safeFrom)::time, \(wishes.safeUntil)::time,
                \(wishes.voiceMessageOK), \(wishes.writtenMessageOK), \(wishes.language), \(wishes.interpreterLanguage),
                \(wishes.name), \(wishes.message), \(contentKey))
            """)
        return try rows.first!.decode(UUID.self, column: 0)
    }
}
