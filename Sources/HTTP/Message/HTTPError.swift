/// An error a handler throws to answer with a client-error status (400, 403, 404, 413, 415, 422…)
/// instead of 500. The body is the generic reason phrase; `code` is logged, never shown.
public struct HTTPError: Error, Sendable, CustomStringConvertible {
    /// The status to answer with.
    public let status: HTTPStatus
    /// A short machine-readable reason for the log, e.g. `form.invalidEncoding`; never request data.
    public let code: String

    /// Creates an error answered with `status`.
    public init(_ status: HTTPStatus, code: String) {
        self.status = status
        self.code = code
    }

    /// `status code`; contains no request data.
    public var description: String { "HTTPError(\(status.code), \(code))" }
}
