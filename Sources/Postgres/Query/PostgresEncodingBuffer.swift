/// The bytes of one bind value being written, in PostgreSQL's binary (network byte order) or text format.
public struct PostgresEncodingBuffer: Sendable {
    var bytes: [UInt8] = []
    var isNull = false
    var failure: String?

    init() {}

    /// Appends raw bytes.
    public mutating func writeBytes(_ source: some Sequence<UInt8>) { bytes.append(contentsOf: source) }

    /// Appends an integer in network byte order.
    public mutating func writeInteger<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.bigEndian) { bytes.append(contentsOf: $0) }
    }

    /// Appends a string's UTF-8 bytes.
    public mutating func writeUTF8(_ string: String) {
        var string = string
        string.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Marks the value as SQL NULL.
    public mutating func writeNull() { isNull = true }

    /// Marks the value as not encodable; `reason` is a fixed text that must not contain the value.
    public mutating func fail(_ reason: String) { if failure == nil { failure = reason } }

    /// Number of bytes written so far (for length prefixes in composite encodings).
    var count: Int { bytes.count }
}
