/// An error from the PostgreSQL client.
///
/// Nothing here ever holds a bound value. `description` is generic and safe for any log: the code,
/// the SQLSTATE with its condition name, the operation and (for decoding) which column. The server's
/// own message can itself quote a value (`invalid input syntax for type integer: "abc"`), so it and
/// every other detail appear only in `debugDescription`.
///
/// Map errors to user-facing outcomes through the properties: `sqlState` (`23505`, `42501`, `P0001`),
/// `constraintName`, `tableName`.
public struct PostgresError: Error, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// What kind of failure this is.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case connectionFailed, connectionClosed, server, decoding, encoding, poolTimeout, poolClosed
            case invalidConfiguration, invalidIdentifier, transactionRolledBack, unsupportedResult, useAfterRelease
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// A connection could not be established (unreachable, refused, authentication failed, timeout).
        public static let connectionFailed = Code(.connectionFailed)
        /// An established connection was lost or closed (e.g. the server restarted).
        public static let connectionClosed = Code(.connectionClosed)
        /// The server reported an error for a statement; see `sqlState`.
        public static let server = Code(.server)
        /// A column could not be decoded as the requested Swift type.
        public static let decoding = Code(.decoding)
        /// A value could not be encoded as a bind (e.g. a string containing NUL).
        public static let encoding = Code(.encoding)
        /// No connection became available within the pool's acquire timeout.
        public static let poolTimeout = Code(.poolTimeout)
        /// The pool was closed.
        public static let poolClosed = Code(.poolClosed)
        /// The configuration (URL, environment, options) is not valid.
        public static let invalidConfiguration = Code(.invalidConfiguration)
        /// An identifier (role, setting, channel name) was rejected before reaching SQL.
        public static let invalidIdentifier = Code(.invalidIdentifier)
        /// `COMMIT` ended in a rollback because an earlier statement of the transaction failed.
        public static let transactionRolledBack = Code(.transactionRolledBack)
        /// The server answered with something this client does not handle (e.g. `COPY`).
        public static let unsupportedResult = Code(.unsupportedResult)
        /// A transaction handle was used after its transaction ended.
        public static let useAfterRelease = Code(.useAfterRelease)

        /// The code's name, e.g. `connectionClosed`.
        public var description: String { base.rawValue }
    }

    /// What the client was doing when the error happened.
    public enum Operation: String, Sendable {
        case connect, query, script, begin, commit, rollback, listen, notify, acquire, ping, decode, encode, configure
    }

    /// The fields of a server `ErrorResponse` (see "Error and Notice Message Fields" in the PostgreSQL
    /// protocol documentation). `message`, `detail`, `hint`, `context` and `internalQuery` may quote
    /// data and are shown only by `debugDescription`.
    public struct ServerFields: Sendable {
        /// `ERROR`, `FATAL` or `PANIC` (never localised).
        public var severity: String?
        /// The five-character SQLSTATE, e.g. `23505`.
        public var sqlState: String?
        /// The primary message; may contain data.
        public var message: String?
        /// The detail; may contain data (`Key (email)=(…) already exists.`).
        public var detail: String?
        /// A hint; may contain data.
        public var hint: String?
        /// Cursor position in the statement text (1-based characters).
        public var position: Int?
        /// Call stack context (PL/pgSQL); may contain data.
        public var context: String?
        /// Schema of the object concerned.
        public var schemaName: String?
        /// Table of the object concerned.
        public var tableName: String?
        /// Column concerned.
        public var columnName: String?
        /// Data type concerned.
        public var dataTypeName: String?
        /// Constraint violated, e.g. `person_email_key`.
        public var constraintName: String?
        /// Server source routine; useful to PostgreSQL developers.
        public var routine: String?

        /// Creates empty fields.
        public init() {}
    }

    /// Which column a decoding error concerns.
    public struct ColumnContext: Sendable {
        /// Zero-based column index.
        public var index: Int
        /// The column's name as the server reported it.
        public var name: String
        /// The Swift type that was asked for.
        public var expectedType: String
        /// The column's PostgreSQL type.
        public var actualType: PostgresDataType
        /// Whether the value came in text or binary format.
        public var format: PostgresFormat
    }

    /// The kind of failure.
    public var code: Code
    /// What was being done.
    public var operation: Operation?
    /// The server's error fields, for `.server` errors (and `FATAL`s ending a connection).
    public var server: ServerFields?
    /// The column, for `.decoding` errors.
    public var column: ColumnContext?
    /// A fixed explanation written by this library (never containing data), e.g. "string contains NUL".
    public var reason: String?
    /// libpq's own message (connection failures); shown only by `debugDescription`.
    var clientMessage: String?
    /// The statement text when it was built without unsafe parts; shown only by `debugDescription`.
    var statement: String?

    /// Creates an error; library code fills in the context it has.
    public init(code: Code, operation: Operation? = nil, reason: String? = nil) {
        self.code = code
        self.operation = operation
        self.reason = reason
    }

    /// The SQLSTATE for server errors, e.g. `23505`.
    public var sqlState: String? { server?.sqlState }
    /// The condition name of `sqlState` when known, e.g. `unique_violation`.
    public var conditionName: String? { sqlState.flatMap { SQLState.conditionName(of: $0) } }
    /// The violated constraint's name, for integrity errors.
    public var constraintName: String? { server?.constraintName }
    /// The table concerned, when the server names one.
    public var tableName: String? { server?.tableName }
    /// The column concerned, when the server names one.
    public var columnName: String? { server?.columnName }
    /// The schema concerned, when the server names one.
    public var schemaName: String? { server?.schemaName }

    /// Generic, safe for logs: no message text, no values.
    public var description: String {
        var text: String
        switch code {
        case .server:
            text = "server error"
            if let sqlState {
                text += " \(sqlState)"
                if let name = conditionName { text += " (\(name))" }
            }
        case .decoding:
            text = "decoding error"
            if let column {
                text += " in column \(column.index) \"\(column.name)\": cannot decode \(column.actualType) (\(column.format)) as \(column.expectedType)"
            }
        default:
            text = "\(code)"
        }
        if let reason { text += ": \(reason)" }
        if let operation { text += " in \(operation.rawValue)" }
        return text
    }

    /// Everything known, for a developer's eyes: may contain data quoted by the server.
    public var debugDescription: String {
        var lines = [description]
        if let server {
            let fields: [(String, String?)] = [
                ("severity", server.severity), ("message", server.message), ("detail", server.detail),
                ("hint", server.hint), ("position", server.position.map(String.init)), ("context", server.context),
                ("schema", server.schemaName), ("table", server.tableName), ("column", server.columnName),
                ("data type", server.dataTypeName), ("constraint", server.constraintName), ("routine", server.routine),
            ]
            for case let (name, value?) in fields { lines.append("  \(name): \(value)") }
        }
        if let clientMessage { lines.append("  client: \(clientMessage)") }
        if let statement { lines.append("  statement: \(statement)") }
        return lines.joined(separator: "\n")
    }
}
