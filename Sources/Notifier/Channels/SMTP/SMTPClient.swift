public import Observability

/// Sends e-mail to an SMTP relay (RFC 5321): the product's own client, with no dependency.
///
/// **The relay is local; there is no STARTTLS.** The product ships no TLS library (ARCHITECTURE.md),
/// so this client speaks plain SMTP to a relay on loopback or a trusted network, and that relay —
/// Postfix on the same machine, or the municipality's mail gateway — sends the mail onward with TLS.
/// A relay that demands STARTTLS (530 with STARTTLS offered, 538, or AUTH offered only after
/// STARTTLS) is refused with ``SMTPError/Code/tlsRequired``, a configuration error, instead of being
/// half-served. Credentials (AUTH PLAIN or LOGIN, used only when configured) are sent only to a relay
/// on loopback, unless the configuration explicitly trusts the network.
///
/// Each ``send(_:envelopeSender:)`` opens its own connection and runs the blocking conversation on a
/// dedicated thread (never on Swift's shared pool), with a timeout per step; cancelling the calling
/// task ends it at the next wait. Failures are ``SMTPError``s classified for the queue: 4xx, timeouts
/// and dropped connections are retryable, a 5xx to the recipient or the message is permanent.
public struct SMTPClient: Sendable {
    /// The relay and how to talk to it.
    public let configuration: SMTPConfiguration
    private let logger: Logger

    /// Creates a client after checking the configuration; throws
    /// ``SMTPError/Code/invalidConfiguration`` when the client name or the credentials could inject
    /// protocol lines.
    public init(configuration: SMTPConfiguration, logger: Logger) throws(SMTPError) {
        guard SMTPClient.isValidClientName(configuration.clientName) else {
            throw SMTPError(.invalidConfiguration, stage: .preparing, detail: "client name is neither a domain nor an address literal")
        }
        if let credentials = configuration.credentials {
            let values = [credentials.username, credentials.password]
            guard values.allSatisfy({ !$0.isEmpty && !$0.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) }) else {
                throw SMTPError(.invalidConfiguration, stage: .preparing, detail: "credentials empty or with control characters")
            }
        }
        guard !configuration.host.isEmpty, !configuration.host.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F }) else {
            throw SMTPError(.invalidConfiguration, stage: .preparing, detail: "relay host is empty or contains white space")
        }
        self.configuration = configuration
        self.logger = logger
    }

    /// Hands `message` to the relay for its `To` address. The envelope sender (where bounces go)
    /// is `envelopeSender`, or the message's `From` address.
    public func send(_ message: MailMessage, envelopeSender: EmailAddress? = nil) async throws(SMTPError) {
        let bytes = message.rendered()
        let sender = envelopeSender ?? message.from.address
        let recipient = message.to.address
        let configuration = self.configuration
        let logger = self.logger
        let result = await DedicatedThread.run(name: "smtp") { cancellation -> Result<Void, SMTPError> in
            Result { () throws(SMTPError) in
                try SMTPConversation.run(configuration: configuration, logger: logger, cancellation: cancellation) { conversation throws(SMTPError) in
                    try conversation.send(bytes, from: sender, to: recipient)
                }
            }
        }
        try result.get()
    }

    /// Connects, greets, authenticates when configured, and quits, sending no mail: a start-up check
    /// that the relay is reachable and accepts us.
    public func checkRelay() async throws(SMTPError) {
        let configuration = self.configuration
        let logger = self.logger
        let result = await DedicatedThread.run(name: "smtp") { cancellation -> Result<Void, SMTPError> in
            Result { () throws(SMTPError) in
                try SMTPConversation.run(configuration: configuration, logger: logger, cancellation: cancellation) { _ throws(SMTPError) in }
            }
        }
        try result.get()
    }

    /// A domain name, or an address literal like `[127.0.0.1]` or `[IPv6:::1]` (RFC 5321 §4.1.3).
    static func isValidClientName(_ name: String) -> Bool {
        if name.hasPrefix("[") && name.hasSuffix("]") {
            let inner = name.dropFirst().dropLast()
            let address = inner.hasPrefix("IPv6:") ? String(inner.dropFirst(5)) : String(inner)
            return SMTPSocket.isLoopback(numericAddress: address) != nil
        }
        return EmailAddress.checkedDomain(name) != nil
    }
}
