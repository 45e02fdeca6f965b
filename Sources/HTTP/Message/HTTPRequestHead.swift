/// A request line and header fields that passed every syntactic and framing rule.
///
/// A responder sees this before the body is read, so it can choose the route and the body limit.
public struct HTTPRequestHead: Sendable {
    /// The method.
    public var method: HTTPMethod
    /// `HTTP/1.0` or `HTTP/1.1`.
    public var version: HTTPVersion
    /// The request-target exactly as sent (may hold a query string; log the route pattern instead).
    public var target: String
    /// The path, percent-decoded (valid UTF-8, no NUL); `%2F` decodes to `/` here, so routing uses
    /// `rawPath` segment by segment.
    public var path: String
    /// The path as sent, still percent-encoded.
    public var rawPath: String
    /// The query string without `?`, still encoded, or nil.
    public var query: String?
    /// The header fields in order.
    public var headers: HTTPHeaders

    /// How the body is delimited.
    enum Framing: Equatable {
        case none
        case length(Int)
        case chunked
    }

    var framing: Framing = .none
    var keepAlive = true
    var expectsContinue = false

    /// Creates a head directly (for responders' tests); framing is "no body".
    public init(method: HTTPMethod, target: String, version: HTTPVersion = .http11, headers: HTTPHeaders = HTTPHeaders()) {
        self.method = method
        self.version = version
        self.target = target
        let split = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        rawPath = String(split.first ?? "")
        query = split.count > 1 ? String(split[1]) : nil
        path = (try? PercentDecoding.decodePath(Array(rawPath.utf8))) ?? rawPath
        self.headers = headers
    }
}
