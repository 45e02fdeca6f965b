import Foundation
import Observability
import Testing
@testable import Notifier

/// The SMTP client against a real SMTP server: aiosmtpd, run by `Support/smtp_server.py`, which
/// stores what it receives and decodes it with Python's own e-mail parser.
@Suite struct SMTPClientTests {
    static let recipient = "anna.andersson@example.se"

    // MARK: Delivery

    @Test func deliversMessageWithHeadersAndBodyIntact() async throws {
        let server = try await TestServerProcess.start(script: "smtp_server.py")
        defer { server.stop() }
        let subject = "Nytt meddelande i Medarbetarstöd – åäö ÅÄÖ é ü, en lång rubrik som måste delas över flera rader"
        let body = [
            "Hej!",
            "Räksmörgås åäö ÅÄÖ – “citat” ✓ 🙂",
            ".",
            "..två punkter först",
            ".en punkt först",
            String(repeating: "lång rad utan radbrytning ", count: 12),
            String(repeating: "ö", count: 120),
            "likhetstecken = och =3D som text",
            "blanksteg sist   ",
            "tab\tmitt i och sist\t",
            "",
            "Från rad som börjar med From",
        ].joined(separator: "\n") + "\n"
        let date = Date(timeIntervalSince1970: 1_795_000_000)
        let message = try makeMessage(jobID: 4711, subject: subject, body: body, date: date)

        try await makeClient(port: server.port).send(message)

        let records = try server.records()
        try #require(records.count == 1)
        let received = records[0]
        #expect(received["subject"] as? String == subject)
        #expect(received["from_display_name"] as? String == "Medarbetarstöd")
        #expect(received["from_address"] as? String == "noreply@ostersund.se")
        #expect(received["to_address"] as? String == SMTPClientTests.recipient)
        #expect(received["message_id"] as? String == "<wr-job-4711@ostersund.se>")
        #expect(received["date_iso"] as? String == "2026-11-18T11:06:40+00:00")
        #expect(received["mime_version"] as? String == "1.0")
        #expect(received["content_type"] as? String == "text/plain")
        #expect(received["charset"] as? String == "utf-8")
        #expect(received["transfer_encoding"] as? String == "quoted-printable")
        #expect(received["body"] as? String == body)
        #expect((received["defects"] as? [String]) == [])
        #expect(received["mail_from"] as? String == "noreply@ostersund.se")
        #expect((received["rcpt_tos"] as? [String]) == [SMTPClientTests.recipient])
        #expect((received["longest_line"] as? Int).map { $0 <= 78 } == true)
        #expect(received["has_bare_line_feed"] as? Bool == false)
    }

    @Test func sendsNoHeaderThatNamesSoftware() async throws {
        let server = try await TestServerProcess.start(script: "smtp_server.py")
        defer { server.stop() }
        try await makeClient(port: server.port).send(makeMessage())

        let names = try #require(try server.records().first?["header_names"] as? [String])
        #expect(names == ["Date", "From", "To", "Subject", "Message-ID", "MIME-Version", "Content-Type", "Content-Transfer-Encoding", "Auto-Submitted"])
    }

    @Test func retriedJobKeepsItsMessageID() async throws {
        let server = try await TestServerProcess.start(script: "smtp_server.py")
        defer { server.stop() }
        let client = try makeClient(port: server.port)
        try await client.send(makeMessage(jobID: 77, date: Date(timeIntervalSince1970: 1_800_000_000)))
        try await client.send(makeMessage(jobID: 77, date: Date(timeIntervalSince1970: 1_800_000_600)))

        let ids = try server.records().map { $0["message_id"] as? String }
        #expect(ids == ["<wr-job-77@ostersund.se>", "<wr-job-77@ostersund.se>"])
    }

    @Test func declaresMessageSizeWhenRelayOffersSize() async throws {
        let server = try await TestServerProcess.start(script: "smtp_server.py")
        defer { server.stop() }
        let message = try makeMessage()
        try await makeClient(port: server.port).send(message)

        let options = try #require(try server.records().first?["mail_options"] as? [String])
        #expect(options == ["SIZE=\(message.rendered().count)"])
    }

    @Test func fallsBackToHeloWhenEhloIsNotUnderstood() async throws {
        let server = try await TestServerProcess.start(script: "smtp_server.py", arguments: ["--no-ehlo"])
        defer { server.stop() }
        try await makeClient(port: server.port).send(makeMessage())

        let records = try server.records()
        #expect(records.count == 1)
        // After HELO the relay has declared no extensions, so no SIZE parameter is sent.
        #expect((records.first?["mail_options"] as? [String]) == [])
    }

