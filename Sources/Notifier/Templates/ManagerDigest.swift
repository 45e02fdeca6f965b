/// What a manager's daily reminder counts (*daglig påminnelse till chef*): one message a day with
/// counts and links, never one message per employee and never a name.
///
/// Names are left out on purpose: some employees have protected personal data (*skyddade
/// personuppgifter*), and a reminder in an inbox outside the service is no place for any name. The
/// manager follows the link to the team page to see who is meant.
public struct ManagerDigest: Sendable, Hashable, Codable {
    /// Talks planned within the next 7 days; the reminder links to the guide for asking the question.
    public var talksWithinSevenDays: Int
    /// Talks whose date has passed without a record of whether the question was asked.
    public var talksHeldNotRecorded: Int
    /// New employees due to be asked within the time set after their start.
    public var newHiresDue: Int
    /// Employees without a planned talk although the cycle ends soon.
    public var employeesNotYetPlanned: Int
    /// Days until the cycle ends; the not-yet-planned line is shown only when this is set.
    public var daysUntilCycleEnds: Int?

    /// Creates a digest; negative counts are read as zero.
    public init(
        talksWithinSevenDays: Int = 0,
        talksHeldNotRecorded: Int = 0,
        newHiresDue: Int = 0,
        employeesNotYetPlanned: Int = 0,
        daysUntilCycleEnds: Int? = nil
    ) {
        self.talksWithinSevenDays = max(0, talksWithinSevenDays)
        self.talksHeldNotRecorded = max(0, talksHeldNotRecorded)
        self.newHiresDue = max(0, newHiresDue)
        self.employeesNotYetPlanned = max(0, employeesNotYetPlanned)
        self.daysUntilCycleEnds = daysUntilCycleEnds.map { max(0, $0) }
    }

    /// Decodes a digest stored by the queue, with the same clamping as the initialiser.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            talksWithinSevenDays: try container.decodeIfPresent(Int.self, forKey: .talksWithinSevenDays) ?? 0,
            talksHeldNotRecorded: try container.decodeIfPresent(Int.self, forKey: .talksHeldNotRecorded) ?? 0,
            newHiresDue: try container.decodeIfPresent(Int.self, forKey: .newHiresDue) ?? 0,
            employeesNotYetPlanned: try container.decodeIfPresent(Int.self, forKey: .employeesNotYetPlanned) ?? 0,
            daysUntilCycleEnds: try container.decodeIfPresent(Int.self, forKey: .daysUntilCycleEnds)
        )
    }

    /// Whether the cycle-end line is due: employees without a plan and a known end date.
    var showsCycleEnd: Bool { employeesNotYetPlanned > 0 && daysUntilCycleEnds != nil }

    /// Whether there is nothing to remind about; such a digest is not sent.
    public var isEmpty: Bool {
        talksWithinSevenDays == 0 && talksHeldNotRecorded == 0 && newHiresDue == 0 && !showsCycleEnd
    }
}
