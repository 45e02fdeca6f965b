import Foundation

/// Delivers notifications by e-mail through the SMTP relay (*e-post*).
///
/// Renders the notification's template in its language, builds a ``MailMessage`` whose
/// `Message-ID` is derived from the job (`<wr-job-{jobID}@{domain}>`, the same on every retry), and
/// hands it to the ``SMTPClient``. Errors are the client's ``SMTPError``s, or a
/// ``NotificationChannelError`` when the notification cannot go by e-mail at all.
public struct EmailChannel: NotificationChannel {
    private let client: SMTPClient
    private let sender: Mailbox
    private let messageIDDomain: String
    private let links: ServiceLinks
    private let clock: @Sendable () -> Date

    /// Creates the channel. `sender` is the neutral `From` (e.g. `Medarbetarstöd
    /// <noreply@ostersund.se>`); the `Message-ID` domain is `messageIDDomain`, by default the
    /// sender's domain.
    public init(client: SMTPClient, sender: Mailbox, links: ServiceLinks, messageIDDomain: String? = nil) {
        self.init(client: client, sender: sender, links: links, messageIDDomain: messageIDDomain, clock: { Date() })
    }

    init(client: SMTPClient, sender: Mailbox, links: ServiceLinks, messageIDDomain: String?, clock: @escaping @Sendable () -> Date) {
        self.client = client
        self.sender = sender
        self.messageIDDomain = messageIDDomain ?? sender.address.domain
        self.links = links
        self.clock = clock
    }

    /// Sends the notification as one e-mail to its recipient.
    public func deliver(_ notification: OutgoingNotification) async throws {
        let message = try mailMessage(for: notification)
        try await client.send(message)
    }

    /// The e-mail for `notification`, as it will be sent.
    func mailMessage(for notification: OutgoingNotification) throws -> MailMessage {
        guard case .email(let address) = notification.recipient else {
            throw NotificationChannelError(.recipientNotSupported, channel: "email")
        }
        if case .managerDigest(let digest) = notification.template, digest.isEmpty {
            throw NotificationChannelError(.nothingToSend, channel: "email")
        }
        guard let messageID = MessageID(jobID: notification.jobID, domain: messageIDDomain) else {
            throw SMTPError(.invalidConfiguration, stage: .preparing, detail: "Message-ID domain is not a host name")
        }
        let rendered = notification.template.render(
            in: notification.language,
            context: TemplateContext(links: links, recipientDisplayName: notification.recipientDisplayName)
        )
        // The To header carries the address only: a name there would travel through every relay.
        return try MailMessage(
            from: sender,
            to: Mailbox(address),
            subject: rendered.subject,
            body: rendered.body,
            messageID: messageID,
            date: clock()
        )
    }
}
