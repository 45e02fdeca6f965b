import Foundation
import Postgres
import Testing
@testable import Notifier

/// How failures are recorded in a job's history: codes and numbers, never text.
@Suite struct JobFailureTests {
    @Test func smtpFailuresKeepCodeStageAndReplyOnly() {
        let error = SMTPError(.temporaryFailure, stage: .recipient, replyCode: 451, detail: "451 <anna@example.se> greylisted")
        let failure = JobFailure(error)
        #expect(failure.code == "smtp.temporaryFailure")
        #expect(failure.kind == .temporary)
        #expect(failure.json == ["error": "smtp.temporaryFailure", "class": "temporary", "stage": "recipient", "reply": "451"])
        #expect(!failure.json.values.contains { $0.contains("@") })
    }

    @Test func smsFailuresKeepTheStatusAndTheGatewaysRetryAfter() {
        let failure = JobFailure(SMSGatewayError.classify(status: 429, retryAfter: .seconds(90))!)
        #expect(failure.code == "sms.rateLimited")
        #expect(failure.details == ["status": "429"])
        #expect(failure.retryAfter == .seconds(90))
    }

    @Test func aRefusedRecipientIsPermanent() {
        #expect(JobFailure(SMTPError(.permanentFailure, stage: .recipient, replyCode: 550)).kind == .permanent)
        #expect(JobFailure(JobError(.malformedPayload)).kind == .permanent)
    }

    @Test func databaseAndUnknownErrorsAreRetried() {
        struct Surprise: Error {}
        #expect(JobFailure(PostgresError(code: .connectionClosed)).kind == .temporary)
        #expect(JobFailure(Surprise()).code == "error.Surprise")
        #expect(JobFailure(Surprise()).kind == .temporary)
    }

    @Test func aMissingChannelOrKeyIsForTheOperator() {
        #expect(JobFailure(JobError(.channelNotConfigured)).kind == .misconfigured)
        #expect(JobFailure(JobError(.contentKeyRejected)).kind == .misconfigured)
    }
}
