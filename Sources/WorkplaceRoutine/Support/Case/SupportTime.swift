import Foundation

/// Times as the journey shows them, always in Europe/Stockholm whatever the server's zone:
/// "måndag 23 november kl. 15:00" where it matters to the person, "23 nov 2026 15:00" in tables.
enum SupportTime {
    static let zone = TimeZone(identifier: "Europe/Stockholm")!

    private static var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
    }

    private static func parts(_ instant: Date) -> (day: CalendarDay, clock: String) {
        let c = calendar.dateComponents([.hour, .minute], from: instant)
        let clock = String(c.hour ?? 0).leftPadded(to: 2) + ":" + String(c.minute ?? 0).leftPadded(to: 2)
        return (CalendarDay(instant, in: zone), clock)
    }

    /// Weekday, day, month and clock time.
    static func long(_ instant: Date, _ texts: SupportTexts) -> String {
        let (day, clock) = parts(instant)
        return texts.longTime(texts.weekdayNames[day.weekday - 1], day.day, texts.monthNames[day.month - 1], clock)
    }

    /// Day, short month, year and clock time.
    static func short(_ instant: Date, _ texts: SupportTexts) -> String {
        let (day, clock) = parts(instant)
        return texts.shortTime(day.day, texts.monthNames[day.month - 1], day.year, clock)
    }

    /// For `<time datetime=…>`.
    static func machine(_ instant: Date) -> String {
        ContactDeadline.iso8601(instant, in: zone)
    }
}
