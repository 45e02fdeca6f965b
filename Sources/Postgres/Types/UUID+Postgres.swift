public import Foundation

/// `UUID` binds as `uuid`.
extension UUID: PostgresEncodable, PostgresDecodable, PostgresArrayElement {
    /// `uuid`
    public static var postgresDataType: PostgresDataType { .uuid }
    /// `uuid[]`
    public static var postgresArrayDataType: PostgresDataType { .uuidArray }

    /// The 16 bytes.
    public func encode(into buffer: inout PostgresEncodingBuffer) {
        withUnsafeBytes(of: uuid) { buffer.writeBytes($0) }
    }

    /// Decodes `uuid` (and text holding a UUID in text format).
    public init(postgresValue bytes: UnsafeRawBufferPointer, type: PostgresDataType, format: PostgresFormat) throws {
        switch (format, type) {
        case (.binary, .uuid):
            guard bytes.count == 16 else { throw PostgresDecodingFailure.malformed("uuid must be 16 bytes") }
            var value: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
            withUnsafeMutableBytes(of: &value) { $0.copyMemory(from: bytes) }
            self = UUID(uuid: value)
        case (.text, .uuid), (.text, .text), (.text, .varchar), (.text, .bpchar):
            guard let value = UUID(uuidString: bytes.utf8String) else { throw PostgresDecodingFailure.malformed("not a uuid") }
            self = value
        case (.binary, .text), (.binary, .varchar), (.binary, .bpchar):
            guard let value = UUID(uuidString: bytes.utf8String) else { throw PostgresDecodingFailure.malformed("not a uuid") }
            self = value
        default:
            throw PostgresDecodingFailure.typeMismatch
        }
    }
}
