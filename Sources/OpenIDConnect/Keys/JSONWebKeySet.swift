public import Foundation

/// A provider's public signing keys (its `jwks_uri` document, RFC 7517 section 5).
public struct JSONWebKeySet: Sendable {
    /// Larger documents are refused unread.
    static let maximumBytes = 1 << 20

    /// The usable keys. Members of other types (`oct`, `OKP`), curves, sizes under 2048 bits or with
    /// malformed values are skipped, so one odd key does not stop sign-in with the others.
    public let keys: [JSONWebKey]

    /// Parses a JWKS document; throws ``OIDCError/Code/malformedKeySet`` unless it is a JSON object
    /// with a `keys` array.
    public init(json: Data) throws(OIDCError) {
        guard json.count <= Self.maximumBytes else {
            throw OIDCError(.malformedKeySet, detail: "\(json.count) bytes")
        }
        guard let document = JSONValue.object(from: json) else {
            throw OIDCError(.malformedKeySet, detail: "not a JSON object")
        }
        guard case .array(let members)? = document["keys"] else {
            throw OIDCError(.malformedKeySet, detail: "no keys array")
        }
        keys = members.compactMap { member in
            guard case .object(let key) = member else { return nil }
            return JSONWebKey(key)
        }
    }

    /// A key with `kid` `id` (any key when `id` is nil) that may verify `algorithm`.
    public func key(id: String?, algorithm: SigningAlgorithm) -> JSONWebKey? {
        keys.first { (id == nil || $0.keyID == id) && $0.fits(algorithm) }
    }

    /// Whether some key has `kid` `id`.
    func contains(keyID id: String) -> Bool {
        keys.contains { $0.keyID == id }
    }
}
