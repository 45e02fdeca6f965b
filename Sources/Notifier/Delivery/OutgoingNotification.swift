public import Foundation

/// One notification the queue hands to a channel: who receives it, on which address, and which
/// template with which values (*avisering*).
///
/// Named `OutgoingNotification` rather than `Notification` so that it never collides with
/// Foundation's `Notification` in a file that imports both.
///
/// Nothing here says what happened. Employee- and support-side notifications are always
/// ``NotificationTemplate/newMessageForEmployee`` or ``NotificationTemplate/newMessageForSupport``,
/// whatever the event was; the event itself stays in the `support` schema.
public struct OutgoingNotification: Sendable, Equatable {
    /// The queue's job id. It becomes the e-mail `Message-ID` and the inbox row's key, so a retried
    /// job is recognisable as the same message.
    public var jobID: Int64
    /// Where the notification goes; the channel must match (an e-mail address for e-mail, …).
    public var recipient: NotificationRecipient
    /// What to say.
    public var template: NotificationTemplate
    /// In which language; the recipient's choice.
    public var language: Language
    /// The recipient's own name, used only by templates that may greet by name (manager reminders);
    /// employee- and support-side templates ignore it.
    public var recipientDisplayName: String?
    /// When the job was created (the product's transaction time).
    public var created: Date

    /// Creates a notification for one delivery attempt.
    public init(
        jobID: Int64,
        recipient: NotificationRecipient,
        template: NotificationTemplate,
        language: Language,
        recipientDisplayName: String? = nil,
        created: Date
    ) {
        self.jobID = jobID
        self.recipient = recipient
        self.template = template
        self.language = language
        self.recipientDisplayName = recipientDisplayName
        self.created = created
    }
}

/// Where a notification goes, one case per channel.
public enum NotificationRecipient: Sendable, Equatable {
    /// An e-mail address: delivered by ``EmailChannel``.
    case email(EmailAddress)
    /// A mobile number: delivered by ``SMSChannel``.
    case sms(PhoneNumber)
    /// An account's inbox inside the service (`auth.account.id`): delivered by ``InServiceChannel``.
    case inService(accountID: UUID)
}
