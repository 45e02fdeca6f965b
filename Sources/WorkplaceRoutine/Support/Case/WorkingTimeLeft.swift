import Foundation

/// How much working time is left before a request's contact deadline (or how far past it), counted
/// on the organisation's working calendar the same way the deadline was.
struct WorkingTimeLeft: Equatable {
    /// Whole hours.
    let hours: Int
    /// Minutes beyond the hours.
    let minutes: Int
    /// Whether the deadline has passed.
    let isOverdue: Bool

    init(deadline: Date, now: Date, calendar: WorkingCalendar) {
        let overdue = now >= deadline
        let seconds = overdue ? calendar.workingSeconds(from: deadline, to: now) : calendar.workingSeconds(from: now, to: deadline)
        let minutes = Int(seconds / 60)
        self.hours = minutes / 60
        self.minutes = minutes % 60
        self.isOverdue = overdue
    }

    /// "5 tim 12 min kvar" or "Försenat 1 tim 3 min".
    func text(_ texts: SupportTexts) -> String {
        isOverdue ? texts.overdue(hours, minutes) : texts.timeLeft(hours, minutes)
    }
}
