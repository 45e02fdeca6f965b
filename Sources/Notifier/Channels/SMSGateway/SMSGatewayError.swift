import Foundation

/// Why an SMS was not handed to the gateway, classified for the job queue.
///
/// `description` names the code and the HTTP status only; the number and the text are never in it,
/// and the gateway's response body (which may echo them) is not kept at all.
public struct SMSGatewayError: DeliveryError, Equatable {
    /// What went wrong.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String {
            case connectFailed, timeout, connectionLost, rateLimited, serverError, rejected, unauthorised
            case wrongEndpoint, unexpectedStatus, secureConnectionFailed, transportFailed
            case invalidConfiguration, invalidMessage, cancelled
        }
        private let base: Base

        /// No connection to the gateway (refused, unknown host, no route).
        public static let connectFailed = Code(base: .connectFailed)
        /// No complete answer within the timeout.
        public static let timeout = Code(base: .timeout)
        /// The connection broke during the request.
        public static let connectionLost = Code(base: .connectionLost)
        /// 429 Too Many Requests; see ``SMSGatewayError/retryAfter``.
        public static let rateLimited = Code(base: .rateLimited)
        /// 5xx, or 408: the gateway failed; try again later.
        public static let serverError = Code(base: .serverError)
        /// Another 4xx: the gateway refused this message (the number or the text).
        public static let rejected = Code(base: .rejected)
        /// 401 or 403: the token is wrong or lacks permission.
        public static let unauthorised = Code(base: .unauthorised)
        /// 404, 405 or a redirect (never followed, so the token goes nowhere else): the URL is wrong.
        public static let wrongEndpoint = Code(base: .wrongEndpoint)
        /// A status outside 2xx–5xx.
        public static let unexpectedStatus = Code(base: .unexpectedStatus)
        /// TLS to the gateway failed (certificate untrusted, handshake failed).
        public static let secureConnectionFailed = Code(base: .secureConnectionFailed)
        /// Another transport failure.
        public static let transportFailed = Code(base: .transportFailed)
        /// A configuration value is unusable (URL scheme, header name, body template, …).
        public static let invalidConfiguration = Code(base: .invalidConfiguration)
        /// The text is empty.
        public static let invalidMessage = Code(base: .invalidMessage)
        /// The task was cancelled (the worker is shutting down).
        public static let cancelled = Code(base: .cancelled)

        /// The code's name, e.g. `rateLimited`.
        public var description: String { base.rawValue }
    }

    /// What went wrong.
    public let code: Code
    /// The gateway's HTTP status, when it answered.
    public let statusCode: Int?
    /// How long the gateway asked us to wait (`Retry-After` in seconds on a 429 or 503).
    public let retryAfter: Duration?
    /// The transport's `URLError` code, for transport failures.
    public let transportErrorCode: Int?
    /// A detail without personal data, only in `debugDescription`.
    let detail: String?

    init(_ code: Code, statusCode: Int? = nil, retryAfter: Duration? = nil, transportErrorCode: Int? = nil, detail: String? = nil) {
        self.code = code
        self.statusCode = statusCode
        self.retryAfter = retryAfter
        self.transportErrorCode = transportErrorCode
        self.detail = detail
    }

    /// 2xx is success; 408, 429 and 5xx are retryable; 401, 403, 404, 405 and redirects mean the
    /// configuration is wrong; any other 4xx is permanent.
    public var failureKind: DeliveryFailureKind {
        switch code {
        case .connectFailed, .timeout, .connectionLost, .rateLimited, .serverError, .transportFailed, .cancelled:
            .temporary
        case .rejected, .invalidMessage:
            .permanent
        default:
            .misconfigured
        }
    }

    /// Generic: the code and the HTTP status.
    public var description: String {
        var text = "SMS gateway delivery failed: \(code)"
        if let statusCode { text += " (HTTP \(statusCode))" }
        return text
    }

    /// ``description`` plus the retry delay, the transport error code and the detail.
    public var debugDescription: String {
        var text = description
        if let retryAfter { text += "; retry after \(retryAfter.components.seconds) s" }
        if let transportErrorCode { text += "; URLError \(transportErrorCode)" }
        if let detail { text += "; \(detail)" }
        return text
    }

    /// The error for an HTTP status, or `nil` for 2xx.
    static func classify(status: Int, retryAfter: Duration? = nil) -> SMSGatewayError? {
        let code: Code
        switch status {
        case 200..<300: return nil
        case 429: code = .rateLimited
        case 408, 500..<600: code = .serverError
        case 401, 403: code = .unauthorised
        case 404, 405, 300..<400: code = .wrongEndpoint
        case 400..<500: code = .rejected
        default: code = .unexpectedStatus
        }
        return SMSGatewayError(code, statusCode: status, retryAfter: retryAfter)
    }

    /// The error for a transport failure reported by URLSession.
    static func classify(_ error: URLError) -> SMSGatewayError {
        let code: Code
        switch error.code {
        case .timedOut: code = .timeout
        case .cannotConnectToHost, .cannotFindHost, .dnsLookupFailed, .notConnectedToInternet:
            code = .connectFailed
        case .networkConnectionLost: code = .connectionLost
        case .cancelled: code = .cancelled
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate, .serverCertificateNotYetValid,
             .serverCertificateHasUnknownRoot, .clientCertificateRejected, .clientCertificateRequired:
            code = .secureConnectionFailed
        default: code = .transportFailed
        }
        return SMSGatewayError(code, transportErrorCode: error.errorCode)
    }
}
