import Foundation
import Testing
@testable import WorkplaceRoutine

/// The overview's query: empty means the default, anything malformed is an error (never silently
/// replaced by another filter).
@Suite struct OverviewFilterTests {
    @Test func emptyValuesMeanTheDefaults() throws {
        let filter = try OverviewFilter(cycle: "", unit: nil, period: "")
        #expect(filter == OverviewFilter())
        #expect(filter.query().isEmpty)
    }

    @Test func readsIdsInEitherCaseAndAMonth() throws {
        let cycle = UUID()
        let unit = UUID()
        let filter = try OverviewFilter(cycle: cycle.uuidString.lowercased(), unit: unit.uuidString, period: "2026-03")
        #expect(filter == OverviewFilter(cycle: cycle, unit: unit, month: "2026-03"))
        #expect(filter.query() == "cycle=\(cycle.lowercased)&unit=\(unit.lowercased)&period=2026-03")
        #expect(filter.query(unit: .some(nil), month: .some(nil)) == "cycle=\(cycle.lowercased)")
    }

    static let malformed: [(String?, String?, String?, String)] = [
        ("not-an-id", nil, nil, "cycle"), (nil, "x", nil, "unit"), (nil, nil, "2026-13", "period"),
        (nil, nil, "2026-3", "period"), (nil, nil, "cycle", "period"), (nil, nil, "２026-03", "period"),
    ]

    @Test(arguments: malformed)
    func rejectsMalformedValues(cycle: String?, unit: String?, period: String?, field: String) {
        #expect(throws: OverviewFilter.Problem.malformed(field)) {
            try OverviewFilter(cycle: cycle, unit: unit, period: period)
        }
    }

    @Test func aMonthIsFourDigitsADashAndAMonthNumber() {
        #expect(OverviewFilter.isMonth("2026-01") && OverviewFilter.isMonth("2026-12"))
        #expect(!OverviewFilter.isMonth("2026-00") && !OverviewFilter.isMonth("2026/01") && !OverviewFilter.isMonth("2026-011"))
    }
}
