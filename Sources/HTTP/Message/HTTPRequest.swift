/// A complete request as a handler sees it: the head, the whole body, the route's parameters, and
/// what the server knows about the connection.
///
/// Never log `body`, `cookies`, `query` or `clientAddress`; log `routePattern` and `requestID`.
public struct HTTPRequest: Sendable {
    /// The request line and header fields.
    public var head: HTTPRequestHead
    /// The decoded body (empty when there is none); at most the route's body limit.
    public var body: [UInt8]
    /// Values of the route's `:name` segments, percent-decoded.
    public var pathParameters: [String: String]
    /// The pattern of the route that matched, e.g. `/talks/:id` (safe to log and to label metrics).
    public var routePattern: String
    /// A random id, also sent as `X-Request-Id`, that ties log lines to a response.
    public var requestID: String
    /// The client's address: the peer, or the last `X-Forwarded-For` hop when the peer is a trusted
    /// proxy. For throttling; never log it.
    public var clientAddress: String
    /// Whether the client reached us over TLS, as a trusted proxy says in `X-Forwarded-Proto`.
    public var isSecure: Bool

    /// Creates a request (the server does this; tests of handlers may too).
    public init(
        head: HTTPRequestHead, body: [UInt8] = [], pathParameters: [String: String] = [:], routePattern: String = "",
        requestID: String = "", clientAddress: String = "", isSecure: Bool = false
    ) {
        self.head = head
        self.body = body
        self.pathParameters = pathParameters
        self.routePattern = routePattern
        self.requestID = requestID
        self.clientAddress = clientAddress
        self.isSecure = isSecure
    }

    /// The method (a `HEAD` request reaches the `GET` handler with `.head` here).
    public var method: HTTPMethod { head.method }
    /// The percent-decoded path.
    public var path: String { head.path }
    /// The request-target as sent.
    public var target: String { head.target }
    /// The raw query string without `?`, or nil.
    public var query: String? { head.query }
    /// The header fields.
    public var headers: HTTPHeaders { head.headers }

    /// The query string as ordered name–value pairs (`+` is a space); malformed pairs are skipped.
    public var queryItems: [(name: String, value: String)] {
        guard let query else { return [] }
        return FormData.pairs(Array(query.utf8), strict: false) ?? []
    }

    /// The first value of query parameter `name`.
    public func queryValue(_ name: String) -> String? {
        queryItems.first { $0.name == name }?.value
    }
}
