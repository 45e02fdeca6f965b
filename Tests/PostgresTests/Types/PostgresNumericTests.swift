import Postgres
import Testing

@Suite struct PostgresNumericTests {
    @Test(arguments: [PostgresFormat.binary, .text])
    func numericDecodesToItsExactTextAsString(format: PostgresFormat) async throws {
        let cases = ["0", "-0.5", "12345678901234567890.000123", "10000", "0.00010", "-99990000.1", "NaN", "Infinity", "-Infinity"]
        for text in cases {
            let expected = try await select("'\(text)'::numeric::text", as: String.self)
            #expect(try await select("'\(text)'::numeric", as: String.self, format: format) == expected)
        }
    }
}
