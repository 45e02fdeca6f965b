import Foundation

/// A parsed JSON value, for headers, claims and provider documents whose members vary: every claim
/// is kept, typed, and read by name. Parsed by ``JSONParser``, never by `JSONDecoder`, which keeps the
/// first of two members with the same name where RFC 7519 allows only the last or a refusal.
enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// A number without fraction or exponent that fits 64 bits.
    case integer(Int64)
    /// Any other number.
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The members of `data` when it is one strict JSON object; nil for anything else.
    static func object(from data: some Collection<UInt8>) -> [String: JSONValue]? {
        guard case .object(let members)? = JSONParser.parse(data) else { return nil }
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
