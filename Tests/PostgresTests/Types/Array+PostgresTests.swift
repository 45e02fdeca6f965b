import Foundation
import Postgres
import Testing

@Suite struct ArrayPostgresTests {
    @Test(arguments: [PostgresFormat.binary, .text])
    func arraysOfEveryElementTypeRoundTrip(format: PostgresFormat) async throws {
        #expect(try await echo(["a", "b c", "", "quote\"s", "back\\slash", "NULL", "{}", "Åsa"], as: "text[]", format: format)
            == ["a", "b c", "", "quote\"s", "back\\slash", "NULL", "{}", "Åsa"])
        #expect(try await echo([Int.min, 0, Int.max], as: "bigint[]", format: format) == [Int.min, 0, Int.max])
        #expect(try await echo([Int32(1), -2], as: "integer[]", format: format) == [1, -2])
        let ids = [UUID(), UUID()]
        #expect(try await echo(ids, as: "uuid[]", format: format) == ids)
        #expect(try await echo([true, false, true], as: "boolean[]", format: format) == [true, false, true])
        let dates = [Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: 1_700_000_000.5)]
        #expect(try await echo(dates, as: "timestamptz[]", format: format) == dates)
        let days = [PostgresDate(iso8601: "2024-01-01")!, PostgresDate(iso8601: "1999-12-31")!]
        #expect(try await echo(days, as: "date[]", format: format) == days)
        #expect(try await echo([1.5, -2.25], as: "double precision[]", format: format) == [1.5, -2.25])
        #expect(try await echo([Data([1, 2]), Data()], as: "bytea[]", format: format) == [Data([1, 2]), Data()])
    }

    @Test(arguments: [PostgresFormat.binary, .text])
    func emptyArraysAndNulls(format: PostgresFormat) async throws {
        #expect(try await echo([String](), as: "text[]", format: format) == [])
        #expect(try await echo([UUID](), as: "uuid[]", format: format) == [])
        #expect(try await serverText([Int](), as: "bigint[]") == "{}")
        let withNulls: [String?] = [nil, "x", nil, ""]
        #expect(try await echo(withNulls, as: "text[]", format: format) == withNulls)
        #expect(try await serverText(withNulls, as: "text[]") == "{NULL,x,NULL,\"\"}")
        let nullInNonOptional = await postgresError { _ = try await select("ARRAY['a', NULL]", as: [String].self, format: format) }
        #expect(nullInNonOptional?.code == .decoding)
        #expect(nullInNonOptional?.reason == "unexpected NULL")
    }

    @Test func arrayBindWorksWithAny() async throws {
        let rows = try await Shared.pool().query("SELECT x FROM generate_series(1, 10) x WHERE x = ANY(\([2, 5, 11])) ORDER BY x")
        #expect(try rows.map { try $0.decode(Int.self, column: 0) } == [2, 5])
        let names = try await Shared.pool().query("SELECT count(*) FROM pg_class WHERE relname = ANY(\(["pg_class", "pg_type", "nope"]))")
        #expect(try names.first!.decode(Int.self) == 2)
    }

    @Test func bulkInsertOfAHundredThousandRowsThroughUnnest() async throws {
        try await withDatabase { _, pool in
            try await pool.execute(unsafeScript: "CREATE TABLE person (id uuid PRIMARY KEY, name text NOT NULL, unit text, hired timestamptz NOT NULL)")
            let count = 100_000
            let ids = (0..<count).map { _ in UUID() }
            let names = (0..<count).map { "Person \($0) Åström" }
            let units: [String?] = (0..<count).map { $0 % 10 == 0 ? nil : "unit-\($0 % 37)" }
            let hired = (0..<count).map { Date(timeIntervalSince1970: 1_600_000_000 + Double($0)) }
            let inserted = try await pool.execute("""
                INSERT INTO person (id, name, unit, hired)
                SELECT * FROM unnest(\(ids)::uuid[], \(names)::text[], \(units)::text[], \(hired)::timestamptz[])
                """)
            #expect(inserted == count)
            let check = try await pool.query("SELECT count(*), count(unit), min(hired) FROM person")
            let (total, withUnit, first) = try check.first!.decode((Int, Int, Date).self)
            #expect(total == count)
            #expect(withUnit == count - count / 10)
            #expect(first == Date(timeIntervalSince1970: 1_600_000_000))
            let name = try await pool.query("SELECT name FROM person WHERE id = \(ids[54321])")
            #expect(try name.first!.decode(String.self) == "Person 54321 Åström")
        }
    }

    @Test func textArrayParserHandlesBoundsAndQuoting() async throws {
        #expect(try await select("'[0:2]={a,b,c}'::text[]", as: [String].self, format: .text) == ["a", "b", "c"])
        #expect(try await select("ARRAY['x,y', 'z}']", as: [String].self, format: .text) == ["x,y", "z}"])
        let nested = await postgresError { _ = try await select("ARRAY[[1,2],[3,4]]", as: [Int].self, format: .text) }
        #expect(nested?.code == .decoding)
        let nestedBinary = await postgresError { _ = try await select("ARRAY[[1,2],[3,4]]", as: [Int].self) }
        #expect(nestedBinary?.code == .decoding)
    }
}
