/// Texts of the manager's pages: the team, planning, recording and proposing an outcome.
public struct TeamTexts: Sendable {
    /// Title and heading of the team page (also the neutral title of every team page).
    public let teamTitle: String
    /// What the team page is for.
    public let teamIntro: String
    /// Link to the guide.
    public let readGuide: String
    /// `aria-label` of the cycle links.
    public let cyclesNavigation: String
    /// A link to a cycle by name.
    public let cycleLink: @Sendable (String) -> String
    /// "Period 2026: 2026-01-01 – 2026-12-31."
    public let cycleLine: @Sendable (String, String, String) -> String
    /// "3 of 6 have been asked."
    public let askedCount: @Sendable (Int, Int) -> String
    /// No direct reports.
    public let noReports: String
    /// Caption of the team table.
    public let teamCaption: String
    /// Hidden header of the checkbox column.
    public let chooseColumn: String
    /// Hidden label of a row's checkbox.
    public let choose: @Sendable (String) -> String
    /// Column: name.
    public let nameColumn: String
    /// Column: unit.
    public let unitColumn: String
    /// Column: due date.
    public let dueColumn: String
    /// Column: status.
    public let statusColumn: String
    /// Tag next to a person with protected identity.
    public let protectedTag: String
    /// Explanation on the person page of a person with protected identity.
    public let protectedNote: String
    /// Instead of a due date.
    public let notDueThisCycle: String
    /// "By 2026-12-31 (period 2026)".
    public let dueIn: @Sendable (String, String) -> String
    /// The words of a status.
    public let status: @Sendable (TalkStatus) -> String
    /// "Planned: 2026-12-01 14:00".
    public let plannedFor: @Sendable (String) -> String
    /// "Held 2026-03-04".
    public let heldOn: @Sendable (String) -> String
    /// "Held 2026-03-04, not asked: interpreter present".
    public let notAskedBecause: @Sendable (String, String) -> String
    /// The words of a not-asked reason.
    public let reason: @Sendable (NotAskedReason) -> String
    /// Legend of the plan-many fieldset.
    public let planManyLegend: String
    /// Hint of the plan-many fieldset.
    public let planManyHint: String
    /// Button: plan the chosen.
    public let planManyButton: String
    /// Error: no one chosen.
    public let chooseSomeone: String
    /// Label: date.
    public let dateLabel: String
    /// Hint: date format.
    public let dateHint: String
    /// Label: time.
    public let timeLabel: String
    /// Hint: time format, optional.
    public let timeHint: String
    /// Error: no date.
    public let dateMissing: String
    /// Error: not a date.
    public let dateInvalid: String
    /// Error: planned in the past.
    public let planDateInPast: String
    /// Error: outside the cycle (start, end).
    public let dateOutsideCycle: @Sendable (String, String) -> String
    /// Error: not a time.
    public let timeInvalid: String
    /// Back to the team.
    public let backToTeam: String
    /// Back to a person.
    public let backTo: @Sendable (String) -> String
    /// Label: hire date.
    public let hiredLabel: String
    /// Label: end date.
    public let endsLabel: String
    /// Heading: planning.
    public let planHeading: String
    /// Button: plan.
    public let planButton: String
    /// Button: move the planned talk.
    public let moveButton: String
    /// Button: remove the plan.
    public let unplanButton: String
    /// Heading: recording.
    public let recordHeading: String
    /// What recording means.
    public let recordIntro: String
    /// Link/button to the record form.
    public let recordLink: String
    /// Caption of the held talks table (cycle name).
    public let talksCaption: @Sendable (String) -> String
    /// Column: held on.
    public let heldColumn: String
    /// Column: the question.
    public let questionColumn: String
    /// Column: correction.
    public let correctionColumn: String
    /// "Asked".
    public let askedYes: String
    /// "Not asked: reason".
    public let askedNoBecause: @Sendable (String) -> String
    /// "Locked since …".
    public let lockedSince: @Sendable (String) -> String
    /// "Correct (until …)".
    public let correctUntil: @Sendable (String) -> String
    /// Heading: support after the talk.
    public let outcomeHeading: String
    /// What proposing an outcome means, on the person page.
    public let outcomeIntro: String
    /// Link to the outcome form.
    public let outcomeLink: String
    /// Heading of the record form (name).
    public let recordTitle: @Sendable (String) -> String
    /// What is and is not recorded.
    public let recordExplanation: String
    /// "You can correct the record for N days; then it is locked."
    public let lockNote: @Sendable (Int) -> String
    /// "You are correcting a record; it locks at …".
    public let correctingNote: @Sendable (String) -> String
    /// Label: held on.
    public let heldOnLabel: String
    /// Legend: was the question asked?
    public let askedLegend: String
    /// Choice: yes.
    public let askedYesChoice: String
    /// Choice: no.
    public let askedNoChoice: String
    /// Legend: why not?
    public let reasonLegend: String
    /// Hint: why not (no free text).
    public let reasonHint: String
    /// Button: save.
    public let saveRecord: String
    /// Error: held in the future.
    public let heldInFuture: String
    /// Error: asked not chosen.
    public let askedMissing: String
    /// Error: no reason.
    public let reasonMissing: String
    /// Heading: the record is locked.
    public let lockedTitle: String
    /// Explanation: locked since (time).
    public let lockedText: @Sendable (String) -> String
    /// Heading of the outcome page.
    public let outcomeTitle: String
    /// Paragraphs explaining consented outcomes (days until an unconfirmed proposal is deleted).
    public let outcomeExplanation: @Sendable (Int) -> [String]
    /// Legend: what does (name) want?
    public let outcomeKindLegend: @Sendable (String) -> String
    /// The words of an outcome.
    public let outcomeKind: @Sendable (OutcomeKind) -> String
    /// Legend: the employee is present.
    public let outcomePresentLegend: String
    /// Checkbox: the employee is present and wants this.
    public let outcomePresentChoice: String
    /// Error: no outcome chosen.
    public let outcomeKindMissing: String
    /// Error: presence not confirmed.
    public let outcomePresentMissing: String
    /// Button: propose.
    public let proposeButton: String
    /// Heading after proposing.
    public let proposedTitle: String
    /// The neutral confirmation.
    public let proposedText: String
    /// What happens next.
    public let proposedMore: String
    /// Notice: planned.
    public let savedPlanned: String
    /// Notice: planned many.
    public let savedPlannedMany: String
    /// Notice: plan removed.
    public let savedUnplanned: String
    /// Notice: recorded.
    public let savedRecorded: String
}
