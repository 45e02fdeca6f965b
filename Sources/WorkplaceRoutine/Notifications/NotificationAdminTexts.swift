/// Texts of the administrator's page about notifications that were not delivered
/// (*aviseringar som inte kom fram*).
public struct NotificationAdminTexts: Sendable {
    /// Page title and heading.
    public let title: String
    /// What the page shows, and what it never shows.
    public let intro: String
    /// Nothing has failed.
    public let empty: String
    /// Table caption.
    public let caption: String
    /// Column: which notification.
    public let columnNotification: String
    /// Column: given up or retrying.
    public let columnState: String
    /// Column: attempts made of allowed.
    public let columnAttempts: String
    /// Column: what went wrong.
    public let columnError: String
    /// Column: when.
    public let columnTime: String
    /// Column: buttons.
    public let columnActions: String
    /// State: given up.
    public let stateDiscarded: String
    /// State: will be tried again at the given time.
    public let stateRetrying: @Sendable (String) -> String
    /// "3 of 10".
    public let attempts: @Sendable (Int, Int) -> String
    /// Button: try again now.
    public let retry: String
    /// Button: remove.
    public let discard: String
    /// Hidden button text suffix naming the row for screen readers ("notification 42").
    public let rowName: @Sendable (Int64) -> String
    /// Confirmation after retry.
    public let retried: String
    /// Confirmation after discard.
    public let discarded: String
    /// The notification could not be changed (already sent, or not ours).
    public let notChanged: String
    /// Kinds, in neutral words: to an employee, to the support team, to a manager, maintenance.
    public let kindEmployee: String
    /// A notice to the support team.
    public let kindTeam: String
    /// The manager's daily reminder.
    public let kindManager: String
    /// Anything else (maintenance).
    public let kindOther: String
    /// Error explanations by code prefix.
    public let errorMail: String
    /// The SMS gateway failed.
    public let errorSMS: String
    /// The Notifier stopped while sending.
    public let errorInterrupted: String
    /// Configuration is missing (SMS, key).
    public let errorConfiguration: String
    /// An administrator removed it.
    public let errorRemoved: String
    /// Anything else.
    public let errorOther: String
}
