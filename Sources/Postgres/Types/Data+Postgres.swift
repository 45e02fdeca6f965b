public import Foundation

/// `Data` binds as `bytea`.
extension Data: PostgresEncodable, PostgresDecodable, PostgresArrayElement {
    /// `bytea`
    public static var postgresDataType: PostgresDataType { .bytea }
    /// `bytea[]`
    public static var postgresArrayDataType: PostgresDataType { .byteaArray }

    /// The raw bytes.
    public func encode(into buffer: inout PostgresEncodingBuffer) { buffer.writeBytes(self) }

    /// Decodes `bytea` (hex format `\x…` when results are text).
    public init(postgresValue bytes: UnsafeRawBufferPointer, type: PostgresDataType, format: PostgresFormat) throws {
        guard type == .bytea else { throw PostgresDecodingFailure.typeMismatch }
        if format == .binary {
            self = Data(bytes)
            return
        }
        guard bytes.count >= 2, bytes[0] == UInt8(ascii: "\\"), bytes[1] == UInt8(ascii: "x"), bytes.count % 2 == 0 else {
            throw PostgresDecodingFailure.malformed("bytea text must be hex (\\x…)")
        }
        func nibble(_ byte: UInt8) throws -> UInt8 {
            switch byte {
            case 0x30...0x39: return byte - 0x30
            case 0x61...0x66: return byte - 0x61 + 10
            case 0x41...0x46: return byte - 0x41 + 10
            default: throw PostgresDecodingFailure.malformed("bytea hex digit")
            }
        }
        var data = Data(capacity: (bytes.count - 2) / 2)
        var index = 2
        while index < bytes.count {
            data.append(try nibble(bytes[index]) << 4 | nibble(bytes[index + 1]))
            index += 2
        }
        self = data
    }
}
