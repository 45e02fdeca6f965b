/// Something statements can run on: a pool (each statement on any free connection), a connection,
/// or a transaction.
public protocol PostgresQueryable: Sendable {
    /// Runs one statement and returns its rows (empty for commands).
    nonisolated(nonsending) func query(_ query: PostgresQuery) async throws -> PostgresRows

    /// Runs a script of one or more statements through the simple query protocol: no binds, text
    /// results, `$$`-quoted function bodies welcome. For migrations and fixtures written by us, never
    /// for text containing data. Returns the last statement's rows.
    @discardableResult
    func execute(unsafeScript script: String) async throws -> PostgresRows
}

extension PostgresQueryable {
    /// Runs one statement and returns how many rows it inserted, updated, deleted or selected.
    @discardableResult
    public func execute(_ query: PostgresQuery) async throws -> Int {
        try await self.query(query).rowsAffected
    }

    /// Sends `payload` to the listeners of `channel` (`pg_notify`); in a transaction, on commit.
    public func notify(channel: String, payload: String = "") async throws {
        _ = try await query("SELECT pg_notify(\(channel), \(payload))")
    }
}
