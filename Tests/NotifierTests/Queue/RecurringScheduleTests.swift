import Foundation
import Testing
@testable import Notifier

/// When recurring jobs run, without I/O.
@Suite struct RecurringScheduleTests {
    static func stockholm(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "Europe/Stockholm")
        formatter.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime, .withDashSeparatorInDate]
        return formatter.date(from: text)!
    }

    @Test func everyMinutesFollowsTheClockSoEveryProcessAgrees() {
        let schedule = RecurringSchedule.every(minutes: 10)
        #expect(schedule.next(after: Self.stockholm("2026-11-23T09:03:17")) == Self.stockholm("2026-11-23T09:10:00"))
        #expect(schedule.next(after: Self.stockholm("2026-11-23T09:10:00")) == Self.stockholm("2026-11-23T09:20:00"))
    }

    @Test func theDigestOnFridayAfternoonComesOnMondayMorning() {
        let schedule = RecurringSchedule.daily(hour: 7, minute: 0, weekdays: RecurringSchedule.workingWeekdays)
        #expect(schedule.next(after: Self.stockholm("2026-11-27T15:00:00")) == Self.stockholm("2026-11-30T07:00:00"))
        #expect(schedule.next(after: Self.stockholm("2026-11-30T06:59:59")) == Self.stockholm("2026-11-30T07:00:00"))
        #expect(schedule.next(after: Self.stockholm("2026-11-30T07:00:00")) == Self.stockholm("2026-12-01T07:00:00"))
    }

    @Test func dailyTimesAreSwedishLocalTimeAcrossDaylightSaving() {
        let schedule = RecurringSchedule.daily(hour: 3, minute: 15, weekdays: RecurringSchedule.allWeekdays)
        // Summer time ends on 25 October 2026, a 25-hour day: the job still runs at 03:15 local time.
        let before = schedule.next(after: Self.stockholm("2026-10-23T12:00:00"))
        let after = schedule.next(after: before)
        #expect(SwedishTime.calendar.dateComponents([.hour, .minute], from: before) == DateComponents(hour: 3, minute: 15))
        #expect(SwedishTime.calendar.dateComponents([.hour, .minute], from: after) == DateComponents(hour: 3, minute: 15))
        #expect(after.timeIntervalSince(before) == 25 * 3600)
    }
}
