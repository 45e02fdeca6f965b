import Foundation

/// Integers bind as their own width (`Int` and `Int64` as `bigint`) and decode from any integer
/// column that fits, from integral `numeric`, in binary and text format.
enum PostgresIntegerDecoding {
    /// Decodes any integer column that fits `T`.
    static func decode<T: FixedWidthInteger>(_ bytes: UnsafeRawBufferPointer, type: PostgresDataType, format: PostgresFormat) throws -> T {
        let wide: Int64
        switch (format, type) {
        case (.binary, .int8):
            guard bytes.count == 8 else { throw PostgresDecodingFailure.malformed("bigint must be 8 bytes") }
            wide = bytes.readBigEndian(Int64.self)
        case (.binary, .int4):
            guard bytes.count == 4 else { throw PostgresDecodingFailure.malformed("integer must be 4 bytes") }
            wide = Int64(bytes.readBigEndian(Int32.self))
        case (.binary, .int2):
            guard bytes.count == 2 else { throw PostgresDecodingFailure.malformed("smallint must be 2 bytes") }
            wide = Int64(bytes.readBigEndian(Int16.self))
        case (.binary, .oidType):
            guard bytes.count == 4 else { throw PostgresDecodingFailure.malformed("oid must be 4 bytes") }
            wide = Int64(bytes.readBigEndian(UInt32.self))
        case (.binary, .numeric):
            var text = try PostgresNumeric.string(from: bytes)
            wide = try text.withUTF8 { try PostgresText.integer(UnsafeRawBufferPointer($0)) }
        case (.text, .int8), (.text, .int4), (.text, .int2), (.text, .oidType), (.text, .numeric):
            wide = try PostgresText.integer(bytes)
        default:
            throw PostgresDecodingFailure.typeMismatch
        }
        guard let value = T(exactly: wide) else { throw PostgresDecodingFailure.outOfRange }
        return value
    }
}

extension Int: PostgresEncodable, PostgresDecodable, PostgresArrayElement {
    /// Decodes any integer column that fits, integral `numeric` included.
    public init(postgresValue bytes: UnsafeRawBufferPointer, type: PostgresDataType, format: PostgresFormat) throws {
        self = try PostgresIntegerDecoding.decode(bytes, type: type, format: format)
    }
    /// `bigint`
    public static var postgresDataType: PostgresDataType { .int8 }
    /// `bigint[]`
    public static var postgresArrayDataType: PostgresDataType { .int8Array }
    /// Eight bytes, network order.
    public func encode(into buffer: inout PostgresEncodingBuffer) { buffer.writeInteger(Int64(self)) }
}

extension Int64: PostgresEncodable, PostgresDecodable, PostgresArrayElement {
    /// Decodes any integer column that fits, integral `numeric` included.
    public init(postgresValue bytes: UnsafeRawBufferPointer, type: PostgresDataType, format: PostgresFormat) throws {
        self = try PostgresIntegerDecoding.decode(bytes, type: type, format: format)
    }
    /// `bigint`
    public static var postgresDataType: PostgresDataType { .int8 }
    /// `bigint[]`
    public static var postgresArrayDataType: PostgresDataType { .int8Array }
    /// Eight bytes, network order.
    public func encode(into buffer: inout PostgresEncodingBuffer) { buffer.writeInteger(self) }
}

extension Int32: PostgresEncodable, PostgresDecodable, PostgresArrayElement {
    /// Decodes any integer column that fits, integral `numeric` included.
    public init(postgresValue bytes: UnsafeRawBufferPointer, type: PostgresDataType, format: PostgresFormat) throws {
        self = try PostgresIntegerDecoding.decode(bytes, type: type, format: format)
    }
    /// `integer`
    public static var postgresDataType: PostgresDataType { .int4 }
    /// `integer[]`
    public static var postgresArrayDataType: PostgresDataType { .int4Array }
    /// Four bytes, network order.
    public func encode(into buffer: inout PostgresEncodingBuffer) { buffer.writeInteger(self) }
}

extension Int16: PostgresEncodable, PostgresDecodable, PostgresArrayElement {
    /// Decodes any integer column that fits, integral `numeric` included.
    public init(postgresValue bytes: UnsafeRawBufferPointer, type: PostgresDataType, format: PostgresFormat) throws {
        self = try PostgresIntegerDecoding.decode(bytes, type: type, format: format)
    }
    /// `smallint`
    public static var postgresDataType: PostgresDataType { .int2 }
    /// `smallint[]`
    public static var postgresArrayDataType: PostgresDataType { .int2Array }
    /// Two bytes, network order.
    public func encode(into buffer: inout PostgresEncodingBuffer) { buffer.writeInteger(self) }
}
