public import Foundation

/// The claims of an ID token that passed every check (``IDTokenVerifier/verify(_:keys:)``).
///
/// Link a person by (``issuer``, ``subject``), never by e-mail or user name: those change, and
/// providers say not to authorise on them.
public struct IDTokenClaims: Sendable {
    /// `iss`: the provider, equal to the expected issuer.
    public let issuer: String
    /// `sub`: the provider's stable identifier for the person (pairwise per application at Entra ID).
    public let subject: String
    /// `aud`: the audiences; always contains our client id.
    public let audiences: [String]
    /// `azp`: the party the token was issued to; when present, our client id.
    public let authorizedParty: String?
    /// `exp`.
    public let expiresAt: Date
    /// `iat`.
    public let issuedAt: Date
    /// `nonce`: equal to the one we sent.
    public let nonce: String?
    /// Every claim of the payload, by name.
    let claims: [String: JSONValue]

    /// Takes the registered claims out of a payload, checking their types. An absent `iss`, `aud` or
    /// `sub` fails with the code of the check it would fail (``OIDCError/Code/wrongIssuer``,
    /// ``OIDCError/Code/wrongAudience``, ``OIDCError/Code/missingSubject``); anything else of the
    /// wrong shape is ``OIDCError/Code/malformedToken``.
    init(payload claims: [String: JSONValue]) throws(OIDCError) {
        guard let issuer = claims["iss"] else { throw OIDCError(.wrongIssuer, detail: "no iss") }
        guard let issuerText = issuer.string else { throw OIDCError(.malformedToken, detail: "iss is not a string") }
        guard let subject = claims["sub"] else { throw OIDCError(.missingSubject, detail: "no sub") }
        guard let subjectText = subject.string else { throw OIDCError(.malformedToken, detail: "sub is not a string") }
        guard let audience = claims["aud"] else { throw OIDCError(.wrongAudience, detail: "no aud") }
        let audiences: [String]
        switch audience {
        case .string(let single):
            audiences = [single]
        case .array(let values):
            let strings = values.compactMap(\.string)
            guard strings.count == values.count else { throw OIDCError(.malformedToken, detail: "aud holds a non-string") }
            audiences = strings
        default:
            throw OIDCError(.malformedToken, detail: "aud is neither a string nor an array")
        }
        guard let expiresAt = claims["exp"]?.numericDate else { throw OIDCError(.malformedToken, detail: "exp missing or not a number") }
        guard let issuedAt = claims["iat"]?.numericDate else { throw OIDCError(.malformedToken, detail: "iat missing or not a number") }
        if let notBefore = claims["nbf"], notBefore.numericDate == nil {
            throw OIDCError(.malformedToken, detail: "nbf is not a number")
        }
        if let party = claims["azp"], party.string == nil { throw OIDCError(.malformedToken, detail: "azp is not a string") }
        if let nonce = claims["nonce"], nonce.string == nil { throw OIDCError(.malformedToken, detail: "nonce is not a string") }

        self.issuer = issuerText
        self.subject = subjectText
        self.audiences = audiences
        self.authorizedParty = claims["azp"]?.string
        self.expiresAt = expiresAt
        self.issuedAt = issuedAt
        self.nonce = claims["nonce"]?.string
        self.claims = claims
    }

    /// `nbf`, when the token has one.
    var notBefore: Date? { claims["nbf"]?.numericDate }

    /// Any other claim as a string: JSON strings as is, integers as their decimal text; nil for
    /// absent, null, booleans, fractional numbers, arrays with ≠1 element, objects. An array of
    /// exactly one string or integer reads as that element (providers send single-valued claims
    /// either way).
    public func string(_ name: String) -> String? {
        guard let value = claims[name] else { return nil }
        if case .array(let elements) = value {
            guard elements.count == 1 else { return nil }
            return Self.scalarText(elements[0])
        }
        return Self.scalarText(value)
    }

    /// True when the claim is present but is an array of several values (e.g. an employee number
    /// claim matching several people): such a claim must not be used to pick one person.
    public func isMultiValued(_ name: String) -> Bool {
        if case .array(let elements)? = claims[name] { return elements.count > 1 }
        return false
    }

    private static func scalarText(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text): text
        case .integer(let number): String(number)
        default: nil
        }
    }
}
