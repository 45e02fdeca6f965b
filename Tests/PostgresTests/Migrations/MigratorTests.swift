import Foundation
import Postgres
import TestSupport
import Testing

@Suite struct MigratorTests {
    /// A folder of migration files in the test work directory.
    struct Folder {
        let url: URL

        init(_ files: [String: String]) throws {
            url = TestCluster.workDirectory.appendingPathComponent("migrations-\(UUID().uuidString)", isDirectory: true)
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            for (name, contents) in files { try write(name, contents) }
        }

        func write(_ name: String, _ contents: String) throws {
            try Data(contents.utf8).write(to: url.appendingPathComponent(name))
        }

        func remove(_ name: String) throws { try FileManager.default.removeItem(at: url.appendingPathComponent(name)) }

        func destroy() { try? FileManager.default.removeItem(at: url) }
    }

    static let first = "CREATE TABLE log (file text, at timestamptz DEFAULT now());\nINSERT INTO log (file) VALUES ('0001');\n"
    static let second = """
        CREATE FUNCTION log_file(name text) RETURNS void LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO log (file) VALUES (name); -- a semicolon; inside the body is fine
        END $$;
        SELECT log_file('0002');
        """

    @Test func appliesFilesInOrderAndRecordsTheirChecksums() async throws {
        let folder = try Folder(["0001_log.sql": Self.first, "0002_function.sql": Self.second, "README.md": "not a migration"])
        defer { folder.destroy() }
        try await withDatabase { _, pool in
            let migrator = Migrator(directory: folder.url, logger: .disabled)
            #expect(try await migrator.migrate(pool) == ["0001_log.sql", "0002_function.sql"])
            #expect(try await pool.query("SELECT file FROM log ORDER BY at, file").map { try $0.decode(String.self, column: 0) } == ["0001", "0002"])
            let recorded = try await pool.query("SELECT name, checksum FROM public.schema_migrations ORDER BY name")
            let pairs = try recorded.map { try $0.decode((String, String).self) }
            #expect(pairs.map(\.0) == ["0001_log.sql", "0002_function.sql"])
            // SHA-256 of `first`, computed independently with sha256sum.
            #expect(pairs[0].1 == "a2fb314283fc348b94289ba78c19fcdc3646fe744468606dfc9ea997be4f4602")
            #expect(try await migrator.migrate(pool) == [])
            let status = try await migrator.status(pool)
            #expect(status.applied.map(\.name) == ["0001_log.sql", "0002_function.sql"])
            #expect(status.pending == [])
            #expect(status.problems.isEmpty)
        }
    }

    @Test func checksumIsTheSHA256OfTheFileBytes() async throws {
        let folder = try Folder(["0001_one.sql": "SELECT 1;\n"])
        defer { folder.destroy() }
        try await withDatabase { _, pool in
            try await Migrator(directory: folder.url, logger: .disabled).migrate(pool)
            let checksum = try await pool.query("SELECT checksum FROM public.schema_migrations").first!.decode(String.self)
            // printf 'SELECT 1;\n' | sha256sum
            #expect(checksum == "b4e0497804e46e0a0b0b8c31975b062152d551bac49c3c2e80932567b4085dcd")
        }
    }

    @Test func refusesAnAppliedMigrationThatWasEdited() async throws {
        let folder = try Folder(["0001_log.sql": Self.first])
        defer { folder.destroy() }
        try await withDatabase { _, pool in
            let migrator = Migrator(directory: folder.url, logger: .disabled)
            try await migrator.migrate(pool)
            try folder.write("0001_log.sql", Self.first + "-- a harmless edit is still an edit\n")
            try folder.write("0002_function.sql", Self.second)
            let error = await #expect(throws: MigrationError.self) { try await migrator.migrate(pool) }
            #expect(error?.code == .checksumMismatch)
            #expect(error?.file == "0001_log.sql")
            #expect(error?.description.contains("0001_log.sql was edited after it was applied") == true)
            // Nothing after the refusal ran.
            #expect(try await pool.query("SELECT count(*) FROM public.schema_migrations").first!.decode(Int.self) == 1)
            #expect(try await migrator.status(pool).problems.map(\.code) == [.checksumMismatch])
        }
    }

    @Test func refusesWhenAnAppliedFileIsMissing() async throws {
        let folder = try Folder(["0001_log.sql": Self.first, "0002_function.sql": Self.second])
        defer { folder.destroy() }
        try await withDatabase { _, pool in
            let migrator = Migrator(directory: folder.url, logger: .disabled)
            try await migrator.migrate(pool)
            try folder.remove("0002_function.sql")
            let error = await #expect(throws: MigrationError.self) { try await migrator.migrate(pool) }
            #expect(error?.code == .missingFile)
            #expect(error?.description == "migration 0002_function.sql was applied but its file is missing")
        }
    }

