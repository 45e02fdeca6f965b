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

@Suite struct DataPostgresTests {
    @Test(arguments: [PostgresFormat.binary, .text])
    func byteaRoundTrips(format: PostgresFormat) async throws {
        for value in [Data(), Data([0]), Data(0...255), Data(repeating: 0xAB, count: 70_000)] {
            #expect(try await echo(value, as: "bytea", format: format) == value)
        }
        #expect(try await serverText(Data([0xDE, 0xAD, 0x00, 0xFF]), as: "bytea") == "\\xdead00ff")
        #expect(try await select("length(\(unsafe: "''::bytea"))", as: Int.self) == 0)
    }
}

extension String.StringInterpolation {
    fileprivate mutating func appendInterpolation(unsafe text: String) { appendLiteral(text) }
}
