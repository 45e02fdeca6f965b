import Postgres
import Testing

@Suite struct IntegerPostgresTests {
    @Test(arguments: [PostgresFormat.binary, .text])
    func bigintExtremesRoundTrip(format: PostgresFormat) async throws {
        for value in [Int64.min, -1, 0, 1, Int64.max] {
            #expect(try await echo(value, as: "bigint", format: format) == value)
            #expect(try await serverText(value, as: "bigint") == String(value))
        }
    }

    @Test(arguments: [PostgresFormat.binary, .text])
    func intRoundTripsAsBigint(format: PostgresFormat) async throws {
        for value in [Int.min, -42, 0, Int.max] {
            #expect(try await echo(value, as: "bigint", format: format) == value)
        }
    }

    @Test(arguments: [PostgresFormat.binary, .text])
    func smallerIntegersRoundTrip(format: PostgresFormat) async throws {
        for value in [Int32.min, 0, Int32.max] {
            #expect(try await echo(value, as: "integer", format: format) == value)
            #expect(try await serverText(value, as: "integer") == String(value))
        }
        for value in [Int16.min, 7, Int16.max] {
            #expect(try await echo(value, as: "smallint", format: format) == value)
            #expect(try await serverText(value, as: "smallint") == String(value))
        }
    }

    @Test(arguments: [PostgresFormat.binary, .text])
    func intDecodesFromEveryIntegerColumnAndIntegralNumeric(format: PostgresFormat) async throws {
        #expect(try await select("32767::smallint", as: Int.self, format: format) == 32767)
        #expect(try await select("(-2147483648)::integer", as: Int.self, format: format) == -2_147_483_648)
        #expect(try await select("count(*) FROM generate_series(1, 5)", as: Int.self, format: format) == 5)
        #expect(try await select("sum(x) FROM unnest(ARRAY[9223372036854775807, -1]::bigint[]) x", as: Int.self, format: format) == Int.max - 1)
        #expect(try await select("12.000::numeric", as: Int.self, format: format) == 12)
    }

    @Test(arguments: [PostgresFormat.binary, .text])
    func refusesValuesThatDoNotFit(format: PostgresFormat) async throws {
        let tooBig = await postgresError { _ = try await select("40000::integer", as: Int16.self, format: format) }
        #expect(tooBig?.code == .decoding)
        #expect(tooBig?.reason == "value out of range")
        let fraction = await postgresError { _ = try await select("1.5::numeric", as: Int.self, format: format) }
        #expect(fraction?.code == .decoding)
        #expect(fraction?.reason == "type mismatch")
    }

    @Test func refusesTextColumnAsInteger() async throws {
        let error = await postgresError { _ = try await select("'12'::text", as: Int.self) }
        #expect(error?.code == .decoding)
        #expect(error?.column?.actualType == .text)
        #expect(error?.column?.expectedType == "Int")
    }
}
