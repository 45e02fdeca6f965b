/// A SQL statement whose every interpolated value becomes a bind parameter.
///
/// ```swift
/// let query: PostgresQuery = "SELECT name FROM org.person WHERE id = \(id) AND organisation_id = \(orgID)"
/// // sql: "SELECT name FROM org.person WHERE id = $1 AND organisation_id = $2", two binds
/// ```
///
/// Values never become SQL text. The only ways to put text into the statement are literals written in
/// the source, `\(identifier:)` (validated and double-quoted), and the explicitly named
/// `PostgresQuery(unsafeSQL:)` and `\(unsafeRaw:)`.
public struct PostgresQuery: Sendable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// The statement text with `$n` placeholders.
    public private(set) var sql: String
    /// The values of the placeholders.
    public private(set) var bindings: PostgresBindings
    /// Whether results come in binary (default, exact and fast) or text format.
    public var resultFormat: PostgresFormat = .binary
    /// True when text not written as a literal went into `sql` (`unsafeSQL`, `unsafeRaw`); such
    /// statements are then kept out of error descriptions, as they may carry data.
    public private(set) var containsUnsafeSQL: Bool
    var identifierFailure: String?

    /// A statement written as a plain literal.
    public init(stringLiteral value: String) {
        sql = value
        bindings = PostgresBindings()
        containsUnsafeSQL = false
    }

    /// A statement built by interpolation.
    public init(stringInterpolation: StringInterpolation) {
        sql = stringInterpolation.sql
        bindings = stringInterpolation.bindings
        containsUnsafeSQL = stringInterpolation.containsUnsafeSQL
        identifierFailure = stringInterpolation.identifierFailure
    }

    /// A statement from text built at run time. The caller guarantees it holds no data from outside;
    /// values belong in `bindings` (referenced as `$1`, `$2`, …).
    public init(unsafeSQL sql: String, bindings: PostgresBindings = PostgresBindings()) {
        self.sql = sql
        self.bindings = bindings
        containsUnsafeSQL = true
    }

    /// The statement text and the number of binds; never the values.
    public var description: String { "\(sql) [\(bindings.count) binds]" }

    /// Builds the statement while interpolating.
    public struct StringInterpolation: StringInterpolationProtocol {
        var sql: String
        var bindings = PostgresBindings()
        var containsUnsafeSQL = false
        var identifierFailure: String?

        /// Reserves room for the literal parts.
        public init(literalCapacity: Int, interpolationCount: Int) {
            sql = ""
            sql.reserveCapacity(literalCapacity + interpolationCount * 3)
        }

        /// Appends SQL text written in the source.
        public mutating func appendLiteral(_ literal: String) { sql.append(literal) }

        /// Appends a value as the next bind parameter (`$n`). Optionals bind NULL when `nil`.
        public mutating func appendInterpolation<Value: PostgresEncodable>(_ value: Value) {
            bindings.append(value)
            sql.append("$")
            sql.append(String(bindings.count))
        }

        /// Appends an optional value as the next bind parameter; `nil` binds NULL of the wrapped type.
        public mutating func appendInterpolation<Value: PostgresEncodable>(_ value: Value?) {
            bindings.append(value)
            sql.append("$")
            sql.append(String(bindings.count))
        }

        /// Appends a validated, double-quoted identifier (a role, table, channel or column name).
        /// Letters, digits, `_` and `$`, not starting with a digit, at most 63 bytes; anything else
        /// makes the query fail with `.invalidIdentifier` before it is sent.
        public mutating func appendInterpolation(identifier: String) {
            if PostgresIdentifier.isValid(identifier) {
                sql.append("\"")
                sql.append(identifier)
                sql.append("\"")
            } else {
                if identifierFailure == nil { identifierFailure = "identifier not allowed" }
                sql.append("\"\"")
            }
        }

        /// Appends text verbatim into the statement. Never pass data through here.
        public mutating func appendInterpolation(unsafeRaw text: String) {
            containsUnsafeSQL = true
            sql.append(text)
        }
    }

    /// The error to throw instead of running this query, if building it went wrong.
    func validationError(operation: PostgresError.Operation) -> PostgresError? {
        if identifierFailure != nil {
            var error = PostgresError(code: .invalidIdentifier, operation: operation, reason: "identifier not allowed")
            error.statement = statementForErrors
            return error
        }
        if let failure = bindings.failure {
            var error = PostgresError(code: .encoding, operation: operation,
                                      reason: "bind $\(failure.position) (\(failure.type)): \(failure.reason)")
            error.statement = statementForErrors
            return error
        }
        if bindings.count > 65535 {
            return PostgresError(code: .encoding, operation: operation, reason: "more than 65535 binds; use arrays")
        }
        return nil
    }

    /// For statements this library assembles from fixed text and validated names.
    mutating func markSafe() { containsUnsafeSQL = false }

    /// The statement text if it can be shown to a developer: only when it was built without unsafe parts.
    var statementForErrors: String? { containsUnsafeSQL ? nil : sql }
}
