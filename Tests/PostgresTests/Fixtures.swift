import Foundation
import Observability
import Postgres
import Synchronization
import TestSupport

/// One pool on the shared test cluster's `postgres` database, for tests that need no tables.
enum Shared {
    private static let storage = Mutex<PostgresPool?>(nil)

    static func pool() throws -> PostgresPool {
        try storage.withLock { pool in
            if let pool { return pool }
            // Hundreds of tests share it at once on a loaded 2-core machine: waiting for a connection is
            // not what they test, so the wait is generous (the pool's own timeout has tests of its own).
            let created = PostgresPool(configuration: try TestCluster.superuser(), maximumConnections: 8,
                                       acquireTimeout: .seconds(120), name: "shared-tests", logger: .disabled)
            pool = created
            return created
        }
    }
}

/// Runs `body` with a fresh database (no migrations) and a pool on it, dropping the database after.
func withDatabase<T>(
    maximumConnections: Int = 4, logger: Logger = .disabled, metrics: MetricsRegistry? = nil,
    _ body: (TestDatabase, PostgresPool) async throws -> T
) async throws -> T {
    let database = try await TestDatabase.make(migrations: nil)
    let pool = database.makePool(maximumConnections: maximumConnections, logger: logger, metrics: metrics)
    do {
        let value = try await body(database, pool)
        await pool.close()
        try await database.drop()
        return value
    } catch {
        await pool.close()
        try? await database.drop()
        throw error
    }
}

/// Runs `body` with a temporary cluster of its own, destroyed after.
func withTemporaryCluster<T>(_ body: (TemporaryCluster) async throws -> T) async throws -> T {
    let cluster = try await TemporaryCluster.make()
    do {
        let value = try await body(cluster)
        try await cluster.destroy()
        return value
    } catch {
        try? await cluster.destroy()
        throw error
    }
}

/// Selects `value` bound as a parameter and cast to `sqlType`, decoding the result as `T` in `format`.
func echo<T: PostgresEncodable & PostgresDecodable>(_ value: T, as sqlType: String, format: PostgresFormat = .binary) async throws -> T {
    var query: PostgresQuery = "SELECT \(value)::\(unsafeRaw: sqlType)"
    query.resultFormat = format
    return try await Shared.pool().query(query).first!.decode(T.self, column: 0)
}

/// Decodes the SQL expression `expression` (fixed test text) as `T` in `format`.
func select<T: PostgresDecodable>(_ expression: String, as type: T.Type = T.self, format: PostgresFormat = .binary) async throws -> T {
    var query = PostgresQuery(unsafeSQL: "SELECT \(expression)")
    query.resultFormat = format
    return try await Shared.pool().query(query).first!.decode(T.self, column: 0)
}

/// How the server writes a bound value as text (`$1::type::text`), to check what it received.
func serverText<T: PostgresEncodable>(_ value: T, as sqlType: String) async throws -> String? {
    try await Shared.pool().query("SELECT (\(value)::\(unsafeRaw: sqlType))::text").first!.decode(String?.self, column: 0)
}

/// Awaits `error` being thrown by `body` and returns it as a `PostgresError`.
func postgresError(_ body: () async throws -> Void) async -> PostgresError? {
    do {
        try await body()
        return nil
    } catch let error as PostgresError {
        return error
    } catch {
        return nil
    }
}
