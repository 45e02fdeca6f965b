import Foundation
import Testing
@testable import OpenIDConnect

/// Every check of OpenID Connect Core 3.1.3.7 against tokens minted with throwaway keys: one valid
/// token per algorithm, then one spoiled thing per test, each refused with its own code.
@Suite struct IDTokenVerifierTests {
    let keys = TokenFactory.keySet()

    /// The code `token` is refused with, or nil when it is accepted.
    func refusal(_ token: String, expectations: IDTokenExpectations = TokenFactory.expectations(), keys: JSONWebKeySet? = nil) -> OIDCError.Code? {
        do {
            _ = try IDTokenVerifier(expectations: expectations).verify(token, keys: keys ?? self.keys)
            return nil
        } catch {
            return error.code
        }
    }

    // MARK: Valid tokens

    @Test func acceptsAValidRS256Token() throws {
        let claims = try IDTokenVerifier(expectations: TokenFactory.expectations()).verify(TokenFactory.make(key: .rsa), keys: keys)
        #expect(claims.issuer == TokenFactory.issuer)
        #expect(claims.subject == "AAAAAAAAAAAAAAAAAAAAAIkzqFVrSaSaFHy782bbtaQ")
        #expect(claims.audiences == [TokenFactory.clientID])
        #expect(claims.nonce == TokenFactory.nonce)
        #expect(claims.authorizedParty == nil)
        #expect(claims.expiresAt == TokenFactory.now.addingTimeInterval(300))
        #expect(claims.issuedAt == TokenFactory.now.addingTimeInterval(-5))
    }

    @Test func acceptsAValidES256Token() throws {
        let claims = try IDTokenVerifier(expectations: TokenFactory.expectations()).verify(TokenFactory.make(key: .ec), keys: keys)
        #expect(claims.subject == "AAAAAAAAAAAAAAAAAAAAAIkzqFVrSaSaFHy782bbtaQ")
    }

    @Test func acceptsTheAudienceAsAStringOrAnArray() throws {
        #expect(refusal(TokenFactory.make(change: ["aud": TokenFactory.clientID])) == nil)
        #expect(refusal(TokenFactory.make(change: ["aud": [TokenFactory.clientID]])) == nil)
        let both = try IDTokenVerifier(expectations: TokenFactory.expectations())
            .verify(TokenFactory.make(change: ["aud": ["other-api", TokenFactory.clientID], "azp": TokenFactory.clientID]), keys: keys)
        #expect(both.audiences == ["other-api", TokenFactory.clientID])
        #expect(both.authorizedParty == TokenFactory.clientID)
    }

    @Test func acceptsATokenWithoutKidWhenAKeyFits() {
        #expect(refusal(TokenFactory.make(key: .rsa, header: ["kid": TokenFactory.absent])) == nil)
        #expect(refusal(TokenFactory.make(key: .ec, header: ["kid": TokenFactory.absent])) == nil)
    }

    @Test func acceptsTimesWithinTheClockSkew() {
        let now = Int(TokenFactory.now.timeIntervalSince1970)
        #expect(refusal(TokenFactory.make(change: ["exp": now - 119])) == nil)
        #expect(refusal(TokenFactory.make(change: ["iat": now + 119])) == nil)
        #expect(refusal(TokenFactory.make(change: ["iat": now - 600 - 119])) == nil)
        #expect(refusal(TokenFactory.make(change: ["nbf": now + 119])) == nil)
        #expect(refusal(TokenFactory.make(change: ["exp": Double(now) + 0.5, "iat": Double(now) - 0.25])) == nil)
    }

    // MARK: Issuer, audience, authorised party

