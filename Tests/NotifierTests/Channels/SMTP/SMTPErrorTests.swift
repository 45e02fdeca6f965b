import Testing
@testable import Notifier

@Suite struct SMTPErrorTests {
    @Test func classifiesTransientFailuresAsTemporary() {
        for code: SMTPError.Code in [.connectFailed, .timeout, .connectionDropped, .temporaryFailure, .protocolError, .cancelled] {
            #expect(SMTPError(code, stage: .recipient).failureKind == .temporary)
            #expect(SMTPError(code, stage: .recipient).isRetryable)
        }
    }

    @Test func classifiesRefusalOfTheMessageAsPermanent() {
        for stage: SMTPError.Stage in [.recipient, .data, .messageBody] {
            #expect(SMTPError(.permanentFailure, stage: stage, replyCode: 550).failureKind == .permanent)
        }
        for code: SMTPError.Code in [.invalidAddress, .invalidMessage, .messageTooLarge] {
            #expect(SMTPError(code, stage: .preparing).isRetryable == false)
        }
    }

    @Test func classifiesRefusalOfUsAsMisconfiguration() {
        for stage: SMTPError.Stage in [.greeting, .hello, .authentication, .mailFrom] {
            #expect(SMTPError(.permanentFailure, stage: stage, replyCode: 554).failureKind == .misconfigured)
        }
        for code: SMTPError.Code in [.tlsRequired, .authenticationRequired, .authenticationFailed, .authenticationUnavailable, .credentialsOverPlaintextRefused, .invalidConfiguration] {
            #expect(SMTPError(code, stage: .authentication).failureKind == .misconfigured)
            #expect(SMTPError(code, stage: .authentication).isRetryable)
        }
    }

    @Test func descriptionNamesCodeStageAndReplyOnly() {
        let error = SMTPError(.temporaryFailure, stage: .recipient, replyCode: 451, enhancedStatusCode: "4.2.2", detail: SMTPError.redacted("4.2.2 <anna@example.se>: mailbox full"))
        #expect(error.description == "SMTP delivery failed: temporaryFailure during recipient (reply 451)")
        #expect(error.debugDescription.contains("[4.2.2]"))
        #expect(error.debugDescription.contains("mailbox full"))
        #expect(!error.debugDescription.contains("anna"))
    }

    @Test func redactsEveryWordWithAnAtSign() {
        #expect(SMTPError.redacted("550 5.1.1 <a@b.se>: user a@b.se unknown") == "550 5.1.1 <redacted> user <redacted> unknown")
        #expect(SMTPError.redacted("line\r\nbreak") == "linebreak")
        #expect(SMTPError.redacted(String(repeating: "x", count: 500)).count == 200)
    }
}
