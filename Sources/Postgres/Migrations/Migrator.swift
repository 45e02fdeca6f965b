public import Foundation
public import Observability

/// Applies the SQL files of a folder (`0001_roles.sql`, `0002_schema.sql`, …) in name order, each in
/// a transaction of its own, and records them in `public.schema_migrations` with their SHA-256.
///
/// - Two processes starting together are safe: everything happens under a session-level advisory lock.
/// - The list is append-only: the applied migrations must be exactly the first files, unchanged. An
///   applied file that was edited (checksum differs) or removed, or a new file sorting before an
///   applied one, is refused with an error naming the file, before anything runs.
/// - A file runs through the simple query protocol, so it may hold many statements and `$$` bodies,
///   but not its own `BEGIN`/`COMMIT`, nor statements that cannot run in a transaction
///   (`CREATE INDEX CONCURRENTLY`).
///
/// The checksum is PostgreSQL's own `sha256()` of the file's bytes, so no hashing code of ours is
/// involved.
public struct Migrator: Sendable {
    /// One migration file.
    public struct File: Sendable, Equatable {
        /// The file name, e.g. `0002_schema.sql`.
        public var name: String
        /// The file's bytes.
        public var contents: Data
    }

    /// A migration recorded in `public.schema_migrations`.
    public struct AppliedMigration: Sendable, Equatable {
        /// The file name.
        public var name: String
        /// Hex SHA-256 of the file's bytes when it was applied.
        public var checksum: String
        /// When it was applied.
        public var appliedAt: Date
    }

    /// What is applied, what is pending, and what `migrate` would refuse.
    public struct Status: Sendable {
        /// Applied migrations in order.
        public var applied: [AppliedMigration]
        /// Files not applied yet, in order.
        public var pending: [String]
        /// Problems that make `migrate` refuse to run (edited, missing or out-of-order files).
        public var problems: [MigrationError]
    }

    /// The folder holding the files.
    public let directory: URL
    private let logger: Logger

    /// The advisory lock key ("WRMIGRAT" in ASCII); the same for every process of the product.
    static let lockKey: Int64 = 0x5752_4D49_4752_4154

    /// A migrator for the `NNNN_name.sql` files in `directory`.
    public init(directory: URL, logger: Logger) {
        self.directory = directory
        self.logger = logger
    }

