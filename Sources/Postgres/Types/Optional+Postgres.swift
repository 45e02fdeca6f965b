/// `nil` binds SQL NULL (typed as the wrapped type) and NULL decodes as `nil`.
extension Optional: PostgresEncodable where Wrapped: PostgresEncodable {
    /// The wrapped type's.
    public static var postgresDataType: PostgresDataType { Wrapped.postgresDataType }
    /// The wrapped type's.
    public static var postgresFormat: PostgresFormat { Wrapped.postgresFormat }

    /// NULL or the wrapped value.
    public func encode(into buffer: inout PostgresEncodingBuffer) {
        switch self {
        case .none: buffer.writeNull()
        case .some(let value): value.encode(into: &buffer)
        }
    }
}

extension Optional: PostgresDecodable where Wrapped: PostgresDecodable {
    /// The wrapped value.
    public init(postgresValue bytes: UnsafeRawBufferPointer, type: PostgresDataType, format: PostgresFormat) throws {
        self = .some(try Wrapped(postgresValue: bytes, type: type, format: format))
    }

    /// NULL is `nil`.
    public static func postgresNull() throws -> Wrapped? { nil }
}

extension Optional: PostgresArrayElement where Wrapped: PostgresArrayElement {
    /// The wrapped type's array type.
    public static var postgresArrayDataType: PostgresDataType { Wrapped.postgresArrayDataType }
    /// The wrapped type's element type.
    public static var postgresElementDataType: PostgresDataType { Wrapped.postgresElementDataType }

    /// NULL or the wrapped element.
    public func encodeArrayElement(into buffer: inout PostgresEncodingBuffer) {
        switch self {
        case .none: buffer.writeNull()
        case .some(let value): value.encodeArrayElement(into: &buffer)
        }
    }
}
