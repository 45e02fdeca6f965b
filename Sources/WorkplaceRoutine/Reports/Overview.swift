import Foundation
import HTTP
import Postgres

/// Everything the director's dashboard shows for one filter, read through the report functions
/// only (acting as wr_director): the organisation's name, the cycles with published figures, the
/// units to choose from, and the suppressed rows of `report.coverage()` and `report.support()`.
/// The page, the CSV file and the JSON API are three renderings of this one value, so they carry
/// the same rows.
struct Overview: Sendable {
    /// The organisation's name, from `report.organisation()`.
    let organisationName: String
    /// Cycles with published figures, newest first.
    let cycles: [ReportCycle]
    /// The cycle shown; nil when nothing is published yet.
    let cycle: ReportCycle?
    /// The filter, with the cycle resolved.
    let filter: OverviewFilter
    /// The organisation, its förvaltningar and the path to the chosen unit.
    let units: [ReportUnit]
    /// `report.coverage(cycle, unit, period)`.
    let coverage: [CoverageRow]
    /// `report.support(cycle, period)` — for the organisation as a whole only, so empty when a unit is chosen.
    let support: [SupportRow]
    /// The chosen unit's coverage in every published cycle (the page only; empty unless asked for).
    let trend: [TrendPoint]

    /// Why an overview cannot be shown for a filter.
    enum Problem: Error, Equatable {
        /// A cycle, unit or month the organisation has no published figures for (404).
        case notFound(String)
    }

    /// Loads the overview for `filter`. A cycle or unit that is not the acting organisation's (or
    /// not published) is `notFound`, whatever its id.
    static func load(_ filter: OverviewFilter, withTrend: Bool = false, in transaction: PostgresTransaction) async throws -> Overview {
        let name = try await transaction.query("SELECT name FROM report.organisation()").first?.decode(String.self, column: 0)
        let cycles = try await ReportCycle.all(in: transaction)
        var filter = filter
        let cycle: ReportCycle?
        if let id = filter.cycle {
            guard let found = cycles.first(where: { $0.id == id }) else { throw Problem.notFound("cycle") }
            cycle = found
        } else {
            cycle = cycles.first
        }
        filter.cycle = cycle?.id
        if let month = filter.month, cycle?.months.contains(month) != true { throw Problem.notFound("period") }
        let units = try await ReportUnit.load(around: filter.unit, in: transaction)
        if let unit = filter.unit, !units.contains(where: { $0.id == unit && $0.onPath }) { throw Problem.notFound("unit") }
        guard let cycle else {
            return Overview(organisationName: name ?? "", cycles: cycles, cycle: nil, filter: filter, units: units, coverage: [], support: [], trend: [])
        }
        let coverage = try await CoverageRow.load(cycle: cycle.id, unit: filter.unit, period: filter.month, in: transaction)
        let support = filter.unit == nil ? try await SupportRow.load(cycle: cycle.id, period: filter.month, in: transaction) : []
        let trend = withTrend && filter.month == nil ? try await TrendPoint.load(unit: filter.unit, in: transaction) : []
        return Overview(organisationName: name ?? units.first { $0.depth == 0 }?.name ?? "", cycles: cycles, cycle: cycle,
                        filter: filter, units: units, coverage: coverage, support: support, trend: trend)
    }

    /// The chosen unit's rows for the whole cycle.
    var selected: [CoverageRow] { coverage.filter { $0.isSelected && $0.period == "cycle" } }

    /// The chosen unit's figure of `measure` for the whole cycle; nil when it is not published at this depth.
    func selected(_ measure: String) -> CoverageRow? {
        coverage.first { $0.isSelected && $0.period == "cycle" && $0.measure == measure }
    }

    /// The children of the chosen unit, in the database's order, each with its rows for the whole cycle.
    var children: [(unit: CoverageRow, rows: [String: CoverageRow])] {
        var order: [String] = []
        var groups: [String: [CoverageRow]] = [:]
        for row in coverage where !row.isSelected && row.period == "cycle" {
            let key = (row.unitID?.uuidString ?? "") + (row.isDirect ? "/direct" : "")
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(row)
        }
        return order.map { key in
            let rows = groups[key]!
            return (rows[0], Dictionary(rows.map { ($0.measure, $0) }, uniquingKeysWith: { first, _ in first }))
        }
    }

    /// The chosen unit's month rows (published for the organisation only).
    var months: [CoverageRow] { coverage.filter { $0.isSelected && $0.period != "cycle" } }

    /// The chosen unit (nil: the organisation).
    var unit: ReportUnit? { filter.unit.flatMap { id in units.first { $0.id == id } } }

    /// The path from the organisation down to the chosen unit.
    var path: [ReportUnit] { units.filter(\.onPath).sorted { $0.depth < $1.depth } }
}
