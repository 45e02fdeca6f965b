public import Foundation

/// A `Set-Cookie` field (RFC 6265), validated when made so a bad name or value can never reach the
/// header. Defaults are the safe ones: `HttpOnly`, `Secure`, `SameSite=Lax`, `Path=/`.
public struct SetCookie: Sendable, Hashable {
    /// `SameSite` attribute values.
    public enum SameSite: String, Sendable {
        /// `SameSite=Strict`.
        case strict = "Strict"
        /// `SameSite=Lax`.
        case lax = "Lax"
        /// `SameSite=None` (requires `Secure`).
        case none = "None"
    }

    /// Why a cookie could not be made.
    public struct InvalidCookie: Error, Sendable, CustomStringConvertible {
        /// Which part was invalid: `name`, `value`, `path`, `domain` or `sameSiteNoneNeedsSecure`.
        public let part: String
        /// Names the invalid part only; never the value.
        public var description: String { "invalid cookie \(part)" }
    }

    /// The cookie name (a token).
    public let name: String
    /// The value (cookie-octets only; encode anything else, e.g. base64url).
    public let value: String
    /// `Path`.
    public let path: String?
    /// `Domain`.
    public let domain: String?
    /// `Max-Age` in seconds; 0 deletes the cookie.
    public let maxAge: Int?
    /// `Expires`.
    public let expires: Date?
    /// `Secure`.
    public let secure: Bool
    /// `HttpOnly`.
    public let httpOnly: Bool
    /// `SameSite`.
    public let sameSite: SameSite?

    /// Creates a cookie; throws `InvalidCookie` when a part would break or smuggle into the header.
    public init(
        name: String, value: String, path: String? = "/", domain: String? = nil, maxAge: Int? = nil, expires: Date? = nil,
        secure: Bool = true, httpOnly: Bool = true, sameSite: SameSite? = .lax
    ) throws(InvalidCookie) {
        guard Self.isValidName(name) else { throw InvalidCookie(part: "name") }
        guard Self.isValidValue(value) else { throw InvalidCookie(part: "value") }
        if let path, path.isEmpty || !path.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x3B }) { throw InvalidCookie(part: "path") }
        if let domain, !CharacterClass.isToken(domain.utf8) { throw InvalidCookie(part: "domain") }
        if sameSite == SameSite.none, !secure { throw InvalidCookie(part: "sameSiteNoneNeedsSecure") }
        self.name = name
        self.value = value
        self.path = path
        self.domain = domain
        self.maxAge = maxAge
        self.expires = expires
        self.secure = secure
        self.httpOnly = httpOnly
        self.sameSite = sameSite
    }

    /// A cookie that deletes `name` (empty value, `Max-Age=0`, expired).
    public static func deleting(_ name: String, path: String? = "/") throws(InvalidCookie) -> SetCookie {
        try SetCookie(name: name, value: "", path: path, maxAge: 0, expires: Date(timeIntervalSince1970: 0))
    }

    /// The field value, e.g. `sid=abc; Path=/; Max-Age=3600; Secure; HttpOnly; SameSite=Lax`.
    public var headerValue: String {
        var out = "\(name)=\(value)"
        if let path { out += "; Path=\(path)" }
        if let domain { out += "; Domain=\(domain)" }
        if let maxAge { out += "; Max-Age=\(maxAge)" }
        if let expires { out += "; Expires=\(HTTPDate.format(secondsSince1970: Int(expires.timeIntervalSince1970)))" }
        if secure { out += "; Secure" }
        if httpOnly { out += "; HttpOnly" }
        if let sameSite { out += "; SameSite=\(sameSite.rawValue)" }
        return out
    }

    static func isValidName(_ name: String) -> Bool { CharacterClass.isToken(name.utf8) }

    /// cookie-octet: 0x21, 0x23–0x2B, 0x2D–0x3A, 0x3C–0x5B, 0x5D–0x7E (no space, `"`, `,`, `;`, `\`).
    static func isValidValue(_ value: String) -> Bool {
        value.utf8.allSatisfy { byte in
            byte == 0x21 || (0x23...0x2B).contains(byte) || (0x2D...0x3A).contains(byte)
                || (0x3C...0x5B).contains(byte) || (0x5D...0x7E).contains(byte)
        }
    }
}
