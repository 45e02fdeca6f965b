/// The language a person reads their notifications in (*språk*); Swedish first.
public enum Language: String, Sendable, Hashable, Codable, CaseIterable {
    /// Svenska.
    case swedish = "sv"
    /// English.
    case english = "en"
}
