import Foundation
import Postgres
import Testing

@Suite struct PostgresDateTests {
    @Test(arguments: [PostgresFormat.binary, .text])
    func calendarDatesRoundTrip(format: PostgresFormat) async throws {
        let dates = [(2024, 2, 29), (2000, 1, 1), (1999, 12, 31), (1900, 3, 1), (1, 1, 1), (9999, 12, 31)]
        for (year, month, day) in dates {
            let date = try #require(PostgresDate(year: year, month: month, day: day))
            #expect(try await echo(date, as: "date", format: format) == date)
            #expect(try await serverText(date, as: "date") == date.description)
        }
    }

    @Test func fieldsAndArithmetic() throws {
        let date = try #require(PostgresDate(year: 2024, month: 2, day: 28))
        #expect(date.adding(days: 1).description == "2024-02-29")
        #expect(date.adding(days: 2).description == "2024-03-01")
        #expect(date.weekday == 3)  // a Wednesday
        #expect(PostgresDate(year: 2023, month: 2, day: 29) == nil)
        #expect(PostgresDate(year: 2024, month: 13, day: 1) == nil)
        #expect(PostgresDate(iso8601: "2024-12-24")?.day == 24)
        #expect(PostgresDate(iso8601: "2024-1-1") == nil)
        #expect(date.days(until: PostgresDate(iso8601: "2025-02-28")!) == 366)
    }

    @Test func dateOfAnInstantDependsOnTheTimeZone() throws {
        let lateEvening = Date(timeIntervalSince1970: 1_717_284_600)  // 2024-06-01 23:30 UTC
        #expect(PostgresDate(lateEvening, in: TimeZone(identifier: "UTC")!).description == "2024-06-01")
        #expect(PostgresDate(lateEvening, in: TimeZone(identifier: "Europe/Stockholm")!).description == "2024-06-02")
        let midsummer = PostgresDate(iso8601: "2024-06-21")!
        #expect(midsummer.start(in: TimeZone(identifier: "Europe/Stockholm")!).timeIntervalSince1970 == 1_718_920_800)
    }

    @Test func refusesInfiniteDates() async throws {
        let error = await postgresError { _ = try await select("'infinity'::date", as: PostgresDate.self) }
        #expect(error?.code == .decoding)
    }
}
