import Glibc

/// A system call the server depends on failed. `description` is generic; `debugDescription` carries
/// the operation and the system's message.
public struct HTTPServerError: Error, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// What failed.
    public enum Code: String, Sendable {
        /// Creating, binding or listening on the socket (port in use, bad address).
        case listen
        /// Creating the event loop's epoll or eventfd descriptors.
        case eventLoop
        /// `run()` was called twice.
        case alreadyRunning
    }

    /// What failed.
    public let code: Code
    /// The system call, e.g. `bind 127.0.0.1:8080`.
    public let operation: String
    /// `errno` at the failure (0 when not a system error).
    public let errorNumber: Int32

    /// Generic: names the failing step only.
    public var description: String { "HTTP server error: \(code.rawValue)" }

    /// The operation and `strerror(errno)`.
    public var debugDescription: String {
        "HTTP server error: \(code.rawValue) in \(operation): \(String(cString: strerror(errorNumber))) (errno \(errorNumber))"
    }

    /// The one place C return values are checked: a negative result throws with `errno`.
    @discardableResult
    static func check(_ result: Int32, _ code: Code, _ operation: @autoclosure () -> String) throws(HTTPServerError) -> Int32 {
        guard result >= 0 else { throw HTTPServerError(code: code, operation: operation(), errorNumber: errno) }
        return result
    }
}
