/// Bounds on what one request head may use, as nginx and gunicorn set them.
public struct HTTPParserLimits: Sendable, Hashable {
    /// The request line, without its CRLF; beyond it the answer is 414.
    public var requestLine: Int = 8 * 1024
    /// One header field line; beyond it the answer is 431.
    public var fieldLine: Int = 8 * 1024
    /// All header field lines together; beyond it the answer is 431.
    public var headerSection: Int = 32 * 1024
    /// The number of header fields; beyond it the answer is 431.
    public var fieldCount: Int = 100

    /// The defaults above.
    public init() {}

    /// Custom limits (tests use small ones).
    public init(requestLine: Int, fieldLine: Int, headerSection: Int, fieldCount: Int) {
        self.requestLine = requestLine
        self.fieldLine = fieldLine
        self.headerSection = headerSection
        self.fieldCount = fieldCount
    }

    /// The most bytes a complete head can take, which bounds a connection's input buffer.
    var maximumHeadSize: Int { requestLine + headerSection + 4 * 1024 }
}
