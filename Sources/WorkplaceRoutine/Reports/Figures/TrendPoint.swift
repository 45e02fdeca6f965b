import Foundation
import Postgres

/// Question coverage of one unit in one cycle, for the chart over time: the unit's own `due` and
/// `asked` rows of `report.coverage()` in every published cycle, oldest first. Read by calling the
/// report functions for each cycle, so every figure is still one the database published.
struct TrendPoint: Sendable, Equatable {
    /// The cycle.
    let cycleID: UUID
    /// Its name.
    let cycleName: String
    /// Employees due the question.
    let due: Figure
    /// Asked.
    let asked: Figure
    /// Asked / due, where the database shows it.
    let share: Double?

    /// The points of `unit` (nil: the organisation), oldest cycle first.
    static func load(unit: UUID?, in transaction: PostgresTransaction) async throws -> [TrendPoint] {
        let rows = try await transaction.query("""
            SELECT c.cycle_id, c.name, x.measure, x.value, x.suppressed, x.share::float8
            FROM report.cycles() c CROSS JOIN LATERAL report.coverage(c.cycle_id, \(unit), 'cycle') x
            WHERE x.is_selected AND x.measure IN ('due', 'asked')
            ORDER BY c.starts_on, c.cycle_id
            """)
        var points: [TrendPoint] = []
        for row in rows {
            let (cycle, name, measure, value, suppressed, share) = try row.decode((UUID, String, String, Int?, Bool, Double?).self)
            let figure = Figure(value: value, suppressed: suppressed)
            if points.last?.cycleID != cycle {
                points.append(TrendPoint(cycleID: cycle, cycleName: name, due: .hidden, asked: .hidden, share: nil))
            }
            let last = points.removeLast()
            points.append(measure == "due"
                ? TrendPoint(cycleID: cycle, cycleName: name, due: figure, asked: last.asked, share: last.share)
                : TrendPoint(cycleID: cycle, cycleName: name, due: last.due, asked: figure, share: share))
        }
        return points
    }
}
