/// Why a value could not be decoded. Library and product decoders throw this; the row adds the column.
public enum PostgresDecodingFailure: Error, Sendable, Equatable {
    /// The column is NULL but the Swift type is not optional.
    case unexpectedNull
    /// The Swift type cannot be decoded from this PostgreSQL type in this format.
    case typeMismatch
    /// The bytes are not a valid value of the type; the text explains what was wrong, never the value.
    case malformed(String)
    /// The value does not fit the Swift type (e.g. a bigint into `Int16`).
    case outOfRange
    /// The tuple decode asked for a different number of columns than the row has.
    case columnCountMismatch(expected: Int, actual: Int)

    var reason: String {
        switch self {
        case .unexpectedNull: "unexpected NULL"
        case .typeMismatch: "type mismatch"
        case .malformed(let what): "malformed value (\(what))"
        case .outOfRange: "value out of range"
        case .columnCountMismatch(let expected, let actual): "expected \(expected) columns, row has \(actual)"
        }
    }
}
