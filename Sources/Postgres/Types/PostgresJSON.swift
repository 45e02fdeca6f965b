import Foundation

/// A `Codable` value stored as `jsonb`: `\(PostgresJSON(preferences))` binds it, and
/// `row.decode(PostgresJSON<Preferences>.self, column: 0).value` reads it (from `json` too).
public struct PostgresJSON<Value: Codable & Sendable>: Sendable {
    /// The wrapped value.
    public var value: Value

    /// Wraps `value`.
    public init(_ value: Value) { self.value = value }
}

extension PostgresJSON: Equatable where Value: Equatable {}

extension PostgresJSON: PostgresEncodable, PostgresDecodable, PostgresArrayElement {
    /// `jsonb`
    public static var postgresDataType: PostgresDataType { .jsonb }
    /// `jsonb[]`
    public static var postgresArrayDataType: PostgresDataType { .jsonbArray }

    /// jsonb's binary format: version 1, then the JSON text.
    public func encode(into buffer: inout PostgresEncodingBuffer) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else {
            buffer.fail("JSON encoding failed")
            return
        }
        buffer.writeInteger(UInt8(1))
        buffer.writeBytes(data)
    }

    /// Decodes `jsonb` and `json`.
    public init(postgresValue bytes: UnsafeRawBufferPointer, type: PostgresDataType, format: PostgresFormat) throws {
        var json = bytes
        switch (type, format) {
        case (.jsonb, .binary):
            guard bytes.first == 1 else { throw PostgresDecodingFailure.malformed("jsonb version") }
            json = UnsafeRawBufferPointer(rebasing: bytes.dropFirst())
        case (.json, _), (.jsonb, .text):
            break
        default:
            throw PostgresDecodingFailure.typeMismatch
        }
        do {
            value = try JSONDecoder().decode(Value.self, from: Data(json))
        } catch {
            // The decoder's own error can quote the data; keep only that it failed.
            throw PostgresDecodingFailure.malformed("JSON does not match \(Value.self)")
        }
    }
}
