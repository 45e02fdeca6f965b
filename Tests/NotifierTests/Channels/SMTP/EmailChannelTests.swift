import Foundation
import Testing
@testable import Notifier

/// The e-mail channel end to end: a notification in, a message at the real SMTP server out.
@Suite struct EmailChannelTests {
    @Test func deliversTheNeutralMessageWithoutTheRecipientsName() async throws {
        let server = try await TestServerProcess.start(script: "smtp_server.py")
        defer { server.stop() }
        try await makeChannel(port: server.port).deliver(makeNotification(jobID: 31, displayName: "Anna Våldsutsatt"))

        let received = try #require(try server.records().first)
        #expect(received["subject"] as? String == "Nytt meddelande i Medarbetarstöd")
        #expect(received["body"] as? String == NotificationTemplate.newMessageForEmployee.render(in: .swedish, context: try makeContext()).body)
        #expect(received["message_id"] as? String == "<wr-job-31@ostersund.se>")
        #expect(received["from_display_name"] as? String == "Medarbetarstöd")
        #expect(received["to_address"] as? String == "anna@example.se")
        let raw = try #require(received["raw"] as? String)
        #expect(!raw.contains("Anna"))
        #expect(!raw.contains("V=C3=A5ld"))
    }

    @Test func employeeAndSupportEmailsAreIdenticalWhateverTheName() throws {
        let channel = try makeChannel(port: 9)
        var messages: [[UInt8]] = []
        for template in [NotificationTemplate.newMessageForEmployee, .newMessageForSupport] {
            for name in [nil, "Bo", "Våldsutsatt Anna med ett mycket långt namn och stödärende"] {
                messages.append(try channel.mailMessage(for: makeNotification(template: template, displayName: name)).rendered())
            }
        }
        #expect(Set(messages).count == 1)
    }

    @Test func deliversTheManagerDigest() async throws {
        let server = try await TestServerProcess.start(script: "smtp_server.py")
        defer { server.stop() }
        let digest = ManagerDigest(talksWithinSevenDays: 2, employeesNotYetPlanned: 3, daysUntilCycleEnds: 30)
        try await makeChannel(port: server.port).deliver(makeNotification(template: .managerDigest(digest), language: .english, displayName: "Karin"))

        let received = try #require(try server.records().first)
        #expect(received["subject"] as? String == "Reminders about development talks")
        let body = try #require(received["body"] as? String)
        #expect(body.hasPrefix("Hello Karin,\n"))
        #expect(body.contains("- 2 development talks are planned within 7 days."))
        #expect(body.contains("https://medarbetarstod.ostersund.se/chef/vagledning"))
        #expect(body.contains("- The cycle ends in 30 days and 3 employees have no talk planned yet."))
    }

    @Test func refusesRecipientsOfOtherChannels() async throws {
        let channel = try makeChannel(port: 9)
        let notification = try makeNotification(recipient: .inService(accountID: UUID()))
        await #expect(throws: NotificationChannelError(.recipientNotSupported, channel: "email")) {
            try await channel.deliver(notification)
        }
    }

    @Test func sendsNothingForAnEmptyDigest() throws {
        #expect(throws: NotificationChannelError(.nothingToSend, channel: "email")) {
            try makeChannel(port: 9).mailMessage(for: makeNotification(template: .managerDigest(ManagerDigest())))
        }
    }

    private func makeContext() throws -> TemplateContext {
        TemplateContext(links: try #require(ServiceLinks(base: URL(string: "https://medarbetarstod.ostersund.se")!)))
    }

    private func makeChannel(port: UInt16) throws -> EmailChannel {
        let client = try SMTPClient(configuration: SMTPConfiguration(port: port, clientName: "notifier.test"), logger: .disabled)
        return EmailChannel(
            client: client,
            sender: Mailbox(try #require(EmailAddress("noreply@ostersund.se")), displayName: "Medarbetarstöd"),
            links: try makeContext().links,
            messageIDDomain: nil,
            clock: { Date(timeIntervalSince1970: 1_800_000_000) }
        )
    }

    private func makeNotification(
        jobID: Int64 = 8,
        template: NotificationTemplate = .newMessageForEmployee,
        language: Language = .swedish,
        displayName: String? = nil,
        recipient: NotificationRecipient? = nil
    ) throws -> OutgoingNotification {
        OutgoingNotification(
            jobID: jobID,
            recipient: try recipient ?? .email(try #require(EmailAddress("anna@example.se"))),
            template: template,
            language: language,
            recipientDisplayName: displayName,
            created: Date(timeIntervalSince1970: 1_800_000_000)
        )
    }
}
