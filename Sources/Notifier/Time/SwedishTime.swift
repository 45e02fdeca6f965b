public import Foundation

/// Swedish local time (Europe/Stockholm), in which safe hours and schedules are read.
public enum SwedishTime {
    /// A Gregorian calendar in Europe/Stockholm.
    public static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Stockholm")!
        calendar.locale = Locale(identifier: "sv_SE")
        return calendar
    }()

    /// The ISO weekday (1 = Monday … 7 = Sunday) of `date` in Stockholm.
    public static func isoWeekday(of date: Date) -> Int {
        let weekday = calendar.component(.weekday, from: date)  // 1 = Sunday
        return (weekday + 5) % 7 + 1
    }
}
