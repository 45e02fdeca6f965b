import Foundation
import Postgres

/// A cycle with published figures, as `report.cycles()` lists it.
struct ReportCycle: Sendable, Equatable {
    /// The cycle's id.
    let id: UUID
    /// Its name, e.g. "Medarbetarsamtal 2026".
    let name: String
    /// First day.
    let startsOn: CalendarDay
    /// Last day.
    let endsOn: CalendarDay
    /// The threshold the figures were suppressed with ("fewer than k").
    let k: Int
    /// When the figures were published.
    let publishedAt: Date

    /// The months the page offers as periods (`YYYY-MM`): those of the cycle and the one after it,
    /// since talks of the cycle's last weeks may be recorded then (the catalogue has 13 month
    /// measures). A calendar, not a figure.
    var months: [String] {
        var result: [String] = []
        var year = startsOn.year
        var month = startsOn.month
        let last = endsOn.year * 12 + endsOn.month
        while year * 12 + month <= last + 1 && result.count < 13 {
            result.append(String(year) + "-" + String(month).leftPadded(to: 2))
            month += 1
            if month > 12 { month = 1; year += 1 }
        }
        return result
    }

    /// The acting organisation's cycles with published figures, newest first.
    static func all(in transaction: PostgresTransaction) async throws -> [ReportCycle] {
        try await transaction.query("SELECT cycle_id, name, starts_on, ends_on, k, published_at FROM report.cycles()").map { row in
            let (id, name, starts, ends, k, published) = try row.decode((UUID, String, PostgresDate, PostgresDate, Int, Date).self)
            return ReportCycle(id: id, name: name, startsOn: starts.calendarDay, endsOn: ends.calendarDay, k: k, publishedAt: published)
        }
    }
}