    @Test func usesEnvelopeSenderWhenGiven() async throws {
        let server = try await TestServerProcess.start(script: "smtp_server.py")
        defer { server.stop() }
        try await makeClient(port: server.port).send(makeMessage(), envelopeSender: EmailAddress("bounces@ostersund.se"))

        #expect(try server.records().first?["mail_from"] as? String == "bounces@ostersund.se")
    }

    @Test func checkRelayGreetsWithoutSendingMail() async throws {
        let server = try await TestServerProcess.start(script: "smtp_server.py")
        defer { server.stop() }
        try await makeClient(port: server.port).checkRelay()
        #expect(try server.records().isEmpty)
    }

    @Test func logsNeitherAddressesNorText() async throws {
        let server = try await TestServerProcess.start(script: "smtp_server.py", arguments: ["--auth", "relayuser:hemligt"])
        defer { server.stop() }
        let sink = MemorySink()
        let client = try SMTPClient(
            configuration: SMTPConfiguration(port: server.port, clientName: "notifier.test", credentials: SMTPCredentials(username: "relayuser", password: "hemligt")),
            logger: Logger(label: "notifier.smtp", level: .trace, sink: sink)
        )
        try await client.send(makeMessage(body: "Hemlig text i meddelandet\n"))

        #expect(!sink.lines.isEmpty)
        for line in sink.lines {
            for secret in ["anna", "noreply", "Hemlig", "hemligt", "relayuser"] {
                #expect(!line.contains(secret), "\(line)")
            }
        }
    }

    // MARK: Authentication

    @Test func doesNotAuthenticateWithoutConfiguredCredentials() async throws {
        let server = try await TestServerProcess.start(script: "smtp_server.py", arguments: ["--auth", "relay:hemligt", "--auth-optional"])
        defer { server.stop() }
        try await makeClient(port: server.port).send(makeMessage())

        let received = try #require(try server.records().first)
        #expect(received["authenticated_as"] is NSNull)
    }

    @Test func authenticatesWithPlainWhenConfigured() async throws {
        let server = try await TestServerProcess.start(script: "smtp_server.py", arguments: ["--auth", "relay:hemligt"])
        defer { server.stop() }
        try await makeClient(port: server.port, credentials: SMTPCredentials(username: "relay", password: "hemligt")).send(makeMessage())

        let received = try #require(try server.records().first)
        #expect(received["authenticated_as"] as? String == "relay")
        #expect(received["auth_mechanism"] as? String == "PLAIN")
    }

    @Test func authenticatesWithLoginWhenPlainIsNotOffered() async throws {
        let server = try await TestServerProcess.start(script: "smtp_server.py", arguments: ["--auth", "relay:hemligt", "--auth-mechanisms", "LOGIN"])
        defer { server.stop() }
        try await makeClient(port: server.port, credentials: SMTPCredentials(username: "relay", password: "hemligt")).send(makeMessage())

        let received = try #require(try server.records().first)
        #expect(received["authenticated_as"] as? String == "relay")
        #expect(received["auth_mechanism"] as? String == "LOGIN")
    }

    @Test func wrongPasswordIsMisconfiguration() async throws {
        let server = try await TestServerProcess.start(script: "smtp_server.py", arguments: ["--auth", "relay:hemligt"])
        defer { server.stop() }
        let error = try await sendExpectingError(makeClient(port: server.port, credentials: SMTPCredentials(username: "relay", password: "fel")))

        #expect(error?.code == .authenticationFailed)
        #expect(error?.stage == .authentication)
        #expect(error?.replyCode == 535)
        #expect(error?.failureKind == .misconfigured)
        #expect(error?.isRetryable == true)
        #expect(error.map { !$0.debugDescription.contains("fel") } == true)
    }

    @Test func relayRequiringAuthWithoutCredentialsIsMisconfiguration() async throws {
        let server = try await TestServerProcess.start(script: "smtp_server.py", arguments: ["--auth", "relay:hemligt"])
        defer { server.stop() }
        let error = try await sendExpectingError(makeClient(port: server.port))

        #expect(error?.code == .authenticationRequired)
        #expect(error?.replyCode == 530)
        #expect(error?.failureKind == .misconfigured)
        #expect(try server.records().isEmpty)
    }

    @Test func refusesRelayThatRequiresStartTLS() async throws {
        let server = try await TestServerProcess.start(script: "smtp_server.py", arguments: ["--starttls-required"])
        defer { server.stop() }
        let error = try await sendExpectingError(makeClient(port: server.port))

        #expect(error?.code == .tlsRequired)
        #expect(error?.stage == .mailFrom)
        #expect(error?.failureKind == .misconfigured)
        #expect(try server.records().isEmpty)
    }

    // MARK: Refusals and failures

