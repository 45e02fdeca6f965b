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
