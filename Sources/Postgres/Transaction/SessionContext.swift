import Synchronization

/// Who a transaction acts as: a role to `SET LOCAL ROLE` to and custom settings (`app.person_id`,
/// `app.organisation_id`) that row-level security policies read with `current_setting(…)`.
/// Both end with the transaction.
///
/// The role and the values travel as binds (`set_config('role', $1, true)` is `SET LOCAL ROLE`);
/// names are validated all the same, and only dotted custom settings are allowed, so a context can
/// never change `search_path`, `role` or another built-in setting.
public struct SessionContext: Sendable, Equatable {
    /// The role to act as (`SET LOCAL ROLE`), or nil to stay the login role.
    public var role: String?
    /// Custom settings, e.g. `["app.person_id": id.uuidString]`.
    public var settings: [String: String]

    /// A context acting as `role` with `settings`.
    public init(role: String? = nil, settings: [String: String] = [:]) {
        self.role = role
        self.settings = settings
    }

    /// The statement that applies the context inside a transaction: one round trip together with
    /// `BEGIN`. Role and setting names are binds like the values, so the SQL text depends only on
    /// whether there is a role and how many settings there are; it is built once per shape and the
    /// connection's statement cache reuses the prepared statement.
    func statement() throws -> PostgresQuery {
        var bindings = PostgresBindings()
        if let role {
            guard PostgresIdentifier.isValid(role) else {
                throw PostgresError(code: .invalidIdentifier, operation: .begin, reason: "role name not allowed")
            }
            bindings.append(role)
        }
        for (name, value) in settings {
            guard PostgresIdentifier.isValidCustomSetting(name) else {
                throw PostgresError(code: .invalidIdentifier, operation: .begin, reason: "setting name not allowed (use prefix.name)")
            }
            bindings.append(name)
            bindings.append(value)
        }
        // Fixed text with placeholders only; every name and value is a bind.
        var query = PostgresQuery(unsafeSQL: Self.sql(role: role != nil, settings: settings.count), bindings: bindings)
        query.markSafe()
        return query
    }

    private static let shapes = Mutex<[Int: String]>([:])

    /// `SELECT set_config('role', $1, true), set_config($2, $3, true), …` for the shape.
    static func sql(role: Bool, settings: Int) -> String {
        let key = settings * 2 + (role ? 1 : 0)
        if let cached = shapes.withLock({ $0[key] }) { return cached }
        var calls: [String] = []
        var parameter = 0
        if role {
            parameter += 1
            calls.append("set_config('role', $\(parameter), true)")
        }
        for _ in 0..<settings {
            parameter += 2
            calls.append("set_config($\(parameter - 1), $\(parameter), true)")
        }
        let sql = "SELECT " + calls.joined(separator: ", ")
        shapes.withLock { $0[key] = sql }
        return sql
    }
}
