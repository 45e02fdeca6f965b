public import Foundation
import Synchronization

/// Which days an organisation works: Monday–Friday that is not a Swedish public holiday
/// (*helgfri vardag*) and not one of the organisation's closing days. Days are calendar days in
/// the organisation's time zone (Europe/Stockholm).
public struct WorkingCalendar: Sendable {
    /// The time zone whose calendar days count.
    public let timeZone: TimeZone
    /// Keys of eves closed every year (see ``SwedishHolidays/configurableClosingDays``).
    public let closingDays: Set<String>
    /// Further single dates the organisation is closed.
    public let extraClosedDates: Set<CalendarDay>

    /// The default: Europe/Stockholm, closed on midsommarafton, julafton and nyårsafton.
    public static let swedishDefault = WorkingCalendar()

    /// Makes a calendar.
    public init(
        timeZone: TimeZone = TimeZone(identifier: "Europe/Stockholm")!,
        closingDays: Set<String> = SwedishHolidays.defaultClosingDays,
        extraClosedDates: Set<CalendarDay> = []
    ) {
        self.timeZone = timeZone
        self.closingDays = closingDays
        self.extraClosedDates = extraClosedDates
    }

    /// Whether `day` is a working day.
    public func isWorkingDay(_ day: CalendarDay) -> Bool {
        if day.isWeekend || extraClosedDates.contains(day) { return false }
        for holiday in WorkingCalendar.holidays(in: day.year) where holiday.day == day {
            if holiday.isPublicHoliday || closingDays.contains(holiday.key) { return false }
        }
        return true
    }

    /// The instant at which `hours` of working time have elapsed, counting forward from `start`.
    ///
    /// Only time that falls on working days counts. A start on a closed day begins counting at the
    /// next working day's 00:00. Days are walked by their real start instants, so a day's length is
    /// whatever it really is (daylight-saving changes happen on Sundays in Sweden, which never count,
    /// but nothing here relies on that).
    public func instant(afterWorkingHours hours: Double, from start: Date) -> Date {
        var remaining = hours * 3600
        var cursor = start
        var day = CalendarDay(start, in: timeZone)
        // Bounded walk: 24 working hours can never need more than a few weeks of calendar days.
        for _ in 0..<3660 {
            let nextStart = day.adding(days: 1).start(in: timeZone)
            if isWorkingDay(day) {
                let available = nextStart.timeIntervalSince(cursor)
                if available >= remaining { return cursor.addingTimeInterval(remaining) }
                remaining -= available
            }
            cursor = nextStart
            day = day.adding(days: 1)
        }
        preconditionFailure("no working day within ten years")
    }

    /// Working time in seconds between two instants (0 when `end` is not after `start`).
    public func workingSeconds(from start: Date, to end: Date) -> Double {
        guard end > start else { return 0 }
        var total = 0.0
        var cursor = start
        var day = CalendarDay(start, in: timeZone)
        while cursor < end {
            let nextStart = day.adding(days: 1).start(in: timeZone)
            let sliceEnd = min(nextStart, end)
            if isWorkingDay(day) { total += sliceEnd.timeIntervalSince(cursor) }
            cursor = nextStart
            day = day.adding(days: 1)
        }
        return total
    }

    // Holidays are computed once per year and shared by every calendar.
    private static let cache = Mutex<[Int: [SwedishHolidays.Holiday]]>([:])

    private static func holidays(in year: Int) -> [SwedishHolidays.Holiday] {
        if let cached = cache.withLock({ $0[year] }) { return cached }
        let computed = SwedishHolidays.days(in: year)
        cache.withLock { $0[year] = computed }
        return computed
    }
}
