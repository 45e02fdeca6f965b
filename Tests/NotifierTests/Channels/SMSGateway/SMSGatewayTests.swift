import Foundation
import Observability
import Testing
@testable import Notifier

/// The SMS gateway client against a real HTTP server (`Support/sms_gateway.py`) that records each
/// request and answers as told.
@Suite struct SMSGatewayTests {
    @Test func postsJSONWithTokenHeader() async throws {
        let server = try await TestServerProcess.start(script: "sms_gateway.py")
        defer { server.stop() }
        let gateway = try makeGateway(port: server.port)

        try await gateway.send("Du har ett nytt meddelande i Medarbetarstöd.", to: try #require(PhoneNumber("070-123 45 67")))

        let requests = try server.records()
        try #require(requests.count == 1)
        let request = requests[0]
        #expect(request["method"] as? String == "POST")
        #expect(request["path"] as? String == "/v1/sms")
        let headers = try #require(request["headers"] as? [String: String])
        #expect(headers["authorization"] == "Bearer test-token-123")
        #expect(headers["content-type"] == "application/json; charset=utf-8")
        #expect(headers["cookie"] == nil)
        let body = try #require(request["body"] as? String)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: String])
        #expect(json == ["to": "+46701234567", "message": "Du har ett nytt meddelande i Medarbetarstöd."])
    }

    @Test func fillsAConfiguredShapeWithEscapedValues() async throws {
        let server = try await TestServerProcess.start(script: "sms_gateway.py")
        defer { server.stop() }
        let template = try SMSBodyTemplate(#"{"messages":[{"recipient":"{{to}}","body":"{{text}}","sender":"{{from}}"}],"flash":false}"#)
        let gateway = try makeGateway(port: server.port, tokenHeader: "X-Api-Key", tokenPrefix: "", body: template, sender: "Kommunen")
        let text = "Rad ett\n\"citat\" \\ och </script> \u{2028} åäö"

        try await gateway.send(text, to: try #require(PhoneNumber("+47 912 34 567")))

        let request = try #require(try server.records().first)
        let headers = try #require(request["headers"] as? [String: String])
        #expect(headers["x-api-key"] == "test-token-123")
        #expect(headers["authorization"] == nil)
        let body = try #require(request["body"] as? String)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
        let message = try #require((json["messages"] as? [[String: String]])?.first)
        #expect(message == ["recipient": "+4791234567", "body": text, "sender": "Kommunen"])
        #expect(json["flash"] as? Bool == false)
    }

    @Test func logsNeitherNumberNorTextNorToken() async throws {
        let server = try await TestServerProcess.start(script: "sms_gateway.py")
        defer { server.stop() }
        let sink = MemorySink()
        let gateway = try SMSGateway(
            configuration: SMSGatewayConfiguration(url: URL(string: "http://127.0.0.1:\(server.port)/v1/sms")!, token: "test-token-123"),
            logger: Logger(label: "notifier.sms", level: .trace, sink: sink)
        )
        try await gateway.send("Hemlig text", to: try #require(PhoneNumber("070-123 45 67")))

        #expect(!sink.lines.isEmpty)
        for line in sink.lines {
            for secret in ["701234567", "Hemlig", "test-token"] {
                #expect(!line.contains(secret), "\(line)")
            }
        }
    }

    @Test func rateLimitIsRetryableWithTheGatewaysDelay() async throws {
        let server = try await TestServerProcess.start(script: "sms_gateway.py", arguments: ["--status", "429", "--retry-after", "120"])
        defer { server.stop() }
        let error = try await sendExpectingError(makeGateway(port: server.port))

        #expect(error?.code == .rateLimited)
        #expect(error?.statusCode == 429)
        #expect(error?.retryAfter == .seconds(120))
        #expect(error?.isRetryable == true)
    }

    @Test func serverErrorIsRetryable() async throws {
        let server = try await TestServerProcess.start(script: "sms_gateway.py", arguments: ["--status", "500"])
        defer { server.stop() }
        let error = try await sendExpectingError(makeGateway(port: server.port))

        #expect(error?.code == .serverError)
        #expect(error?.statusCode == 500)
        #expect(error?.failureKind == .temporary)
    }

    @Test func badRequestIsPermanent() async throws {
        let server = try await TestServerProcess.start(script: "sms_gateway.py", arguments: ["--status", "400"])
        defer { server.stop() }
        let error = try await sendExpectingError(makeGateway(port: server.port))

        #expect(error?.code == .rejected)
        #expect(error?.statusCode == 400)
        #expect(error?.failureKind == .permanent)
        #expect(error?.isRetryable == false)
    }

    @Test func wrongTokenIsMisconfiguration() async throws {
        let server = try await TestServerProcess.start(script: "sms_gateway.py", arguments: ["--status", "401"])
        defer { server.stop() }
        let error = try await sendExpectingError(makeGateway(port: server.port))

        #expect(error?.code == .unauthorised)
        #expect(error?.failureKind == .misconfigured)
    }

    @Test func neverFollowsARedirect() async throws {
        let target = try await TestServerProcess.start(script: "sms_gateway.py")
        defer { target.stop() }
        let server = try await TestServerProcess.start(script: "sms_gateway.py", arguments: ["--redirect", "http://127.0.0.1:\(target.port)/stolen"])
        defer { server.stop() }
        let error = try await sendExpectingError(makeGateway(port: server.port))

        #expect(error?.code == .wrongEndpoint)
        #expect(error?.statusCode == 307)
        // The token went to the configured gateway only.
        #expect(try server.records().count == 1)
        #expect(try target.records().isEmpty)
    }

    @Test func slowGatewayTimesOutRetryably() async throws {
        let server = try await TestServerProcess.start(script: "sms_gateway.py", arguments: ["--delay", "30"])
        defer { server.stop() }
        let error = try await sendExpectingError(makeGateway(port: server.port, timeout: .seconds(1)))

        #expect(error?.code == .timeout)
        #expect(error?.isRetryable == true)
    }

    @Test func subSecondTimeoutIsRoundedUpRatherThanExpiredAtOnce() async throws {
        // FoundationNetworking truncates timeouts to whole seconds; 0.5 s must not become 0.
        let server = try await TestServerProcess.start(script: "sms_gateway.py", arguments: ["--delay", "0.2"])
        defer { server.stop() }
        try await makeGateway(port: server.port, timeout: .milliseconds(500)).send("x", to: try #require(PhoneNumber("0701234567")))
        #expect(try server.records().count == 1)
    }

    @Test func unreachableGatewayFailsToConnect() async throws {
        let port = try TestServerProcess.unusedPort()
        let error = try await sendExpectingError(makeGateway(port: port, timeout: .seconds(30)))

        #expect(error?.code == .connectFailed)
        #expect(error?.isRetryable == true)
    }

    @Test func errorsNameNeitherNumberNorText() async throws {
        let server = try await TestServerProcess.start(script: "sms_gateway.py", arguments: ["--status", "422"])
        defer { server.stop() }
        let error = try #require(try await sendExpectingError(makeGateway(port: server.port)))

        for text in [error.description, error.debugDescription] {
            #expect(!text.contains("701234567"))
            #expect(!text.contains("meddelande"))
        }
    }

    @Test func refusesEmptyText() async throws {
        let gateway = try makeGateway(port: 9)
        let number = try #require(PhoneNumber("0701234567"))
        do {
            try await gateway.send("", to: number)
            Issue.record("sent an empty text")
        } catch {
            #expect(error.code == .invalidMessage)
            #expect(error.failureKind == .permanent)
        }
    }

    // MARK: Factories

    private func makeGateway(
        port: UInt16,
        tokenHeader: String = "Authorization",
        tokenPrefix: String = "Bearer ",
        body: SMSBodyTemplate = .standard,
        sender: String? = nil,
        timeout: Duration = .seconds(10)
    ) throws -> SMSGateway {
        try SMSGateway(
            configuration: SMSGatewayConfiguration(
                url: URL(string: "http://127.0.0.1:\(port)/v1/sms")!,
                token: "test-token-123",
                tokenHeader: tokenHeader,
                tokenPrefix: tokenPrefix,
                body: body,
                sender: sender,
                timeout: timeout
            ),
            logger: .disabled
        )
    }

    private func sendExpectingError(_ gateway: SMSGateway) async throws -> SMSGatewayError? {
        let number = try #require(PhoneNumber("070-123 45 67"))
        do {
            try await gateway.send("Du har ett nytt meddelande i Medarbetarstöd.", to: number)
            Issue.record("send succeeded; an error was expected")
            return nil
        } catch {
            return error
        }
    }
}
