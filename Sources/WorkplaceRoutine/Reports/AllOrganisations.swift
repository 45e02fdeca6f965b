import Foundation
import HTTP
import Postgres

/// The coordinator's view of every organisation of the installation for one year, read through
/// `report.overview_years()` and `report.overview()` only (acting as wr_overview): each
/// organisation's row is its own published top-level figures, and a total is shown only where it is
/// the sum of shown figures.
struct AllOrganisations: Sendable {
    /// Years with published cycles, newest first, with how many organisations have one.
    let years: [(year: Int, organisations: Int)]
    /// The year shown; nil when nothing is published.
    let year: Int?
    /// Question and training coverage (`family = person`).
    let persons: [OrganisationRow]
    /// Support requests (`family = support`).
    let support: [OrganisationRow]

    /// Why the view cannot be shown for a query.
    enum Problem: Error, Equatable {
        /// A year that is not a number, or has no published cycle.
        case notFound
    }

    /// Loads `year` (text from the query; nil or empty: the newest).
    static func load(year text: String?, in transaction: PostgresTransaction) async throws -> AllOrganisations {
        let years = try await transaction.query("SELECT year, organisations FROM report.overview_years()").map { row in
            let (year, organisations) = try row.decode((Int, Int).self)
            return (year: year, organisations: organisations)
        }
        var year = years.first?.year
        if let text, !text.isEmpty {
            guard let asked = Int(text), years.contains(where: { $0.year == asked }) else { throw Problem.notFound }
            year = asked
        }
        guard let year else { return AllOrganisations(years: years, year: nil, persons: [], support: []) }
        return AllOrganisations(years: years, year: year,
                                persons: try await OrganisationRow.load(year: year, family: "person", in: transaction),
                                support: try await OrganisationRow.load(year: year, family: "support", in: transaction))
    }

    /// The rows grouped by organisation, all together first, in the database's order.
    static func grouped(_ rows: [OrganisationRow]) -> [(first: OrganisationRow, byMeasure: [String: OrganisationRow])] {
        var order: [String] = []
        var groups: [String: [OrganisationRow]] = [:]
        for row in rows {
            let key = row.organisationID?.uuidString ?? ""
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(row)
        }
        return order.map { key in
            let rows = groups[key]!
            return (rows[0], Dictionary(rows.map { ($0.measure, $0) }, uniquingKeysWith: { first, _ in first }))
        }
    }
}
