import Foundation

/// A notification of the administrator's organisation that was given up or is failing, as
/// `notify.admin_dead_letters()` returns it: kind, attempts, error codes and times — never the
/// payload, the recipient or the text.
struct DeadLetter: Sendable {
    /// The job's id (for the retry and remove buttons).
    let id: Int64
    /// The job kind, e.g. `support.team_notice`.
    let kind: String
    /// `discarded` or `retryable`.
    let state: String
    /// Attempts made.
    let attempt: Int
    /// Attempts allowed.
    let maxAttempts: Int
    /// Error code of each attempt, oldest first.
    let errorCodes: [String]
    /// When it was given up.
    let finalizedAt: Date?
    /// When it was last tried.
    let attemptedAt: Date?
    /// When it will be tried again (retrying only).
    let runAt: Date

    /// Who a kind of notification is for, in neutral words.
    enum Audience { case employee, team, manager, other }

    var audience: Audience {
        switch kind {
        case "support.new_reply_for_employee": .employee
        case "support.new_request", "support.new_message_for_team", "support.team_notice",
             "support.deadline_warning", "support.deadline_breach": .team
        case "routine.manager_digest", "routine.manager_digest_send": .manager
        default: .other
        }
    }
}
