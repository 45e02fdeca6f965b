public import Foundation

/// When a recurring job runs (*schema*): every so many minutes on the clock, or daily at a time
/// in Swedish local time on some weekdays.
public enum RecurringSchedule: Sendable, Equatable {
    /// Every `minutes` minutes, at whole multiples of it since the Unix epoch (every 10 minutes: :00,
    /// :10, :20 …), so every Notifier process computes the same times.
    case every(minutes: Int)
    /// At `hour:minute` Europe/Stockholm time on the ISO weekdays listed (1 = Monday … 7 = Sunday).
    case daily(hour: Int, minute: Int, weekdays: Set<Int>)

    /// Every day of the week.
    public static let allWeekdays: Set<Int> = [1, 2, 3, 4, 5, 6, 7]
    /// Monday to Friday.
    public static let workingWeekdays: Set<Int> = [1, 2, 3, 4, 5]

    /// The first run strictly after `date`.
    public func next(after date: Date) -> Date {
        switch self {
        case .every(let minutes):
            let step = Double(max(1, minutes) * 60)
            return Date(timeIntervalSince1970: (floor(date.timeIntervalSince1970 / step) + 1) * step)
        case .daily(let hour, let minute, let weekdays):
            let calendar = SwedishTime.calendar
            let days = weekdays.isEmpty ? Self.allWeekdays : weekdays
            var day = calendar.startOfDay(for: date)
            for _ in 0..<15 {
                if days.contains(SwedishTime.isoWeekday(of: day)),
                   let candidate = calendar.date(bySettingHour: hour, minute: minute, second: 0, of: day),
                   candidate > date {
                    return candidate
                }
                day = calendar.date(byAdding: .day, value: 1, to: day) ?? day.addingTimeInterval(86_400)
            }
            return date.addingTimeInterval(86_400)
        }
    }
}
