import Testing
@testable import Notifier

@Suite struct DeliveryFailureKindTests {
    struct SomethingElse: Error {}

    @Test func readsTheKindOfChannelErrors() {
        #expect(DeliveryFailureKind(classifying: SMTPError(.permanentFailure, stage: .recipient, replyCode: 550)) == .permanent)
        #expect(DeliveryFailureKind(classifying: SMTPError(.temporaryFailure, stage: .recipient, replyCode: 451)) == .temporary)
        #expect(DeliveryFailureKind(classifying: SMTPError(.tlsRequired, stage: .mailFrom)) == .misconfigured)
        #expect(DeliveryFailureKind(classifying: SMSGatewayError(.rejected, statusCode: 400)) == .permanent)
        #expect(DeliveryFailureKind(classifying: NotificationChannelError(.recipientNotSupported, channel: "sms")) == .permanent)
    }

    @Test func retriesWhatItDoesNotKnow() {
        #expect(DeliveryFailureKind(classifying: SomethingElse()) == .temporary)
        #expect(DeliveryFailureKind(classifying: CancellationError()) == .temporary)
    }

    @Test func onlyPermanentFailuresAreNotRetried() {
        #expect(DeliveryFailureKind.temporary.isRetryable)
        #expect(DeliveryFailureKind.misconfigured.isRetryable)
        #expect(!DeliveryFailureKind.permanent.isRetryable)
    }
}
