/// A transaction in progress, handed to the body of `transaction { tx in … }`. Valid only inside
/// the body: using it afterwards throws `.useAfterRelease` (the connection may serve someone else).
public struct PostgresTransaction: PostgresQueryable {
    let connection: PostgresConnection
    let lease: TransactionLease

    /// Runs one statement inside the transaction.
    public nonisolated(nonsending) func query(_ query: PostgresQuery) async throws -> PostgresRows {
        try lease.check()
        return try await connection.query(query)
    }

    /// Runs a script inside the transaction (see `PostgresQueryable`).
    @discardableResult
    public func execute(unsafeScript script: String) async throws -> PostgresRows {
        try lease.check()
        return try await connection.execute(unsafeScript: script)
    }
}
