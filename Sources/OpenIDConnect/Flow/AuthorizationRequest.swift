public import Foundation

/// The authorization code request with PKCE (OpenID Connect Core 3.1.2.1, RFC 7636 4.3): the URL the
/// browser is sent to.
public struct AuthorizationRequest: Sendable {
    /// The provider.
    public let metadata: ProviderMetadata
    /// Our client id.
    public let clientID: String
    /// Where the provider sends the browser back (`<WR_PUBLIC_URL>/auth/oidc/callback`).
    public let redirectURI: String
    /// The CSRF binding we check on the callback.
    public let state: String
    /// The value the ID token must carry back.
    public let nonce: String
    /// The PKCE S256 challenge (``PKCE/challenge``).
    public let codeChallenge: String
    /// `openid` plus any further scopes, space-separated.
    public let scope: String
    /// `prompt` (`login`, `select_account`, …), if any.
    public let prompt: String?

    /// A request; nothing is sent until the browser follows ``url``.
    public init(
        metadata: ProviderMetadata, clientID: String, redirectURI: String, state: String, nonce: String,
        codeChallenge: String, scope: String = "openid", prompt: String? = nil
    ) {
        self.metadata = metadata
        self.clientID = clientID
        self.redirectURI = redirectURI
        self.state = state
        self.nonce = nonce
        self.codeChallenge = codeChallenge
        self.scope = scope
        self.prompt = prompt
    }

    /// The authorization endpoint with `response_type=code`, `code_challenge_method=S256` and the
    /// values above, each percent-encoded; a query the endpoint already has is kept (RFC 6749 3.1).
    public var url: URL {
        var parameters = [
            ("response_type", "code"),
            ("client_id", clientID),
            ("redirect_uri", redirectURI),
            ("scope", scope),
            ("state", state),
            ("nonce", nonce),
            ("code_challenge", codeChallenge),
            ("code_challenge_method", "S256"),
        ]
        if let prompt { parameters.append(("prompt", prompt)) }
        let endpoint = metadata.authorizationEndpoint.absoluteString
        let base = endpoint.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
        let separator = base.contains("?") ? (base.hasSuffix("?") || base.hasSuffix("&") ? "" : "&") : "?"
        guard let url = URL(string: base + separator + FormEncoding.encode(parameters)) else {
            // The added query holds only unreserved characters, '=' and '&', and the endpoint was a URL.
            preconditionFailure("authorization URL could not be formed")
        }
        return url
    }
}
