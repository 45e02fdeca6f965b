import Testing
@testable import Notifier

@Suite struct SMTPCapabilitiesTests {
    @Test func readsExtensionsFromEhloReply() {
        let capabilities = SMTPCapabilities(ehloReply: SMTPReply(code: 250, lines: ["relay.test greets you", "SIZE 10240000", "8BITMIME", "auth plain LOGIN", "STARTTLS", "HELP"]))
        #expect(capabilities.sizeLimit == 10_240_000)
        #expect(capabilities.supportsSize)
        #expect(capabilities.authenticationMechanisms == ["PLAIN", "LOGIN"])
        #expect(capabilities.offersStartTLS)
    }

    @Test func ignoresTheGreetingLine() {
        let capabilities = SMTPCapabilities(ehloReply: SMTPReply(code: 250, lines: ["STARTTLS"]))
        #expect(!capabilities.offersStartTLS)
    }

    @Test func readsOldStyleAuthEquals() {
        let capabilities = SMTPCapabilities(ehloReply: SMTPReply(code: 250, lines: ["relay", "AUTH=LOGIN PLAIN"]))
        #expect(capabilities.authenticationMechanisms == ["PLAIN", "LOGIN"])
    }

    @Test func sizeZeroMeansNoLimit() {
        let capabilities = SMTPCapabilities(ehloReply: SMTPReply(code: 250, lines: ["relay", "SIZE 0"]))
        #expect(capabilities.supportsSize)
        #expect(capabilities.sizeLimit == nil)
    }

    @Test func heloMeansNoExtensions() {
        #expect(SMTPCapabilities.none.authenticationMechanisms.isEmpty)
        #expect(!SMTPCapabilities.none.supportsSize)
    }
}
