import Foundation
import Postgres
import Testing

@Suite struct StringPostgresTests {
    @Test(arguments: [PostgresFormat.binary, .text])
    func stringsRoundTrip(format: PostgresFormat) async throws {
        let values = ["", "a", "Åsa Öberg-Ängström", "日本語", "emoji 🙂🏳️‍🌈", "quote ' \" \\ $1 ;--", String(repeating: "x", count: 100_000)]
        for value in values {
            #expect(try await echo(value, as: "text", format: format) == value)
            #expect(try await echo(value, as: "varchar", format: format) == value)
        }
    }

    @Test func stringBindIsTypedByTheServer() async throws {
        // The bind is "unknown", so the server reads it as the type the statement needs.
        #expect(try await select("1", as: Int.self) == 1)
        let pool = try Shared.pool()
        let uuid = try await pool.query("SELECT \("0b5f2c1e-8a4b-4f7e-9d55-3c1b2a9e0f11")::uuid = '0b5f2c1e-8a4b-4f7e-9d55-3c1b2a9e0f11'::uuid")
        #expect(try uuid.first!.decode(Bool.self))
        let date = try await pool.query("SELECT \("2024-05-01") = '2024-05-01'::date")
        #expect(try date.first!.decode(Bool.self))
    }

    @Test func injectionAttemptStaysAValue() async throws {
        let attack = "x'); DROP TABLE pg_class; --"
        #expect(try await echo(attack, as: "text") == attack)
        let query: PostgresQuery = "SELECT \(attack)"
        #expect(query.sql == "SELECT $1")
        #expect(!query.sql.contains("DROP"))
    }

    @Test func refusesStringsContainingNUL() async throws {
        let error = await postgresError { _ = try await echo("a\u{0}b", as: "text") }
        #expect(error?.code == .encoding)
        #expect(error?.reason?.contains("NUL") == true)
        let inArray = await postgresError { _ = try await echo(["ok", "a\u{0}b"], as: "text[]") }
        #expect(inArray?.code == .encoding)
    }

    @Test(arguments: [PostgresFormat.binary, .text])
    func stringDecodesTextLikeEnumAndJSONColumns(format: PostgresFormat) async throws {
        #expect(try await select("'abc'::char(5)", as: String.self, format: format) == "abc  ")
        #expect(try await select("'pg_class'::name", as: String.self, format: format) == "pg_class")
        #expect(try await select("'{\"a\": 1}'::jsonb", as: String.self, format: format) == "{\"a\": 1}")
        #expect(try await select("'0b5f2c1e-8a4b-4f7e-9d55-3c1b2a9e0f11'::uuid", as: String.self, format: format)
            == "0b5f2c1e-8a4b-4f7e-9d55-3c1b2a9e0f11")
        #expect(try await select("42::bigint", as: String.self, format: format) == "42")
    }

    @Test func stringDecodesUserDefinedEnumLabels() async throws {
        try await withDatabase { _, pool in
            try await pool.execute(unsafeScript: "CREATE TYPE talk_state AS ENUM ('planned', 'held', 'cancelled')")
            let rows = try await pool.query("SELECT \("held")::talk_state, ARRAY['planned', 'cancelled']::talk_state[]::text[]")
            #expect(try rows.first!.decode(String.self, column: 0) == "held")
            #expect(try rows.first!.decode([String].self, column: 1) == ["planned", "cancelled"])
        }
    }
}
