/// A Swift type that can be read from a result column.
///
/// Implementations check `type` and `format` and throw `PostgresDecodingFailure` for anything they do
/// not accept; the row adds the column to the error. They must never put the value into an error.
public protocol PostgresDecodable {
    /// Decodes a non-NULL value. `bytes` is valid only during the call.
    init(postgresValue bytes: UnsafeRawBufferPointer, type: PostgresDataType, format: PostgresFormat) throws
    /// The value for SQL NULL; throws `.unexpectedNull` unless the type can represent NULL (`Optional`).
    static func postgresNull() throws -> Self
}

extension PostgresDecodable {
    /// Non-optional types refuse NULL.
    public static func postgresNull() throws -> Self { throw PostgresDecodingFailure.unexpectedNull }
}

/// Reading helpers for decoders.
extension UnsafeRawBufferPointer {
    /// Reads a big-endian integer at `offset`; the caller has checked the length.
    func readBigEndian<T: FixedWidthInteger>(_: T.Type, at offset: Int = 0) -> T {
        T(bigEndian: loadUnaligned(fromByteOffset: offset, as: T.self))
    }

    /// The bytes as a String (the server sends UTF-8 because the client encoding is UTF8).
    var utf8String: String { String(decoding: self, as: UTF8.self) }
}
