import Foundation
import Testing
@testable import Notifier

@Suite struct MailMessageTests {
    @Test func refusesLineBreaksInSubject() throws {
        for subject in ["Hej\r\nBcc: x@y.se", "Hej\nBcc: x@y.se", "Hej\rX", "Hej\u{85}X", "Hej\u{2028}X", "nul\0"] {
            #expect(throws: SMTPError.self) { try makeMessage(subject: subject) }
        }
    }

    @Test func refusesLineBreaksInDisplayName() throws {
        let from = try #require(EmailAddress("noreply@ostersund.se"))
        #expect(throws: SMTPError.self) {
            try makeMessage(from: Mailbox(from, displayName: "Stöd\r\nBcc: x@y.se"))
        }
    }

    @Test func headerInjectionErrorIsPermanent() throws {
        do {
            _ = try makeMessage(subject: "a\nb")
            Issue.record("no error")
        } catch let error as SMTPError {
            #expect(error.code == .invalidMessage)
            #expect(error.failureKind == .permanent)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func rendersSevenBitMessageWithCRLFAndShortLines() throws {
        let message = try makeMessage(subject: "Påminnelser om medarbetarsamtal", body: String(repeating: "Räksmörgås ", count: 30) + "\n")
        let bytes = message.rendered()
        #expect(bytes.allSatisfy { $0 < 0x80 })
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(text.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 78 })
    }

    @Test func writesTheHeadersInOrderAndNothingElse() throws {
        let text = String(decoding: try makeMessage().rendered(), as: UTF8.self)
        let head = try #require(text.components(separatedBy: "\r\n\r\n").first)
        #expect(head == """
            Date: Fri, 15 Jan 2027 08:00:00 +0000\r
            From: =?utf-8?B?TWVkYXJiZXRhcnN0w7Zk?= <noreply@ostersund.se>\r
            To: person@example.se\r
            Subject: =?utf-8?B?Tnl0dCBtZWRkZWxhbmRlIGkgTWVkYXJiZXRhcnN0w7Zk?=\r
            Message-ID: <wr-job-9@ostersund.se>\r
            MIME-Version: 1.0\r
            Content-Type: text/plain; charset=utf-8\r
            Content-Transfer-Encoding: quoted-printable\r
            Auto-Submitted: auto-generated
            """)
    }

    @Test func writesAddressWithoutNameWhenNoneIsGiven() throws {
        let text = String(decoding: try makeMessage().rendered(), as: UTF8.self)
        #expect(text.contains("\r\nTo: person@example.se\r\n"))
    }

    private func makeMessage(
        from: Mailbox? = nil,
        subject: String = "Nytt meddelande i Medarbetarstöd",
        body: String = "Hej!\n"
    ) throws -> MailMessage {
        try MailMessage(
            from: from ?? Mailbox(try #require(EmailAddress("noreply@ostersund.se")), displayName: "Medarbetarstöd"),
            to: Mailbox(try #require(EmailAddress("person@example.se"))),
            subject: subject,
            body: body,
            messageID: try #require(MessageID(jobID: 9, domain: "ostersund.se")),
            date: Date(timeIntervalSince1970: 1_800_000_000)
        )
    }
}