    /// The migration files in order. Other `.sql` names, duplicate numbers and an unreadable
    /// folder are errors; files not ending in `.sql` (a README) are ignored.
    public func files() throws -> [File] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw MigrationError(code: .unreadableDirectory, file: directory.path, reason: "cannot list the migrations folder")
        }
        var files: [File] = []
        var numbers: [Substring: String] = [:]
        for name in names.sorted() where name.hasSuffix(".sql") {
            guard Self.isValidName(name) else {
                throw MigrationError(code: .invalidFileName, file: name, reason: "must be named NNNN_name.sql")
            }
            let number = name.prefix(4)
            if let other = numbers[number] {
                throw MigrationError(code: .duplicateNumber, file: name, reason: "has the same number as \(other)")
            }
            numbers[number] = name
            guard let contents = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path) else {
                throw MigrationError(code: .unreadableFile, file: name, reason: "cannot be read")
            }
            files.append(File(name: name, contents: contents))
        }
        return files
    }

    /// Applies the pending migrations; returns the names applied (empty when up to date).
    @discardableResult
    public func migrate(_ pool: PostgresPool) async throws -> [String] {
        let files = try files()
        return try await pool.withConnection { connection in
            _ = try await connection.query("SELECT pg_advisory_lock(\(Self.lockKey))")
            do {
                let applied = try await migrateLocked(connection, files: files)
                _ = try await connection.query("SELECT pg_advisory_unlock(\(Self.lockKey))")
                return applied
            } catch {
                // Never hand a session that may still hold the lock back to the pool.
                connection.markForDiscard()
                throw error
            }
        }
    }

    /// Lists applied and pending migrations and any problem, changing nothing.
    public func status(_ pool: PostgresPool) async throws -> Status {
        let files = try files()
        return try await pool.withConnection { connection in
            let exists = try await connection.query("SELECT to_regclass('public.schema_migrations') IS NOT NULL")
            let applied = try exists.first!.decode(Bool.self) ? try await appliedMigrations(connection) : []
            let checksums = try await Self.checksums(of: files, on: connection)
            let problems = Self.problems(applied: applied, files: files, checksums: checksums)
            let pending = problems.isEmpty ? files.dropFirst(applied.count).map(\.name) : []
            return Status(applied: applied, pending: pending, problems: problems)
        }
    }

    private func migrateLocked(_ connection: PostgresConnection, files: [File]) async throws -> [String] {
        try await connection.execute(unsafeScript: """
            CREATE TABLE IF NOT EXISTS public.schema_migrations (
                name text PRIMARY KEY,
                checksum text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """)
        let applied = try await appliedMigrations(connection)
        let checksums = try await Self.checksums(of: files, on: connection)
        if let problem = Self.problems(applied: applied, files: files, checksums: checksums).first { throw problem }
        var names: [String] = []
        for (index, file) in files.enumerated().dropFirst(applied.count) {
            let script = String(decoding: file.contents, as: UTF8.self)
            do {
                try await connection.transaction { transaction in
                    try await transaction.execute(unsafeScript: script)
                    try await transaction.execute(
                        "INSERT INTO public.schema_migrations (name, checksum) VALUES (\(file.name), \(checksums[index]))"
                    )
                }
            } catch let error as PostgresError {
                var failure = MigrationError(code: .failed, file: file.name, reason: "failed: \(error)")
                failure.underlying = error
                throw failure
            }
            logger.info("applied migration", metadata: ["db.migration": file.name])
            names.append(file.name)
        }
        return names
    }

    private func appliedMigrations(_ connection: PostgresConnection) async throws -> [AppliedMigration] {
        try await connection.query("SELECT name, checksum, applied_at FROM public.schema_migrations ORDER BY name").map { row in
            let (name, checksum, appliedAt) = try row.decode((String, String, Date).self)
            return AppliedMigration(name: name, checksum: checksum, appliedAt: appliedAt)
        }
    }

    /// Hex SHA-256 of each file, computed by the server in one round trip.
    static func checksums(of files: [File], on connection: PostgresConnection) async throws -> [String] {
        guard !files.isEmpty else { return [] }
        let rows = try await connection.query("""
            SELECT encode(sha256(contents), 'hex') FROM unnest(\(files.map(\.contents))) WITH ORDINALITY AS f(contents, n) ORDER BY n
            """)
        return try rows.map { try $0.decode(String.self) }
    }

    /// Why the applied migrations are not an unchanged prefix of the files, if they are not.
    static func problems(applied: [AppliedMigration], files: [File], checksums: [String]) -> [MigrationError] {
        let fileNames = Set(files.map(\.name))
        var problems: [MigrationError] = []
        for (index, migration) in applied.enumerated() {
            if !fileNames.contains(migration.name) {
                problems.append(MigrationError(code: .missingFile, file: migration.name, reason: "was applied but its file is missing"))
            } else if index >= files.count || files[index].name != migration.name {
                let skipped = files.first { file in file.name < migration.name && !applied.contains { $0.name == file.name } }
                problems.append(MigrationError(code: .outOfOrder, file: skipped?.name ?? migration.name,
                                               reason: "is not applied, but \(migration.name), which sorts after it, is"))
            } else if checksums[index] != migration.checksum {
                problems.append(MigrationError(code: .checksumMismatch, file: migration.name,
                                               reason: "was edited after it was applied (checksum differs); add a new migration instead"))
            }
        }
        return problems
    }

    static func isValidName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard bytes.count > 9, name.hasSuffix(".sql"), bytes[4] == UInt8(ascii: "_") else { return false }
        guard bytes[0..<4].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        return bytes[5..<(bytes.count - 4)].allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
    }
}
