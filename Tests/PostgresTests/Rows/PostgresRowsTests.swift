import Foundation
import Postgres
import Testing

@Suite struct PostgresRowsTests {
    @Test func decodesByIndexByNameAndAsATuple() async throws {
        let rows = try await Shared.pool().query("SELECT 1 AS id, 'Åsa' AS \"firstName\", NULL::bigint AS unit UNION ALL SELECT 2, 'Bo', 7")
        #expect(rows.count == 2)
        #expect(rows.columnNames == ["id", "firstName", "unit"])
        let first = rows[0]
        #expect(try first.decode(Int.self, column: 0) == 1)
        #expect(try first.decode(String.self, column: "firstName") == "Åsa")
        #expect(try first.decode(Int?.self, column: "unit") == nil)
        #expect(first.isNull(column: 2))
        let (id, name, unit) = try rows[1].decode((Int, String, Int?).self)
        #expect(id == 2 && name == "Bo" && unit == 7)
        let missing = #expect(throws: PostgresError.self) { try first.decode(Int.self, column: "firstname") }
        #expect(missing?.reason == "no column named \"firstname\"")
        #expect(throws: PostgresError.self) { try first.decode(Int.self, column: 3) }
    }

    @Test func decodesAllRowsAtOnce() async throws {
        let rows = try await Shared.pool().query("SELECT n, 'row ' || n FROM generate_series(1, 3) n")
        let decoded = try rows.decode((Int, String).self)
        #expect(decoded.map(\.0) == [1, 2, 3])
        #expect(decoded.map(\.1) == ["row 1", "row 2", "row 3"])
        let single = try await Shared.pool().query("SELECT n FROM generate_series(5, 6) n").decode(Int.self)
        #expect(single == [5, 6])
    }

    @Test func tupleDecodeRequiresTheRowsColumnCount() async throws {
        let row = try await Shared.pool().query("SELECT 1, 2").first!
        let error = #expect(throws: PostgresError.self) { try row.decode((Int, Int, Int).self) }
        #expect(error?.reason == "expected 3 columns, row has 2")
        #expect(try row.decode((Int, Int).self) == (1, 2))
    }

    @Test func decodingErrorsNameTheColumnButNeverTheValue() async throws {
        let row = try await Shared.pool().query("SELECT 'private text 123' AS note").first!
        let error = #expect(throws: PostgresError.self) { try row.decode(UUID.self, column: "note") }
        #expect(error?.code == .decoding)
        #expect(error?.column?.name == "note")
        #expect(error?.column?.actualType == .text)
        #expect(error?.description.contains("note") == true)
        #expect(error?.description.contains("UUID") == true)
        #expect(error?.description.contains("private") == false)
        #expect(error?.debugDescription.contains("private") == false)
    }

    @Test func reportsRowsAffectedAndCommandTags() async throws {
        try await withDatabase { _, pool in
            try await pool.execute(unsafeScript: "CREATE TABLE t (n int)")
            #expect(try await pool.execute("INSERT INTO t SELECT generate_series(1, \(5))") == 5)
            let update = try await pool.query("UPDATE t SET n = n + 1 WHERE n > \(2)")
            #expect(update.rowsAffected == 3)
            #expect(update.commandTag == "UPDATE 3")
            #expect(update.isEmpty)
            #expect(try await pool.execute("DELETE FROM t WHERE n = \(99)") == 0)
            #expect(try await pool.query("SELECT * FROM t").rowsAffected == 5)
            #expect(try await pool.execute("CREATE INDEX ON t (n)") == 0)
        }
    }
}
