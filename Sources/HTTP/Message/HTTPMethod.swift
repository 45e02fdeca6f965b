/// A request method. The server serves the methods listed as static members; any other method that
/// is a valid token is answered `501 Not Implemented`, and one that is not a token `400 Bad Request`.
public struct HTTPMethod: Hashable, Sendable, CustomStringConvertible {
    /// The method as sent, e.g. `GET`.
    public let rawValue: String

    /// Creates a method from its name (case-sensitive, as RFC 9110 says).
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// `GET`.
    public static let get = HTTPMethod("GET")
    /// `HEAD`: answered by the `GET` route without a body.
    public static let head = HTTPMethod("HEAD")
    /// `POST`.
    public static let post = HTTPMethod("POST")
    /// `PUT`.
    public static let put = HTTPMethod("PUT")
    /// `PATCH`.
    public static let patch = HTTPMethod("PATCH")
    /// `DELETE`.
    public static let delete = HTTPMethod("DELETE")
    /// `OPTIONS`.
    public static let options = HTTPMethod("OPTIONS")

    /// The methods the server implements; others get 501.
    public static let implemented: [HTTPMethod] = [.get, .head, .post, .put, .patch, .delete, .options]

    /// The method name.
    public var description: String { rawValue }

    /// Recognises an implemented method from raw bytes without allocating for unknown ones.
    static func known(_ bytes: UnsafeBufferPointer<UInt8>) -> HTTPMethod? {
        switch bytes.count {
        case 3:
            if bytes[0] == 0x47, bytes[1] == 0x45, bytes[2] == 0x54 { return .get }
            if bytes[0] == 0x50, bytes[1] == 0x55, bytes[2] == 0x54 { return .put }
        case 4:
            if bytes[0] == 0x50, bytes[1] == 0x4F, bytes[2] == 0x53, bytes[3] == 0x54 { return .post }
            if bytes[0] == 0x48, bytes[1] == 0x45, bytes[2] == 0x41, bytes[3] == 0x44 { return .head }
        default:
            let text = String(decoding: bytes, as: UTF8.self)
            return implemented.first { $0.rawValue == text }
        }
        return nil
    }
}
