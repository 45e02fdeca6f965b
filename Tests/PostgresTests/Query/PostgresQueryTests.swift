import Postgres
import Testing

@Suite struct PostgresQueryTests {
    @Test func everyInterpolatedValueBecomesABind() {
        let id = 42
        let name = "Robert'); DROP TABLE students;--"
        let query: PostgresQuery = "SELECT * FROM person WHERE id = \(id) AND name = \(name) AND unit = \(String?.none)"
        #expect(query.sql == "SELECT * FROM person WHERE id = $1 AND name = $2 AND unit = $3")
        #expect(query.bindings.count == 3)
        #expect(!query.containsUnsafeSQL)
        #expect(query.description == "SELECT * FROM person WHERE id = $1 AND name = $2 AND unit = $3 [3 binds]")
    }

    @Test func onlyUnsafeNamedAPIsPutTextIntoSQL() {
        let raw: PostgresQuery = "SELECT * FROM \(unsafeRaw: "pg_class") LIMIT \(1)"
        #expect(raw.sql == "SELECT * FROM pg_class LIMIT $1")
        #expect(raw.containsUnsafeSQL)
        let unsafe = PostgresQuery(unsafeSQL: "SELECT 1")
        #expect(unsafe.containsUnsafeSQL)
        let literal: PostgresQuery = "SELECT 1"
        #expect(!literal.containsUnsafeSQL)
    }

    @Test func identifiersAreValidatedAndQuoted() async throws {
        let query: PostgresQuery = "SELECT 1 AS \(identifier: "Employee_count")"
        #expect(query.sql == "SELECT 1 AS \"Employee_count\"")
        let rows = try await Shared.pool().query(query)
        #expect(rows.columnNames == ["Employee_count"])
        for bad in ["", "a\"b", "x; DROP", "1abc", String(repeating: "a", count: 64), "a b", "é"] {
            let error = await postgresError { _ = try await Shared.pool().query("SELECT 1 AS \(identifier: bad)") }
            #expect(error?.code == .invalidIdentifier)
        }
    }

    @Test func bindsBuiltByHandTravelWithUnsafeSQL() async throws {
        var bindings = PostgresBindings()
        bindings.append(20)
        bindings.append("x")
        let rows = try await Shared.pool().query(PostgresQuery(unsafeSQL: "SELECT $1 + 1, $2", bindings: bindings))
        #expect(try rows.first!.decode((Int, String).self) == (21, "x"))
    }

    @Test func queriesWithManyParametersWork() async throws {
        var bindings = PostgresBindings()
        var placeholders: [String] = []
        for index in 1...1000 {
            bindings.append(index)
            placeholders.append("$\(index)")
        }
        let sum = "SELECT " + placeholders.joined(separator: " + ")
        let rows = try await Shared.pool().query(PostgresQuery(unsafeSQL: sum, bindings: bindings))
        #expect(try rows.first!.decode(Int.self) == 500_500)
    }
}
