import Foundation
import Postgres

/// One published figure of question and training coverage, exactly as `report.coverage()` returns
/// it: a unit (the chosen one or one of its children), a measure, a period, and either a count or
/// the mark that it is hidden. Nothing here is computed in Swift; a share is present only where the
/// database gave one.
struct CoverageRow: Sendable, Equatable {
    /// The unit; nil for the organisation itself.
    let unitID: UUID?
    /// The unit's name (the organisation's name for the organisation).
    let unitName: String
    /// The unit's code from the HR system; nil for the organisation.
    let unitCode: String?
    /// Whether this is the unit asked for (otherwise one of its children).
    let isSelected: Bool
    /// The virtual child "directly in this unit": its people outside its sub-units.
    let isDirect: Bool
    /// Whether the unit can be opened further.
    let hasChildren: Bool
    /// The measure's code, e.g. `asked` (report.measure).
    let measure: String
    /// `cycle` or a month `YYYY-MM`.
    let period: String
    /// The count, or nil when hidden.
    let value: Int?
    /// Whether the figure is hidden (small, or hidden to protect a small one: one mark for both).
    let suppressed: Bool
    /// value / the `shareOf` measure's value, only where the database shows it.
    let share: Double?
    /// The measure this one is a share of.
    let shareOf: String?

    /// The figure as the page shows it.
    var figure: Figure { Figure(value: value, suppressed: suppressed) }

    /// Coverage of `unit` (nil: the organisation) and its children in `cycle`; `period` nil for every
    /// period, `cycle` for the whole cycle, `YYYY-MM` for a month. Acting as the director.
    static func load(cycle: UUID, unit: UUID?, period: String?, in transaction: PostgresTransaction) async throws -> [CoverageRow] {
        try await transaction.query("""
            SELECT unit_id, unit_name, unit_code, is_selected, is_direct, has_children, measure, period, value, suppressed,
                   share::float8, share_of
            FROM report.coverage(\(cycle), \(unit), \(period))
            """).map { row in
            let (unitID, name, code, selected, direct, children, measure, period, value, suppressed, share, shareOf) =
                try row.decode((UUID?, String, String?, Bool, Bool, Bool, String, String, Int?, Bool, Double?, String?).self)
            return CoverageRow(unitID: unitID, unitName: name, unitCode: code, isSelected: selected, isDirect: direct,
                               hasChildren: children, measure: measure, period: period, value: value, suppressed: suppressed,
                               share: share, shareOf: shareOf)
        }
    }
}

/// A published count as a page shows it: a number, or hidden. A hidden figure is never a number.
enum Figure: Sendable, Equatable {
    /// The count.
    case shown(Int)
    /// Hidden by the disclosure control.
    case hidden

    /// From a function's `value` and `suppressed` columns (a NULL value is hidden whatever the flag says).
    init(value: Int?, suppressed: Bool) {
        if let value, !suppressed { self = .shown(value) } else { self = .hidden }
    }
}
