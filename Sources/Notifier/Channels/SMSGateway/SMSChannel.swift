/// Delivers notifications by SMS through the HTTP gateway.
///
/// Sends the template's short text (``RenderedMessage/smsText``) in the notification's language.
/// Errors are the gateway's ``SMSGatewayError``s, or a ``NotificationChannelError`` when the
/// notification cannot go by SMS at all.
public struct SMSChannel: NotificationChannel {
    private let gateway: SMSGateway
    private let links: ServiceLinks

    /// Creates the channel.
    public init(gateway: SMSGateway, links: ServiceLinks) {
        self.gateway = gateway
        self.links = links
    }

    /// Sends the notification as one SMS to its number.
    public func deliver(_ notification: OutgoingNotification) async throws {
        guard case .sms(let number) = notification.recipient else {
            throw NotificationChannelError(.recipientNotSupported, channel: "sms")
        }
        if case .managerDigest(let digest) = notification.template, digest.isEmpty {
            throw NotificationChannelError(.nothingToSend, channel: "sms")
        }
        let rendered = notification.template.render(
            in: notification.language,
            context: TemplateContext(links: links, recipientDisplayName: notification.recipientDisplayName)
        )
        try await gateway.send(rendered.smsText, to: number)
    }
}
