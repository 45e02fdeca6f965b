import Foundation
import Postgres

/// One published top-level figure of one organisation (or, with no organisation, of all together),
/// exactly as `report.overview()` returns it to the coordinator.
struct OrganisationRow: Sendable, Equatable {
    /// The organisation; nil for all organisations together.
    let organisationID: UUID?
    /// Its name; nil for all together.
    let organisationName: String?
    /// The cycle whose figures these are (the one starting in the year); nil for all together.
    let cycleName: String?
    /// The measure's code.
    let measure: String
    /// The count, or nil when hidden (a total is shown only where every organisation's figure is).
    let value: Int?
    /// Whether hidden.
    let suppressed: Bool
    /// Where the database gives one.
    let share: Double?
    /// The base of the share.
    let shareOf: String?

    /// The figure as the page shows it.
    var figure: Figure { Figure(value: value, suppressed: suppressed) }

    /// `report.overview(year, family)`, acting as wr_overview.
    static func load(year: Int, family: String, in transaction: PostgresTransaction) async throws -> [OrganisationRow] {
        try await transaction.query("""
            SELECT organisation_id, organisation_name, cycle_name, measure, value, suppressed, share::float8, share_of
            FROM report.overview(\(year)::integer, \(family))
            """).map { row in
            let (id, name, cycle, measure, value, suppressed, share, shareOf) =
                try row.decode((UUID?, String?, String?, String, Int?, Bool, Double?, String?).self)
            return OrganisationRow(organisationID: id, organisationName: name, cycleName: cycle, measure: measure, value: value,
                                   suppressed: suppressed, share: share, shareOf: shareOf)
        }
    }
}
