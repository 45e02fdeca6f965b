import Foundation
import Observability

/// One SMTP conversation with the relay, run step by step on a dedicated thread.
///
/// The steps follow RFC 5321 §3: greeting, EHLO (HELO when EHLO is not understood), AUTH when
/// credentials are configured, MAIL FROM, RCPT TO, DATA, the dot-stuffed message, QUIT. Every
/// negative reply is turned into an ``SMTPError`` classified for the queue.
final class SMTPConversation {
    /// Longest reply line accepted. RFC 5321 §4.5.3.1.5 allows 512 octets; some relays write more.
    static let maximumReplyLineLength = 2048
    /// How long a polite QUIT after a failure may take.
    static let quitAfterFailureTimeout = Duration.seconds(2)

    private let socket: SMTPSocket
    private let configuration: SMTPConfiguration
    private let logger: Logger
    private(set) var capabilities = SMTPCapabilities.none

    private init(socket: SMTPSocket, configuration: SMTPConfiguration, logger: Logger) {
        self.socket = socket
        self.configuration = configuration
        self.logger = logger
    }

    /// Connects, greets and says EHLO (and AUTH when configured), runs `work`, and says QUIT.
    /// After a negative reply it still says QUIT, briefly, so the relay can close cleanly.
    static func run<Result>(
        configuration: SMTPConfiguration,
        logger: Logger,
        cancellation: CancellationSignal,
        _ work: (SMTPConversation) throws(SMTPError) -> Result
    ) throws(SMTPError) -> Result {
        if cancellation.isFired { throw SMTPError(.cancelled, stage: .connect) }
        let socket = try SMTPSocket.connect(
            host: configuration.host,
            port: configuration.port,
            deadline: .now + configuration.timeouts.connect,
            cancellation: cancellation
        )
        defer { socket.close() }
        let conversation = SMTPConversation(socket: socket, configuration: configuration, logger: logger)
        let result: Result
        do {
            try conversation.greet()
            try conversation.hello()
            try conversation.authenticateIfConfigured()
            result = try work(conversation)
        } catch {
            if conversation.mayQuitAfter(error) {
                try? conversation.quit(timeout: quitAfterFailureTimeout)
            }
            throw error
        }
        // The message is with the relay once it answered the final dot; a failing QUIT changes
        // nothing about that, so it is only logged.
        do {
            try conversation.quit(timeout: configuration.timeouts.command)
        } catch {
            logger.debug("SMTP QUIT failed after delivery", metadata: ["smtp.error": error.description])
        }
        return result
    }

    // MARK: Steps

    private func greet() throws(SMTPError) {
        let reply = try readReply(stage: .greeting, timeout: configuration.timeouts.greeting)
        guard reply.code == 220 else { throw failure(reply, stage: .greeting) }
    }

    private func hello() throws(SMTPError) {
        let ehlo = try command("EHLO \(configuration.clientName)", stage: .hello)
        if ehlo.code == 250 {
            capabilities = SMTPCapabilities(ehloReply: ehlo)
            return
        }
        // RFC 5321 §3.2: a server that does not know EHLO answers 500, 502, 504 or 550.
        guard [500, 502, 504, 550].contains(ehlo.code) else { throw failure(ehlo, stage: .hello) }
        let helo = try command("HELO \(configuration.clientName)", stage: .hello)
        guard helo.code == 250 else { throw failure(helo, stage: .hello) }
        capabilities = .none
    }

    private func authenticateIfConfigured() throws(SMTPError) {
        guard let credentials = configuration.credentials else { return }
        guard SMTPConversation.maySendCredentials(peerIsLoopback: socket.peerIsLoopback, configuration: configuration) else {
            throw SMTPError(
                .credentialsOverPlaintextRefused,
                stage: .authentication,
                detail: "relay is not on loopback and the connection is not encrypted"
            )
        }
        let mechanisms = capabilities.authenticationMechanisms
        if mechanisms.contains("PLAIN") {
            try authenticatePlain(credentials)
        } else if mechanisms.contains("LOGIN") {
            try authenticateLogin(credentials)
        } else if capabilities.offersStartTLS {
            // Relays such as Postfix offer AUTH only after STARTTLS.
            throw SMTPError(.tlsRequired, stage: .authentication, detail: "AUTH is offered only after STARTTLS")
        } else {
            throw SMTPError(.authenticationUnavailable, stage: .authentication, detail: "relay offers neither AUTH PLAIN nor AUTH LOGIN")
        }
        logger.debug("SMTP authenticated", metadata: ["smtp.stage": "authentication"])
    }

    /// Credentials go in the clear only to a relay on this machine, or where the configuration
    /// explicitly trusts the network.
    static func maySendCredentials(peerIsLoopback: Bool, configuration: SMTPConfiguration) -> Bool {
        peerIsLoopback || configuration.allowsCredentialsOverUnencryptedConnection
    }

    private func authenticatePlain(_ credentials: SMTPCredentials) throws(SMTPError) {
        let response = Data(("\0" + credentials.username + "\0" + credentials.password).utf8).base64EncodedString()
        var reply = try command("AUTH PLAIN " + response, stage: .authentication)
        if reply.code == 334 {
            // A relay that does not take an initial response asks for it separately.
            reply = try command(response, stage: .authentication)
        }
        guard reply.code == 235 else { throw failure(reply, stage: .authentication) }
    }

