/// Maps method and path to handlers. Patterns are literal segments and `:name` parameters
/// (`/talks/:id/record`); literals match exactly (case-sensitive), a parameter matches one non-empty
/// segment and is percent-decoded on its own, so `%2F` inside it never acts as a separator.
///
/// A path that no pattern matches is answered 404; a path that matches with another method 405 with
/// `Allow`. `HEAD` is answered by the `GET` handler (the server drops the body but keeps the headers).
public struct Router: HTTPResponder {
    private enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter(String)
    }

    private struct Endpoint: Sendable {
        var handler: Handler
        var bodyLimit: Int?
    }

    private struct Entry: Sendable {
        var pattern: String
        var segments: [Segment]
        var endpoints: [HTTPMethod: Endpoint]
    }

    /// The body limit of routes that name none, and of 404/405 answers (64 KiB by default).
    public var defaultBodyLimit: Int

    private var entries: [Entry] = []
    /// Entries without parameters by pattern, so a plain path is one dictionary lookup.
    private var literalIndex: [String: Int] = [:]

    /// Creates an empty router.
    public init(defaultBodyLimit: Int = 64 * 1024) {
        self.defaultBodyLimit = defaultBodyLimit
    }

    /// Adds a handler for `method` and `pattern`; `bodyLimit` overrides the default for this route.
    public mutating func on(_ method: HTTPMethod, _ pattern: String, bodyLimit: Int? = nil, _ handler: @escaping Handler) {
        precondition(pattern.hasPrefix("/"), "a route pattern starts with /")
        precondition(method != .head, "HEAD is answered by the GET route")
        let segments: [Segment] = pattern.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map { piece in
            if piece.hasPrefix(":") {
                precondition(piece.count > 1, "a parameter needs a name")
                return .parameter(String(piece.dropFirst()))
            }
            return .literal(String(piece))
        }
        let endpoint = Endpoint(handler: handler, bodyLimit: bodyLimit)
        if let index = entries.firstIndex(where: { $0.segments == segments }) {
            precondition(entries[index].endpoints[method] == nil, "route \(method) \(pattern) registered twice")
            entries[index].endpoints[method] = endpoint
            return
        }
        entries.append(Entry(pattern: pattern, segments: segments, endpoints: [method: endpoint]))
        if !segments.contains(where: { if case .parameter = $0 { true } else { false } }), literalIndex[pattern] == nil {
            literalIndex[pattern] = entries.count - 1
        }
    }

    /// Adds a `GET` (and so `HEAD`) handler.
    public mutating func get(_ pattern: String, _ handler: @escaping Handler) { on(.get, pattern, handler) }
    /// Adds a `POST` handler.
    public mutating func post(_ pattern: String, bodyLimit: Int? = nil, _ handler: @escaping Handler) {
        on(.post, pattern, bodyLimit: bodyLimit, handler)
    }
    /// Adds a `PUT` handler.
    public mutating func put(_ pattern: String, bodyLimit: Int? = nil, _ handler: @escaping Handler) {
        on(.put, pattern, bodyLimit: bodyLimit, handler)
    }
    /// Adds a `PATCH` handler.
    public mutating func patch(_ pattern: String, bodyLimit: Int? = nil, _ handler: @escaping Handler) {
        on(.patch, pattern, bodyLimit: bodyLimit, handler)
    }
    /// Adds a `DELETE` handler.
    public mutating func delete(_ pattern: String, bodyLimit: Int? = nil, _ handler: @escaping Handler) {
        on(.delete, pattern, bodyLimit: bodyLimit, handler)
    }

    /// Resolves `head` to a route (404 and 405 routes included).
    public func route(for head: HTTPRequestHead) -> HTTPRoute {
        // Fast path: a path without escapes equals its pattern exactly when the pattern is literal.
        if !head.rawPath.utf8.contains(0x25), let index = literalIndex[head.rawPath] {
            if let route = route(entries[index], method: head.method, parameters: [:]) { return route }
        }
        var allowed: Set<HTTPMethod> = []
        let pieces = head.rawPath.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        for entry in entries {
            guard let parameters = match(entry.segments, pieces) else { continue }
            if let route = route(entry, method: head.method, parameters: parameters) { return route }
            allowed.formUnion(entry.endpoints.keys)
        }
        if allowed.isEmpty {
            return HTTPRoute(pattern: "unmatched", bodyLimit: defaultBodyLimit) { _ in .text("Not Found\n", status: .notFound) }
        }
        if allowed.contains(.get) { allowed.insert(.head) }
        let allow = allowed.map(\.rawValue).sorted().joined(separator: ", ")
        return HTTPRoute(pattern: "method-not-allowed", bodyLimit: defaultBodyLimit) { _ in
            var response = HTTPResponse.text("Method Not Allowed\n", status: .methodNotAllowed)
            response.headers.set("Allow", allow)
            return response
        }
    }

    private func route(_ entry: Entry, method: HTTPMethod, parameters: [String: String]) -> HTTPRoute? {
        guard let endpoint = entry.endpoints[method] ?? (method == .head ? entry.endpoints[.get] : nil) else { return nil }
        return HTTPRoute(
            pattern: entry.pattern, bodyLimit: endpoint.bodyLimit ?? defaultBodyLimit, pathParameters: parameters,
            handler: endpoint.handler
        )
    }

    private func match(_ segments: [Segment], _ pieces: ArraySlice<Substring>) -> [String: String]? {
        guard segments.count == pieces.count else { return nil }
        var parameters: [String: String] = [:]
        for (segment, piece) in zip(segments, pieces) {
            guard let decoded = try? PercentDecoding.decodePath(piece.utf8) else { return nil }
            switch segment {
            case .literal(let literal):
                guard decoded == literal else { return nil }
            case .parameter(let name):
                guard !decoded.isEmpty else { return nil }
                parameters[name] = decoded
            }
        }
        return parameters
    }
}
