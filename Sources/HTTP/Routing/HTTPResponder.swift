/// What a handler is: it receives the whole request and returns a response. It runs on the event
/// loop of its connection until it awaits something else (a database transaction), so it should
/// never block; a thrown `HTTPError` answers with its status, any other error with a generic 500.
public typealias Handler = @Sendable (HTTPRequest) async throws -> HTTPResponse

/// Chooses how to answer a request once its head is parsed, before its body is read.
public protocol HTTPResponder: Sendable {
    /// The route for `head`: the handler, its pattern (for logs and metrics), its path parameters
    /// and the largest body it accepts (a larger one is answered 413 without being read).
    func route(for head: HTTPRequestHead) -> HTTPRoute
}

/// A resolved route.
public struct HTTPRoute: Sendable {
    /// The pattern that matched (`/talks/:id`), or a fixed label such as `unmatched`.
    public var pattern: String
    /// The largest request body accepted, in bytes.
    public var bodyLimit: Int
    /// Values of the pattern's `:name` segments.
    public var pathParameters: [String: String]
    /// The handler.
    public var handler: Handler

    /// Creates a route.
    public init(pattern: String, bodyLimit: Int, pathParameters: [String: String] = [:], handler: @escaping Handler) {
        self.pattern = pattern
        self.bodyLimit = bodyLimit
        self.pathParameters = pathParameters
        self.handler = handler
    }
}
