/// Delivers notifications to the inbox inside the service (*dialog i tjänsten*), for people who
/// chose to be reached only there.
public struct InServiceChannel: NotificationChannel {
    private let inbox: any InServiceInbox

    /// Creates the channel over the queue's inbox table.
    public init(inbox: any InServiceInbox) {
        self.inbox = inbox
    }

    /// Stores the notification as an ``InboxMessage``.
    public func deliver(_ notification: OutgoingNotification) async throws {
        guard let message = InboxMessage(notification) else {
            throw NotificationChannelError(.recipientNotSupported, channel: "in-service")
        }
        if case .managerDigest(let digest) = notification.template, digest.isEmpty {
            throw NotificationChannelError(.nothingToSend, channel: "in-service")
        }
        try await inbox.store(message)
    }
}
