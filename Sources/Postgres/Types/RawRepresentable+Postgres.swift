/// Enums (and other `RawRepresentable` types) bind and decode as their raw value: declare
/// `extension TalkStatus: PostgresEncodable, PostgresDecodable {}` for a `String`-backed enum.
extension PostgresEncodable where Self: RawRepresentable, RawValue: PostgresEncodable {
    /// The raw value's type.
    public static var postgresDataType: PostgresDataType { RawValue.postgresDataType }
    /// The raw value's format.
    public static var postgresFormat: PostgresFormat { RawValue.postgresFormat }
    /// The raw value.
    public func encode(into buffer: inout PostgresEncodingBuffer) { rawValue.encode(into: &buffer) }
}

extension PostgresDecodable where Self: RawRepresentable, RawValue: PostgresDecodable {
    /// The case whose raw value the column holds.
    public init(postgresValue bytes: UnsafeRawBufferPointer, type: PostgresDataType, format: PostgresFormat) throws {
        guard let value = Self(rawValue: try RawValue(postgresValue: bytes, type: type, format: format)) else {
            throw PostgresDecodingFailure.malformed("no \(Self.self) case for this value")
        }
        self = value
    }
}
