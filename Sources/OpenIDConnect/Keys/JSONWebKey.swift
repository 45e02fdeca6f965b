/// One public signing key from a provider's JWKS (RFC 7517): RSA (`n`, `e`, at least 2048 bits) or
/// EC on P-256 (`x`, `y`). Keys of any other type or curve are not represented (the set skips them).
public struct JSONWebKey: Sendable {
    /// `kid`: the name tokens use to pick this key.
    public let keyID: String?
    /// `alg`: the one algorithm this key is for, if the provider says.
    public let algorithm: String?
    /// `use`: `sig` for signing keys, if the provider says.
    public let use: String?
    /// `kty`: `RSA` or `EC`.
    public let keyType: String
    /// `key_ops`, if the provider says.
    let operations: [String]?
    /// The key itself, held by libcrypto.
    let publicKey: PublicKey

    /// The smallest RSA modulus accepted (NIST SP 800-131A).
    static let minimumRSABits = 2048

    /// The key a JWK object describes, or nil when it is not a usable public RSA or P-256 key.
    init?(_ members: [String: JSONValue]) {
        guard let keyType = members["kty"]?.string else { return nil }
        // Optional members must be of the right type when present: a key we misread is no key.
        for name in ["kid", "alg", "use"] where members[name] != nil && members[name]?.string == nil { return nil }
        var operations: [String]?
        if let value = members["key_ops"] {
            guard case .array(let elements) = value else { return nil }
            operations = elements.compactMap(\.string)
            guard operations?.count == elements.count else { return nil }
        }
        let component = { (name: String) in members[name]?.string.flatMap { Base64URL.decode($0) } }
        do {
            switch keyType {
            case "RSA":
                guard let n = component("n"), let e = component("e") else { return nil }
                let key = try PublicKey(rsaModulus: n, exponent: e)
                guard key.bits >= Self.minimumRSABits else { return nil }
                publicKey = key
            case "EC":
                guard members["crv"]?.string == "P-256", let x = component("x"), let y = component("y") else { return nil }
                publicKey = try PublicKey(p256X: x, y: y)
            default:
                return nil
            }
        } catch {
            return nil
        }
        self.keyType = keyType
        self.keyID = members["kid"]?.string
        self.algorithm = members["alg"]?.string
        self.use = members["use"]?.string
        self.operations = operations
    }

    /// Whether this key may verify a token signed with `algorithm`: the key type is the algorithm's,
    /// `alg` (when given) is the algorithm, `use` (when given) is `sig`, and `key_ops` (when given)
    /// includes `verify`.
    func fits(_ algorithm: SigningAlgorithm) -> Bool {
        publicKey.kind == algorithm.keyKind
            && (self.algorithm == nil || self.algorithm == algorithm.rawValue)
            && (use == nil || use == "sig")
            && (operations == nil || operations?.contains("verify") == true)
    }
}
