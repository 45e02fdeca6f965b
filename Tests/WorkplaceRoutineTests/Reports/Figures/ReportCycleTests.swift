import Foundation
import Testing
@testable import WorkplaceRoutine

/// The months a cycle offers as periods: its own and the one after (talks of its last weeks may be
/// recorded then), as the catalogue's 13 month measures.
@Suite struct ReportCycleTests {
    static func cycle(_ start: (Int, Int, Int), _ end: (Int, Int, Int)) -> ReportCycle {
        ReportCycle(id: UUID(), name: "P", startsOn: CalendarDay(year: start.0, month: start.1, day: start.2)!,
                    endsOn: CalendarDay(year: end.0, month: end.1, day: end.2)!, k: 5, publishedAt: Date())
    }

    @Test func aCalendarYearOffersThirteenMonths() {
        let months = Self.cycle((2026, 1, 1), (2026, 12, 31)).months
        #expect(months.count == 13 && months.first == "2026-01" && months.last == "2027-01")
    }

    @Test func aCycleAcrossNewYearCountsOnInTheNextYear() {
        #expect(Self.cycle((2025, 9, 1), (2026, 2, 28)).months == ["2025-09", "2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03"])
    }
}
