/// Proleptic Gregorian calendar arithmetic on day numbers, as PostgreSQL uses for `date` and
/// timestamps (Howard Hinnant's `days_from_civil` / `civil_from_days`). No time zones involved.
enum CivilCalendar {
    /// Days between 1970-01-01 and 2000-01-01, PostgreSQL's epoch.
    static let postgresEpochDays = 10957
    /// Microseconds between 2001-01-01 (Foundation's reference date) and 2000-01-01.
    static let referenceOffsetMicroseconds: Int64 = 31_622_400_000_000

    /// Days since 1970-01-01 of a calendar date.
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = (month + 9) % 12
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The calendar date of a day number (days since 1970-01-01).
    static func date(days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// A small cursor over ASCII bytes for the text formats of dates and timestamps.
struct ASCIICursor {
    let bytes: UnsafeRawBufferPointer
    var index = 0

    var atEnd: Bool { index >= bytes.count }
    var peek: UInt8? { atEnd ? nil : bytes[index] }

    mutating func expect(_ character: Character) throws {
        guard peek == character.asciiValue else { throw PostgresDecodingFailure.malformed("unexpected character") }
        index += 1
    }

    mutating func skip(_ character: Character) -> Bool {
        guard peek == character.asciiValue else { return false }
        index += 1
        return true
    }

    /// At least `minimum` decimal digits, as many as there are.
    mutating func number(minimumDigits minimum: Int) throws -> (value: Int, digits: Int) {
        var value = 0
        var digits = 0
        while let byte = peek, byte >= 0x30, byte <= 0x39, digits < 18 {
            value = value * 10 + Int(byte - 0x30)
            digits += 1
            index += 1
        }
        guard digits >= minimum else { throw PostgresDecodingFailure.malformed("expected digits") }
        return (value, digits)
    }
}
