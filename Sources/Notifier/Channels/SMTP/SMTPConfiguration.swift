/// Where the relay is and how to talk to it.
///
/// The relay is expected on this machine (`127.0.0.1`, the default) or on a trusted network, and
/// to pass mail onward with TLS itself — Postfix or the municipality's mail gateway. This client
/// does not speak STARTTLS: the product ships no TLS library of its own (ARCHITECTURE.md), so it
/// refuses a relay that demands STARTTLS (``SMTPError/Code/tlsRequired``) rather than sending in the
/// clear to one that expects encryption, and it refuses to send credentials to a relay that is not
/// on loopback unless ``allowsCredentialsOverUnencryptedConnection`` says the network is trusted.
public struct SMTPConfiguration: Sendable {
    /// The relay's host name or address.
    public var host: String
    /// The relay's port (25 for a local Postfix, 587 for a submission port).
    public var port: UInt16
    /// The name we give in EHLO: this machine's fully qualified domain name, or an address literal
    /// such as `[127.0.0.1]`.
    public var clientName: String
    /// AUTH credentials; `nil` when the relay accepts mail from us without them (the usual case for
    /// a relay on loopback). AUTH is used only when these are set.
    public var credentials: SMTPCredentials?
    /// Whether credentials may be sent to a relay that is not on loopback over the unencrypted
    /// connection. Set it only when the network between here and the relay is trusted.
    public var allowsCredentialsOverUnencryptedConnection: Bool
    /// How long each step may take.
    public var timeouts: SMTPTimeouts

    /// Creates a configuration; the defaults describe a relay on loopback port 25 without AUTH.
    public init(
        host: String = "127.0.0.1",
        port: UInt16 = 25,
        clientName: String,
        credentials: SMTPCredentials? = nil,
        allowsCredentialsOverUnencryptedConnection: Bool = false,
        timeouts: SMTPTimeouts = SMTPTimeouts()
    ) {
        self.host = host
        self.port = port
        self.clientName = clientName
        self.credentials = credentials
        self.allowsCredentialsOverUnencryptedConnection = allowsCredentialsOverUnencryptedConnection
        self.timeouts = timeouts
    }
}

/// A user name and password for AUTH PLAIN or AUTH LOGIN. Both print as placeholders.
public struct SMTPCredentials: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The user name.
    public let username: String
    /// The password.
    public let password: String

    /// Creates credentials.
    public init(username: String, password: String) {
        self.username = username
        self.password = password
    }

    /// A placeholder, so credentials never reach a log.
    public var description: String { "<SMTP credentials>" }
    /// A placeholder, as ``description``.
    public var debugDescription: String { description }
    /// No children, so `dump` prints nothing secret.
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}

/// How long each step of the conversation may take before it fails with
/// ``SMTPError/Code/timeout`` (retryable).
///
/// Shorter than RFC 5321 §4.5.3.2's minutes, which are meant for relays across the internet: our
/// relay is local, and a worker stuck for ten minutes on one message holds up the queue.
public struct SMTPTimeouts: Sendable, Equatable {
    /// Opening the TCP connection.
    public var connect: Duration
    /// The relay's 220 greeting.
    public var greeting: Duration
    /// Each command's reply (EHLO, AUTH, MAIL, RCPT, DATA, QUIT).
    public var command: Duration
    /// Sending the message and the reply to its final dot.
    public var messageBody: Duration

    /// Creates timeouts; the defaults suit a relay on loopback or the local network.
    public init(
        connect: Duration = .seconds(10),
        greeting: Duration = .seconds(30),
        command: Duration = .seconds(30),
        messageBody: Duration = .seconds(120)
    ) {
        self.connect = connect
        self.greeting = greeting
        self.command = command
        self.messageBody = messageBody
    }
}
