/// The JWS algorithms an ID token may be signed with: the allow-list. Never `none`, never an HMAC
/// (`HS*`): with HMAC a public key would become a shared secret anyone can sign with.
public enum SigningAlgorithm: String, Sendable, CaseIterable {
    /// RSASSA-PKCS1-v1_5 with SHA-256 (Entra ID, AD FS, most providers).
    case rs256 = "RS256"
    /// ECDSA on P-256 with SHA-256.
    case es256 = "ES256"

    /// The only key type that verifies this algorithm.
    var keyKind: PublicKey.Kind {
        switch self {
        case .rs256: .rsa
        case .es256: .ellipticCurveP256
        }
    }

    /// The JWK `kty` of that key type.
    var keyType: String {
        switch self {
        case .rs256: "RSA"
        case .es256: "EC"
        }
    }
}
