/// One part of a `multipart/form-data` body (RFC 7578).
public struct MultipartPart: Sendable {
    /// The form field name from `Content-Disposition`.
    public var name: String
    /// The file name the browser sent, if the part is a file. Never trust it as a path.
    public var filename: String?
    /// The part's `Content-Type`, if sent.
    public var contentType: String?
    /// The part's header fields.
    public var headers: HTTPHeaders
    /// The part's content.
    public var body: [UInt8]
}
