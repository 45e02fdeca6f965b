import Foundation
import Testing
@testable import WorkplaceRoutine

@Suite struct WorkingCalendarTests {
    static func deadline(_ from: String, calendar: WorkingCalendar = .swedishDefault) -> String {
        let start = ContactDeadline.parseISO8601(from)!
        return ContactDeadline.iso8601(ContactDeadline(received: start, calendar: calendar).due)
    }

    @Test(arguments: [
        // An ordinary weekday: exactly one day later.
        ("2026-11-24T10:00:00+01:00", "2026-11-25T10:00:00+01:00"),
        // Friday afternoon: 9 hours on Friday, 15 on Monday.
        ("2026-11-20T15:00:00+01:00", "2026-11-23T15:00:00+01:00"),
        // Saturday: counting starts on Monday 00:00 and ends at Monday's end.
        ("2026-11-21T12:00:00+01:00", "2026-11-24T00:00:00+01:00"),
        // Easter 2026: Skärtorsdag counts, Långfredag to Annandag påsk do not.
        ("2026-04-02T12:00:00+02:00", "2026-04-07T12:00:00+02:00"),
        // Ascension Day 2026 (Thursday 14 May).
        ("2026-05-13T09:00:00+02:00", "2026-05-15T09:00:00+02:00"),
        // Midsummer 2026: midsommarafton is a closing day by default.
        ("2026-06-18T08:00:00+02:00", "2026-06-22T08:00:00+02:00"),
        // Christmas 2026: julafton closed, juldagen a holiday, then the weekend.
        ("2026-12-23T18:00:00+01:00", "2026-12-28T18:00:00+01:00"),
        // A request on julafton itself starts counting on the next working day.
        ("2026-12-24T10:00:00+01:00", "2026-12-29T00:00:00+01:00"),
        // New Year 2026/2027: nyårsafton closed, nyårsdagen a holiday.
        ("2026-12-30T20:00:00+01:00", "2027-01-04T20:00:00+01:00"),
        // Trettondedag jul 2027 is a Wednesday.
        ("2027-01-05T12:00:00+01:00", "2027-01-07T12:00:00+01:00"),
        // Spring DST weekend (29 March 2026): local clock times carry over unchanged.
        ("2026-03-27T16:00:00+01:00", "2026-03-30T16:00:00+02:00"),
        // Autumn DST weekend (25 October 2026).
        ("2026-10-23T10:00:00+02:00", "2026-10-26T10:00:00+01:00"),
        // Input in UTC is read as the same instant and answered in Swedish time.
        ("2026-11-24T09:00:00Z", "2026-11-25T10:00:00+01:00"),
    ])
    func contactDeadlineCountsOnlyWorkingDays(from: String, expected: String) {
        #expect(Self.deadline(from) == expected)
    }

    @Test func organisationCanWorkOnEvesAndCloseOtherDays() {
        let open = WorkingCalendar(closingDays: [])
        #expect(Self.deadline("2026-12-23T18:00:00+01:00", calendar: open) == "2026-12-24T18:00:00+01:00")
        let closedMonday = WorkingCalendar(extraClosedDates: [CalendarDay(iso: "2026-11-23")!])
        #expect(Self.deadline("2026-11-20T15:00:00+01:00", calendar: closedMonday) == "2026-11-24T15:00:00+01:00")
    }

    @Test func warningComesAtThreeQuartersOfTheWorkingTime() {
        let start = ContactDeadline.parseISO8601("2026-11-20T15:00:00+01:00")!
        let deadline = ContactDeadline(received: start)
        // 9 h on Friday + 9 h on Monday = 18 h.
        #expect(ContactDeadline.iso8601(deadline.warning) == "2026-11-23T09:00:00+01:00")
    }

    @Test func workingSecondsSkipClosedDays() {
        let calendar = WorkingCalendar.swedishDefault
        let start = ContactDeadline.parseISO8601("2026-11-20T15:00:00+01:00")!
        let end = ContactDeadline.parseISO8601("2026-11-23T15:00:00+01:00")!
        #expect(calendar.workingSeconds(from: start, to: end) == 24 * 3600)
        #expect(calendar.workingSeconds(from: end, to: start) == 0)
    }

    @Test func weekdaysAreWorkingDaysUnlessHolidayOrClosed() {
        let calendar = WorkingCalendar.swedishDefault
        #expect(calendar.isWorkingDay(CalendarDay(iso: "2026-11-23")!))     // Monday
        #expect(!calendar.isWorkingDay(CalendarDay(iso: "2026-11-21")!))    // Saturday
        #expect(!calendar.isWorkingDay(CalendarDay(iso: "2026-06-19")!))    // midsommarafton
        #expect(!calendar.isWorkingDay(CalendarDay(iso: "2026-05-01")!))    // första maj (Friday)
        #expect(calendar.isWorkingDay(CalendarDay(iso: "2026-04-30")!))     // valborg is not closed by default
    }
}
