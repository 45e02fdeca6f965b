/// `Double` binds as `double precision` and decodes from `real`, `double precision`, `numeric` and
/// integer columns.
extension Double: PostgresEncodable, PostgresDecodable, PostgresArrayElement {
    /// `double precision`
    public static var postgresDataType: PostgresDataType { .float8 }
    /// `double precision[]`
    public static var postgresArrayDataType: PostgresDataType { .float8Array }

    /// IEEE 754 bits, network order.
    public func encode(into buffer: inout PostgresEncodingBuffer) { buffer.writeInteger(bitPattern) }

    /// Decodes floating point, `numeric` and integer columns.
    public init(postgresValue bytes: UnsafeRawBufferPointer, type: PostgresDataType, format: PostgresFormat) throws {
        switch (format, type) {
        case (.binary, .float8):
            guard bytes.count == 8 else { throw PostgresDecodingFailure.malformed("float8 must be 8 bytes") }
            self = Double(bitPattern: bytes.readBigEndian(UInt64.self))
        case (.binary, .float4):
            guard bytes.count == 4 else { throw PostgresDecodingFailure.malformed("float4 must be 4 bytes") }
            self = Double(Float(bitPattern: bytes.readBigEndian(UInt32.self)))
        case (.binary, .numeric):
            guard let value = Double(try PostgresNumeric.string(from: bytes)) else {
                throw PostgresDecodingFailure.malformed("numeric")
            }
            self = value
        case (.binary, .int2), (.binary, .int4), (.binary, .int8):
            self = Double(try Int64(postgresValue: bytes, type: type, format: format))
        case (.text, .float8), (.text, .float4), (.text, .numeric), (.text, .int2), (.text, .int4), (.text, .int8):
            guard let value = Double(bytes.utf8String) else { throw PostgresDecodingFailure.malformed("not a number") }
            self = value
        default:
            throw PostgresDecodingFailure.typeMismatch
        }
    }
}

/// `Bool` binds as `boolean`.
extension Bool: PostgresEncodable, PostgresDecodable, PostgresArrayElement {
    /// `boolean`
    public static var postgresDataType: PostgresDataType { .bool }
    /// `boolean[]`
    public static var postgresArrayDataType: PostgresDataType { .boolArray }

    /// One byte, 1 or 0.
    public func encode(into buffer: inout PostgresEncodingBuffer) { buffer.writeInteger(UInt8(self ? 1 : 0)) }

    /// Decodes `boolean` (`t`/`f` in text format).
    public init(postgresValue bytes: UnsafeRawBufferPointer, type: PostgresDataType, format: PostgresFormat) throws {
        guard type == .bool else { throw PostgresDecodingFailure.typeMismatch }
        switch format {
        case .binary:
            guard bytes.count == 1 else { throw PostgresDecodingFailure.malformed("boolean must be 1 byte") }
            self = bytes[0] != 0
        case .text:
            switch bytes.utf8String {
            case "t", "true": self = true
            case "f", "false": self = false
            default: throw PostgresDecodingFailure.malformed("not a boolean")
            }
        }
    }
}
