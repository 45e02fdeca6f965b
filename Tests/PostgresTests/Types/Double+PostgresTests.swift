import Postgres
import Testing

@Suite struct DoublePostgresTests {
    @Test(arguments: [PostgresFormat.binary, .text])
    func doublesRoundTripExactly(format: PostgresFormat) async throws {
        for value in [0.0, -0.0, 1.0 / 3.0, Double.pi, -1e-300, 1.7976931348623157e308, Double.infinity, -Double.infinity] {
            let back = try await echo(value, as: "double precision", format: format)
            #expect(back == value)
            #expect(back.sign == value.sign)
        }
        #expect(try await echo(Double.nan, as: "double precision", format: format).isNaN)
    }

    @Test(arguments: [PostgresFormat.binary, .text])
    func doubleDecodesFromRealNumericAndIntegers(format: PostgresFormat) async throws {
        #expect(try await select("1.5::real", as: Double.self, format: format) == 1.5)
        #expect(try await select("-1234.5678::numeric", as: Double.self, format: format) == -1234.5678)
        #expect(try await select("0.000012::numeric(10,6)", as: Double.self, format: format) == 0.000012)
        #expect(try await select("avg(x) FROM unnest(ARRAY[1, 2]) x", as: Double.self, format: format) == 1.5)
        #expect(try await select("42::integer", as: Double.self, format: format) == 42)
    }
}
