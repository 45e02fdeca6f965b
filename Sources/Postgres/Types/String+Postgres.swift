import Foundation

/// `String` binds as text with an unspecified type, so the server infers the column's type: a string
/// can be compared with an enum, a `date` or a `uuid` column without a cast. Inside arrays it is `text`.
/// A string containing NUL cannot be sent (PostgreSQL text cannot hold NUL) and fails the query.
///
/// It decodes from every column in text format, and in binary format from the text-like types
/// (`text`, `varchar`, `char(n)`, `name`, `json`, `jsonb`), from user-defined types whose binary form
/// is their label (enums), and from `numeric`, integers and `uuid` (written as PostgreSQL writes them).
/// Cast anything else to `text` in SQL.
extension String: PostgresEncodable, PostgresDecodable, PostgresArrayElement {
    /// Unspecified: the server infers the type.
    public static var postgresDataType: PostgresDataType { .unspecified }
    /// Text.
    public static var postgresFormat: PostgresFormat { .text }
    /// `text[]`
    public static var postgresArrayDataType: PostgresDataType { .textArray }
    /// `text`
    public static var postgresElementDataType: PostgresDataType { .text }

    /// The UTF-8 bytes.
    public func encode(into buffer: inout PostgresEncodingBuffer) { buffer.writeUTF8(self) }

    /// The UTF-8 bytes, refusing NUL (binary `text` elements carry a length, not a terminator, but the
    /// server refuses NUL in text anyway; failing here keeps the error ours and value-free).
    public func encodeArrayElement(into buffer: inout PostgresEncodingBuffer) {
        let start = buffer.count
        buffer.writeUTF8(self)
        if buffer.bytes[start...].contains(0) { buffer.fail("text contains a NUL byte") }
    }

    /// Decodes text-like columns (see the type's documentation).
    public init(postgresValue bytes: UnsafeRawBufferPointer, type: PostgresDataType, format: PostgresFormat) throws {
        if format == .text {
            self = bytes.utf8String
            return
        }
        switch type {
        case .text, .varchar, .bpchar, .name, .unknown, .json, .xml, .char:
            self = bytes.utf8String
        case .jsonb:
            guard bytes.first == 1 else { throw PostgresDecodingFailure.malformed("jsonb version") }
            self = UnsafeRawBufferPointer(rebasing: bytes.dropFirst()).utf8String
        case .numeric:
            self = try PostgresNumeric.string(from: bytes)
        case .int2, .int4, .int8:
            self = String(try Int64(postgresValue: bytes, type: type, format: format))
        case .uuid:
            self = try UUID(postgresValue: bytes, type: type, format: format).uuidString.lowercased()
        case _ where type.isUserDefined:
            self = bytes.utf8String
        default:
            throw PostgresDecodingFailure.typeMismatch
        }
    }
}
