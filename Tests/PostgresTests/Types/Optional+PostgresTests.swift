import Foundation
import Postgres
import Testing

@Suite struct OptionalPostgresTests {
    @Test(arguments: [PostgresFormat.binary, .text])
    func nilBindsNullOfTheWrappedType(format: PostgresFormat) async throws {
        #expect(try await echo(Int?.none, as: "bigint", format: format) == nil)
        #expect(try await echo(String?.none, as: "text", format: format) == nil)
        #expect(try await echo(UUID?.none, as: "uuid", format: format) == nil)
        #expect(try await echo(Date?.none, as: "timestamptz", format: format) == nil)
        #expect(try await echo(Data?.none, as: "bytea", format: format) == nil)
        #expect(try await echo(Bool?.none, as: "boolean", format: format) == nil)
        #expect(try await echo(PostgresDate?.none, as: "date", format: format) == nil)
        #expect(try await echo([Int]?.none, as: "bigint[]", format: format) == nil)
        #expect(try await echo(Int?.some(5), as: "bigint", format: format) == 5)
        let isNull = try await Shared.pool().query("SELECT \(Int?.none) IS NULL")
        #expect(try isNull.first!.decode(Bool.self))
    }

    @Test func nullIntoNonOptionalIsAClearError() async throws {
        let error = await postgresError { _ = try await select("NULL::bigint", as: Int.self) }
        #expect(error?.code == .decoding)
        #expect(error?.reason == "unexpected NULL")
        #expect(error?.column?.index == 0)
    }

    enum TalkState: String, PostgresEncodable, PostgresDecodable {
        case planned, held
    }

    @Test func rawRepresentableEnumsBindAndDecodeAsRawValues() async throws {
        #expect(try await echo(TalkState.held, as: "text") == .held)
        let unknown = await postgresError { _ = try await select("'cancelled'::text", as: TalkState.self) }
        #expect(unknown?.code == .decoding)
        #expect(unknown?.description.contains("cancelled") == false)
    }
}
