public import Postgres

/// Re-seals every piece of support content under a new content key, in one transaction.
///
/// Support content (`*_enc` columns) is sealed with `pgp_sym_encrypt` under `WR_CONTENT_KEY`, which
/// the database never stores. Rotating means opening every sealed value with the current key and
/// sealing it again with the new one: `UPDATE … SET x = support.seal(support.unseal(x, old), new)`.
/// Every `bytea` column whose name ends in `_enc` is included, so columns added by later migrations
/// are rotated without changing this code.
///
/// Runs as the migration owner (only the owner may use pgcrypto) and refuses while the web service
/// or the Notifier is connected: they hold the old key and would keep sealing with it. The tables
/// are locked against writers for the duration, so nothing sealed with the old key can slip in.
/// If any value does not open with the current key, the transaction rolls back and nothing changes.
public struct ContentKeyRotation: Sendable {
    /// A sealed column.
    public struct Column: Sendable, Hashable, CustomStringConvertible {
        /// Schema name.
        public var schema: String
        /// Table name.
        public var table: String
        /// Column name.
        public var column: String
        /// `schema.table.column`.
        public var description: String { "\(schema).\(table).\(column)" }
    }

    /// What a rotation did.
    public struct Report: Sendable {
        /// Values re-sealed per column.
        public var resealed: [(column: Column, values: Int)]
        /// All values re-sealed.
        public var total: Int { resealed.reduce(0) { $0 + $1.values } }
    }

    /// The key the content is sealed with now.
    public var currentKey: String
    /// The key to seal it with from now on.
    public var newKey: String
    /// The login roles that must not be connected while rotating.
    public var serviceRoles: [String] = ["wr_app", "wr_worker"]

    /// A rotation from `currentKey` to `newKey`.
    public init(currentKey: String, newKey: String) {
        self.currentKey = currentKey
        self.newKey = newKey
    }

    /// Checks the keys without touching the database.
    public func validate() throws {
        if newKey.utf8.count < 32 {
            throw OperationsError(.keyTooShort, "the new key must have at least 32 characters (openssl rand -base64 48)")
        }
        if newKey == currentKey {
            throw OperationsError(.sameKey, "the new key equals the current key")
        }
    }

    /// The sealed columns of the database, in a stable order.
    public static func sealedColumns(in queryable: some PostgresQueryable) async throws -> [Column] {
        try await queryable.query("""
            SELECT n.nspname::text, c.relname::text, a.attname::text
            FROM pg_catalog.pg_attribute a
            JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
              AND a.attnum > 0 AND NOT a.attisdropped
              AND a.atttypid = 'bytea'::regtype AND a.attname LIKE '%\\_enc'
              AND n.nspname NOT IN ('pg_catalog', 'information_schema')
            ORDER BY 1, 2, 3
            """).map { row in
            let (schema, table, column) = try row.decode((String, String, String).self)
            return Column(schema: schema, table: table, column: column)
        }
    }

    /// Rotates; `pool` must be the migration owner's.
    public func run(in pool: PostgresPool) async throws -> Report {
        try validate()
        return try await pool.transaction { transaction in
            let connected = try await transaction.query("""
                SELECT count(*)::int FROM pg_catalog.pg_stat_activity
                WHERE datname = current_database() AND usename = ANY(\(serviceRoles)::text[])
                """).first!.decode(Int.self, column: 0)
            if connected > 0 {
                throw OperationsError(.serviceConnected,
                                      "\(connected) connections of the web service or the Notifier are open; stop them first")
            }
            let columns = try await Self.sealedColumns(in: transaction)
            // Writers wait until we commit; readers (none, with the services stopped) are not blocked.
            for table in Set(columns.map { "\($0.schema).\($0.table)" }).sorted() {
                let parts = table.split(separator: ".").map(String.init)
                _ = try await transaction.query("LOCK TABLE \(identifier: parts[0]).\(identifier: parts[1]) IN EXCLUSIVE MODE")
            }
            var report = Report(resealed: [])
            for column in columns {
                let count: Int
                do {
                    count = try await transaction.execute("""
                        UPDATE \(identifier: column.schema).\(identifier: column.table)
                        SET \(identifier: column.column) = support.seal(support.unseal(\(identifier: column.column), \(currentKey)), \(newKey))
                        WHERE \(identifier: column.column) IS NOT NULL
                        """)
                } catch let error as PostgresError where error.sqlState == "39000" {
                    // pgcrypto: "Wrong key or corrupt data" (external_routine_invocation_exception).
                    throw OperationsError(.wrongKey, "the current key does not open \(column); nothing was changed", underlying: error)
                }
                report.resealed.append((column, count))
            }
            return report
        }
    }
}
