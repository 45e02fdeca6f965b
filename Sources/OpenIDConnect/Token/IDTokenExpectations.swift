public import Foundation

/// What an ID token must say to be accepted: who issued it, for which client, with which nonce,
/// when, and signed how.
public struct IDTokenExpectations: Sendable {
    /// The issuer exactly as discovered (`iss` must equal it byte for byte).
    public let issuer: String
    /// Our client id (`aud` must contain it; `azp`, when present, must equal it).
    public let clientID: String
    /// The nonce we sent in the authorization request.
    public let nonce: String
    /// The time to check `exp`, `iat` and `nbf` against.
    public let now: Date
    /// How far the provider's clock may differ from ours, in seconds.
    public let clockSkew: TimeInterval
    /// How old `iat` may be, in seconds (plus the skew): a token older than a sign-in takes is refused.
    public let maximumAge: TimeInterval
    /// The algorithms accepted; a subset of ``SigningAlgorithm``, so never `none` or HMAC.
    public let algorithms: Set<SigningAlgorithm>

    /// The expectations for one sign-in.
    public init(
        issuer: String, clientID: String, nonce: String, now: Date = Date(), clockSkew: TimeInterval = 120,
        maximumAge: TimeInterval = 600, algorithms: Set<SigningAlgorithm> = [.rs256, .es256]
    ) {
        self.issuer = issuer
        self.clientID = clientID
        self.nonce = nonce
        self.now = now
        self.clockSkew = max(0, clockSkew)
        self.maximumAge = max(0, maximumAge)
        self.algorithms = algorithms
    }
}
