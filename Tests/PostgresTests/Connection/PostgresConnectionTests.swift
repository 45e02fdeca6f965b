import Foundation
import Postgres
import Synchronization
import TestSupport
import Testing

@Suite struct PostgresConnectionTests {
    @Test func wrongPasswordIsAConnectionErrorWithoutThePassword() async throws {
        var configuration = try TestCluster.superuserTCP()
        configuration.password = "Wrong-Password-77"
        let error = await postgresError { _ = try await PostgresConnection.connect(configuration: configuration, logger: .disabled) }
        let failure = try #require(error)
        #expect(failure.code == .connectionFailed)
        #expect(failure.operation == .connect)
        #expect(failure.debugDescription.contains("password authentication failed"))
        #expect(!failure.description.contains("Wrong-Password-77"))
        #expect(!failure.debugDescription.contains("Wrong-Password-77"))
    }

    /// "Fast" means: refused at once instead of waiting out the connect timeout. The timeout is set
    /// long and the bound is half of it, so the wall clock of a loaded test run (whose two
    /// concurrency threads other tests may hold) cannot make this fail, but waiting would.
    @Test func unreachableServerFailsFastWithAClearError() async throws {
        let port = try TemporaryCluster.freePort()
        let clock = ContinuousClock()
        let started = clock.now
        var configuration = PostgresConfiguration(host: "127.0.0.1", port: port, user: "x", database: "x", sslMode: .disable)
        configuration.connectTimeout = .seconds(120)
        let refused = await postgresError {
            _ = try await PostgresConnection.connect(configuration: configuration, logger: .disabled)
        }
        #expect(refused?.code == .connectionFailed)
        #expect(refused?.debugDescription.contains("Connection refused") == true)
        var missing = PostgresConfiguration(host: "/nonexistent/socket/dir", port: 5432)
        missing.connectTimeout = .seconds(120)
        let noSocket = await postgresError {
            _ = try await PostgresConnection.connect(configuration: missing, logger: .disabled)
        }
        #expect(noSocket?.code == .connectionFailed)
        #expect(started.duration(to: clock.now) < .seconds(60))
    }

    @Test func unansweredConnectGivesUpAfterTheConnectTimeout() async throws {
        // A listening socket that never answers the startup packet.
        let listener = try SilentListener()
        defer { listener.close() }
        let configuration = PostgresConfiguration(host: "127.0.0.1", port: listener.port, user: "x", database: "x",
                                                  sslMode: .disable, connectTimeout: .milliseconds(300))
        let error = await postgresError { _ = try await PostgresConnection.connect(configuration: configuration, logger: .disabled) }
        #expect(error?.code == .connectionFailed)
        #expect(error?.reason?.contains("timed out") == true)
    }

    @Test func applicationNameAndStatementTimeoutApplyToTheSession() async throws {
        var configuration = try TestCluster.superuser()
        configuration.applicationName = "wr-connection-test"
        configuration.statementTimeout = .milliseconds(150)
        let connection = try await PostgresConnection.connect(configuration: configuration, logger: .disabled)
        let name = try await connection.query("SELECT application_name FROM pg_stat_activity WHERE pid = pg_backend_pid()")
        #expect(try name.first!.decode(String.self) == "wr-connection-test")
        let timeout = try await connection.query("SELECT current_setting('statement_timeout')")
        #expect(try timeout.first!.decode(String.self) == "150ms")
        let error = await postgresError { _ = try await connection.query("SELECT pg_sleep(5)") }
        #expect(error?.sqlState == "57014")
        #expect(try await connection.query("SELECT 1").first!.decode(Int.self) == 1)
        await connection.close()
    }

    @Test func scriptsRunSeveralStatementsAndDollarQuotedBodies() async throws {
        try await withDatabase { _, pool in
            let last = try await pool.execute(unsafeScript: """
                CREATE TABLE counter (n int);
                CREATE FUNCTION bump() RETURNS int LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO counter VALUES (1); -- a comment; with a semicolon
                    RETURN (SELECT count(*) FROM counter);
                END $$;
                SELECT bump(); SELECT bump() AS total, 'x;y' AS text;
                """)
            #expect(try last.first!.decode((Int, String).self) == (2, "x;y"))
            let error = await postgresError { try await pool.execute(unsafeScript: "SELECT 1; SELECT nope; SELECT 3") }
            #expect(error?.sqlState == "42703")
            #expect(error?.operation == .script)
        }
    }

    @Test func cancellingTheTaskCancelsTheRunningStatement() async throws {
        let connection = try await PostgresConnection.connect(configuration: try TestCluster.superuser(), logger: .disabled)
        let clock = ContinuousClock()
        let started = clock.now
        let task = Task { try await connection.query("SELECT pg_sleep(120)") }
        try await Task.sleep(for: .milliseconds(200))
        task.cancel()
        let result = await task.result
        #expect(throws: CancellationError.self) { try result.get() }
        // Well short of the 120 s sleep: the statement was cancelled, not waited for.
        #expect(started.duration(to: clock.now) < .seconds(60))
        await connection.close()
    }

