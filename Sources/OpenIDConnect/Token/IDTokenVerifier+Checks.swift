import Foundation

extension IDTokenVerifier {
    // MARK: Header and signature

    /// `alg` must be one of ours and one the expectations allow.
    func checkAlgorithm(_ jws: CompactJWS) throws(OIDCError) -> SigningAlgorithm {
        guard let algorithm = SigningAlgorithm(rawValue: jws.algorithm), expectations.algorithms.contains(algorithm) else {
            throw OIDCError(.algorithmNotAllowed, detail: "alg \(OIDCError.quote(jws.algorithm))")
        }
        return algorithm
    }

    /// The keys that may verify the token: those with its `kid` (``OIDCError/Code/unknownKey`` when
    /// none), of which those fit for `algorithm` (``OIDCError/Code/keyAlgorithmMismatch`` when none).
    /// A token without `kid` may be verified by any key fit for the algorithm.
    static func signingKeys(named kid: String?, for algorithm: SigningAlgorithm, in keys: JSONWebKeySet) throws(OIDCError) -> [JSONWebKey] {
        let named = kid.map { kid in keys.keys.filter { $0.keyID == kid } } ?? keys.keys
        guard !named.isEmpty else {
            throw OIDCError(.unknownKey, detail: kid.map { "kid \(OIDCError.quote($0)) not in the key set" } ?? "empty key set")
        }
        let fit = named.filter { $0.fits(algorithm) }
        guard !fit.isEmpty else {
            if kid == nil { throw OIDCError(.unknownKey, detail: "no kid and no key for \(algorithm.rawValue)") }
            throw OIDCError(.keyAlgorithmMismatch, detail: "key \(OIDCError.quote(kid ?? "")) is not for \(algorithm.rawValue)")
        }
        return fit
    }

    /// The signature verifies with one of `candidates` (libcrypto).
    static func checkSignature(_ jws: CompactJWS, candidates: [JSONWebKey]) throws(OIDCError) {
        var failure = "no key"
        for key in candidates {
            do {
                try key.publicKey.verify(signature: jws.signature, of: jws.signingInput)
                return
            } catch {
                failure = error.description
            }
        }
        throw OIDCError(.badSignature, detail: failure)
    }

    // MARK: Claims

    /// The claim checks of OpenID Connect Core 3.1.3.7, run in this order by ``verify(_:keys:)``
    /// after the signature verified. `verify` runs `allCases`, and `run` switches over every case, so
    /// a check cannot be skipped, and a new one cannot be added without its body.
    enum ClaimCheck: CaseIterable {
        /// 2. `iss` equals the expected issuer exactly.
        case issuer
        /// 3. `aud` contains our client id.
        case audience
        /// 4–5. With several audiences `azp` is required; when present it equals our client id.
        case authorizedParty
        /// 9. `exp` is after now, less the skew.
        case expiry
        /// 10. `iat` is neither in the future nor older than the maximum age (each with the skew).
        case issuedAt
        /// `nbf`, when present, is not in the future (with the skew); refused as ``OIDCError/Code/issuedInFuture``.
        case notBefore
        /// 11. `nonce` equals ours (constant-time).
        case nonce
        /// `sub` is non-empty and at most 255 bytes (Core 2: "MUST NOT exceed 255 ASCII characters").
        case subject

        func run(on claims: IDTokenClaims, expecting expected: IDTokenExpectations) throws(OIDCError) {
            switch self {
            case .issuer:
                guard claims.issuer.isIdentical(to: expected.issuer) else {
                    throw OIDCError(.wrongIssuer, detail: "iss \(OIDCError.quote(claims.issuer)), expected \(OIDCError.quote(expected.issuer))")
                }
            case .audience:
                guard !expected.clientID.isEmpty, claims.audiences.contains(where: { $0.isIdentical(to: expected.clientID) }) else {
                    throw OIDCError(.wrongAudience, detail: "aud \(claims.audiences.map(OIDCError.quote)) lacks our client id")
                }
            case .authorizedParty:
                if let party = claims.authorizedParty {
                    guard party.isIdentical(to: expected.clientID) else {
                        throw OIDCError(.wrongAuthorizedParty, detail: "azp \(OIDCError.quote(party)) is not our client id")
                    }
                } else if claims.audiences.count > 1 {
                    throw OIDCError(.missingAuthorizedParty, detail: "\(claims.audiences.count) audiences and no azp")
                }
            case .expiry:
                guard claims.expiresAt > expected.now.addingTimeInterval(-expected.clockSkew) else {
                    throw OIDCError(.expired, detail: "exp \(OIDCError.seconds(expected.now.timeIntervalSince(claims.expiresAt))) s ago")
                }
            case .issuedAt:
                guard claims.issuedAt <= expected.now.addingTimeInterval(expected.clockSkew) else {
                    throw OIDCError(.issuedInFuture, detail: "iat \(OIDCError.seconds(claims.issuedAt.timeIntervalSince(expected.now))) s ahead")
                }
                guard claims.issuedAt >= expected.now.addingTimeInterval(-expected.maximumAge - expected.clockSkew) else {
                    throw OIDCError(.issuedTooLongAgo, detail: "iat \(OIDCError.seconds(expected.now.timeIntervalSince(claims.issuedAt))) s ago")
                }
            case .notBefore:
                if let notBefore = claims.notBefore, notBefore > expected.now.addingTimeInterval(expected.clockSkew) {
                    throw OIDCError(.issuedInFuture, detail: "nbf \(OIDCError.seconds(notBefore.timeIntervalSince(expected.now))) s ahead")
                }
            case .nonce:
                // The nonce itself is never quoted: it binds this sign-in to the browser that began it.
                guard let nonce = claims.nonce else { throw OIDCError(.wrongNonce, detail: "no nonce") }
                guard !expected.nonce.isEmpty, LibCrypto.constantTimeEqual(Array(nonce.utf8), Array(expected.nonce.utf8)) else {
                    throw OIDCError(.wrongNonce, detail: "nonce differs")
                }
            case .subject:
                guard !claims.subject.isEmpty, claims.subject.utf8.count <= 255 else {
                    throw OIDCError(.missingSubject, detail: "sub empty or \(claims.subject.utf8.count) bytes")
                }
            }
        }
    }
}
