public import Foundation
public import Observability
public import Postgres
import Synchronization

/// A freshly created database of its own for one test, on the shared test cluster.
///
/// `make(migrations:)` migrates a template database once per test process and migrations folder,
/// then copies it (`CREATE DATABASE … TEMPLATE …`), which takes milliseconds. Safe to call from
/// tests running in parallel.
public struct TestDatabase: Sendable {
    /// The database's name (`wr_test_<pid>_<n>`).
    public let name: String
    /// The superuser configuration for this database (unix socket).
    public let configuration: PostgresConfiguration

    /// The repository's `Migrations/` folder.
    public static var repoMigrations: URL { TestCluster.repositoryRoot.appendingPathComponent("Migrations", isDirectory: true) }

    /// Creates a new database, migrated with the files in `migrations` (none when nil; the
    /// repository's folder counts as empty while it does not exist yet).
    public static func make(migrations: URL? = repoMigrations, logger: Logger = .disabled) async throws -> TestDatabase {
        let admin = try Admin.shared()
        let template = try await Templates.shared.template(for: migrations, admin: admin, logger: logger)
        let name = "wr_test_\(getpid())_\(counter.wrappingAdd(1, ordering: .relaxed).newValue)"
        var statement = "CREATE DATABASE \"\(name)\""
        if let template { statement += " TEMPLATE \"\(template.name)\"" }
        if template?.ownedByProductOwner == true { statement += " OWNER \(TestDatabase.productOwner)" }
        try await admin.execute(unsafeScript: statement)
        return TestDatabase(name: name, configuration: try TestCluster.superuser(database: name))
    }

    /// The non-superuser role that owns and migrates the product's databases, as in production.
    public static let productOwner = "wr_owner"

    /// This database as another login role over the unix socket (trust): `wr_owner` (migrations),
    /// `wr_app` (the web service), `wr_worker` (the Notifier).
    public func configuration(user: String) -> PostgresConfiguration {
        var configuration = self.configuration
        configuration.user = user
        configuration.password = nil
        return configuration
    }

    /// A pool logged in as `user` (see ``configuration(user:)``). Its wait for a connection is long:
    /// the whole suite runs at once on two cores, and the pool's own timeout has tests of its own.
    public func makePool(user: String, maximumConnections: Int = 4, logger: Logger = .disabled, metrics: MetricsRegistry? = nil) -> PostgresPool {
        PostgresPool(configuration: configuration(user: user), maximumConnections: maximumConnections, acquireTimeout: .seconds(60),
                     name: name + "-" + user, logger: logger, metrics: metrics)
    }

    /// A pool for this database.
    public func makePool(maximumConnections: Int = 4, logger: Logger = .disabled, metrics: MetricsRegistry? = nil) -> PostgresPool {
        PostgresPool(configuration: configuration, maximumConnections: maximumConnections, acquireTimeout: .seconds(60),
                     name: name, logger: logger, metrics: metrics)
    }

    /// Drops the database, ending any sessions still connected to it.
    public func drop() async throws {
        try await Admin.shared().execute(unsafeScript: "DROP DATABASE IF EXISTS \"\(name)\" WITH (FORCE)")
    }

    private static let counter = Atomic<Int>(0)
}

/// One superuser pool on the `postgres` database per test process, for CREATE/DROP DATABASE.
enum Admin {
    private static let pool = Mutex<PostgresPool?>(nil)

    static func shared() throws -> PostgresPool {
        try pool.withLock { pool in
            if let pool { return pool }
            let created = PostgresPool(configuration: try TestCluster.superuser(database: "postgres"), maximumConnections: 6,
                                       acquireTimeout: .seconds(300), name: "test-admin", logger: .disabled)
            pool = created
            return created
        }
    }
}

/// Migrated template databases, one per migrations folder, built once per process.
actor Templates {
    static let shared = Templates()
    struct Template: Sendable {
        let name: String
        let ownedByProductOwner: Bool
    }

    private var building: [String: Task<Template?, any Error>] = [:]

    func template(for migrations: URL?, admin: PostgresPool, logger: Logger) async throws -> Template? {
        guard let migrations else { return nil }
        let path = migrations.standardizedFileURL.path
        if let task = building[path] { return try await task.value }
        let task = Task<Template?, any Error> {
            let isRepoFolder = path == TestDatabase.repoMigrations.standardizedFileURL.path
            if isRepoFolder, !FileManager.default.fileExists(atPath: path) { return nil }
            let name = "wr_template_\(getpid())_\(Templates.shortHash(path))"
            try await admin.execute(unsafeScript: "DROP DATABASE IF EXISTS \"\(name)\" WITH (FORCE)")
            // The product's migrations run as a non-superuser owner with CREATEROLE, as in production,
            // so definer functions and row-level security behave as they will there.
            if isRepoFolder {
                try await admin.execute(unsafeScript: """
                    DO $$ BEGIN
                        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '\(TestDatabase.productOwner)') THEN
                            CREATE ROLE \(TestDatabase.productOwner) LOGIN CREATEROLE;
                        END IF;
                    END $$
                    """)
                try await admin.execute(unsafeScript: "CREATE DATABASE \"\(name)\" OWNER \(TestDatabase.productOwner)")
            } else {
                try await admin.execute(unsafeScript: "CREATE DATABASE \"\(name)\"")
            }
            var configuration = try TestCluster.superuser(database: name)
            if isRepoFolder { configuration.user = TestDatabase.productOwner }
            configuration.applicationName = "wr-tests-template"
            let pool = PostgresPool(configuration: configuration, maximumConnections: 1, name: name, logger: logger)
            do {
                try await Migrator(directory: migrations, logger: logger).migrate(pool)
            } catch {
                await pool.close()
                throw error
            }
            // CREATE DATABASE … TEMPLATE refuses while anyone is connected to the template.
            await pool.close()
            return Template(name: name, ownedByProductOwner: isRepoFolder)
        }
        building[path] = task
        return try await task.value
    }

    private static func shortHash(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return String(hash % 0xFFFF_FFFF, radix: 16)
    }
}
