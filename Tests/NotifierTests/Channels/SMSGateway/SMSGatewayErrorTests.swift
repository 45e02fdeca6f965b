import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
@testable import Notifier

@Suite struct SMSGatewayErrorTests {
    @Test func successHasNoError() {
        for status in [200, 201, 202, 204] {
            #expect(SMSGatewayError.classify(status: status) == nil)
        }
    }

    @Test func classifiesStatusCodes() {
        func kind(_ status: Int) -> DeliveryFailureKind? { SMSGatewayError.classify(status: status)?.failureKind }
        #expect(kind(429) == .temporary)
        #expect(kind(408) == .temporary)
        #expect(kind(500) == .temporary)
        #expect(kind(502) == .temporary)
        #expect(kind(503) == .temporary)
        #expect(kind(400) == .permanent)
        #expect(kind(413) == .permanent)
        #expect(kind(422) == .permanent)
        #expect(kind(401) == .misconfigured)
        #expect(kind(403) == .misconfigured)
        #expect(kind(404) == .misconfigured)
        #expect(kind(301) == .misconfigured)
        #expect(kind(307) == .misconfigured)
        #expect(SMSGatewayError.classify(status: 100)?.code == .unexpectedStatus)
    }

    @Test func classifiesTransportFailures() {
        #expect(SMSGatewayError.classify(URLError(.timedOut)).code == .timeout)
        #expect(SMSGatewayError.classify(URLError(.cannotConnectToHost)).failureKind == .temporary)
        #expect(SMSGatewayError.classify(URLError(.networkConnectionLost)).code == .connectionLost)
        #expect(SMSGatewayError.classify(URLError(.serverCertificateUntrusted)).failureKind == .misconfigured)
        #expect(SMSGatewayError.classify(URLError(.badServerResponse)).failureKind == .temporary)
    }

    @Test func readsRetryAfterSeconds() {
        #expect(SMSGateway.retryAfter("120") == .seconds(120))
        #expect(SMSGateway.retryAfter(" 5 ") == .seconds(5))
        #expect(SMSGateway.retryAfter("999999") == .seconds(86_400))
        #expect(SMSGateway.retryAfter("Wed, 21 Oct 2026 07:28:00 GMT") == nil)
        #expect(SMSGateway.retryAfter("-1") == nil)
    }

    @Test func descriptionIsGeneric() {
        let error = SMSGatewayError(.rateLimited, statusCode: 429, retryAfter: .seconds(30))
        #expect(error.description == "SMS gateway delivery failed: rateLimited (HTTP 429)")
        #expect(error.debugDescription.contains("retry after 30 s"))
    }
}