    @Test func temporaryRefusalOfRecipientIsRetryable() async throws {
        let server = try await TestServerProcess.start(script: "smtp_server.py", arguments: ["--reply", "rcpt=451"])
        defer { server.stop() }
        let error = try await sendExpectingError(makeClient(port: server.port))

        #expect(error?.code == .temporaryFailure)
        #expect(error?.stage == .recipient)
        #expect(error?.replyCode == 451)
        #expect(error?.enhancedStatusCode == "4.1.1")
        #expect(error?.failureKind == .temporary)
        #expect(error?.isRetryable == true)
    }

    @Test func errorTextNeverContainsTheRecipientAddress() async throws {
        // The relay echoes the address in its reply, as real relays do.
        let server = try await TestServerProcess.start(script: "smtp_server.py", arguments: ["--reply", "rcpt=550"])
        defer { server.stop() }
        let error = try #require(try await sendExpectingError(makeClient(port: server.port)))

        #expect(!error.description.contains("anna"))
        #expect(!error.debugDescription.contains("anna"))
        #expect(error.debugDescription.contains("Recipient address rejected"))
    }

    @Test func permanentRefusalOfRecipientIsNotRetryable() async throws {
        let server = try await TestServerProcess.start(script: "smtp_server.py", arguments: ["--reply", "rcpt=550"])
        defer { server.stop() }
        let error = try await sendExpectingError(makeClient(port: server.port))

        #expect(error?.code == .permanentFailure)
        #expect(error?.replyCode == 550)
        #expect(error?.failureKind == .permanent)
        #expect(error?.isRetryable == false)
    }

    @Test func temporaryRefusalOfMessageIsRetryable() async throws {
        let server = try await TestServerProcess.start(script: "smtp_server.py", arguments: ["--reply", "end=451"])
        defer { server.stop() }
        let error = try await sendExpectingError(makeClient(port: server.port))

        #expect(error?.code == .temporaryFailure)
        #expect(error?.stage == .messageBody)
        #expect(error?.replyCode == 451)
        #expect(error?.isRetryable == true)
    }

    @Test func permanentRefusalOfMessageIsNotRetryable() async throws {
        let server = try await TestServerProcess.start(script: "smtp_server.py", arguments: ["--reply", "end=554"])
        defer { server.stop() }
        let error = try await sendExpectingError(makeClient(port: server.port))

        #expect(error?.code == .permanentFailure)
        #expect(error?.stage == .messageBody)
        #expect(error?.replyCode == 554)
        #expect(error?.enhancedStatusCode == "5.7.1")
        #expect(error?.failureKind == .permanent)
    }

    @Test func refusalOfSenderIsMisconfiguration() async throws {
        let server = try await TestServerProcess.start(script: "smtp_server.py", arguments: ["--reply", "mail=553"])
        defer { server.stop() }
        let error = try await sendExpectingError(makeClient(port: server.port))

        #expect(error?.code == .permanentFailure)
        #expect(error?.stage == .mailFrom)
        #expect(error?.failureKind == .misconfigured)
    }

    @Test func connectionDroppedDuringMessageIsRetryable() async throws {
        let server = try await TestServerProcess.start(script: "smtp_server.py", arguments: ["--drop", "data"])
        defer { server.stop() }
        let error = try await sendExpectingError(makeClient(port: server.port))

        #expect(error?.code == .connectionDropped)
        #expect(error?.stage == .messageBody)
        #expect(error?.isRetryable == true)
        #expect(try server.records().isEmpty)
    }

    @Test func connectionDroppedBeforeFinalReplyIsRetryable() async throws {
        let server = try await TestServerProcess.start(script: "smtp_server.py", arguments: ["--drop", "end"])
        defer { server.stop() }
        let error = try await sendExpectingError(makeClient(port: server.port))

        #expect(error?.code == .connectionDropped)
        #expect(error?.stage == .messageBody)
        #expect(error?.failureKind == .temporary)
    }

    @Test func connectionDroppedBeforeGreetingIsRetryable() async throws {
        let server = try await TestServerProcess.start(script: "smtp_server.py", arguments: ["--drop", "greeting"])
        defer { server.stop() }
        let error = try await sendExpectingError(makeClient(port: server.port))

        #expect(error?.code == .connectionDropped)
        #expect(error?.stage == .greeting)
        #expect(error?.isRetryable == true)
    }

    @Test func unreachablePortFailsToConnectRatherThanTimingOut() async throws {
        // A refused connection must be reported as such at once; with a 30 s connect timeout a
        // client that waited would report `timeout` instead.
        let port = try TestServerProcess.unusedPort()
        let error = try await sendExpectingError(makeClient(port: port, timeouts: SMTPTimeouts(connect: .seconds(30))))

        #expect(error?.code == .connectFailed)
        #expect(error?.stage == .connect)
        #expect(error?.systemErrorNumber == ECONNREFUSED)
        #expect(error?.isRetryable == true)
    }

