import Foundation

/// Why an e-mail was not handed to the relay, at which step of the SMTP conversation, with the
/// relay's reply code — classified for the job queue.
///
/// `description` names only the code, the stage and the reply code: never a recipient address,
/// the message text or the relay's reply text (relays echo addresses in their replies, and
/// addresses are personal data). `debugDescription` adds the relay's reply text with anything that
/// looks like an address replaced, and the system error.
public struct SMTPError: DeliveryError, Equatable {
    /// What went wrong.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String {
            case connectFailed, timeout, connectionDropped, temporaryFailure, permanentFailure, protocolError
            case tlsRequired, authenticationRequired, authenticationFailed, authenticationUnavailable
            case credentialsOverPlaintextRefused, invalidConfiguration, invalidAddress, invalidMessage
            case messageTooLarge, cancelled
        }
        private let base: Base

        /// No TCP connection to the relay (refused, unreachable, unknown host, connect timeout).
        public static let connectFailed = Code(base: .connectFailed)
        /// The relay did not answer a command, or did not take data, within its timeout.
        public static let timeout = Code(base: .timeout)
        /// The relay closed or reset the connection in the middle of the conversation. If this
        /// happens after the message's final dot, the relay may have taken the message: the retry
        /// may deliver a duplicate with the same `Message-ID`.
        public static let connectionDropped = Code(base: .connectionDropped)
        /// The relay answered 4xx: try again later (RFC 5321 §4.2.1, "transient negative").
        public static let temporaryFailure = Code(base: .temporaryFailure)
        /// The relay answered 5xx: this will not succeed as it stands.
        public static let permanentFailure = Code(base: .permanentFailure)
        /// The relay's reply broke the protocol (malformed or overlong lines, unexpected code).
        public static let protocolError = Code(base: .protocolError)
        /// The relay demands STARTTLS, which this client does not speak (we ship no TLS library).
        public static let tlsRequired = Code(base: .tlsRequired)
        /// The relay demands AUTH, and no credentials are configured.
        public static let authenticationRequired = Code(base: .authenticationRequired)
        /// The relay refused the configured credentials (535).
        public static let authenticationFailed = Code(base: .authenticationFailed)
        /// Credentials are configured but the relay offers neither AUTH PLAIN nor AUTH LOGIN.
        public static let authenticationUnavailable = Code(base: .authenticationUnavailable)
        /// Credentials would travel unencrypted to a relay that is not on this machine, and the
        /// configuration does not explicitly allow that.
        public static let credentialsOverPlaintextRefused = Code(base: .credentialsOverPlaintextRefused)
        /// A configuration value is unusable (the client name contains spaces or line breaks, …).
        public static let invalidConfiguration = Code(base: .invalidConfiguration)
        /// An address was refused before sending (not a plain, safe `local@domain`).
        public static let invalidAddress = Code(base: .invalidAddress)
        /// A header value contains a line break, or a line is longer than SMTP allows.
        public static let invalidMessage = Code(base: .invalidMessage)
        /// The message is larger than the relay's advertised SIZE limit.
        public static let messageTooLarge = Code(base: .messageTooLarge)
        /// The task was cancelled (the worker is shutting down).
        public static let cancelled = Code(base: .cancelled)

        /// The code's name, e.g. `temporaryFailure`.
        public var description: String { base.rawValue }
    }

    /// The step of the conversation where it went wrong.
    public enum Stage: String, Sendable, Hashable, CustomStringConvertible {
        /// Building and checking the message, before any connection.
        case preparing
        /// Resolving the host and opening the TCP connection.
        case connect
        /// Waiting for the relay's 220 greeting.
        case greeting
        /// EHLO, or HELO after an EHLO the relay did not understand.
        case hello
        /// AUTH PLAIN or AUTH LOGIN.
        case authentication
        /// MAIL FROM.
        case mailFrom
        /// RCPT TO.
        case recipient
        /// The DATA command, before the message is sent.
        case data
        /// Sending the message and waiting for the reply to its final dot.
        case messageBody
        /// QUIT.
        case quit

        /// The stage's name, e.g. `recipient`.
        public var description: String { rawValue }
    }

    /// What went wrong.
    public let code: Code
    /// Where in the conversation.
    public let stage: Stage
    /// The relay's reply code (e.g. 451), when the relay answered.
    public let replyCode: Int?
    /// The relay's enhanced status code (RFC 3463, e.g. `4.3.0`), when it sent one.
    public let enhancedStatusCode: String?
    /// The system's `errno`, for socket failures.
    public let systemErrorNumber: Int32?
    /// The relay's reply text (addresses replaced) or an internal detail; only in
    /// `debugDescription`.
    let detail: String?

    /// Creates an error; `detail` must not contain personal data (pass relay text through
    /// ``redacted(_:)``).
    init(
        _ code: Code,
        stage: Stage,
        replyCode: Int? = nil,
        enhancedStatusCode: String? = nil,
        systemErrorNumber: Int32? = nil,
        detail: String? = nil
    ) {
        self.code = code
        self.stage = stage
        self.replyCode = replyCode
        self.enhancedStatusCode = enhancedStatusCode
        self.systemErrorNumber = systemErrorNumber
        self.detail = detail
    }

    /// How the queue should treat the job.
    ///
    /// A 5xx while delivering this message (RCPT, DATA, the message itself) is ``DeliveryFailureKind/permanent``;
    /// a 5xx before the message is named (greeting, EHLO, AUTH, MAIL FROM) says the relay refuses
    /// *us*, so it is ``DeliveryFailureKind/misconfigured`` and retried, as are the TLS and AUTH
    /// refusals. Everything transient (4xx, timeouts, dropped or refused connections, garbled
    /// replies, cancellation) is ``DeliveryFailureKind/temporary``.
    public var failureKind: DeliveryFailureKind {
        switch code {
        case .connectFailed, .timeout, .connectionDropped, .temporaryFailure, .protocolError, .cancelled:
            return .temporary
        case .permanentFailure:
            switch stage {
            case .recipient, .data, .messageBody: return .permanent
            default: return .misconfigured
            }
        case .invalidAddress, .invalidMessage, .messageTooLarge:
            return .permanent
        default:
            return .misconfigured
        }
    }

    /// Generic: code, stage and reply code only.
    public var description: String {
        var text = "SMTP delivery failed: \(code) during \(stage)"
        if let replyCode { text += " (reply \(replyCode))" }
        return text
    }

    /// ``description`` plus the enhanced status, the system error and the redacted detail.
    public var debugDescription: String {
        var text = description
        if let enhancedStatusCode { text += " [\(enhancedStatusCode)]" }
        if let systemErrorNumber { text += "; errno \(systemErrorNumber): \(String(cString: strerror(systemErrorNumber)))" }
        if let detail { text += "; \(detail)" }
        return text
    }

    /// Reply text fit for `debugDescription`: every word containing `@` replaced by `<redacted>`,
    /// control characters removed, at most 200 characters.
    static func redacted(_ text: String) -> String {
        let words = text.split(separator: " ", omittingEmptySubsequences: false).map { word in
            word.contains("@") ? "<redacted>" : String(word)
        }
        let cleaned = words.joined(separator: " ").unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }
        return String(String.UnicodeScalarView(cleaned).prefix(200))
    }
}
