/// A template rendered for one language: what the e-mail, the SMS and the inbox show.
public struct RenderedMessage: Sendable, Equatable {
    /// The e-mail subject and the inbox title; one line.
    public let subject: String
    /// The plain-text e-mail body, lines separated by `\n`, ending with a line break.
    public let body: String
    /// The SMS text: one short paragraph without line breaks.
    public let smsText: String

    /// Creates a rendered message.
    public init(subject: String, body: String, smsText: String) {
        self.subject = subject
        self.body = body
        self.smsText = smsText
    }
}
