import Foundation

/// A logged-in person's session as resolved by `auth.resolve_session` for one request.
struct Session: Sendable {
    /// The raw token from the cookie (only its SHA-256 is stored in the database).
    let token: [UInt8]
    /// The account.
    let accountID: UUID
    /// The account's organisation (tenant).
    let organisationID: UUID
    /// The person in `org.person` this account belongs to, if any.
    let personID: UUID?
    /// Name shown in the header.
    let displayName: String
    /// The account's preferred language.
    let language: Language
    /// Roles the account holds.
    let roles: Set<Role>
    /// The token every state-changing form must echo.
    let csrfToken: String
}

/// Random secrets and their text forms.
enum Secrets {
    /// `count` bytes from the system's cryptographically secure generator (getrandom(2) on Linux).
    static func randomBytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    /// base64url without padding: safe in cookies and form fields.
    static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Decodes base64url without padding; `nil` for anything else.
    static func fromBase64URL(_ text: String) -> [UInt8]? {
        guard !text.isEmpty, text.utf8.count <= 128,
              text.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x2D || $0 == 0x5F })
        else { return nil }
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.utf8.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64) else { return nil }
        return [UInt8](data)
    }

    /// A new random token of 32 bytes (256 bits) in base64url.
    static func token() -> String { base64URL(randomBytes(32)) }

    /// Compares two secrets in time that depends only on their lengths.
    static func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }
}
