extension HTTPRequest {
    /// Cookies from every `Cookie` field (RFC 6265 §5.4 syntax: `name=value` pairs separated by `; `).
    /// The first occurrence of a name wins (browsers send the most specific path first); pairs with an
    /// invalid name or value are skipped. Never log these.
    public var cookies: [String: String] {
        var result: [String: String] = [:]
        for field in headers.values(for: "Cookie") {
            for pair in field.split(separator: ";") {
                let trimmed = pair.trimmingOWS()
                guard let equals = trimmed.firstIndex(of: "=") else { continue }
                let name = String(trimmed[trimmed.startIndex..<equals])
                var value = String(trimmed[trimmed.index(after: equals)...])
                if value.utf8.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
                guard SetCookie.isValidName(name), SetCookie.isValidValue(value), result[name] == nil else { continue }
                result[name] = value
            }
        }
        return result
    }
}
