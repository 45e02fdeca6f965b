public import Foundation

/// A notification stored in the recipient's inbox inside the service (*meddelande i tjänsten*):
/// only who it is for, which template, when, and from which job.
///
/// No text is stored: the inbox page renders the template when the recipient opens it, so nothing
/// about an event lies in the table, and employee- and support-side entries say only "Nytt
/// meddelande".
public struct InboxMessage: Sendable, Equatable {
    /// The queue's job id; the table's unique key, so a retried job stores its message once.
    public let jobID: Int64
    /// The account that sees it (`auth.account.id`).
    public let recipientAccountID: UUID
    /// The template to render.
    public let templateKey: TemplateKey
    /// When the notification was created.
    public let created: Date

    /// Creates a message.
    public init(jobID: Int64, recipientAccountID: UUID, templateKey: TemplateKey, created: Date) {
        self.jobID = jobID
        self.recipientAccountID = recipientAccountID
        self.templateKey = templateKey
        self.created = created
    }

    /// The inbox message for `notification`; `nil` unless it is addressed to an account.
    public init?(_ notification: OutgoingNotification) {
        guard case .inService(let accountID) = notification.recipient else { return nil }
        self.init(jobID: notification.jobID, recipientAccountID: accountID, templateKey: notification.template.key, created: notification.created)
    }
}
