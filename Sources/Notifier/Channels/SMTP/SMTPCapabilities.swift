/// What the relay said it supports in its EHLO reply (RFC 5321 §4.1.1.1).
struct SMTPCapabilities: Equatable, Sendable {
    /// Extension keywords in upper case, with their parameters.
    let extensions: [String: [String]]

    /// No extensions: the relay answered HELO, not EHLO.
    static let none = SMTPCapabilities(extensions: [:])

    init(extensions: [String: [String]]) {
        self.extensions = extensions
    }

    /// Reads the EHLO reply: its first line greets, each following line names one extension.
    init(ehloReply reply: SMTPReply) {
        var extensions: [String: [String]] = [:]
        for line in reply.lines.dropFirst() {
            var words = line.split(separator: " ").map(String.init)
            guard !words.isEmpty else { continue }
            var keyword = words.removeFirst().uppercased()
            // Some old relays write "AUTH=PLAIN LOGIN".
            if let equals = keyword.firstIndex(of: "=") {
                words.insert(String(keyword[keyword.index(after: equals)...]), at: 0)
                keyword = String(keyword[..<equals])
            }
            extensions[keyword, default: []] += words
        }
        self.extensions = extensions
    }

    /// The AUTH mechanisms offered, upper case.
    var authenticationMechanisms: Set<String> {
        Set((extensions["AUTH"] ?? []).map { $0.uppercased() })
    }

    /// Whether the relay offers STARTTLS.
    var offersStartTLS: Bool { extensions["STARTTLS"] != nil }

    /// Whether the relay takes the SIZE parameter (RFC 1870).
    var supportsSize: Bool { extensions["SIZE"] != nil }

    /// The relay's message size limit in bytes, when it declared one (0 means none).
    var sizeLimit: Int? {
        guard let value = extensions["SIZE"]?.first, let limit = Int(value), limit > 0 else { return nil }
        return limit
    }
}
