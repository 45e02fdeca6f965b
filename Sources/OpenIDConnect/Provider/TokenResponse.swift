import Foundation

/// The token endpoint's successful answer (RFC 6749 5.1, OpenID Connect Core 3.1.3.3).
public struct TokenResponse: Sendable {
    /// `id_token`: not yet verified; pass it to ``IDTokenVerifier``.
    public let idToken: String
    /// `access_token`, if any; we call no API with it.
    public let accessToken: String?

    /// Parses a 200 answer: a JSON object with `token_type` `Bearer` (in any case) and a non-empty
    /// `id_token` string; throws ``OIDCError/Code/malformedTokenResponse`` naming the member, never
    /// its value.
    init(json: Data) throws(OIDCError) {
        guard let members = JSONValue.object(from: json) else {
            throw OIDCError(.malformedTokenResponse, detail: "not a JSON object")
        }
        guard let type = members["token_type"]?.string, type.lowercased() == "bearer" else {
            throw OIDCError(.malformedTokenResponse, detail: "token_type missing or not Bearer")
        }
        guard let idToken = members["id_token"]?.string, !idToken.isEmpty else {
            throw OIDCError(.malformedTokenResponse, detail: "no id_token")
        }
        if let access = members["access_token"], access.string == nil {
            throw OIDCError(.malformedTokenResponse, detail: "access_token is not a string")
        }
        self.idToken = idToken
        self.accessToken = members["access_token"]?.string
    }

    /// The OAuth `error` code of a refusal (`invalid_grant`, …) when it is a plain code, for a detail;
    /// `error_description` is never kept (a provider may echo what we sent).
    static func errorCode(in json: Data) -> String? {
        guard let code = JSONValue.object(from: json)?["error"]?.string, (1...64).contains(code.count),
              code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") })
        else { return nil }
        return code
    }
}
