public import Foundation

/// When it is safe to reach an employee (*säkra tider*), as they chose it on their request: which
/// weekdays, and from which time until which time, in Swedish local time (Europe/Stockholm).
///
/// A notice due outside these hours waits for the start of the next safe window; it is never sent
/// early and never dropped.
public struct SafeHours: Sendable, Equatable {
    /// ISO weekdays (1 = Monday … 7 = Sunday).
    public let weekdays: Set<Int>
    /// Minutes after midnight when the window opens.
    public let fromMinute: Int
    /// Minutes after midnight when it closes (exclusive).
    public let untilMinute: Int

    /// Creates safe hours; nil when no weekday is valid or the window is empty.
    public init?(weekdays: some Sequence<Int>, fromMinute: Int, untilMinute: Int) {
        let days = Set(weekdays.filter { (1...7).contains($0) })
        guard !days.isEmpty, fromMinute >= 0, untilMinute <= 24 * 60, fromMinute < untilMinute else { return nil }
        self.weekdays = days
        self.fromMinute = fromMinute
        self.untilMinute = untilMinute
    }

    /// Whether `date` lies inside a safe window.
    public func contains(_ date: Date) -> Bool {
        let calendar = SwedishTime.calendar
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        let minute = (parts.hour ?? 0) * 60 + (parts.minute ?? 0)
        return weekdays.contains(SwedishTime.isoWeekday(of: date)) && minute >= fromMinute && minute < untilMinute
    }

    /// `date` itself when it is safe, else the start of the next safe window.
    public func earliestDelivery(from date: Date) -> Date {
        if contains(date) { return date }
        let calendar = SwedishTime.calendar
        var day = calendar.startOfDay(for: date)
        for _ in 0..<9 {
            if weekdays.contains(SwedishTime.isoWeekday(of: day)),
               let start = calendar.date(bySettingHour: fromMinute / 60, minute: fromMinute % 60, second: 0, of: day),
               start >= date {
                return start
            }
            day = calendar.date(byAdding: .day, value: 1, to: day) ?? day.addingTimeInterval(86_400)
        }
        return date  // unreachable with at least one weekday; deliver rather than lose the notice
    }
}
