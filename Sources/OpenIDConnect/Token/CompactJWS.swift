/// A JWS in compact serialisation (RFC 7515 section 7.1), taken apart but not yet trusted: three
/// strict base64url parts, a JSON object header and a JSON object payload.
struct CompactJWS {
    /// Longer tokens are refused before any decoding. Entra ID tokens with many group claims stay far
    /// below this.
    static let maximumLength = 64 * 1024

    /// The protected header's members.
    let header: [String: JSONValue]
    /// The payload's members (the claims).
    let payload: [String: JSONValue]
    /// What the signature covers: `ASCII(BASE64URL(header) . BASE64URL(payload))`.
    let signingInput: [UInt8]
    /// The signature's bytes (empty for an unsecured `alg: none` token).
    let signature: [UInt8]

    /// Parses `token`; throws ``OIDCError/Code/malformedToken`` with what was wrong.
    init(_ token: String) throws(OIDCError) {
        guard token.utf8.count <= Self.maximumLength else {
            throw OIDCError(.malformedToken, detail: "token longer than \(Self.maximumLength) bytes")
        }
        let parts = token.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 3 else {
            throw OIDCError(.malformedToken, detail: "\(parts.count) parts, not 3")
        }
        guard let headerBytes = Base64URL.decode(parts[0]), let payloadBytes = Base64URL.decode(parts[1]),
              let signature = Base64URL.decode(parts[2])
        else {
            throw OIDCError(.malformedToken, detail: "a part is not base64url")
        }
        guard let header = JSONValue.object(from: headerBytes) else {
            throw OIDCError(.malformedToken, detail: "header is not a JSON object")
        }
        guard let payload = JSONValue.object(from: payloadBytes) else {
            throw OIDCError(.malformedToken, detail: "payload is not a JSON object")
        }
        // RFC 7515 4.1.11: a critical extension we do not understand (we understand none) must fail.
        guard header["crit"] == nil else {
            throw OIDCError(.malformedToken, detail: "header names critical extensions")
        }
        guard case .string? = header["alg"] else {
            throw OIDCError(.malformedToken, detail: "header has no alg string")
        }
        if let kid = header["kid"], kid.string == nil {
            throw OIDCError(.malformedToken, detail: "header kid is not a string")
        }
        self.header = header
        self.payload = payload
        self.signingInput = Array(parts[0]) + [UInt8(ascii: ".")] + Array(parts[1])
        self.signature = signature
    }

    /// The header's `alg`.
    var algorithm: String { header["alg"]?.string ?? "" }

    /// The header's `kid`, if any.
    var keyID: String? { header["kid"]?.string }
}
