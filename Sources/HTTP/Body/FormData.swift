/// An `application/x-www-form-urlencoded` body or query: ordered pairs, repeated names kept in order.
public struct FormData: Sendable {
    /// The pairs in the order sent.
    public let pairs: [(name: String, value: String)]

    /// Parses strictly: every escape well-formed, every name and value valid UTF-8, `+` a space.
    public init(parsing bytes: [UInt8]) throws(HTTPError) {
        guard let pairs = Self.pairs(bytes, strict: true) else { throw HTTPError(.badRequest, code: "form.invalidEncoding") }
        self.pairs = pairs
    }

    /// Pairs gathered elsewhere (e.g. the text fields of a multipart body).
    public init(pairs: [(name: String, value: String)]) {
        self.pairs = pairs
    }

    /// The first value of `name`.
    public subscript(name: String) -> String? { pairs.first { $0.name == name }?.value }

    /// Every value of `name`, in order (checkbox groups, repeated fields).
    public func values(for name: String) -> [String] { pairs.filter { $0.name == name }.map(\.value) }

    /// Splits on `&` and the first `=`; empty pieces are skipped. Strict: nil on any bad piece;
    /// lenient (queries): bad pieces are dropped.
    static func pairs(_ bytes: [UInt8], strict: Bool) -> [(name: String, value: String)]? {
        var result: [(name: String, value: String)] = []
        for piece in bytes.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let equals = piece.firstIndex(of: UInt8(ascii: "="))
            let rawName = equals.map { piece[piece.startIndex..<$0] } ?? piece[...]
            let rawValue = equals.map { piece[piece.index(after: $0)...] } ?? piece[piece.endIndex...]
            guard let name = PercentDecoding.decodeForm(rawName), let value = PercentDecoding.decodeForm(rawValue) else {
                if strict { return nil }
                continue
            }
            result.append((name: name, value: value))
        }
        return result
    }
}
