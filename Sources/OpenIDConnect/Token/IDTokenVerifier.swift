/// Checks an ID token as OpenID Connect Core 1.0 section 3.1.3.7 asks, strictly and in a fixed order:
/// the shape, the algorithm against the allow-list, the key named by `kid` against that algorithm,
/// the signature with libcrypto, and only then the claims (``ClaimCheck``, every one of them, each
/// failing with its own ``OIDCError/Code``). Nothing can be switched off.
///
/// ```swift
/// let verifier = IDTokenVerifier(expectations: IDTokenExpectations(issuer: issuer, clientID: id, nonce: nonce))
/// let claims = try verifier.verify(idToken, keys: keySet)
/// ```
public struct IDTokenVerifier: Sendable {
    /// What the token must say.
    public let expectations: IDTokenExpectations

    /// A verifier for one sign-in.
    public init(expectations: IDTokenExpectations) {
        self.expectations = expectations
    }

    /// The token's claims after every check passed; throws the first check that failed.
    ///
    /// Parses the compact JWS; checks `alg` against the allow-list and against the key's `kty`/`alg`
    /// (so an HS256 token "signed" with an RSA public key as HMAC secret fails, and `alg: none`
    /// fails); finds the key by `kid`; verifies the signature with libcrypto; then `iss`, `aud`,
    /// `azp`, `exp`, `iat`, `nbf`, `nonce` and `sub`.
    public func verify(_ token: String, keys: JSONWebKeySet) throws(OIDCError) -> IDTokenClaims {
        let jws = try CompactJWS(token)
        let algorithm = try checkAlgorithm(jws)
        let candidates = try Self.signingKeys(named: jws.keyID, for: algorithm, in: keys)
        try Self.checkSignature(jws, candidates: candidates)
        let claims = try IDTokenClaims(payload: jws.payload)
        for check in ClaimCheck.allCases {
            try check.run(on: claims, expecting: expectations)
        }
        return claims
    }

    /// The `kid` named in the token's header, for a refetch decision (nil if absent or malformed).
    public static func keyID(of token: String) -> String? {
        try? CompactJWS(token).keyID
    }
}
