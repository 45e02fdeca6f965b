public import Foundation

extension ProviderDirectory {
    /// Exchanges an authorization code (authorization_code grant with code_verifier) at the token
    /// endpoint. A 4xx is ``OIDCError/Code/tokenEndpointRefused`` (with the OAuth error code, e.g.
    /// `invalid_grant`, in the debug text), any other non-200 ``OIDCError/Code/providerHTTPStatus``.
    public func exchange(
        code: String, verifier: String, redirectURI: String, clientID: String, clientSecret: String,
        authentication: ClientAuthentication, metadata: ProviderMetadata
    ) async throws(OIDCError) -> TokenResponse {
        let credentials = authentication.credentials(clientID: clientID, clientSecret: clientSecret)
        let form = [
            ("grant_type", "authorization_code"),
            ("code", code),
            ("redirect_uri", redirectURI),
            ("code_verifier", verifier),
        ] + credentials.form
        let (status, body) = try await http.post(metadata.tokenEndpoint, form: form, headers: credentials.headers)
        switch status {
        case 200:
            return try TokenResponse(json: body)
        case 400..<500:
            throw OIDCError(.tokenEndpointRefused, httpStatus: status, detail: TokenResponse.errorCode(in: body).map { "error \($0)" })
        default:
            throw OIDCError(.providerHTTPStatus, httpStatus: status, detail: "POST \(ProviderHTTP.endpoint(metadata.tokenEndpoint))")
        }
    }

    /// Convenience for the whole callback: discovery (cached), the code exchange, then the ID token
    /// verified with the cached keys, refetching once on an unknown `kid`. Returns the claims and the
    /// raw ID token (keep it only as `id_token_hint` for logout, sealed).
    public func completeSignIn(
        code: String, verifier: String, redirectURI: String, clientID: String, clientSecret: String,
        authentication: ClientAuthentication, issuer: String, nonce: String, now: Date = Date()
    ) async throws(OIDCError) -> (claims: IDTokenClaims, idToken: String) {
        let metadata = try await metadata(issuer: issuer)
        let response = try await exchange(
            code: code, verifier: verifier, redirectURI: redirectURI, clientID: clientID, clientSecret: clientSecret,
            authentication: authentication, metadata: metadata)
        let keys = try await keys(issuer: issuer, needing: IDTokenVerifier.keyID(of: response.idToken))
        let verifier = IDTokenVerifier(expectations: IDTokenExpectations(issuer: issuer, clientID: clientID, nonce: nonce, now: now))
        return (try verifier.verify(response.idToken, keys: keys), response.idToken)
    }
}