    @Test func refusesAnotherIssuer() {
        #expect(refusal(TokenFactory.make(change: ["iss": "https://evil.example.test/tenant"])) == .wrongIssuer)
        #expect(refusal(TokenFactory.make(change: ["iss": TokenFactory.issuer + "/"])) == .wrongIssuer)
        #expect(refusal(TokenFactory.make(change: ["iss": TokenFactory.issuer.uppercased()])) == .wrongIssuer)
        #expect(refusal(TokenFactory.make(change: ["iss": TokenFactory.absent])) == .wrongIssuer)
        // Canonically equivalent is not equal: "é" precomposed in the expectation, decomposed in the token.
        let precomposed = IDTokenExpectations(issuer: "https://login.example.test/t\u{E9}", clientID: TokenFactory.clientID, nonce: TokenFactory.nonce, now: TokenFactory.now)
        #expect(refusal(TokenFactory.make(change: ["iss": "https://login.example.test/te\u{301}"]), expectations: precomposed) == .wrongIssuer)
        #expect(refusal(TokenFactory.make(change: ["iss": "https://login.example.test/t\u{E9}"]), expectations: precomposed) == nil)
    }

    @Test func refusesAnotherAudience() {
        #expect(refusal(TokenFactory.make(change: ["aud": "another-app"])) == .wrongAudience)
        #expect(refusal(TokenFactory.make(change: ["aud": ["another-app"]])) == .wrongAudience)
        #expect(refusal(TokenFactory.make(change: ["aud": [String]()])) == .wrongAudience)
        #expect(refusal(TokenFactory.make(change: ["aud": TokenFactory.absent])) == .wrongAudience)
        #expect(refusal(TokenFactory.make(change: ["aud": "workplace-routine "])) == .wrongAudience)
    }

    @Test func refusesSeveralAudiencesWithoutAuthorizedParty() {
        #expect(refusal(TokenFactory.make(change: ["aud": [TokenFactory.clientID, "other-api"]])) == .missingAuthorizedParty)
    }

    @Test func refusesAnAuthorizedPartyOtherThanUs() {
        #expect(refusal(TokenFactory.make(change: ["aud": [TokenFactory.clientID, "other-api"], "azp": "other-api"])) == .wrongAuthorizedParty)
        #expect(refusal(TokenFactory.make(change: ["azp": "other-api"])) == .wrongAuthorizedParty)
    }

    @Test func refusesAnEmptyConfiguredClientEvenIfTheTokenNamesIt() {
        let expectations = IDTokenExpectations(issuer: TokenFactory.issuer, clientID: "", nonce: TokenFactory.nonce, now: TokenFactory.now)
        #expect(refusal(TokenFactory.make(change: ["aud": ""]), expectations: expectations) == .wrongAudience)
    }

    // MARK: Time

    @Test func refusesAnExpiredToken() {
        let now = Int(TokenFactory.now.timeIntervalSince1970)
        #expect(refusal(TokenFactory.make(change: ["exp": now - 121])) == .expired)
        #expect(refusal(TokenFactory.make(change: ["exp": -1e300])) == .expired)
    }

    @Test func refusesATokenIssuedInTheFuture() {
        let now = Int(TokenFactory.now.timeIntervalSince1970)
        #expect(refusal(TokenFactory.make(change: ["iat": now + 121, "exp": now + 900])) == .issuedInFuture)
        #expect(refusal(TokenFactory.make(change: ["iat": 1e300, "exp": 1e300])) == .issuedInFuture)
    }

    @Test func refusesATokenNotYetValid() {
        let now = Int(TokenFactory.now.timeIntervalSince1970)
        #expect(refusal(TokenFactory.make(change: ["nbf": now + 121])) == .issuedInFuture)
    }

    @Test func refusesATokenIssuedTooLongAgo() {
        let now = Int(TokenFactory.now.timeIntervalSince1970)
        #expect(refusal(TokenFactory.make(change: ["iat": now - 600 - 121])) == .issuedTooLongAgo)
        let strict = IDTokenExpectations(issuer: TokenFactory.issuer, clientID: TokenFactory.clientID, nonce: TokenFactory.nonce,
                                         now: TokenFactory.now, clockSkew: 0, maximumAge: 60)
        #expect(refusal(TokenFactory.make(change: ["iat": now - 61]), expectations: strict) == .issuedTooLongAgo)
        #expect(refusal(TokenFactory.make(change: ["iat": now - 59]), expectations: strict) == nil)
    }

