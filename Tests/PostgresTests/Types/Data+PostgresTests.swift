import Foundation
import Postgres
import Testing

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