    private func authenticateLogin(_ credentials: SMTPCredentials) throws(SMTPError) {
        var reply = try command("AUTH LOGIN", stage: .authentication)
        guard reply.code == 334 else { throw failure(reply, stage: .authentication) }
        reply = try command(Data(credentials.username.utf8).base64EncodedString(), stage: .authentication)
        guard reply.code == 334 else { throw failure(reply, stage: .authentication) }
        reply = try command(Data(credentials.password.utf8).base64EncodedString(), stage: .authentication)
        guard reply.code == 235 else { throw failure(reply, stage: .authentication) }
    }

    /// Sends one message to one recipient: MAIL FROM, RCPT TO, DATA and the message.
    func send(_ message: [UInt8], from sender: EmailAddress, to recipient: EmailAddress) throws(SMTPError) {
        let data = try SMTPData.encode(message)
        if let limit = capabilities.sizeLimit, message.count > limit {
            throw SMTPError(.messageTooLarge, stage: .mailFrom, detail: "\(message.count) octets, relay accepts \(limit)")
        }
        var mail = "MAIL FROM:<\(sender.address)>"
        if capabilities.supportsSize { mail += " SIZE=\(message.count)" }
        let mailReply = try command(mail, stage: .mailFrom)
        guard mailReply.code == 250 else { throw failure(mailReply, stage: .mailFrom) }

        let rcptReply = try command("RCPT TO:<\(recipient.address)>", stage: .recipient)
        guard rcptReply.code == 250 || rcptReply.code == 251 else { throw failure(rcptReply, stage: .recipient) }

        let dataReply = try command("DATA", stage: .data)
        guard dataReply.code == 354 else { throw failure(dataReply, stage: .data) }

        let deadline = ContinuousClock.now + configuration.timeouts.messageBody
        do {
            try socket.write(data, deadline: deadline, stage: .messageBody)
        } catch where error.code == .connectionDropped {
            // A relay that rejects early may answer and close while we still write: its reply,
            // if it is already here, says more than the broken pipe.
            if let reply = try? readReply(stage: .messageBody, deadline: .now + .milliseconds(200)), !reply.isPositiveCompletion {
                throw failure(reply, stage: .messageBody)
            }
            throw error
        }
        let final = try readReply(stage: .messageBody, deadline: deadline)
        guard final.code == 250 else { throw failure(final, stage: .messageBody) }
        logger.debug("SMTP message accepted by the relay", metadata: ["smtp.stage": "messageBody", "smtp.reply_code": "250"])
    }

    private func quit(timeout: Duration) throws(SMTPError) {
        let reply = try command("QUIT", stage: .quit, timeout: timeout)
        guard reply.code == 221 else { throw failure(reply, stage: .quit) }
    }

    /// Whether the connection is still in a state where QUIT makes sense: the relay answered, and
    /// did not say it is closing (421).
    private func mayQuitAfter(_ error: SMTPError) -> Bool {
        switch error.code {
        case .connectionDropped, .timeout, .cancelled, .protocolError, .connectFailed: false
        default: error.replyCode != 421
        }
    }

    // MARK: Wire

    private func command(_ line: String, stage: SMTPError.Stage, timeout: Duration? = nil) throws(SMTPError) -> SMTPReply {
        let deadline = ContinuousClock.now + (timeout ?? configuration.timeouts.command)
        try socket.write(Array((line + "\r\n").utf8), deadline: deadline, stage: stage)
        return try readReply(stage: stage, deadline: deadline)
    }

    private func readReply(stage: SMTPError.Stage, timeout: Duration) throws(SMTPError) -> SMTPReply {
        try readReply(stage: stage, deadline: .now + timeout)
    }

    private func readReply(stage: SMTPError.Stage, deadline: ContinuousClock.Instant) throws(SMTPError) -> SMTPReply {
        var parser = SMTPReplyParser(stage: stage)
        while true {
            let line = try socket.readLine(limit: SMTPConversation.maximumReplyLineLength, deadline: deadline, stage: stage)
            if let reply = try parser.feed(line) {
                logger.trace("SMTP reply", metadata: ["smtp.stage": stage.description, "smtp.reply_code": String(reply.code)])
                return reply
            }
        }
    }

    /// The error for a reply that was not the one expected at `stage`.
    func failure(_ reply: SMTPReply, stage: SMTPError.Stage) -> SMTPError {
        SMTPConversation.failure(reply, stage: stage, capabilities: capabilities)
    }

    static func failure(_ reply: SMTPReply, stage: SMTPError.Stage, capabilities: SMTPCapabilities) -> SMTPError {
        let code: SMTPError.Code
        let upperText = reply.text.uppercased()
        switch reply.code {
        case 538:
            code = .tlsRequired
        case 530 where capabilities.offersStartTLS || upperText.contains("STARTTLS"):
            code = .tlsRequired
        case 530:
            code = .authenticationRequired
        case 535:
            code = .authenticationFailed
        case 534 where stage == .authentication:
            code = .authenticationFailed
        case 504 where stage == .authentication:
            code = .authenticationUnavailable
        case 552 where stage == .recipient:
            // RFC 5321 §4.5.3.1.10: "too many recipients"/storage on RCPT is to be treated as 452.
            code = .temporaryFailure
        case 400..<500:
            code = .temporaryFailure
        case 500..<600:
            code = .permanentFailure
        default:
            code = .protocolError
        }
        return SMTPError(
            code,
            stage: stage,
            replyCode: reply.code,
            enhancedStatusCode: reply.enhancedStatusCode,
            detail: SMTPError.redacted(reply.text)
        )
    }
}
