import Foundation
import Postgres

/// Local time as people here read it: Europe/Stockholm, dates `YYYY-MM-DD`, times `HH:MM`.
/// Instants are stored as `timestamptz`; this is only for showing and reading them.
enum Stockholm {
    /// Europe/Stockholm.
    static let timeZone = TimeZone(identifier: "Europe/Stockholm")!

    /// Today's date in Stockholm.
    static func today(_ now: Date = Date()) -> CalendarDay { CalendarDay(now, in: timeZone) }

    /// The day an instant falls on in Stockholm.
    static func day(_ instant: Date) -> CalendarDay { CalendarDay(instant, in: timeZone) }

    /// `HH:MM` of an instant in Stockholm.
    static func clock(_ instant: Date) -> String {
        let parts = calendar.dateComponents([.hour, .minute], from: instant)
        return String(parts.hour ?? 0).leftPadded(to: 2) + ":" + String(parts.minute ?? 0).leftPadded(to: 2)
    }

    /// `YYYY-MM-DD HH:MM`, or just the date when the time is midnight (a talk planned without a time).
    static func dateAndTime(_ instant: Date) -> String {
        let time = clock(instant)
        return time == "00:00" ? day(instant).description : day(instant).description + " " + time
    }

    /// The instant of `day` at `minutes` after midnight in Stockholm (midnight when nil).
    static func instant(_ day: CalendarDay, minutes: Int?) -> Date {
        let minutes = minutes ?? 0
        return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day,
                                                  hour: minutes / 60, minute: minutes % 60))!
    }

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }()
}

extension PostgresDate {
    /// The same date as a ``CalendarDay``.
    var calendarDay: CalendarDay { CalendarDay(year: year, month: month, day: day)! }
}

extension CalendarDay {
    /// The same date for binding as `date`.
    var postgresDate: PostgresDate { PostgresDate(year: year, month: month, day: day)! }
}
