import Testing
@testable import Notifier

@Suite struct SMTPConversationTests {
    @Test func mapsRepliesToCodes() {
        func code(_ reply: Int, _ text: String = "", stage: SMTPError.Stage = .mailFrom, startTLS: Bool = false) -> SMTPError.Code {
            let capabilities = startTLS ? SMTPCapabilities(ehloReply: SMTPReply(code: 250, lines: ["relay", "STARTTLS"])) : .none
            return SMTPConversation.failure(SMTPReply(code: reply, lines: [text]), stage: stage, capabilities: capabilities).code
        }
        #expect(code(530, "5.7.0 Must issue a STARTTLS command first") == .tlsRequired)
        #expect(code(530, "5.7.0 Authentication required", startTLS: true) == .tlsRequired)
        #expect(code(530, "5.7.0 Authentication required") == .authenticationRequired)
        #expect(code(538, "5.7.11 Encryption required") == .tlsRequired)
        #expect(code(535, stage: .authentication) == .authenticationFailed)
        #expect(code(504, stage: .authentication) == .authenticationUnavailable)
        #expect(code(552, stage: .recipient) == .temporaryFailure)
        #expect(code(552, stage: .messageBody) == .permanentFailure)
        #expect(code(421) == .temporaryFailure)
        #expect(code(450) == .temporaryFailure)
        #expect(code(554) == .permanentFailure)
        #expect(code(250) == .protocolError)
        #expect(code(354, stage: .mailFrom) == .protocolError)
    }

    @Test func sendsCredentialsInTheClearOnlyToLoopbackUnlessTrusted() {
        let strict = SMTPConfiguration(host: "10.0.0.5", clientName: "notifier.test", credentials: SMTPCredentials(username: "u", password: "p"))
        var trusting = strict
        trusting.allowsCredentialsOverUnencryptedConnection = true
        #expect(SMTPConversation.maySendCredentials(peerIsLoopback: true, configuration: strict))
        #expect(!SMTPConversation.maySendCredentials(peerIsLoopback: false, configuration: strict))
        #expect(SMTPConversation.maySendCredentials(peerIsLoopback: false, configuration: trusting))
    }
}