    @Test func refusesMissingOrNonNumericTimes() {
        #expect(refusal(TokenFactory.make(change: ["exp": TokenFactory.absent])) == .malformedToken)
        #expect(refusal(TokenFactory.make(change: ["iat": TokenFactory.absent])) == .malformedToken)
        #expect(refusal(TokenFactory.make(change: ["exp": "1800000300"])) == .malformedToken)
        #expect(refusal(TokenFactory.make(change: ["iat": NSNull()])) == .malformedToken)
        #expect(refusal(TokenFactory.make(change: ["nbf": true])) == .malformedToken)
    }

    // MARK: Nonce and subject

    @Test func refusesAnotherNonce() {
        #expect(refusal(TokenFactory.make(change: ["nonce": "n-0S6_WzA2Mk"])) == .wrongNonce)
        #expect(refusal(TokenFactory.make(change: ["nonce": TokenFactory.nonce + "x"])) == .wrongNonce)
        #expect(refusal(TokenFactory.make(change: ["nonce": ""])) == .wrongNonce)
    }

    @Test func refusesAMissingNonce() {
        #expect(refusal(TokenFactory.make(change: ["nonce": TokenFactory.absent])) == .wrongNonce)
    }

    @Test func refusesAnEmptyExpectedNonceEvenIfTheTokenHasOne() {
        let expectations = IDTokenExpectations(issuer: TokenFactory.issuer, clientID: TokenFactory.clientID, nonce: "", now: TokenFactory.now)
        #expect(refusal(TokenFactory.make(change: ["nonce": ""]), expectations: expectations) == .wrongNonce)
    }

    @Test func refusesAMissingEmptyOrOverlongSubject() {
        #expect(refusal(TokenFactory.make(change: ["sub": TokenFactory.absent])) == .missingSubject)
        #expect(refusal(TokenFactory.make(change: ["sub": ""])) == .missingSubject)
        #expect(refusal(TokenFactory.make(change: ["sub": String(repeating: "a", count: 256)])) == .missingSubject)
        #expect(refusal(TokenFactory.make(change: ["sub": String(repeating: "a", count: 255)])) == nil)
        #expect(refusal(TokenFactory.make(change: ["sub": 12345])) == .malformedToken)
    }

    // MARK: Algorithm and key

    @Test func refusesAlgNone() {
        for alg in ["none", "None", "NONE", "nOnE"] {
            let unsigned = TokenFactory.signingInput(header: ["alg": alg, "typ": "JWT"], claims: TokenFactory.claims()) + "."
            #expect(refusal(unsigned) == .algorithmNotAllowed, "alg \(alg)")
            // The same with a real signature left on it.
            let signed = TokenFactory.make(header: ["alg": alg])
            #expect(refusal(signed) == .algorithmNotAllowed, "alg \(alg), signed")
        }
    }

    @Test func refusesHS256SignedWithTheProvidersPublicKey() {
        // The classic key confusion: the attacker takes the provider's public RSA key, in any form a
        // library might use as an HMAC secret, and "signs" with HMAC.
        let secrets: [(String, [UInt8])] = [
            ("PEM", Array(TestKey.rsa.publicKeyPEM.utf8)),
            ("DER", TestKey.rsa.publicKeyDER),
            ("modulus", TestKey.rsa.parameter("n")),
            ("JWK", Array(String(data: TokenFactory.keySetJSON([TestKey.rsa.jwk()]), encoding: .utf8)!.utf8)),
        ]
        for alg in ["HS256", "HS384", "HS512"] {
            for (form, secret) in secrets {
                let input = TokenFactory.signingInput(header: ["alg": alg, "kid": TestKey.rsa.id, "typ": "JWT"], claims: TokenFactory.claims())
                let token = input + "." + Base64URL.encode(hmacSHA256(Array(input.utf8), secret: secret))
                #expect(refusal(token) == .algorithmNotAllowed, "\(alg) with the \(form) public key")
            }
        }
    }

