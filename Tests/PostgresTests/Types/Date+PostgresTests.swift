import Foundation
import Postgres
import Testing

@Suite struct DatePostgresTests {
    /// 2024-02-29 12:34:56.789012 UTC
    static let leapDayMicroseconds: Int64 = 1_709_210_096_789_012

    @Test(arguments: [PostgresFormat.binary, .text])
    func timestampsRoundTripWithMicroseconds(format: PostgresFormat) async throws {
        let dates = [
            Date(timeIntervalSince1970: Double(Self.leapDayMicroseconds) / 1_000_000),
            Date(timeIntervalSince1970: -14_182_939.5),  // 1969-07-20 20:17:40.5, before both epochs
            Date(timeIntervalSince1970: 946_684_800),  // 2000-01-01, PostgreSQL's epoch
            Date(timeIntervalSince1970: -2_208_988_800.000001),  // just before 1900
        ]
        for date in dates {
            let back = try await echo(date, as: "timestamptz", format: format)
            #expect((back.timeIntervalSince1970 * 1e6).rounded() == (date.timeIntervalSince1970 * 1e6).rounded())
        }
    }

    @Test func serverSeesTheSameInstant() async throws {
        let date = Date(timeIntervalSince1970: Double(Self.leapDayMicroseconds) / 1_000_000)
        let text = try await Shared.pool().query("SELECT to_char(\(date) AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')")
        #expect(try text.first!.decode(String.self) == "2024-02-29 12:34:56.789012")
        let before2000 = Date(timeIntervalSince1970: -14_182_939.5)
        let old = try await Shared.pool().query("SELECT to_char(\(before2000) AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')")
        #expect(try old.first!.decode(String.self) == "1969-07-20 20:17:40.500000")
    }

    @Test(arguments: [PostgresFormat.binary, .text])
    func decodesServerTimestampsWithOffsets(format: PostgresFormat) async throws {
        let stockholm = try await select("'2024-06-01 01:30:00.25+02'::timestamptz", as: Date.self, format: format)
        #expect(stockholm.timeIntervalSince1970 == 1_717_198_200.25)
        let plain = try await select("'1999-12-31 23:59:59.999999'::timestamp", as: Date.self, format: format)
        #expect((plain.timeIntervalSince1970 * 1e6).rounded() == 946_684_799_999_999)
        #expect(try await select("'infinity'::timestamptz", as: Date.self, format: format) == .distantFuture)
        #expect(try await select("'-infinity'::timestamptz", as: Date.self, format: format) == .distantPast)
    }

    @Test func textDecodingHonoursSessionTimeZone() async throws {
        try await Shared.pool().withConnection { connection in
            try await connection.execute(unsafeScript: "SET TimeZone = 'Asia/Kolkata'")
            var query: PostgresQuery = "SELECT '2024-01-01 00:00:00+00'::timestamptz"
            query.resultFormat = .text
            let date = try await connection.query(query).first!.decode(Date.self)
            try await connection.execute(unsafeScript: "RESET TimeZone")
            #expect(date.timeIntervalSince1970 == 1_704_067_200)
        }
    }
}
