import Foundation
import Postgres

/// A period in which everyone is due the question once (*period*, normally the calendar year).
struct Cycle: Sendable, Equatable {
    /// Its id.
    let id: UUID
    /// Its name, e.g. "2026".
    let name: String
    /// First day.
    let startsOn: CalendarDay
    /// Last day.
    let endsOn: CalendarDay

    /// Whether `day` lies in the cycle.
    func contains(_ day: CalendarDay) -> Bool { startsOn <= day && day <= endsOn }

    /// The cycle covering today; created as the calendar year when there is none.
    static func current(in transaction: PostgresTransaction) async throws -> Cycle {
        let id = try await transaction.query("SELECT routine.current_cycle()").first!.decode(UUID.self, column: 0)
        return try await find(id, in: transaction)!
    }

    /// A cycle of the acting organisation by id (nil when there is none: row-level security).
    static func find(_ id: UUID, in transaction: PostgresTransaction) async throws -> Cycle? {
        try await transaction.query("SELECT id, name, starts_on, ends_on FROM routine.cycle WHERE id = \(id)")
            .first.map(decode)
    }

    /// Every cycle of the acting organisation, latest first.
    static func all(in transaction: PostgresTransaction) async throws -> [Cycle] {
        try await transaction.query("SELECT id, name, starts_on, ends_on FROM routine.cycle ORDER BY starts_on DESC").map(decode)
    }

    private static func decode(_ row: PostgresRow) throws -> Cycle {
        let (id, name, starts, ends) = try row.decode((UUID, String, PostgresDate, PostgresDate).self)
        return Cycle(id: id, name: name, startsOn: starts.calendarDay, endsOn: ends.calendarDay)
    }
}

/// The per-organisation settings of the routine that pages need.
enum OrganisationSetting: Sendable {
    /// Days a record of a talk may be corrected.
    case correctionDays
    /// Days an unconfirmed proposal lives.
    case proposalExpiryDays
    /// Days after hiring by which a new hire is due the question.
    case newHireDays
}
