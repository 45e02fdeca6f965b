import Testing
@testable import WorkplaceRoutine

@Suite struct SwedishHolidaysTests {
    // Expected dates computed independently with python-dateutil's easter() and the statutory rules
    // (midsommardagen: the Saturday 20–26 June; alla helgons dag: the Saturday 31 Oct–6 Nov).
    static let movable: [(year: Int, goodFriday: String, easterMonday: String, ascension: String,
                          midsummerEve: String, midsummerDay: String, allSaints: String)] = [
        (2025, "2025-04-18", "2025-04-21", "2025-05-29", "2025-06-20", "2025-06-21", "2025-11-01"),
        (2026, "2026-04-03", "2026-04-06", "2026-05-14", "2026-06-19", "2026-06-20", "2026-10-31"),
        (2027, "2027-03-26", "2027-03-29", "2027-05-06", "2027-06-25", "2027-06-26", "2027-11-06"),
        (2028, "2028-04-14", "2028-04-17", "2028-05-25", "2028-06-23", "2028-06-24", "2028-11-04"),
        (2029, "2029-03-30", "2029-04-02", "2029-05-10", "2029-06-22", "2029-06-23", "2029-11-03"),
        (2030, "2030-04-19", "2030-04-22", "2030-05-30", "2030-06-21", "2030-06-22", "2030-11-02"),
        (2031, "2031-04-11", "2031-04-14", "2031-05-22", "2031-06-20", "2031-06-21", "2031-11-01"),
        (2032, "2032-03-26", "2032-03-29", "2032-05-06", "2032-06-25", "2032-06-26", "2032-11-06"),
        (2033, "2033-04-15", "2033-04-18", "2033-05-26", "2033-06-24", "2033-06-25", "2033-11-05"),
        (2034, "2034-04-07", "2034-04-10", "2034-05-18", "2034-06-23", "2034-06-24", "2034-11-04"),
        (2035, "2035-03-23", "2035-03-26", "2035-05-03", "2035-06-22", "2035-06-23", "2035-11-03"),
        (2036, "2036-04-11", "2036-04-14", "2036-05-22", "2036-06-20", "2036-06-21", "2036-11-01"),
        (2037, "2037-04-03", "2037-04-06", "2037-05-14", "2037-06-19", "2037-06-20", "2037-10-31"),
        (2038, "2038-04-23", "2038-04-26", "2038-06-03", "2038-06-25", "2038-06-26", "2038-11-06"),
        (2039, "2039-04-08", "2039-04-11", "2039-05-19", "2039-06-24", "2039-06-25", "2039-11-05"),
        (2040, "2040-03-30", "2040-04-02", "2040-05-10", "2040-06-22", "2040-06-23", "2040-11-03"),
    ]

    static func day(_ key: String, _ year: Int) -> String? {
        SwedishHolidays.days(in: year).first { $0.key == key }?.day.description
    }

    @Test func movableHolidaysMatchAnIndependentComputation2025To2040() {
        for row in Self.movable {
            #expect(Self.day("good_friday", row.year) == row.goodFriday, "Långfredagen \(row.year)")
            #expect(Self.day("easter_monday", row.year) == row.easterMonday, "Annandag påsk \(row.year)")
            #expect(Self.day("ascension_day", row.year) == row.ascension, "Kristi himmelsfärdsdag \(row.year)")
            #expect(Self.day("midsummer_eve", row.year) == row.midsummerEve, "Midsommarafton \(row.year)")
            #expect(Self.day("midsummer_day", row.year) == row.midsummerDay, "Midsommardagen \(row.year)")
            #expect(Self.day("all_saints_day", row.year) == row.allSaints, "Alla helgons dag \(row.year)")
        }
    }

    @Test func fixedHolidaysEveryYear2025To2040() {
        for year in 2025...2040 {
            let holidays = Set(SwedishHolidays.publicHolidays(in: year).map(\.day.description))
            for monthDay in ["01-01", "01-06", "05-01", "06-06", "12-25", "12-26"] {
                #expect(holidays.contains("\(year)-\(monthDay)"), "\(year)-\(monthDay)")
            }
            // Thirteen public holidays every year; eves are not among them.
            #expect(holidays.count == 13)
            #expect(!holidays.contains("\(year)-12-24"))
        }
    }

    @Test func whitSundayIsSevenWeeksAfterEaster() {
        for year in 2025...2040 {
            let easter = SwedishHolidays.easterSunday(year: year)
            #expect(Self.day("whitsun", year) == easter.adding(days: 49).description)
            #expect(easter.weekday == 7)
        }
    }
}