    @Test func refusesOtherAlgorithmsOnTheWayToAnRSAKey() {
        for alg in ["RS384", "RS512", "PS256", "ES384", "EdDSA", "rs256", ""] {
            #expect(refusal(TokenFactory.make(header: ["alg": alg])) == .algorithmNotAllowed, "alg \(alg)")
        }
    }

    @Test func refusesAnAlgorithmTheExpectationsLeaveOut() {
        let onlyRSA = TokenFactory.expectations(algorithms: [.rs256])
        #expect(refusal(TokenFactory.make(key: .ec), expectations: onlyRSA) == .algorithmNotAllowed)
        #expect(refusal(TokenFactory.make(key: .rsa), expectations: onlyRSA) == nil)
        #expect(refusal(TokenFactory.make(key: .rsa), expectations: TokenFactory.expectations(algorithms: [])) == .algorithmNotAllowed)
    }

    @Test func refusesAnUnknownKid() {
        #expect(refusal(TokenFactory.make(header: ["kid": "rsa-unknown"])) == .unknownKey)
        #expect(refusal(TokenFactory.make(key: .rotated)) == .unknownKey)
        let empty = try! JSONWebKeySet(json: Data(#"{"keys":[]}"#.utf8))
        #expect(refusal(TokenFactory.make(header: ["kid": TokenFactory.absent]), keys: empty) == .unknownKey)
    }

    @Test func refusesTheKidOfAnECKeyWithAnRS256Header() {
        // Signed with the RSA key, but naming the EC key: the key does not fit the algorithm.
        #expect(refusal(TokenFactory.make(key: .rsa, header: ["kid": TestKey.ec.id])) == .keyAlgorithmMismatch)
        #expect(refusal(TokenFactory.make(key: .ec, header: ["kid": TestKey.rsa.id])) == .keyAlgorithmMismatch)
    }

    @Test func refusesAKeyWhoseJWKRestrictsItToAnotherUse() throws {
        let restricted: [[String: Any]] = [
            TestKey.rsa.jwk(kid: "for-rs384", extra: ["alg": "RS384"]),
            TestKey.rsa.jwk(kid: "for-encryption", extra: ["use": "enc"]),
            TestKey.rsa.jwk(kid: "sign-only", extra: ["key_ops": ["sign"]]),
        ]
        let keys = try JSONWebKeySet(json: TokenFactory.keySetJSON(restricted))
        for kid in ["for-rs384", "for-encryption", "sign-only"] {
            #expect(refusal(TokenFactory.make(header: ["kid": kid]), keys: keys) == .keyAlgorithmMismatch, "kid \(kid)")
        }
        let allowed = try JSONWebKeySet(json: TokenFactory.keySetJSON([
            TestKey.rsa.jwk(extra: ["alg": "RS256", "use": "sig", "key_ops": ["verify"]]),
        ]))
        #expect(refusal(TokenFactory.make(), keys: allowed) == nil)
    }

    // MARK: Signature

    @Test func refusesATamperedPayload() {
        for key in [TestKey.rsa, TestKey.ec] {
            let token = TokenFactory.make(key: key)
            let parts = token.split(separator: ".").map(String.init)
            var claims = TokenFactory.claims()
            claims["sub"] = "someone-else"
            let forged = parts[0] + "." + TokenFactory.encodeJSON(claims) + "." + parts[2]
            #expect(refusal(forged) == .badSignature, "\(key.algorithm)")
        }
    }

    @Test func refusesATamperedSignature() throws {
        for key in [TestKey.rsa, TestKey.ec] {
            let parts = TokenFactory.make(key: key).split(separator: ".").map(String.init)
            var signature = try #require(Base64URL.decode(parts[2]))
            signature[signature.count / 2] ^= 0x01
            #expect(refusal(parts[0] + "." + parts[1] + "." + Base64URL.encode(signature)) == .badSignature, "\(key.algorithm)")
            #expect(refusal(parts[0] + "." + parts[1] + "." + Base64URL.encode(signature.dropLast())) == .badSignature, "\(key.algorithm) short")
            #expect(refusal(parts[0] + "." + parts[1] + ".") == .badSignature, "\(key.algorithm) empty")
        }
    }

    @Test func refusesASignatureByAnotherKeyUnderAKnownKid() {
        #expect(refusal(TokenFactory.make(key: .rotated, header: ["kid": TestKey.rsa.id])) == .badSignature)
    }

    @Test func refusesAnES256SignatureInDERForm() throws {
        let token = TokenFactory.make(key: .ec)
        let parts = token.split(separator: ".").map(String.init)
        let raw = try #require(Base64URL.decode(parts[2]))
        // r‖s re-encoded as an ASN.1 SEQUENCE of two positive INTEGERs: what JWS forbids.
        func integer(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
            let value = (bytes.first! & 0x80 != 0 ? [0] : []) + Array(bytes)
            return [0x02, UInt8(value.count)] + value
        }
        let body = integer(raw[0..<32]) + integer(raw[32..<64])
        let der = [0x30, UInt8(body.count)] + body
        #expect(refusal(parts[0] + "." + parts[1] + "." + Base64URL.encode(der)) == .badSignature)
    }

    // MARK: Shape

    @Test func refusesGarbageOfManyShapes() {
        let valid = TokenFactory.make()
        let parts = valid.split(separator: ".").map(String.init)
        let shapes: [(String, String)] = [
            ("empty", ""),
            ("one part", "abc"),
            ("two parts", parts[0] + "." + parts[1]),
            ("four parts", valid + ".AAAA"),
            ("five parts (JWE)", valid + ".AAAA.BBBB"),
            ("empty header", "." + parts[1] + "." + parts[2]),
            ("empty payload", parts[0] + ".." + parts[2]),
            ("padding", parts[0] + "=." + parts[1] + "." + parts[2]),
            ("standard base64", parts[0] + "." + parts[1] + "." + parts[2].replacingOccurrences(of: "-", with: "+") + "+/"),
            ("white space", parts[0] + ". " + parts[1] + "." + parts[2]),
            ("line break", parts[0] + "\n." + parts[1] + "." + parts[2]),
            ("non-ASCII", parts[0] + "." + parts[1] + "é." + parts[2]),
            ("length 1 mod 4", parts[0] + "." + parts[1] + "A." + parts[2]),
            ("dots only", ".."),
            ("header not JSON", Base64URL.encode(Array("not json".utf8)) + "." + parts[1] + "." + parts[2]),
            ("header an array", Base64URL.encode(Array("[1]".utf8)) + "." + parts[1] + "." + parts[2]),
            ("payload null", parts[0] + "." + Base64URL.encode(Array("null".utf8)) + "." + parts[2]),
            ("payload a string", parts[0] + "." + Base64URL.encode(Array("\"x\"".utf8)) + "." + parts[2]),
            ("huge but validly signed", TokenFactory.make(change: ["groups": String(repeating: "g", count: 70_000)])),
            ("NUL", parts[0] + "\u{0}." + parts[1] + "." + parts[2]),
        ]
        for (name, token) in shapes {
            #expect(refusal(token) == .malformedToken, "\(name)")
        }
    }

    @Test func refusesANonCanonicalBase64URLEncoding() throws {
        let valid = TokenFactory.make(key: .ec)
        var parts = valid.split(separator: ".").map(String.init)
        // 64 bytes encode as 86 characters, the last carrying 4 unused bits: set one of them.
        let last = try #require(parts[2].last)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        let index = try #require(alphabet.firstIndex(of: last))
        parts[2] = String(parts[2].dropLast()) + String(alphabet[index | 0x01])
        #expect(parts[2] != valid.split(separator: ".").map(String.init)[2])
        #expect(refusal(parts.joined(separator: ".")) == .malformedToken)
    }

    @Test func refusesAHeaderWithoutAlgOrWithCriticalExtensions() {
        #expect(refusal(TokenFactory.make(header: ["alg": TokenFactory.absent])) == .malformedToken)
        #expect(refusal(TokenFactory.make(header: ["alg": 256])) == .malformedToken)
        #expect(refusal(TokenFactory.make(header: ["kid": 1])) == .malformedToken)
        #expect(refusal(TokenFactory.make(header: ["crit": ["exp"], "exp": 1])) == .malformedToken)
        #expect(refusal(TokenFactory.make(header: ["b64": false, "crit": ["b64"]])) == .malformedToken)
    }

    @Test func refusesClaimsOfTheWrongType() {
        #expect(refusal(TokenFactory.make(change: ["iss": 1])) == .malformedToken)
        #expect(refusal(TokenFactory.make(change: ["aud": 1])) == .malformedToken)
        #expect(refusal(TokenFactory.make(change: ["aud": [TokenFactory.clientID, 1]])) == .malformedToken)
        #expect(refusal(TokenFactory.make(change: ["azp": ["x"]])) == .malformedToken)
        #expect(refusal(TokenFactory.make(change: ["nonce": 1])) == .malformedToken)
    }

    // MARK: Order

    @Test func checksTheSignatureBeforeAnyClaim() {
        // A forged token with every claim wrong reports the signature, not a claim: claims of an
        // unverified token are never looked at.
        let token = TokenFactory.make(key: .rotated, change: ["iss": "x", "aud": "y", "exp": 0, "nonce": "z"], header: ["kid": TestKey.rsa.id])
        #expect(refusal(token) == .badSignature)
    }

    // MARK: keyID(of:)

    @Test func readsTheKidOfAToken() {
        #expect(IDTokenVerifier.keyID(of: TokenFactory.make(key: .rotated)) == "rsa-2")
        #expect(IDTokenVerifier.keyID(of: TokenFactory.make(header: ["kid": TokenFactory.absent])) == nil)
        #expect(IDTokenVerifier.keyID(of: "garbage") == nil)
        #expect(IDTokenVerifier.keyID(of: TokenFactory.make(header: ["kid": 7])) == nil)
    }
}

extension IDTokenVerifierTests {
    @Test func neverPutsTheTokenTheNonceOrTheSubjectIntoAnError() {
        let secretNonce = "nonce-that-must-not-leak-1234567890"
        let subject = "subject-that-must-not-leak"
        let expectations = IDTokenExpectations(issuer: TokenFactory.issuer, clientID: TokenFactory.clientID, nonce: secretNonce, now: TokenFactory.now)
        let tokens = [
            TokenFactory.make(change: ["nonce": secretNonce + "x", "sub": subject]),
            TokenFactory.make(change: ["nonce": TokenFactory.absent, "sub": subject]),
            TokenFactory.make(change: ["sub": subject + String(repeating: "s", count: 300), "nonce": secretNonce]),
            TokenFactory.make(key: .rotated, change: ["sub": subject], header: ["kid": TestKey.rsa.id]),
        ]
        for token in tokens {
            do {
                _ = try IDTokenVerifier(expectations: expectations).verify(token, keys: keys)
                Issue.record("accepted")
            } catch {
                for text in [error.description, error.debugDescription] {
                    #expect(!text.contains(secretNonce))
                    #expect(!text.contains(subject))
                    for part in token.split(separator: ".") { #expect(!text.contains(part)) }
                }
            }
        }
    }
}

extension IDTokenVerifierTests {
    @Test func verifiesConcurrentlyWithOneSharedKeySet() async throws {
        // One EVP_PKEY per key, shared by every request's verification.
        let keys = self.keys
        let tokens = (0..<64).map { TokenFactory.make(key: $0.isMultiple(of: 2) ? .rsa : .ec, change: ["sid": "session-\($0)"]) }
        let verified = try await withThrowingTaskGroup(of: String?.self) { group in
            for token in tokens {
                group.addTask { try IDTokenVerifier(expectations: TokenFactory.expectations()).verify(token, keys: keys).string("sid") }
            }
            return try await group.reduce(into: Set<String>()) { if let sid = $1 { $0.insert(sid) } }
        }
        #expect(verified == Set((0..<64).map { "session-\($0)" }))
    }
}
