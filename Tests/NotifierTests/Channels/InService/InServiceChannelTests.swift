import Foundation
import Synchronization
import Testing
@testable import Notifier

@Suite struct InServiceChannelTests {
    /// Collects what the channel hands to its inbox. The real inbox, a table in the `notify`
    /// schema, comes with the job queue; this one only shows what the channel asks it to store.
    final class CollectingInbox: InServiceInbox {
        let stored = Mutex<[InboxMessage]>([])
        func store(_ message: InboxMessage) async throws { stored.withLock { $0.append(message) } }
    }

    @Test func storesOneMessageForTheAccount() async throws {
        let inbox = CollectingInbox()
        let account = UUID()
        let created = Date(timeIntervalSince1970: 1_800_000_000)
        try await InServiceChannel(inbox: inbox).deliver(
            OutgoingNotification(jobID: 12, recipient: .inService(accountID: account), template: .newMessageForSupport, language: .swedish, created: created)
        )
        #expect(inbox.stored.withLock { $0 } == [InboxMessage(jobID: 12, recipientAccountID: account, templateKey: .newMessageForSupport, created: created)])
    }

    @Test func refusesOtherRecipientsAndEmptyDigests() async throws {
        let inbox = CollectingInbox()
        let channel = InServiceChannel(inbox: inbox)
        let email = OutgoingNotification(jobID: 1, recipient: .email(try #require(EmailAddress("a@b.se"))), template: .newMessageForEmployee, language: .swedish, created: Date())
        await #expect(throws: NotificationChannelError(.recipientNotSupported, channel: "in-service")) { try await channel.deliver(email) }
        let empty = OutgoingNotification(jobID: 2, recipient: .inService(accountID: UUID()), template: .managerDigest(ManagerDigest()), language: .swedish, created: Date())
        await #expect(throws: NotificationChannelError(.nothingToSend, channel: "in-service")) { try await channel.deliver(empty) }
        #expect(inbox.stored.withLock { $0 }.isEmpty)
    }
}