    @Test func refusesANewFileSortingBeforeAnAppliedOne() async throws {
        let folder = try Folder(["0002_function.sql": Self.first])
        defer { folder.destroy() }
        try await withDatabase { _, pool in
            let migrator = Migrator(directory: folder.url, logger: .disabled)
            try await migrator.migrate(pool)
            try folder.write("0001_early.sql", "SELECT 1;")
            let error = await #expect(throws: MigrationError.self) { try await migrator.migrate(pool) }
            #expect(error?.code == .outOfOrder)
            #expect(error?.file == "0001_early.sql")
        }
    }

    @Test func refusesBadFileNamesAndDuplicateNumbers() throws {
        let badName = try Folder(["1_short.sql": "SELECT 1;"])
        defer { badName.destroy() }
        #expect(throws: MigrationError.self) { try Migrator(directory: badName.url, logger: .disabled).files() }
        let duplicate = try Folder(["0001_a.sql": "SELECT 1;", "0001_b.sql": "SELECT 2;"])
        defer { duplicate.destroy() }
        let error = #expect(throws: MigrationError.self) { try Migrator(directory: duplicate.url, logger: .disabled).files() }
        #expect(error?.code == .duplicateNumber)
        let missing = #expect(throws: MigrationError.self) {
            try Migrator(directory: URL(fileURLWithPath: "/nonexistent/migrations"), logger: .disabled).files()
        }
        #expect(missing?.code == .unreadableDirectory)
    }

    @Test func failingMigrationIsRolledBackAndNotRecorded() async throws {
        let folder = try Folder(["0001_log.sql": Self.first, "0002_broken.sql": "CREATE TABLE half (n int);\nSELECT no_such_function();\n"])
        defer { folder.destroy() }
        try await withDatabase { _, pool in
            let migrator = Migrator(directory: folder.url, logger: .disabled)
            let error = await #expect(throws: MigrationError.self) { try await migrator.migrate(pool) }
            #expect(error?.code == .failed)
            #expect(error?.file == "0002_broken.sql")
            #expect(error?.underlying?.sqlState == "42883")
            #expect(try await pool.query("SELECT to_regclass('half') IS NULL").first!.decode(Bool.self))
            #expect(try await migrator.status(pool).pending == ["0002_broken.sql"])
            try folder.write("0002_broken.sql", "CREATE TABLE half (n int);\n")
            #expect(try await migrator.migrate(pool) == ["0002_broken.sql"])
        }
    }

    @Test func twoMigratorsAtOnceApplyEachFileExactlyOnce() async throws {
        var files = ["0001_log.sql": Self.first]
        for number in 2...6 {
            let name = String(format: "%04d_step.sql", number)
            files[name] = "SELECT pg_sleep(0.05); INSERT INTO log (file) VALUES ('\(name)');"
        }
        let folder = try Folder(files)
        defer { folder.destroy() }
        try await withDatabase(maximumConnections: 2) { database, _ in
            // Two processes: two pools of their own.
            let pools = (0..<2).map { _ in database.makePool(maximumConnections: 1) }
            let applied = try await withThrowingTaskGroup(of: [String].self) { group in
                for pool in pools { group.addTask { try await Migrator(directory: folder.url, logger: .disabled).migrate(pool) } }
                var all: [[String]] = []
                for try await names in group { all.append(names) }
                return all
            }
            #expect(applied.flatMap { $0 }.sorted() == files.keys.sorted())
            #expect(applied.contains([]))
            let logged = try await pools[0].query("SELECT file, count(*) FROM log GROUP BY file HAVING count(*) > 1")
            #expect(logged.isEmpty)
            #expect(try await pools[0].query("SELECT count(*) FROM log").first!.decode(Int.self) == 6)
            for pool in pools { await pool.close() }
        }
    }

    @Test func testDatabasesCopyAMigratedTemplate() async throws {
        let folder = try Folder(["0001_log.sql": Self.first])
        defer { folder.destroy() }
        let one = try await TestDatabase.make(migrations: folder.url)
        let two = try await TestDatabase.make(migrations: folder.url)
        let poolOne = one.makePool()
        let poolTwo = two.makePool()
        try await poolOne.execute("INSERT INTO log (file) VALUES (\("only in one"))")
        #expect(try await poolOne.query("SELECT count(*) FROM log").first!.decode(Int.self) == 2)
        #expect(try await poolTwo.query("SELECT count(*) FROM log").first!.decode(Int.self) == 1)
        #expect(try await poolTwo.query("SELECT count(*) FROM public.schema_migrations").first!.decode(Int.self) == 1)
        await poolOne.close()
        await poolTwo.close()
        try await one.drop()
        try await two.drop()
    }
}
