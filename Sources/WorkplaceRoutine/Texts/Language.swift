/// The language of the interface. Swedish is the default; English is the second language.
public enum Language: String, Sendable, CaseIterable, Codable {
    /// Svenska.
    case swedish = "sv"
    /// English.
    case english = "en"

    /// The language for a code such as `sv`, `en`, `sv-SE` or `en-GB`; `nil` for anything else.
    public init?(code: String) {
        switch code.lowercased().prefix(2) {
        case "sv": self = .swedish
        case "en": self = .english
        default: return nil
        }
    }

    /// The BCP 47 code used in `lang` attributes.
    public var code: String { rawValue }

    /// The other language, for the language switch.
    public var other: Language { self == .swedish ? .english : .swedish }
}
