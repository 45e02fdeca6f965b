public import Foundation

/// The promise to contact a person within 24 hours counted on working days (MISSION.md, promise 5),
/// and the moment the team lead is warned (at 75 % of the working time).
public struct ContactDeadline: Sendable, Equatable {
    /// When the request arrived.
    public let received: Date
    /// When 75 % of the working time has passed: the team lead is warned.
    public let warning: Date
    /// When the full working time has passed: the deadline.
    public let due: Date

    /// Working hours the team has to make contact.
    public static let workingHours = 24.0

    /// Computes the deadline for a request received at `received`.
    public init(received: Date, calendar: WorkingCalendar = .swedishDefault, workingHours: Double = ContactDeadline.workingHours) {
        self.received = received
        self.warning = calendar.instant(afterWorkingHours: workingHours * 0.75, from: received)
        self.due = calendar.instant(afterWorkingHours: workingHours, from: received)
    }

    /// Formats an instant as ISO 8601 with the offset of `timeZone`, e.g. `2026-04-07T10:15:00+02:00`.
    public static func iso8601(_ instant: Date, in timeZone: TimeZone = TimeZone(identifier: "Europe/Stockholm")!) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = timeZone
        formatter.formatOptions = [.withInternetDateTime, .withColonSeparatorInTimeZone]
        return formatter.string(from: instant)
    }

    /// Parses ISO 8601 with an offset or `Z`, with or without fractional seconds.
    public static func parseISO8601(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withColonSeparatorInTimeZone]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withColonSeparatorInTimeZone, .withFractionalSeconds]
        return formatter.date(from: text)
    }
}
