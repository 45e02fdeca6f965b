public import Foundation

/// A calendar date without time or time zone, as PostgreSQL's `date` type: the day a talk was held,
/// a hire date, a public holiday. Foundation has no such type (`Date` is an instant).
public struct PostgresDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Days since 2000-01-01 (PostgreSQL's epoch), negative before.
    public let daysSince2000: Int32

    /// The date with these fields, or nil when they do not form a date (e.g. February 30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CivilCalendar.daysInMonth(year: year, month: month),
              (-4713...5_874_897).contains(year)
        else { return nil }
        daysSince2000 = Int32(CivilCalendar.days(year: year, month: month, day: day) - CivilCalendar.postgresEpochDays)
    }

    /// The date `daysSince2000` days after 2000-01-01.
    public init(daysSince2000: Int32) { self.daysSince2000 = daysSince2000 }

    /// The calendar date of `instant` in `timeZone` (e.g. Europe/Stockholm).
    public init(_ instant: Date, in timeZone: TimeZone) {
        let seconds = Int(floor(instant.timeIntervalSince1970)) + timeZone.secondsFromGMT(for: instant)
        let days = Int(floor(Double(seconds) / 86400))
        daysSince2000 = Int32(days - CivilCalendar.postgresEpochDays)
    }

    /// Parses `YYYY-MM-DD`.
    public init?(iso8601 text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    private var fields: (year: Int, month: Int, day: Int) {
        CivilCalendar.date(days: Int(daysSince2000) + CivilCalendar.postgresEpochDays)
    }

    /// The year (negative numbers count astronomically: 0 is 1 BC).
    public var year: Int { fields.year }
    /// The month, 1…12.
    public var month: Int { fields.month }
    /// The day of the month, 1…31.
    public var day: Int { fields.day }

    /// ISO weekday: 1 Monday … 7 Sunday.
    public var weekday: Int {
        // 2000-01-01 was a Saturday (6).
        let index = (Int(daysSince2000) + 5) % 7
        return (index < 0 ? index + 7 : index) + 1
    }

    /// The date `days` later (earlier when negative).
    public func adding(days: Int) -> PostgresDate { PostgresDate(daysSince2000: daysSince2000 + Int32(days)) }

    /// Days from `self` to `other`.
    public func days(until other: PostgresDate) -> Int { Int(other.daysSince2000) - Int(daysSince2000) }

    /// The instant this date starts in `timeZone`.
    public func start(in timeZone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let components = DateComponents(year: year, month: month, day: day)
        return calendar.date(from: components) ?? Date(timeIntervalSince1970: Double(Int(daysSince2000) + CivilCalendar.postgresEpochDays) * 86400)
    }

    /// Earlier dates first.
    public static func < (lhs: PostgresDate, rhs: PostgresDate) -> Bool { lhs.daysSince2000 < rhs.daysSince2000 }

    /// `YYYY-MM-DD`.
    public var description: String {
        let (year, month, day) = fields
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(abs(value))
            return (value < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// Decodes from a `YYYY-MM-DD` string.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = PostgresDate(iso8601: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "expected YYYY-MM-DD"))
        }
        self = date
    }

    /// Encodes as a `YYYY-MM-DD` string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension PostgresDate: PostgresEncodable, PostgresDecodable, PostgresArrayElement {
    /// `date`
    public static var postgresDataType: PostgresDataType { .date }
    /// `date[]`
    public static var postgresArrayDataType: PostgresDataType { .dateArray }

    /// Days since 2000-01-01, four bytes.
    public func encode(into buffer: inout PostgresEncodingBuffer) { buffer.writeInteger(daysSince2000) }

    /// Decodes `date`; `infinity` cannot be represented and fails.
    public init(postgresValue bytes: UnsafeRawBufferPointer, type: PostgresDataType, format: PostgresFormat) throws {
        guard type == .date else { throw PostgresDecodingFailure.typeMismatch }
        switch format {
        case .binary:
            guard bytes.count == 4 else { throw PostgresDecodingFailure.malformed("date must be 4 bytes") }
            let days = bytes.readBigEndian(Int32.self)
            guard days != .max, days != .min else { throw PostgresDecodingFailure.malformed("infinite date") }
            self.init(daysSince2000: days)
        case .text:
            var cursor = ASCIICursor(bytes: bytes)
            var year = try cursor.number(minimumDigits: 4).value
            try cursor.expect("-")
            let month = try cursor.number(minimumDigits: 2).value
            try cursor.expect("-")
            let day = try cursor.number(minimumDigits: 2).value
            if cursor.skip(" ") {
                try cursor.expect("B")
                try cursor.expect("C")
                year = 1 - year
            }
            guard cursor.atEnd, let date = PostgresDate(year: year, month: month, day: day) else {
                throw PostgresDecodingFailure.malformed("date fields")
            }
            self = date
        }
    }
}
