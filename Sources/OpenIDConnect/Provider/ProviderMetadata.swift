public import Foundation

/// A provider's discovery document (`<issuer>/.well-known/openid-configuration`, OpenID Connect
/// Discovery 1.0 section 3): where to send people, where to exchange codes, where the keys are.
public struct ProviderMetadata: Sendable, Equatable, Decodable {
    /// `issuer`: must equal the configured issuer exactly (checked by ``ProviderDirectory``).
    public let issuer: String
    /// `authorization_endpoint`: where the browser goes to sign in.
    public let authorizationEndpoint: URL
    /// `token_endpoint`: where we exchange the authorization code.
    public let tokenEndpoint: URL
    /// `jwks_uri`: the provider's public signing keys.
    public let jwksURI: URL
    /// `end_session_endpoint`: RP-initiated logout, when the provider offers it.
    public let endSessionEndpoint: URL?
    /// `id_token_signing_alg_values_supported`.
    public let idTokenSigningAlgValuesSupported: [String]?
    /// `code_challenge_methods_supported` (PKCE; `S256` expected).
    public let codeChallengeMethodsSupported: [String]?
    /// `token_endpoint_auth_methods_supported` (`client_secret_basic`, `client_secret_post`, …).
    public let tokenEndpointAuthMethodsSupported: [String]?

    /// Metadata given directly (tests, or a provider without discovery).
    public init(
        issuer: String, authorizationEndpoint: URL, tokenEndpoint: URL, jwksURI: URL, endSessionEndpoint: URL? = nil,
        idTokenSigningAlgValuesSupported: [String]? = nil, codeChallengeMethodsSupported: [String]? = nil,
        tokenEndpointAuthMethodsSupported: [String]? = nil
    ) {
        self.issuer = issuer
        self.authorizationEndpoint = authorizationEndpoint
        self.tokenEndpoint = tokenEndpoint
        self.jwksURI = jwksURI
        self.endSessionEndpoint = endSessionEndpoint
        self.idTokenSigningAlgValuesSupported = idTokenSigningAlgValuesSupported
        self.codeChallengeMethodsSupported = codeChallengeMethodsSupported
        self.tokenEndpointAuthMethodsSupported = tokenEndpointAuthMethodsSupported
    }

    enum CodingKeys: String, CodingKey {
        case issuer
        case authorizationEndpoint = "authorization_endpoint"
        case tokenEndpoint = "token_endpoint"
        case jwksURI = "jwks_uri"
        case endSessionEndpoint = "end_session_endpoint"
        case idTokenSigningAlgValuesSupported = "id_token_signing_alg_values_supported"
        case codeChallengeMethodsSupported = "code_challenge_methods_supported"
        case tokenEndpointAuthMethodsSupported = "token_endpoint_auth_methods_supported"
    }

    /// Parses a discovery document and checks it against `issuer` and `policy`: the `issuer` member
    /// equals the configured issuer exactly (``OIDCError/Code/issuerMismatchInDiscovery``), and every
    /// endpoint is a URL the policy allows (``OIDCError/Code/insecureTransport``).
    static func parse(_ json: Data, issuer: String, policy: ProviderHTTPPolicy) throws(OIDCError) -> ProviderMetadata {
        // The strict parser first: JSONDecoder would take the first of two `issuer` members.
        guard JSONValue.object(from: json) != nil else {
            throw OIDCError(.malformedDiscovery, detail: "not one strict JSON object")
        }
        let metadata: ProviderMetadata
        do {
            metadata = try JSONDecoder().decode(ProviderMetadata.self, from: json)
        } catch {
            throw OIDCError(.malformedDiscovery, detail: Self.decodingDetail(error))
        }
        guard metadata.issuer.isIdentical(to: issuer) else {
            throw OIDCError(.issuerMismatchInDiscovery, detail: "issuer \(OIDCError.quote(metadata.issuer)), expected \(OIDCError.quote(issuer))")
        }
        for endpoint in [metadata.authorizationEndpoint, metadata.tokenEndpoint, metadata.jwksURI] + [metadata.endSessionEndpoint].compactMap({ $0 }) {
            try policy.check(endpoint)
        }
        return metadata
    }

    /// Which member was wrong, without its value.
    private static func decodingDetail(_ error: any Error) -> String {
        switch error as? DecodingError {
        case .keyNotFound(let key, _)?: "no \(key.stringValue)"
        case .typeMismatch(_, let context)?, .valueNotFound(_, let context)?, .dataCorrupted(let context)?:
            "bad " + (context.codingPath.map(\.stringValue).joined(separator: ".").nilIfEmpty ?? "document")
        default: "not a JSON object"
        }
    }
}

extension String {
    /// nil for the empty string.
    fileprivate var nilIfEmpty: String? { isEmpty ? nil : self }
}
