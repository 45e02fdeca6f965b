import Foundation
import Postgres
import Synchronization
import TestSupport
import Testing

@Suite struct PostgresTransactionTests {
    struct Boom: Error {}

    @Test func commitsWhenTheBodyReturns() async throws {
        try await withDatabase { _, pool in
            try await pool.execute(unsafeScript: "CREATE TABLE t (n int)")
            let value = try await pool.transaction { tx in
                try await tx.execute("INSERT INTO t VALUES (\(1))")
                try await tx.execute("INSERT INTO t VALUES (\(2))")
                return try await tx.query("SELECT sum(n) FROM t").first!.decode(Int.self)
            }
            #expect(value == 3)
            #expect(try await pool.query("SELECT count(*) FROM t").first!.decode(Int.self) == 2)
        }
    }

    @Test func rollsBackWhenTheBodyThrows() async throws {
        try await withDatabase(maximumConnections: 1) { _, pool in
            try await pool.execute(unsafeScript: "CREATE TABLE t (n int)")
            await #expect(throws: Boom.self) {
                try await pool.transaction { tx in
                    try await tx.execute("INSERT INTO t VALUES (\(1))")
                    throw Boom()
                }
            }
            #expect(try await pool.query("SELECT count(*) FROM t").first!.decode(Int.self) == 0)
            let error = await postgresError {
                try await pool.transaction { tx in _ = try await tx.execute("INSERT INTO t VALUES (\("not a number"))") }
            }
            #expect(error?.sqlState == "22P02")
            #expect(try await pool.query("SELECT count(*) FROM t").first!.decode(Int.self) == 0)
        }
    }

    @Test func rollsBackWhenTheTaskIsCancelled() async throws {
        try await withDatabase(maximumConnections: 1) { _, pool in
            try await pool.execute(unsafeScript: "CREATE TABLE t (n int)")
            let inserted = Gate()
            let task = Task {
                try await pool.transaction { tx in
                    try await tx.execute("INSERT INTO t VALUES (\(1))")
                    await inserted.open()
                    try await Task.sleep(for: .seconds(30))
                }
            }
            await inserted.wait()
            task.cancel()
            let result = await task.result
            #expect(throws: CancellationError.self) { try result.get() }
            #expect(try await pool.query("SELECT count(*) FROM t").first!.decode(Int.self) == 0)
        }
    }

    @Test func cancellationAfterTheBodyStillRollsBack() async throws {
        try await withDatabase(maximumConnections: 1) { _, pool in
            try await pool.execute(unsafeScript: "CREATE TABLE t (n int)")
            let task = Task {
                try await pool.transaction { tx in
                    try await tx.execute("INSERT INTO t VALUES (\(1))")
                    withUnsafeCurrentTask { $0?.cancel() }
                }
            }
            let result = await task.result
            #expect(throws: CancellationError.self) { try result.get() }
            #expect(try await pool.query("SELECT count(*) FROM t").first!.decode(Int.self) == 0)
        }
    }

    @Test func commitOfAFailedTransactionThrows() async throws {
        try await withDatabase { _, pool in
            try await pool.execute(unsafeScript: "CREATE TABLE t (n int UNIQUE)")
            let error = await postgresError {
                try await pool.transaction { tx in
                    try await tx.execute("INSERT INTO t VALUES (\(1))")
                    // The product must not swallow this; if it does, COMMIT turns into ROLLBACK.
                    _ = try? await tx.execute("INSERT INTO t VALUES (\(1))")
                }
            }
            #expect(error?.code == .transactionRolledBack)
            #expect(try await pool.query("SELECT count(*) FROM t").first!.decode(Int.self) == 0)
        }
    }

    @Test func handleUsedAfterTheTransactionEndedIsRefused() async throws {
        let pool = try Shared.pool()
        let escaped = try await pool.transaction { tx in tx }
        let error = await postgresError { _ = try await escaped.query("SELECT 1") }
        #expect(error?.code == .useAfterRelease)
    }

    @Test func actsAsTheRoleWithSettingsOnlyInsideTheTransaction() async throws {
        try await withRole { role in
            try await withDatabase(maximumConnections: 1) { _, pool in
                let person = UUID()
                let context = SessionContext(role: role, settings: ["app.person_id": person.uuidString, "app.organisation_id": "org-1"])
                let inside = try await pool.transaction(as: context) { tx in
                    try await tx.query("""
                        SELECT current_user::text, session_user::text, current_setting('app.person_id'), current_setting('app.organisation_id')
                        """).first!.decode((String, String, String, String).self)
                }
                #expect(inside.0 == role)
                #expect(inside.1 == "postgres")
                #expect(inside.2 == person.uuidString)
                #expect(inside.3 == "org-1")
                let after = try await pool.query("SELECT current_user::text, coalesce(current_setting('app.person_id', true), '')")
                #expect(try after.first!.decode((String, String).self) == ("postgres", ""))
                // The context statement is prepared once per connection and reused, like any other.
                try await pool.transaction(as: context) { _ in }
                let prepared = try await pool.query("SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE 'SELECT set_config(%'")
                #expect(try prepared.first!.decode(Int.self) == 1)
            }
        }
    }

    @Test func rowLevelSecurityFiltersWithTheSettings() async throws {
        try await withRole { role in
            try await withDatabase { _, pool in
                let orgA = UUID()
                let orgB = UUID()
                try await pool.execute(unsafeScript: """
                    CREATE TABLE person (organisation_id uuid NOT NULL, name text NOT NULL);
                    ALTER TABLE person ENABLE ROW LEVEL SECURITY;
                    CREATE POLICY same_organisation ON person
                        USING (organisation_id = (SELECT current_setting('app.organisation_id')::uuid));
                    GRANT SELECT ON person TO \(role);
                    """)
                try await pool.execute("INSERT INTO person SELECT * FROM unnest(\([orgA, orgA, orgB])::uuid[], \(["Anna", "Bo", "Cecilia"])::text[])")
                func names(_ organisation: UUID) async throws -> [String] {
                    try await pool.transaction(as: SessionContext(role: role, settings: ["app.organisation_id": organisation.uuidString])) { tx in
                        try await tx.query("SELECT name FROM person ORDER BY name").map { try $0.decode(String.self) }
                    }
                }
                #expect(try await names(orgA) == ["Anna", "Bo"])
                #expect(try await names(orgB) == ["Cecilia"])
                #expect(try await names(UUID()) == [])
                // Without the role the superuser sees everything.
                #expect(try await pool.query("SELECT count(*) FROM person").first!.decode(Int.self) == 3)
            }
        }
    }

    @Test func roleWithoutPrivilegeIsRefusedByTheDatabase() async throws {
        try await withRole { role in
            try await withDatabase(maximumConnections: 1) { _, pool in
                try await pool.execute(unsafeScript: "CREATE SCHEMA support; CREATE TABLE support.request (note text)")
                let error = await postgresError {
                    try await pool.transaction(as: SessionContext(role: role)) { tx in
                        _ = try await tx.query("SELECT note FROM support.request")
                    }
                }
                #expect(error?.sqlState == "42501")
                #expect(error?.conditionName == "insufficient_privilege")
                #expect(try await pool.query("SELECT current_user::text").first!.decode(String.self) == "postgres")
            }
        }
    }

    @Test func refusesUnsafeRoleAndSettingNamesBeforeSendingAnything() async throws {
        let pool = try Shared.pool()
        for context in [
            SessionContext(role: "wr_manager; DROP TABLE x"), SessionContext(role: ""),
            SessionContext(settings: ["search_path": "evil"]), SessionContext(settings: ["role": "postgres"]),
            SessionContext(settings: ["app.x'; --": "1"]), SessionContext(settings: ["app..x": "1"]),
        ] {
            let error = await postgresError { try await pool.transaction(as: context) { _ in } }
            #expect(error?.code == .invalidIdentifier)
        }
    }

    @Test func unknownRoleFailsTheBeginAndLeavesTheConnectionClean() async throws {
        try await withDatabase(maximumConnections: 1) { _, pool in
            let error = await postgresError {
                try await pool.transaction(as: SessionContext(role: "no_such_role_here", settings: ["app.a": "1"])) { _ in }
            }
            #expect(error?.code == .server)
            #expect(error?.sqlState == "22023")
            #expect(error?.operation == .begin)
            let state = try await pool.query("SELECT current_user::text, coalesce(current_setting('app.a', true), '')")
            #expect(try state.first!.decode((String, String).self) == ("postgres", ""))
        }
    }

    @Test func settingValuesTravelAsBinds() async throws {
        let hostile = "x', true); DROP TABLE pg_class; --"
        let value = try await Shared.pool().transaction(as: SessionContext(settings: ["app.note": hostile])) { tx in
            try await tx.query("SELECT current_setting('app.note')").first!.decode(String.self)
        }
        #expect(value == hostile)
    }

    @Test func notificationsInATransactionAreSentAtCommit() async throws {
        let channel = "tx_notify_\(UInt32.random(in: 0...UInt32.max))"
        let listener = PostgresListener(configuration: try TestCluster.superuser(), logger: .disabled)
        var events = listener.notifications(channel: channel).makeAsyncIterator()
        #expect(try await events.next() == .listening)
        try await Shared.pool().transaction { tx in
            try await tx.notify(channel: channel, payload: "committed")
        }
        await #expect(throws: Boom.self) {
            try await Shared.pool().transaction { tx in
                try await tx.notify(channel: channel, payload: "rolled back")
                throw Boom()
            }
        }
        try await Shared.pool().notify(channel: channel, payload: "after")
        guard case .notification(let first) = try await events.next() else { Issue.record("expected a notification"); return }
        guard case .notification(let second) = try await events.next() else { Issue.record("expected a notification"); return }
        #expect([first.payload, second.payload] == ["committed", "after"])
    }
}

/// Runs `body` with a fresh NOLOGIN role (cluster-wide, so uniquely named), dropped afterwards.
func withRole<T>(_ body: (String) async throws -> T) async throws -> T {
    let role = "wr_test_role_\(UInt32.random(in: 0...UInt32.max))"
    let admin = try Shared.pool()
    try await admin.execute("CREATE ROLE \(identifier: role) NOLOGIN")
    do {
        let value = try await body(role)
        try await admin.execute("DROP ROLE \(identifier: role)")
        return value
    } catch {
        _ = try? await admin.execute("DROP ROLE \(identifier: role)")
        throw error
    }
}
