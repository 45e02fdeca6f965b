import Foundation
import Testing
@testable import Notifier

/// The SMS channel end to end: a notification in, a request at the test gateway out.
@Suite struct SMSChannelTests {
    @Test func sendsTheNeutralTextInTheChosenLanguage() async throws {
        let server = try await TestServerProcess.start(script: "sms_gateway.py")
        defer { server.stop() }
        let channel = try makeChannel(port: server.port)

        try await channel.deliver(makeNotification(template: .newMessageForEmployee, language: .swedish))
        try await channel.deliver(makeNotification(template: .newMessageForSupport, language: .english))

        let messages = try server.records().map { record -> [String: String] in
            let body = record["body"] as? String ?? ""
            return (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: String] ?? [:]
        }
        #expect(messages == [
            ["to": "+46701234567", "message": "Du har ett nytt meddelande i Medarbetarstöd. Logga in på https://medarbetarstod.ostersund.se för att läsa det."],
            ["to": "+46701234567", "message": "You have a new message in Medarbetarstöd. Log in at https://medarbetarstod.ostersund.se to read it."],
        ])
    }

    @Test func refusesRecipientsOfOtherChannels() async throws {
        let channel = try makeChannel(port: 9)
        let notification = try makeNotification(recipient: .email(try #require(EmailAddress("a@b.se"))))
        await #expect(throws: NotificationChannelError(.recipientNotSupported, channel: "sms")) {
            try await channel.deliver(notification)
        }
    }

    @Test func sendsNothingForAnEmptyDigest() async throws {
        let server = try await TestServerProcess.start(script: "sms_gateway.py")
        defer { server.stop() }
        let channel = try makeChannel(port: server.port)
        await #expect(throws: NotificationChannelError(.nothingToSend, channel: "sms")) {
            try await channel.deliver(try makeNotification(template: .managerDigest(ManagerDigest())))
        }
        #expect(try server.records().isEmpty)
    }

    private func makeChannel(port: UInt16) throws -> SMSChannel {
        let gateway = try SMSGateway(
            configuration: SMSGatewayConfiguration(url: URL(string: "http://127.0.0.1:\(port)/sms")!, token: "t"),
            logger: .disabled
        )
        return SMSChannel(gateway: gateway, links: try #require(ServiceLinks(base: URL(string: "https://medarbetarstod.ostersund.se")!)))
    }

    private func makeNotification(
        template: NotificationTemplate = .newMessageForEmployee,
        language: Language = .swedish,
        recipient: NotificationRecipient? = nil
    ) throws -> OutgoingNotification {
        OutgoingNotification(
            jobID: 5,
            recipient: try recipient ?? .sms(try #require(PhoneNumber("070-123 45 67"))),
            template: template,
            language: language,
            recipientDisplayName: "Anna Andersson",
            created: Date(timeIntervalSince1970: 1_800_000_000)
        )
    }
}
