import Foundation

/// A telephone number in international E.164 form (`+46701234567`), read from the ways people in
/// Sweden write numbers (*telefonnummer*).
///
/// Accepted: national Swedish numbers (`070-123 45 67`, `08-123 456 78`), `+46 70 123 45 67`,
/// `+46 (0)70-123 45 67`, `0046 70 123 45 67`, and foreign numbers written with `+` or `00` and a
/// country code (`+47 912 34 567`, as people near the Norwegian border have). Spaces, non-breaking
/// spaces, hyphens, dashes, dots, slashes and parentheses are separators. Swedish numbers are
/// checked against the national plan (7–9 digits after the leading 0, no leading 0 after +46 except
/// the common mistake `+46 070…`, which is corrected); foreign numbers only against E.164's length.
///
/// A number is personal data: `description` and `debugDescription` print a placeholder; read
/// ``e164`` where the value is needed.
public struct PhoneNumber: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The number in E.164 form: `+`, the country code and the national number, digits only.
    public let e164: String

    /// Swedish mobile prefixes after the leading 0 (PTS: 070, 072, 073, 076 and 079).
    private static let swedishMobilePrefixes: Set<String> = ["70", "72", "73", "76", "79"]

    /// Reads a number as a person typed it; `nil` when it is not a plausible Swedish or
    /// international number.
    public init?(_ text: String) {
        var rest = text.trimmingWhitespace()
        let international: Bool
        if rest.hasPrefix("+") {
            international = true
            rest.removeFirst()
        } else if rest.hasPrefix("00") {
            international = true
            rest.removeFirst(2)
        } else {
            international = false
        }
        // "+46 (0)70…" marks the national trunk 0 that is dropped when dialling from abroad.
        if international {
            rest = rest.replacingOccurrences(of: "(0)", with: "")
        }
        var digits = ""
        for scalar in rest.unicodeScalars {
            switch scalar {
            case "0"..."9": digits.unicodeScalars.append(scalar)
            case " ", "\u{00A0}", "\u{202F}", "\u{2009}", "-", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", ".", "/", "(", ")":
                continue
            default:
                return nil
            }
        }
        if international {
            if digits.hasPrefix("46") {
                var national = String(digits.dropFirst(2))
                if national.hasPrefix("0") { national.removeFirst() }
                guard PhoneNumber.isSwedishNationalSignificantNumber(national) else { return nil }
                e164 = "+46" + national
            } else {
                // E.164: at most 15 digits; no country code starts with 0. Shorter than 8 digits is
                // not a subscriber number anywhere we expect employees to live.
                guard digits.count >= 8, digits.count <= 15, !digits.hasPrefix("0") else { return nil }
                e164 = "+" + digits
            }
        } else {
            guard digits.hasPrefix("0") else { return nil }
            let national = String(digits.dropFirst())
            guard PhoneNumber.isSwedishNationalSignificantNumber(national) else { return nil }
            e164 = "+46" + national
        }
    }

    /// Whether the number is in the Swedish numbering plan (+46).
    public var isSwedish: Bool { e164.hasPrefix("+46") }

    /// Whether the number is a Swedish mobile number, the only kind that reliably receives SMS.
    public var isSwedishMobile: Bool {
        guard isSwedish else { return false }
        let national = e164.dropFirst(3)
        return national.count == 9 && PhoneNumber.swedishMobilePrefixes.contains(String(national.prefix(2)))
    }

    /// The number as written in Sweden: `070-123 45 67` for mobiles, `0` and the digits for other
    /// Swedish numbers (area codes vary in length, so they are not grouped), `nil` for foreign ones.
    public var nationalFormat: String? {
        guard isSwedish else { return nil }
        let national = Array(e164.dropFirst(3))
        guard isSwedishMobile else { return "0" + String(national) }
        return "0" + String(national[0..<2]) + "-" + String(national[2..<5]) + " " + String(national[5..<7]) + " " + String(national[7..<9])
    }

    /// A placeholder: numbers are personal data and must not reach logs by accident.
    public var description: String { "<phone number>" }
    /// A placeholder, as ``description``.
    public var debugDescription: String { description }
    /// No children, so `dump` does not print the number either.
    public var customMirror: Mirror { Mirror(self, children: [:]) }

    /// Swedish numbers have 7 to 9 digits after the trunk 0 (PTS numbering plan); none starts with 0.
    private static func isSwedishNationalSignificantNumber(_ digits: String) -> Bool {
        (7...9).contains(digits.count) && !digits.hasPrefix("0") && digits.allSatisfy(\.isASCII)
    }
}
