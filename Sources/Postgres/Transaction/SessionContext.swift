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
    /// `BEGIN`. Settings are sorted by name so the SQL text (and its cached statement) is stable.
    func statement() throws -> PostgresQuery {
        var bindings = PostgresBindings()
        var calls: [String] = []
        if let role {
            guard PostgresIdentifier.isValid(role) else {
                throw PostgresError(code: .invalidIdentifier, operation: .begin, reason: "role name not allowed")
            }
            bindings.append(role)
            calls.append("set_config('role', $\(bindings.count), true)")
        }
        for name in settings.keys.sorted() {
            guard PostgresIdentifier.isValidCustomSetting(name) else {
                throw PostgresError(code: .invalidIdentifier, operation: .begin, reason: "setting name not allowed (use prefix.name)")
            }
            bindings.append(name)
            bindings.append(settings[name]!)
            calls.append("set_config($\(bindings.count - 1), $\(bindings.count), true)")
        }
        // Built from fixed text and validated names only; every value is a bind.
        var query = PostgresQuery(unsafeSQL: "SELECT " + calls.joined(separator: ", "), bindings: bindings)
        query.markSafe()
        return query
    }
}
