/// Unguessable values for `state`, `nonce` and PKCE verifiers, from OpenSSL's CSPRNG (`RAND_bytes`).
public enum Randomness {
    /// `bytes` random bytes as base64url without padding (32 bytes: 43 characters, 256 bits).
    ///
    /// Stops the process if OpenSSL cannot produce random bytes: continuing with guessable values
    /// would hand out guessable sign-in bindings, and no caller could do anything better.
    public static func token(bytes: Int = 32) -> String {
        precondition(bytes > 0, "Randomness.token needs at least one byte")
        do {
            return Base64URL.encode(try LibCrypto.randomBytes(bytes))
        } catch {
            fatalError("OpenSSL's random generator failed: \(error)")
        }
    }
}
