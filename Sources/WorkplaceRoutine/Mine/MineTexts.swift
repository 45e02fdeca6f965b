/// Texts of the employee's own pages (*Mina sidor*).
public struct MineTexts: Sendable {
    /// Title and heading.
    public let title: String
    /// The account has no person in the organisation.
    public let noPerson: String
    /// Heading: proposals waiting.
    public let pendingHeading: String
    /// What a pending proposal is.
    public let pendingIntro: String
    /// The words of an outcome, for the employee.
    public let outcomeKind: @Sendable (OutcomeKind) -> String
    /// "Proposed on … — you can answer until …".
    public let proposedOn: @Sendable (String, String) -> String
    /// Link: confirm or decline.
    public let answerLink: String
    /// Heading: what you agreed to.
    public let confirmedHeading: String
    /// "You confirmed on …".
    public let confirmedOn: @Sendable (String) -> String
    /// Link: withdraw consent.
    public let withdrawLink: String
    /// Heading: your talks.
    public let talksHeading: String
    /// No talks yet.
    public let noTalks: String
    /// Caption of the talks table.
    public let talksCaption: String
    /// Column: period.
    public let periodColumn: String
    /// Column: talk.
    public let talkColumn: String
    /// Column: the question.
    public let questionColumn: String
    /// "Held …".
    public let heldOn: @Sendable (String) -> String
    /// "Planned …".
    public let plannedFor: @Sendable (String) -> String
    /// Not held yet.
    public let notHeldYet: String
    /// Recorded as asked.
    public let recordedAsked: String
    /// Recorded as not asked.
    public let recordedNotAsked: String
    /// Only that it was asked is stored.
    public let answerIsYours: String
    /// Heading: what is stored.
    public let storedHeading: String
    /// What the stored-data page is.
    public let storedIntro: String
    /// Link to the stored-data page.
    public let storedLink: String
    /// Link to the JSON download.
    public let downloadLink: String
    /// Heading: support.
    public let supportHeading: String
    /// Support any time.
    public let supportText: String
    /// Back to my pages.
    public let backToMine: String
    /// Heading of the confirm page.
    public let confirmTitle: String
    /// "After your talk your manager proposed, together with you: …".
    public let confirmIntro: @Sendable (String) -> String
    /// What confirming does.
    public let confirmExplanation: [String]
    /// Button: confirm.
    public let confirmButton: String
    /// Heading: decline.
    public let declineHeading: String
    /// What declining does.
    public let declineText: String
    /// Button: decline.
    public let declineButton: String
    /// Heading: withdraw.
    public let withdrawTitle: String
    /// "You agreed to: …".
    public let withdrawIntro: @Sendable (String) -> String
    /// What withdrawing does.
    public let withdrawText: String
    /// Button: withdraw.
    public let withdrawButton: String
    /// Notice: confirmed.
    public let savedConfirmed: String
    /// Notice: declined.
    public let savedDeclined: String
    /// Notice: withdrawn.
    public let savedWithdrawn: String
    /// Title of the stored-data page.
    public let storedTitle: String
    /// Lead of the stored-data page.
    public let storedLead: String
    /// Heading: the person as imported from HR.
    public let personHeading: String
    /// Where the person's data comes from.
    public let personSource: String
    /// Label.
    public let hrIDLabel: String
    /// Label.
    public let nameLabel: String
    /// Label.
    public let emailLabel: String
    /// Label.
    public let unitLabel: String
    /// Label.
    public let managerLabel: String
    /// Label.
    public let hireLabel: String
    /// Label.
    public let endLabel: String
    /// Label.
    public let protectedLabel: String
    /// Label.
    public let activeLabel: String
    /// Label.
    public let updatedLabel: String
    /// Heading: account.
    public let accountHeading: String
    /// Label.
    public let loginLabel: String
    /// Label.
    public let displayNameLabel: String
    /// Label.
    public let languageLabel: String
    /// Label.
    public let rolesLabel: String
    /// Label.
    public let createdLabel: String
    /// Label.
    public let failedLoginsLabel: String
    /// Label.
    public let passwordLabel: String
    /// The password is stored only as a hash.
    public let passwordNote: @Sendable (Bool) -> String
    /// Heading: sessions.
    public let sessionsHeading: String
    /// One session: started, last used, ends.
    public let session: @Sendable (String, String, String) -> String
    /// Heading: outcomes.
    public let outcomesHeading: String
    /// One talk: period, planned, held, asked, reason.
    public let talkLine: @Sendable (String, String?, String?, Bool?, String?) -> String
    /// One proposal: kind, proposed, confirmed.
    public let proposalLine: @Sendable (String, String, String?) -> String
    /// Heading: support requests.
    public let requestsHeading: String
    /// One request: received, status, channel, messages.
    public let requestLine: @Sendable (String, String, String, Int) -> String
    /// Where the content of requests is.
    public let requestsNote: String
    /// Heading: the log.
    public let auditHeading: String
    /// What the log is.
    public let auditIntro: String
    /// One log entry: time, action, by me, role.
    public let auditLine: @Sendable (String, String, Bool, String) -> String
    /// Nothing stored.
    public let nothing: String
}
