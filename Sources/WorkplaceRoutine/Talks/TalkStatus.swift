/// Where a person stands with the question in a cycle, as the team page shows it.
public enum TalkStatus: String, Sendable, CaseIterable {
    /// Recorded as asked (*frågan ställd*).
    case asked
    /// Not due in this cycle (not hired yet, left, or a new hire due in the next).
    case notDue = "not_due"
    /// The due date has passed without the question (*försenad*).
    case overdue
    /// A talk is planned.
    case planned
    /// A talk was held without the question and nothing is planned.
    case notAsked = "not_asked"
    /// Nothing yet.
    case notPlanned = "not_planned"

    /// The tag's CSS modifier; every status also has its own words, so colour never carries it alone.
    public var tagClass: String {
        switch self {
        case .asked: "tag--done"
        case .overdue: "tag--overdue"
        case .planned: "tag--planned"
        case .notAsked, .notPlanned, .notDue: "tag--neutral"
        }
    }
}

/// Why the question was not asked in a held talk: a fixed list, with no free text (MISSION.md,
/// promise 2). "Other" has no text field on purpose.
public enum NotAskedReason: String, Sendable, CaseIterable {
    /// No private setting was possible.
    case noPrivateSetting = "no_private_setting"
    /// An interpreter was present.
    case interpreterPresent = "interpreter_present"
    /// The employee declined the talk.
    case employeeDeclinedTalk = "employee_declined_talk"
    /// The talk was cancelled.
    case talkCancelled = "talk_cancelled"
    /// The employee is on leave.
    case onLeave = "on_leave"
    /// Another reason (never written down).
    case other
}
