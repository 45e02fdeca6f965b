/// The values a template may draw on besides its own: the service's links and the recipient's own
/// name.
///
/// Employee- and support-side templates use ``links`` only, whatever else is set here; tests render
/// them with hostile names to prove it.
public struct TemplateContext: Sendable, Equatable {
    /// Where the messages point.
    public var links: ServiceLinks
    /// The recipient's own name, for a greeting where that is allowed (managers only).
    public var recipientDisplayName: String?

    /// Creates a context.
    public init(links: ServiceLinks, recipientDisplayName: String? = nil) {
        self.links = links
        self.recipientDisplayName = recipientDisplayName
    }

    /// The display name made fit for a greeting line: control characters removed, white space
    /// collapsed, at most 80 characters; `nil` when nothing is left.
    var greetingName: String? {
        guard let name = recipientDisplayName else { return nil }
        var words: [String] = []
        var current = ""
        for scalar in name.unicodeScalars {
            if scalar.properties.isWhitespace || scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format {
                if !current.isEmpty { words.append(current); current = "" }
            } else {
                current.unicodeScalars.append(scalar)
            }
        }
        if !current.isEmpty { words.append(current) }
        let joined = String(words.joined(separator: " ").prefix(80))
        return joined.isEmpty ? nil : joined
    }
}
