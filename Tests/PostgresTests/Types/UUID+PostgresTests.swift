import Foundation
import Postgres
import Testing

@Suite struct UUIDPostgresTests {
    @Test(arguments: [PostgresFormat.binary, .text])
    func uuidsRoundTrip(format: PostgresFormat) async throws {
        for value in [UUID(), UUID(uuidString: "00000000-0000-0000-0000-000000000000")!, UUID(uuidString: "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF")!] {
            #expect(try await echo(value, as: "uuid", format: format) == value)
            #expect(try await serverText(value, as: "uuid") == value.uuidString.lowercased())
        }
    }

    @Test(arguments: [PostgresFormat.binary, .text])
    func uuidDecodesFromServerGeneratedValue(format: PostgresFormat) async throws {
        let text = try await select("'6ba7b810-9dad-11d1-80b4-00c04fd430c8'::uuid", as: UUID.self, format: format)
        #expect(text == UUID(uuidString: "6ba7b810-9dad-11d1-80b4-00c04fd430c8"))
    }
}
