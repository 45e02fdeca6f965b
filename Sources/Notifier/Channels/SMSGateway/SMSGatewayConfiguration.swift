public import Foundation

/// Where the SMS gateway is, how to authenticate, and the shape of its JSON body.
///
/// The token travels in the header ``tokenHeader`` as ``tokenPrefix`` followed by ``token``
/// (`Authorization: Bearer …` by default). The URL must be `https`, or `http` to a loopback host
/// (a test gateway, or a local forwarder), unless ``allowsUnencryptedHTTP`` is set: a token must not
/// cross a network in the clear by accident. `description` never shows the token.
public struct SMSGatewayConfiguration: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The endpoint the message is POSTed to.
    public var url: URL
    /// The secret the gateway issued.
    public var token: String
    /// The header that carries the token.
    public var tokenHeader: String
    /// What comes before the token in the header, e.g. `Bearer `.
    public var tokenPrefix: String
    /// The JSON body's shape.
    public var body: SMSBodyTemplate
    /// The sender name for `{{from}}` (e.g. `Kommunen`; operators limit it to 11 characters).
    public var sender: String?
    /// How long the whole request may take; rounded up to whole seconds (at least one), because
    /// FoundationNetworking on Linux keeps timeouts in whole seconds.
    public var timeout: Duration
    /// Whether `http` to a host that is not loopback is allowed.
    public var allowsUnencryptedHTTP: Bool

    /// Creates a configuration.
    public init(
        url: URL,
        token: String,
        tokenHeader: String = "Authorization",
        tokenPrefix: String = "Bearer ",
        body: SMSBodyTemplate = .standard,
        sender: String? = nil,
        timeout: Duration = .seconds(15),
        allowsUnencryptedHTTP: Bool = false
    ) {
        self.url = url
        self.token = token
        self.tokenHeader = tokenHeader
        self.tokenPrefix = tokenPrefix
        self.body = body
        self.sender = sender
        self.timeout = timeout
        self.allowsUnencryptedHTTP = allowsUnencryptedHTTP
    }

    /// The gateway's host and the header name; never the token.
    public var description: String { "SMS gateway at \(url.host ?? "?") (token in \(tokenHeader))" }
    /// As ``description``.
    public var debugDescription: String { description }
    /// No children, so `dump` does not print the token.
    public var customMirror: Mirror { Mirror(self, children: [:]) }

    /// Checks every value; throws ``SMSGatewayError/Code/invalidConfiguration``.
    func validate() throws(SMSGatewayError) {
        func invalid(_ detail: String) -> SMSGatewayError { SMSGatewayError(.invalidConfiguration, detail: detail) }
        guard let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty else { throw invalid("URL needs a scheme and a host") }
        switch scheme {
        case "https": break
        case "http":
            guard ServiceLinks.isLoopbackHost(host) || allowsUnencryptedHTTP else {
                throw invalid("plain http to a host that is not loopback; use https")
            }
        default:
            throw invalid("URL scheme must be https")
        }
        // A header name is an RFC 9110 token: letters, digits and a few symbols, nothing else.
        let tokenSymbols = "!#$%&'*+-.^_`|~".unicodeScalars
        let isHeaderName = tokenHeader.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || tokenSymbols.contains(scalar))
        }
        guard !tokenHeader.isEmpty, isHeaderName else {
            throw invalid("token header is not a valid header name")
        }
        guard !["content-type", "content-length", "host", "transfer-encoding", "connection"].contains(tokenHeader.lowercased()) else {
            throw invalid("token header would replace a header the request needs")
        }
        let headerValue = tokenPrefix + token
        guard !token.isEmpty, headerValue.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) else {
            throw invalid("token is empty or contains control characters")
        }
        if body.usesSender, sender?.isEmpty ?? true {
            throw invalid("body template uses {{from}} but no sender is configured")
        }
        guard timeout > .zero else { throw invalid("timeout must be positive") }
    }
}
