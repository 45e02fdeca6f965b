public import Foundation
public import Postgres

/// A job's JSON payload as stored (`jsonb`): decoded by the handler that knows its shape.
///
/// Payloads carry identifiers and codes only (`{"request_id": "…"}`), so they are safe in the queue
/// table and in an operator's status output; still, they are never logged.
public struct JobPayload: Sendable, Equatable {
    /// The JSON text.
    public let json: Data

    /// Wraps JSON text.
    public init(json: Data) {
        self.json = json
    }

    /// Encodes `value` as JSON with sorted keys.
    public init<Value: Encodable>(_ value: Value) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        json = try encoder.encode(value)
    }

    /// An empty object.
    public static let empty = JobPayload(json: Data("{}".utf8))

    /// Decodes the payload as `type`; throws ``JobError/Code/malformedPayload`` (without the
    /// payload's text) when it does not fit.
    public func decode<Value: Decodable>(_ type: Value.Type) throws(JobError) -> Value {
        do {
            return try JSONDecoder().decode(type, from: json)
        } catch {
            throw JobError(.malformedPayload, detail: "payload is not \(Value.self)")
        }
    }
}

extension JobPayload: PostgresDecodable {
    /// Reads `jsonb` (binary: a version byte, then the text) and `json`.
    public init(postgresValue bytes: UnsafeRawBufferPointer, type: PostgresDataType, format: PostgresFormat) throws {
        if type == .jsonb, format == .binary {
            guard bytes.first == 1 else { throw PostgresDecodingFailure.malformed("jsonb version") }
            json = Data(bytes.dropFirst())
        } else if type == .jsonb || type == .json || type == .text {
            json = Data(bytes)
        } else {
            throw PostgresDecodingFailure.typeMismatch
        }
    }
}

extension JobPayload: PostgresEncodable {
    /// `jsonb`
    public static var postgresDataType: PostgresDataType { .jsonb }

    /// jsonb's binary format: version 1, then the JSON text.
    public func encode(into buffer: inout PostgresEncodingBuffer) {
        buffer.writeInteger(UInt8(1))
        buffer.writeBytes(json)
    }
}
