/// Swedish public holidays (*allmänna helgdagar*, lag 1989:253) and the eves that workplaces
/// usually close on, computed for any year — Easter-based ones included.
public enum SwedishHolidays {
    /// One holiday or customary closing day.
    public struct Holiday: Hashable, Sendable {
        /// A stable key, e.g. `good_friday`, used in configuration.
        public let key: String
        /// The Swedish name, e.g. *Långfredagen*.
        public let swedishName: String
        /// The English name.
        public let englishName: String
        /// The day it falls on.
        public let day: CalendarDay
        /// `true` for public holidays by law; `false` for eves (midsommarafton, julafton,
        /// nyårsafton …) that an organisation may configure as closing days.
        public let isPublicHoliday: Bool
    }

    /// Keys of the eves closed by default (MISSION.md): midsommarafton, julafton, nyårsafton.
    public static let defaultClosingDays: Set<String> = ["midsummer_eve", "christmas_eve", "new_years_eve"]

    /// Every eve that can be configured as a closing day.
    public static let configurableClosingDays: [String] = ["epiphany_eve", "maundy_thursday", "holy_saturday", "walpurgis_night",
                                                            "midsummer_eve", "all_saints_eve", "christmas_eve", "new_years_eve"]

    /// Easter Sunday (the anonymous Gregorian algorithm of Meeus/Jones/Butcher).
    public static func easterSunday(year: Int) -> CalendarDay {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CalendarDay(year: year, month: month, day: day)!
    }

    /// All public holidays and configurable eves of `year`, in date order.
    public static func days(in year: Int) -> [Holiday] {
        let easter = easterSunday(year: year)
        func fixed(_ month: Int, _ day: Int) -> CalendarDay { CalendarDay(year: year, month: month, day: day)! }
        /// The first day with ISO weekday `weekday` on or after `from`.
        func first(_ weekday: Int, onOrAfter from: CalendarDay) -> CalendarDay {
            from.adding(days: (weekday - from.weekday + 7) % 7)
        }
        let midsummerDay = first(6, onOrAfter: fixed(6, 20))
        let allSaintsDay = first(6, onOrAfter: fixed(10, 31))
        let list: [Holiday] = [
            Holiday(key: "new_years_day", swedishName: "Nyårsdagen", englishName: "New Year's Day", day: fixed(1, 1), isPublicHoliday: true),
            Holiday(key: "epiphany_eve", swedishName: "Trettondagsafton", englishName: "Epiphany Eve", day: fixed(1, 5), isPublicHoliday: false),
            Holiday(key: "epiphany", swedishName: "Trettondedag jul", englishName: "Epiphany", day: fixed(1, 6), isPublicHoliday: true),
            Holiday(key: "maundy_thursday", swedishName: "Skärtorsdagen", englishName: "Maundy Thursday", day: easter.adding(days: -3), isPublicHoliday: false),
            Holiday(key: "good_friday", swedishName: "Långfredagen", englishName: "Good Friday", day: easter.adding(days: -2), isPublicHoliday: true),
            Holiday(key: "holy_saturday", swedishName: "Påskafton", englishName: "Holy Saturday", day: easter.adding(days: -1), isPublicHoliday: false),
            Holiday(key: "easter_sunday", swedishName: "Påskdagen", englishName: "Easter Sunday", day: easter, isPublicHoliday: true),
            Holiday(key: "easter_monday", swedishName: "Annandag påsk", englishName: "Easter Monday", day: easter.adding(days: 1), isPublicHoliday: true),
            Holiday(key: "walpurgis_night", swedishName: "Valborgsmässoafton", englishName: "Walpurgis Night", day: fixed(4, 30), isPublicHoliday: false),
            Holiday(key: "may_day", swedishName: "Första maj", englishName: "May Day", day: fixed(5, 1), isPublicHoliday: true),
            Holiday(key: "ascension_day", swedishName: "Kristi himmelsfärdsdag", englishName: "Ascension Day", day: easter.adding(days: 39), isPublicHoliday: true),
            Holiday(key: "whitsun", swedishName: "Pingstdagen", englishName: "Whit Sunday", day: easter.adding(days: 49), isPublicHoliday: true),
            Holiday(key: "national_day", swedishName: "Sveriges nationaldag", englishName: "National Day of Sweden", day: fixed(6, 6), isPublicHoliday: true),
            Holiday(key: "midsummer_eve", swedishName: "Midsommarafton", englishName: "Midsummer Eve", day: midsummerDay.adding(days: -1), isPublicHoliday: false),
            Holiday(key: "midsummer_day", swedishName: "Midsommardagen", englishName: "Midsummer Day", day: midsummerDay, isPublicHoliday: true),
            Holiday(key: "all_saints_eve", swedishName: "Allhelgonaafton", englishName: "All Saints' Eve", day: allSaintsDay.adding(days: -1), isPublicHoliday: false),
            Holiday(key: "all_saints_day", swedishName: "Alla helgons dag", englishName: "All Saints' Day", day: allSaintsDay, isPublicHoliday: true),
            Holiday(key: "christmas_eve", swedishName: "Julafton", englishName: "Christmas Eve", day: fixed(12, 24), isPublicHoliday: false),
            Holiday(key: "christmas_day", swedishName: "Juldagen", englishName: "Christmas Day", day: fixed(12, 25), isPublicHoliday: true),
            Holiday(key: "boxing_day", swedishName: "Annandag jul", englishName: "Boxing Day", day: fixed(12, 26), isPublicHoliday: true),
            Holiday(key: "new_years_eve", swedishName: "Nyårsafton", englishName: "New Year's Eve", day: fixed(12, 31), isPublicHoliday: false),
        ]
        return list.sorted { $0.day < $1.day }
    }

    /// Public holidays only.
    public static func publicHolidays(in year: Int) -> [Holiday] { days(in: year).filter(\.isPublicHoliday) }
}
