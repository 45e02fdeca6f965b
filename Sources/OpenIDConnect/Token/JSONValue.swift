import Foundation

/// A parsed JSON value, for headers, claims and provider documents whose members vary: every claim
/// is kept, typed, and read by name.
enum JSONValue: Sendable, Equatable, Decodable {
    case null
    case bool(Bool)
    /// A number without fraction that fits 64 bits.
    case integer(Int64)
    /// Any other number.
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// The members of `data` when it is one JSON object; nil for anything else.
    static func object(from data: some Collection<UInt8>) -> [String: JSONValue]? {
        guard case .object(let members)? = try? JSONDecoder().decode(JSONValue.self, from: Data(data)) else { return nil }
        return members
    }

    /// The string, or nil for any other value.
    var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The number as seconds since 1970 (a JWT NumericDate), or nil for any other value.
    var numericDate: Date? {
        switch self {
        case .integer(let value): Date(timeIntervalSince1970: TimeInterval(value))
        case .number(let value) where value.isFinite: Date(timeIntervalSince1970: value)
        default: nil
        }
    }
}
