import Foundation
import Testing
@testable import WorkplaceRoutine

@Suite struct CalendarDayTests {
    @Test func roundTripsDaysSinceEpochAcrossCenturies() {
        for offset in stride(from: -800_000, through: 800_000, by: 997) {
            let day = CalendarDay(daysSinceEpoch: offset)
            #expect(day.daysSinceEpoch == offset)
        }
        #expect(CalendarDay(daysSinceEpoch: 0).description == "1970-01-01")
    }

    @Test func knowsWeekdays() {
        #expect(CalendarDay(iso: "2026-11-21")!.weekday == 6)  // Saturday
        #expect(CalendarDay(iso: "2024-02-29")!.weekday == 4)  // Thursday
        #expect(CalendarDay(iso: "2000-01-01")!.weekday == 6)
    }

    @Test(arguments: ["2026-02-29", "2026-13-01", "2026-1-01", "26-01-01", "2026-01-32", "2026-01-01x", "２０２６-01-01", ""])
    func rejectsInvalidISODates(text: String) {
        #expect(CalendarDay(iso: text) == nil)
    }

    @Test func findsTheLocalDayOfAnInstant() {
        let stockholm = TimeZone(identifier: "Europe/Stockholm")!
        // 23:30 UTC on 31 Dec is already New Year's Day in Stockholm.
        let instant = ContactDeadline.parseISO8601("2026-12-31T23:30:00Z")!
        #expect(CalendarDay(instant, in: stockholm).description == "2027-01-01")
        #expect(CalendarDay(iso: "2027-01-01")!.start(in: stockholm) == ContactDeadline.parseISO8601("2026-12-31T23:00:00Z")!)
    }
}
