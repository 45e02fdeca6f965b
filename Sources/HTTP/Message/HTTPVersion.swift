/// The protocol versions the server speaks; any other `HTTP/x.y` is answered 505.
public enum HTTPVersion: Sendable, Hashable, CustomStringConvertible {
    /// HTTP/1.0: the connection closes after the response unless the client asks to keep it.
    case http10
    /// HTTP/1.1: persistent by default; `Host` is required.
    case http11

    /// `HTTP/1.0` or `HTTP/1.1`.
    public var description: String { self == .http10 ? "HTTP/1.0" : "HTTP/1.1" }
}
