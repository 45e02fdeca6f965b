import Foundation
@testable import OpenIDConnect

/// Mints ID tokens for tests: `make(...)` gives a valid token for ``expectations``; each argument
/// spoils one thing.
struct TokenFactory {
    static let issuer = "https://login.example.test/tenant"
    static let clientID = "workplace-routine"
    static let nonce = "n-0S6_WzA2Mj"
    /// A fixed "now", so no test depends on the clock.
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    /// The expectations the valid token meets.
    static func expectations(algorithms: Set<SigningAlgorithm> = [.rs256, .es256]) -> IDTokenExpectations {
        IDTokenExpectations(issuer: issuer, clientID: clientID, nonce: nonce, now: now, algorithms: algorithms)
    }

    /// The claims of a valid token, issued a moment ago and valid for five minutes.
    static func claims() -> [String: Any] {
        [
            "iss": issuer,
            "aud": clientID,
            "sub": "AAAAAAAAAAAAAAAAAAAAAIkzqFVrSaSaFHy782bbtaQ",
            "exp": Int(now.timeIntervalSince1970) + 300,
            "iat": Int(now.timeIntervalSince1970) - 5,
            "nonce": nonce,
        ]
    }

    /// Marks a member to leave out (``NSNull`` writes JSON `null`).
    struct Absent {}
    static let absent = Absent()

    /// A signed compact JWS. `change` edits the claims (``absent`` removes one); `header` edits the
    /// header (same rule).
    static func make(
        key: TestKey = .rsa, change: [String: Any] = [:], header: [String: Any] = [:]
    ) -> String {
        var claims = claims()
        apply(change, to: &claims)
        var protected: [String: Any] = ["alg": key.algorithm, "kid": key.id, "typ": "JWT"]
        apply(header, to: &protected)
        return sign(header: protected, claims: claims, with: key)
    }

    /// A compact JWS of exactly these members, signed with `key`.
    static func sign(header: [String: Any], claims: [String: Any], with key: TestKey) -> String {
        let input = signingInput(header: header, claims: claims)
        return input + "." + Base64URL.encode(key.sign(Array(input.utf8)))
    }

    /// `BASE64URL(header) . BASE64URL(claims)`.
    static func signingInput(header: [String: Any], claims: [String: Any]) -> String {
        encodeJSON(header) + "." + encodeJSON(claims)
    }

    static func encodeJSON(_ object: [String: Any]) -> String {
        Base64URL.encode(try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]))
    }

    /// A key set document holding `keys`' public JWKs.
    static func keySetJSON(_ keys: [[String: Any]]) -> Data {
        try! JSONSerialization.data(withJSONObject: ["keys": keys], options: [.sortedKeys])
    }

    /// The key set with the RSA and the EC test keys.
    static func keySet() -> JSONWebKeySet {
        try! JSONWebKeySet(json: keySetJSON([TestKey.rsa.jwk(), TestKey.ec.jwk()]))
    }

    private static func apply(_ change: [String: Any], to object: inout [String: Any]) {
        for (name, value) in change {
            object[name] = value is Absent ? nil : value
        }
    }
}
