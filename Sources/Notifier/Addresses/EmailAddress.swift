/// An e-mail address checked to be safe on an SMTP command line and in a mail header
/// (*e-postadress*).
///
/// Only the plain `local@domain` form is accepted: a dot-atom local part of ASCII characters and a
/// domain of letters, digits and hyphens. Quoted local parts, address literals (`[10.0.0.1]`),
/// comments and anything with a space, `<`, `>`, CR or LF are refused, because each of those is a
/// way to inject SMTP commands or mail headers. Internationalised domains must be given in their
/// ASCII (`xn--`) form; the relay is not asked for SMTPUTF8.
///
/// An address is personal data: `description` and `debugDescription` print a placeholder so that an
/// address never reaches a log by string interpolation; read ``address`` where the value is needed.
public struct EmailAddress: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The part before the `@`, as given.
    public let localPart: String
    /// The part after the `@`, in lower case.
    public let domain: String

    /// Longest address SMTP can carry in a path (RFC 5321 §4.5.3.1.3 allows 256 octets for the path
    /// including the angle brackets).
    public static let maximumLength = 254
    /// Longest local part (RFC 5321 §4.5.3.1.1).
    public static let maximumLocalPartLength = 64

    /// Parses and checks `text` (surrounding white space is ignored); `nil` when it is not a plain,
    /// safe `local@domain` address.
    public init?(_ text: String) {
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty, trimmed.utf8.count <= EmailAddress.maximumLength,
              let at = trimmed.utf8.lastIndex(of: UInt8(ascii: "@"))
        else { return nil }
        let local = String(trimmed[trimmed.startIndex..<at])
        let domain = String(trimmed[trimmed.index(after: at)...])
        guard EmailAddress.isDotAtom(local), local.utf8.count <= EmailAddress.maximumLocalPartLength,
              let checkedDomain = EmailAddress.checkedDomain(domain)
        else { return nil }
        self.localPart = local
        self.domain = checkedDomain
    }

    /// The address as written on the wire, `local@domain`.
    public var address: String { localPart + "@" + domain }

    /// A placeholder: addresses are personal data and must not reach logs by accident.
    public var description: String { "<e-mail address>" }
    /// A placeholder, as ``description``.
    public var debugDescription: String { description }
    /// No children, so `dump` does not print the address either.
    public var customMirror: Mirror { Mirror(self, children: [:]) }

    /// `atext` of RFC 5322 §3.2.3 without the characters that are special in SMTP paths.
    private static func isAtext(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "!#$%&'*+-/=?^_`{|}~".utf8.contains(byte)
        }
    }

    private static func isDotAtom(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, let last = bytes.last, first != UInt8(ascii: "."), last != UInt8(ascii: ".") else { return false }
        var previousWasDot = false
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                if previousWasDot { return false }
                previousWasDot = true
            } else {
                guard isAtext(byte) else { return false }
                previousWasDot = false
            }
        }
        return true
    }

    /// A host name of letter-digit-hyphen labels (RFC 5321 §4.1.2 `Domain`), lower-cased; `nil` when
    /// it is anything else.
    static func checkedDomain(_ text: String) -> String? {
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        guard !text.isEmpty, text.utf8.count <= 253 else { return nil }
        for label in labels {
            let bytes = Array(label.utf8)
            guard let first = bytes.first, let last = bytes.last, bytes.count <= 63,
                  first != UInt8(ascii: "-"), last != UInt8(ascii: "-"),
                  bytes.allSatisfy({ $0.isASCIILetterOrDigit || $0 == UInt8(ascii: "-") })
            else { return nil }
        }
        return text.lowercased()
    }
}

extension UInt8 {
    var isASCIILetterOrDigit: Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(self)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self)
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks (ASCII and Unicode).
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[start...end])
    }
}