    @Test func silentRelayTimesOutAtGreeting() async throws {
        let server = try await TestServerProcess.start(script: "smtp_server.py", arguments: ["--delay", "greeting=30"])
        defer { server.stop() }
        let error = try await sendExpectingError(makeClient(port: server.port, timeouts: SMTPTimeouts(greeting: .milliseconds(300))))

        #expect(error?.code == .timeout)
        #expect(error?.stage == .greeting)
        #expect(error?.isRetryable == true)
    }

    @Test func slowRelayTimesOutWaitingForFinalReply() async throws {
        let server = try await TestServerProcess.start(script: "smtp_server.py", arguments: ["--delay", "end=30"])
        defer { server.stop() }
        let error = try await sendExpectingError(makeClient(port: server.port, timeouts: SMTPTimeouts(messageBody: .milliseconds(500))))

        #expect(error?.code == .timeout)
        #expect(error?.stage == .messageBody)
    }

    @Test func messageOverRelaySizeLimitIsPermanentAndNotSent() async throws {
        let server = try await TestServerProcess.start(script: "smtp_server.py", arguments: ["--size", "600"])
        defer { server.stop() }
        let error = try await sendExpectingError(makeClient(port: server.port), message: makeMessage(body: String(repeating: "text ", count: 400)))

        #expect(error?.code == .messageTooLarge)
        #expect(error?.failureKind == .permanent)
        #expect(try server.records().isEmpty)
    }

    @Test func cancellingTheTaskEndsTheConversation() async throws {
        let server = try await TestServerProcess.start(script: "smtp_server.py", arguments: ["--delay", "greeting=30"])
        defer { server.stop() }
        let client = try makeClient(port: server.port, timeouts: SMTPTimeouts(greeting: .seconds(60)))
        let message = try makeMessage()
        let task = Task { try await client.send(message) }
        try await Task.sleep(for: .milliseconds(300))
        task.cancel()

        let result = await task.result
        guard case .failure(let error) = result else {
            Issue.record("send succeeded although cancelled")
            return
        }
        #expect((error as? SMTPError)?.code == .cancelled)
        #expect((error as? SMTPError)?.failureKind == .temporary)
    }

    // MARK: Configuration

    @Test func rejectsClientNameThatCouldInjectCommands() {
        #expect(throws: SMTPError.self) {
            try SMTPClient(configuration: SMTPConfiguration(clientName: "notifier.example.se\r\nRCPT TO:<x@y.se>"), logger: .disabled)
        }
        #expect(throws: SMTPError.self) {
            try SMTPClient(configuration: SMTPConfiguration(clientName: "två ord"), logger: .disabled)
        }
        #expect(throws: Never.self) {
            try SMTPClient(configuration: SMTPConfiguration(clientName: "[127.0.0.1]"), logger: .disabled)
        }
    }

    @Test func rejectsCredentialsWithLineBreaks() {
        #expect(throws: SMTPError.self) {
            try SMTPClient(
                configuration: SMTPConfiguration(clientName: "notifier.example.se", credentials: SMTPCredentials(username: "relay\r\nQUIT", password: "x")),
                logger: .disabled
            )
        }
    }

    // MARK: Factories

    private func makeClient(port: UInt16, credentials: SMTPCredentials? = nil, timeouts: SMTPTimeouts = SMTPTimeouts(connect: .seconds(5), greeting: .seconds(10), command: .seconds(10), messageBody: .seconds(10))) throws -> SMTPClient {
        try SMTPClient(
            configuration: SMTPConfiguration(host: "127.0.0.1", port: port, clientName: "notifier.test", credentials: credentials, timeouts: timeouts),
            logger: .disabled
        )
    }

    private func makeMessage(
        jobID: Int64 = 42,
        subject: String = "Nytt meddelande i Medarbetarstöd",
        body: String = "Hej!\n\nDu har ett nytt meddelande.\n",
        date: Date = Date(timeIntervalSince1970: 1_800_000_000)
    ) throws -> MailMessage {
        try MailMessage(
            from: Mailbox(try #require(EmailAddress("noreply@ostersund.se")), displayName: "Medarbetarstöd"),
            to: Mailbox(try #require(EmailAddress(SMTPClientTests.recipient))),
            subject: subject,
            body: body,
            messageID: try #require(MessageID(jobID: jobID, domain: "ostersund.se")),
            date: date
        )
    }

    /// Sends and returns the SMTPError; records an issue when sending succeeds.
    private func sendExpectingError(_ client: SMTPClient, message: MailMessage? = nil) async throws -> SMTPError? {
        let message = try message ?? makeMessage()
        do {
            try await client.send(message)
            Issue.record("send succeeded; an error was expected")
            return nil
        } catch {
            return error
        }
    }
}
