import Postgres
import Testing

@Suite struct BoolPostgresTests {
    @Test(arguments: [PostgresFormat.binary, .text])
    func booleansRoundTrip(format: PostgresFormat) async throws {
        #expect(try await echo(true, as: "boolean", format: format) == true)
        #expect(try await echo(false, as: "boolean", format: format) == false)
        #expect(try await serverText(true, as: "boolean") == "true")
        #expect(try await select("1 = 1", as: Bool.self, format: format))
    }
}
