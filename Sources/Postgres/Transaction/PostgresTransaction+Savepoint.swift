extension PostgresTransaction {
    /// Runs `body` inside a savepoint of this transaction: when `body` throws, only its own
    /// statements are rolled back (`ROLLBACK TO SAVEPOINT`) and the transaction stays usable, so a
    /// handler can turn a refused write (a constraint, a locked record) into a form error and go on.
    ///
    /// ```swift
    /// do {
    ///     try await transaction.transaction { sub in try await sub.execute("UPDATE …") }
    /// } catch let error as PostgresError where error.server?.hint == "record_locked" { … }
    /// ```
    @discardableResult
    public func transaction<T>(
        isolation: isolated (any Actor)? = #isolation,
        _ body: (PostgresTransaction) async throws -> T
    ) async throws -> T {
        // One fixed name is enough: savepoints nest, and RELEASE / ROLLBACK TO act on the newest.
        _ = try await query("SAVEPOINT wr_savepoint")
        do {
            let value = try await body(self)
            _ = try await query("RELEASE SAVEPOINT wr_savepoint")
            return value
        } catch {
            _ = try? await query("ROLLBACK TO SAVEPOINT wr_savepoint")
            _ = try? await query("RELEASE SAVEPOINT wr_savepoint")
            throw error
        }
    }
}
