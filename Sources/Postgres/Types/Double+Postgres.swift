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
