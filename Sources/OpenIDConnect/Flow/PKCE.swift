/// Proof Key for Code Exchange with the S256 method (RFC 7636): the verifier stays with us (in the
/// pre-login cookie's server-side record), the challenge goes in the authorization request, and the
/// token endpoint checks one against the other.
public struct PKCE: Sendable, Equatable {
    /// The code verifier: 32 random bytes as base64url, 43 characters of the unreserved set.
    public let verifier: String
    /// `BASE64URL(SHA256(ASCII(verifier)))`.
    public let challenge: String

    /// A fresh verifier and its challenge.
    public static func make() -> PKCE {
        let verifier = Randomness.token(bytes: 32)
        return PKCE(verifier: verifier, challenge: challenge(for: verifier))
    }

    /// The S256 challenge for `verifier` (RFC 7636 section 4.2).
    public static func challenge(for verifier: String) -> String {
        do {
            return Base64URL.encode(try LibCrypto.sha256(verifier.utf8))
        } catch {
            fatalError("OpenSSL's SHA-256 failed: \(error)")
        }
    }
}
