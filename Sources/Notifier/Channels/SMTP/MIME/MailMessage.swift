public import Foundation

/// A plain-text notification e-mail, built as correct MIME (*e-postmeddelande*).
///
/// Headers: `Date`, `From`, `To`, `Subject` (RFC 2047 encoded-words when not ASCII, folded at 78
/// characters), `Message-ID` derived from the job, `MIME-Version: 1.0`,
/// `Content-Type: text/plain; charset=utf-8`, `Content-Transfer-Encoding: quoted-printable`, and
/// `Auto-Submitted: auto-generated` (RFC 3834) so that vacation responders do not answer. No
/// `X-Mailer`, `User-Agent` or other header that tells software or versions. The rendered message
/// is 7-bit ASCII with CRLF line ends, and no line is longer than 78 characters.
public struct MailMessage: Sendable, Equatable {
    /// The sender shown to the recipient.
    public let from: Mailbox
    /// The one recipient.
    public let to: Mailbox
    /// The subject, one line.
    public let subject: String
    /// The plain-text body; any line break convention, normalised to CRLF when rendered.
    public let body: String
    /// The id derived from the job.
    public let messageID: MessageID
    /// The `Date:` header.
    public let date: Date

    /// Checks and builds a message. Throws ``SMTPError/Code/invalidMessage`` when the subject or a
    /// display name contains a line break or another control character (header injection).
    public init(from: Mailbox, to: Mailbox, subject: String, body: String, messageID: MessageID, date: Date = Date()) throws(SMTPError) {
        for value in [subject, from.displayName ?? "", to.displayName ?? ""] where MailMessage.containsControlCharacter(value) {
            throw SMTPError(.invalidMessage, stage: .preparing, detail: "control character in a header value")
        }
        self.from = from
        self.to = to
        self.subject = subject
        self.body = body
        self.messageID = messageID
        self.date = date
    }

    /// The whole message as sent after `DATA` (before dot-stuffing): headers, a blank line and
    /// the quoted-printable body, CRLF line ends.
    public func rendered() -> [UInt8] {
        var text = ""
        var date = HeaderField(name: "Date")
        date.append(token: MailDate.format(self.date))
        text += date.rendered
        text += MailMessage.addressField("From", from)
        text += MailMessage.addressField("To", to)
        var subject = HeaderField(name: "Subject")
        subject.append(text: self.subject)
        text += subject.rendered
        text += "Message-ID: \(messageID)\r\n"
        text += "MIME-Version: 1.0\r\n"
        text += "Content-Type: text/plain; charset=utf-8\r\n"
        text += "Content-Transfer-Encoding: quoted-printable\r\n"
        text += "Auto-Submitted: auto-generated\r\n"
        text += "\r\n"
        text += QuotedPrintable.encode(body)
        return Array(text.utf8)
    }

    private static func addressField(_ name: String, _ mailbox: Mailbox) -> String {
        var field = HeaderField(name: name)
        if let name = mailbox.displayName, !name.isEmpty {
            field.append(phrase: name)
            field.append(token: "<\(mailbox.address.address)>")
        } else {
            field.append(token: mailbox.address.address)
        }
        return field.rendered
    }

    private static func containsControlCharacter(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{2029}"
        }
    }
}
