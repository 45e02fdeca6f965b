public import Foundation

/// A response: status, header fields and a complete body.
///
/// The server adds `Content-Length`, `Date`, `X-Request-Id`, `Connection` and the configured
/// security headers; a response that sets one of the security headers itself (a static asset's
/// `Cache-Control`, say) replaces that default.
public struct HTTPResponse: Sendable {
    /// The status.
    public var status: HTTPStatus
    /// Header fields set by the handler.
    public var headers: HTTPHeaders
    /// The body; not sent for HEAD requests, 204 and 304.
    public var body: [UInt8]

    /// Creates a response.
    public init(status: HTTPStatus = .ok, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// `text/plain; charset=utf-8`.
    public static func text(_ text: String, status: HTTPStatus = .ok) -> HTTPResponse {
        HTTPResponse(status: status, headers: HTTPHeaders([("Content-Type", "text/plain; charset=utf-8")]), body: Array(text.utf8))
    }

    /// `text/html; charset=utf-8` from an already rendered (escaped) page.
    public static func html(_ rendered: String, status: HTTPStatus = .ok) -> HTTPResponse {
        html(bytes: Array(rendered.utf8), status: status)
    }

    /// `text/html; charset=utf-8` from rendered bytes.
    public static func html(bytes: [UInt8], status: HTTPStatus = .ok) -> HTTPResponse {
        HTTPResponse(status: status, headers: HTTPHeaders([("Content-Type", "text/html; charset=utf-8")]), body: bytes)
    }

    /// `application/json` encoded with `encoder`.
    public static func json<Value: Encodable>(_ value: Value, status: HTTPStatus = .ok, encoder: JSONEncoder = JSONEncoder()) throws -> HTTPResponse {
        let data = try encoder.encode(value)
        return HTTPResponse(status: status, headers: HTTPHeaders([("Content-Type", "application/json")]), body: Array(data))
    }

    /// A redirect to a path of ours (`/talks`); 303 See Other by default, as after a form post.
    /// (A location with control characters is dropped by the server when sending, and logged.)
    public static func redirect(to location: String, status: HTTPStatus = .seeOther) -> HTTPResponse {
        HTTPResponse(status: status, headers: HTTPHeaders([("Location", location)]))
    }

    /// A response with no body.
    public static func empty(status: HTTPStatus = .noContent) -> HTTPResponse {
        HTTPResponse(status: status)
    }

    /// Adds a `Set-Cookie` field.
    public mutating func setCookie(_ cookie: SetCookie) {
        headers.add("Set-Cookie", cookie.headerValue)
    }

    /// Marks the response as a cacheable static asset: `Cache-Control: public, max-age=…` replaces
    /// the default `no-store`. Use only for assets that never carry personal data.
    public mutating func markCacheable(maxAge seconds: Int, immutable: Bool = false) {
        headers.set("Cache-Control", "public, max-age=\(seconds)" + (immutable ? ", immutable" : ""))
    }
}
