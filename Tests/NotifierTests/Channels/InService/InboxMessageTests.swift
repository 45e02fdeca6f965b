import Foundation
import Testing
@testable import Notifier

@Suite struct InboxMessageTests {
    @Test func keepsOnlyRecipientTemplateTimeAndJob() throws {
        let account = UUID()
        let created = Date(timeIntervalSince1970: 1_800_000_000)
        let notification = OutgoingNotification(
            jobID: 99,
            recipient: .inService(accountID: account),
            template: .managerDigest(ManagerDigest(newHiresDue: 2)),
            language: .english,
            recipientDisplayName: "Karin",
            created: created
        )
        #expect(InboxMessage(notification) == InboxMessage(jobID: 99, recipientAccountID: account, templateKey: .managerDigest, created: created))
    }

    @Test func isOnlyForAccountRecipients() throws {
        let notification = OutgoingNotification(
            jobID: 1,
            recipient: .sms(try #require(PhoneNumber("0701234567"))),
            template: .newMessageForEmployee,
            language: .swedish,
            created: Date()
        )
        #expect(InboxMessage(notification) == nil)
    }
}