    @Test func sessionEndedByTheServerIsAConnectionError() async throws {
        let connection = try await PostgresConnection.connect(configuration: try TestCluster.superuser(), logger: .disabled)
        let pid = try await connection.query("SELECT pg_backend_pid()").first!.decode(Int32.self)
        let running = Task { try await connection.query("SELECT pg_sleep(30)") }
        try await Task.sleep(for: .milliseconds(200))
        _ = try await Shared.pool().query("SELECT pg_terminate_backend(\(pid))")
        let error = await postgresError { _ = try await running.value }
        #expect(error?.code == .connectionClosed)
        #expect(!connection.isUsable)
        let afterwards = await postgresError { _ = try await connection.query("SELECT 1") }
        #expect(afterwards?.code == .connectionClosed)
    }

    @Test func cachedStatementsSurviveSchemaChangesAndDiscard() async throws {
        try await withDatabase(maximumConnections: 1) { _, pool in
            try await pool.execute(unsafeScript: "CREATE TABLE t (a int); INSERT INTO t VALUES (1)")
            #expect(try await pool.query("SELECT * FROM t").columnNames == ["a"])
            try await pool.execute(unsafeScript: "ALTER TABLE t ADD COLUMN b text DEFAULT 'x'")
            let widened = try await pool.query("SELECT * FROM t")
            #expect(widened.columnNames == ["a", "b"])
            try await pool.execute(unsafeScript: "DISCARD ALL")
            #expect(try await pool.query("SELECT * FROM t").count == 1)
        }
    }

    @Test func repeatedStatementsArePreparedOncePerConnection() async throws {
        let connection = try await PostgresConnection.connect(configuration: try TestCluster.superuser(), logger: .disabled)
        for value in 0..<5 { _ = try await connection.query("SELECT \(value) + 1 AS prepared_once") }
        _ = try await connection.query("SELECT \("text") AS prepared_once")
        let statements = try await connection.query("SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE '%AS prepared_once'")
        // One per distinct bind type list: (bigint) and (unknown).
        #expect(try statements.first!.decode(Int.self) == 2)
        await connection.close()
    }

    @Test func copyIsRefusedCleanly() async throws {
        let pool = try Shared.pool()
        let error = await postgresError { _ = try await pool.query("COPY (SELECT 1) TO STDOUT") }
        #expect(error?.code == .unsupportedResult)
        #expect(try await pool.query("SELECT 2").first!.decode(Int.self) == 2)
    }

    @Test func noticesDoNotDisturbResults() async throws {
        let rows = try await Shared.pool().execute(unsafeScript: "DO $$ BEGIN RAISE NOTICE 'hello'; END $$; SELECT 5")
        #expect(try rows.first!.decode(Int.self) == 5)
    }

    @Test func closedConnectionRefusesFurtherStatements() async throws {
        let connection = try await PostgresConnection.connect(configuration: try TestCluster.superuser(), logger: .disabled)
        await connection.close()
        #expect(!connection.isUsable)
        let error = await postgresError { _ = try await connection.query("SELECT 1") }
        #expect(error?.code == .connectionClosed)
    }

    @Test func concurrentStatementsOnOneConnectionRunInTurn() async throws {
        let connection = try await PostgresConnection.connect(configuration: try TestCluster.superuser(), logger: .disabled)
        let results = try await withThrowingTaskGroup(of: Int.self) { group in
            for value in 0..<50 { group.addTask { try await connection.query("SELECT \(value)").first!.decode(Int.self) } }
            var results: [Int] = []
            for try await value in group { results.append(value) }
            return results
        }
        #expect(results.sorted() == Array(0..<50))
        await connection.close()
    }
}

/// A TCP listener that accepts nothing and says nothing, to exercise connect timeouts.
final class SilentListener: Sendable {
    let port: Int
    private let descriptor: Int32

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.descriptor = descriptor
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) } }
        guard listen(descriptor, 8) == 0 else { throw TestSupportError("listen failed") }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) } }
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    func close() { _ = Glibc.close(descriptor) }

    @Test func aSessionRoleIsInEffectFromTheFirstStatement() async throws {
        let database = try await TestDatabase.make()
        defer { Task { try? await database.drop() } }
        var configuration = database.configuration(user: "wr_worker")
        configuration.sessionRole = "wr_notifier"
        let connection = try await PostgresConnection.connect(configuration: configuration, logger: .disabled)
        let (current, session) = try await connection.query("SELECT current_user::text, session_user::text").first!.decode((String, String).self)
        #expect(current == "wr_notifier")
        #expect(session == "wr_worker")
        await connection.close()
    }

    @Test func aSessionRoleTheLoginMayNotUseRefusesTheConnection() async throws {
        let database = try await TestDatabase.make()
        defer { Task { try? await database.drop() } }
        var configuration = database.configuration(user: "wr_worker")
        configuration.sessionRole = "wr_admin"
        let error = await postgresError { _ = try await PostgresConnection.connect(configuration: configuration, logger: .disabled) }
        #expect(error?.code == .connectionFailed)
    }

    @Test func aSessionRoleThatIsNotAPlainNameIsRefusedBeforeConnecting() async throws {
        var configuration = try TestCluster.superuser()
        configuration.sessionRole = "wr_notifier -c search_path=evil"
        let error = await postgresError { _ = try await PostgresConnection.connect(configuration: configuration, logger: .disabled) }
        #expect(error?.code == .invalidConfiguration)
    }
}
