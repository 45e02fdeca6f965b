/// Why a sign-in through an OpenID Connect provider failed.
///
/// `description` names the code only, so it is safe for any log. `debugDescription` adds a detail
/// (an HTTP status, which check failed and on what, libcrypto's message) but never a token, an
/// authorization code, a client secret, a PKCE verifier, a nonce or a subject: those are not even
/// handed to the error.
public struct OIDCError: Error, Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    /// What failed.
    public enum Code: String, Sendable, CaseIterable {
        // The provider: unreachable, slow, or a wrong answer.

        /// No connection to the provider (refused, unknown host, TLS failure, broken connection).
        case providerUnreachable
        /// The provider did not answer within the policy's timeout.
        case providerTimeout
        /// The provider answered with an HTTP status other than 200.
        case providerHTTPStatus
        /// The provider's answer exceeded the policy's size limit.
        case providerResponseTooLarge
        /// The provider answered with a redirect; redirects are never followed.
        case providerRedirected
        /// A URL (issuer, discovery endpoint) is not https, and not a permitted loopback http URL.
        case insecureTransport
        /// The discovery document is not valid JSON of the expected shape.
        case malformedDiscovery
        /// The discovery document's `issuer` differs from the configured issuer.
        case issuerMismatchInDiscovery
        /// The JWKS document is not valid JSON of the expected shape.
        case malformedKeySet
        /// The token endpoint refused the code exchange (a 4xx such as `invalid_grant`: a code used
        /// twice, a wrong PKCE verifier, a wrong client secret).
        case tokenEndpointRefused
        /// The token endpoint's answer is not a token response with an `id_token`.
        case malformedTokenResponse

        // The ID token.

        /// Not a compact JWS of three base64url parts with JSON header and payload, or a required
        /// claim (`exp`, `iat`) is missing or of the wrong type.
        case malformedToken
        /// The header's `alg` is not on the allow-list (`none` and every `HS*` never are).
        case algorithmNotAllowed
        /// No key in the provider's key set has the token's `kid`.
        case unknownKey
        /// The key named by `kid` does not fit the token's `alg` (e.g. an EC key for RS256).
        case keyAlgorithmMismatch
        /// The signature does not verify with the key.
        case badSignature
        /// `iss` is absent or differs from the expected issuer.
        case wrongIssuer
        /// `aud` is absent or does not contain our client id.
        case wrongAudience
        /// Several audiences but no `azp`.
        case missingAuthorizedParty
        /// `azp` is present and differs from our client id.
        case wrongAuthorizedParty
        /// `exp` is in the past (beyond the allowed clock skew).
        case expired
        /// `iat` is in the future (beyond the allowed clock skew).
        case issuedInFuture
        /// `iat` is older than the allowed maximum age.
        case issuedTooLongAgo
        /// `nonce` is absent or differs from the one we sent.
        case wrongNonce
        /// `sub` is absent, empty or longer than 255 bytes.
        case missingSubject
    }

    /// What failed.
    public let code: Code
    /// The provider's HTTP status, when the failure is an unexpected status.
    public let httpStatus: Int?
    /// Context without secrets, shown only by `debugDescription`.
    let detail: String?

    init(_ code: Code, httpStatus: Int? = nil, detail: String? = nil) {
        self.code = code
        self.httpStatus = httpStatus
        self.detail = detail
    }

    /// True for the provider-side failures (down, slow, wrong answer) as opposed to a rejected token.
    /// A refused code exchange counts as a provider-side failure: the provider said no.
    public var isProviderFailure: Bool {
        switch code {
        case .providerUnreachable, .providerTimeout, .providerHTTPStatus, .providerResponseTooLarge, .providerRedirected,
             .insecureTransport, .malformedDiscovery, .issuerMismatchInDiscovery, .malformedKeySet, .tokenEndpointRefused,
             .malformedTokenResponse:
            true
        case .malformedToken, .algorithmNotAllowed, .unknownKey, .keyAlgorithmMismatch, .badSignature, .wrongIssuer,
             .wrongAudience, .missingAuthorizedParty, .wrongAuthorizedParty, .expired, .issuedInFuture, .issuedTooLongAgo,
             .wrongNonce, .missingSubject:
            false
        }
    }

    /// Generic: the code, and the HTTP status when there is one.
    public var description: String {
        var text = "OpenID Connect sign-in failed: \(code.rawValue)"
        if let httpStatus { text += " (HTTP \(httpStatus))" }
        return text
    }

    /// ``description`` and the detail.
    public var debugDescription: String {
        guard let detail else { return description }
        return "\(description); \(detail)"
    }

    /// A value from a document or token, fit to be quoted in a detail: printable ASCII, at most 120
    /// characters, so a hostile provider cannot write lines or escape codes into a log.
    static func quote(_ value: String) -> String {
        let printable = value.unicodeScalars.prefix(120).map { $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F ? Character($0) : "?" }
        return "\"" + String(printable) + (value.unicodeScalars.count > 120 ? "…" : "") + "\""
    }

    /// A time difference for a detail, in whole seconds; never traps on a hostile `exp` of 1e300.
    static func seconds(_ interval: Double) -> String {
        interval.magnitude < 1e12 ? String(Int(interval)) : "over 1e12"
    }
}
