import Testing
@testable import Notifier

@Suite struct NotificationChannelErrorTests {
    @Test func isPermanentAndSaysWhichChannel() {
        let error = NotificationChannelError(.nothingToSend, channel: "email")
        #expect(error.failureKind == .permanent)
        #expect(!error.isRetryable)
        #expect(error.description == "notification not delivered: nothingToSend (email channel)")
    }
}
