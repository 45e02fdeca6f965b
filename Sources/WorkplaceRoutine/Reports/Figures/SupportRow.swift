import Foundation
import Postgres

/// One published figure about support requests of the organisation as a whole, exactly as
/// `report.support()` returns it.
struct SupportRow: Sendable, Equatable {
    /// The measure's code, e.g. `requests`, `door_anonymous`, `median_hours_to_first_contact`.
    let measure: String
    /// `cycle` or a month `YYYY-MM`.
    let period: String
    /// The value (a count; hours for the median), or nil when hidden.
    let value: Double?
    /// Whether the figure is hidden.
    let suppressed: Bool
    /// value / the `shareOf` measure's value, only where the database shows it.
    let share: Double?
    /// The measure this one is a share of.
    let shareOf: String?

    /// The median hours to first contact is the one measure that is not a count.
    static let medianMeasure = "median_hours_to_first_contact"

    /// Whether the value is a count (everything but the median).
    var isCount: Bool { measure != SupportRow.medianMeasure }

    /// The support figures of the acting organisation in `cycle`; `period` as for coverage.
    static func load(cycle: UUID, period: String?, in transaction: PostgresTransaction) async throws -> [SupportRow] {
        try await transaction.query("""
            SELECT measure, period, value::float8, suppressed, share::float8, share_of FROM report.support(\(cycle), \(period))
            """).map { row in
            let (measure, period, value, suppressed, share, shareOf) =
                try row.decode((String, String, Double?, Bool, Double?, String?).self)
            return SupportRow(measure: measure, period: period, value: value, suppressed: suppressed, share: share, shareOf: shareOf)
        }
    }
}
