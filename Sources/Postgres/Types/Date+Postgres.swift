public import Foundation

/// `Date` binds as `timestamptz` (microsecond precision, like PostgreSQL) and decodes from
/// `timestamptz` and `timestamp` (read as UTC). `infinity` and `-infinity` decode as
/// `Date.distantFuture` and `Date.distantPast`.
extension Date: PostgresEncodable, PostgresDecodable, PostgresArrayElement {
    /// `timestamptz`
    public static var postgresDataType: PostgresDataType { .timestamptz }
    /// `timestamptz[]`
    public static var postgresArrayDataType: PostgresDataType { .timestamptzArray }

    /// Microseconds since 2000-01-01 UTC, rounded to the nearest microsecond.
    public func encode(into buffer: inout PostgresEncodingBuffer) {
        let microseconds = (timeIntervalSinceReferenceDate * 1_000_000).rounded()
        // PostgreSQL's timestamp range is 4713 BC to 294276 AD; stay well inside Int64.
        guard microseconds.isFinite, abs(microseconds) < 9.2e18 - 1e14 else {
            buffer.fail("date out of range")
            return
        }
        buffer.writeInteger(Int64(microseconds) + CivilCalendar.referenceOffsetMicroseconds)
    }

    /// Decodes `timestamptz` and `timestamp`.
    public init(postgresValue bytes: UnsafeRawBufferPointer, type: PostgresDataType, format: PostgresFormat) throws {
        guard type == .timestamptz || type == .timestamp else { throw PostgresDecodingFailure.typeMismatch }
        switch format {
        case .binary:
            guard bytes.count == 8 else { throw PostgresDecodingFailure.malformed("timestamp must be 8 bytes") }
            let microseconds = bytes.readBigEndian(Int64.self)
            if microseconds == .max { self = .distantFuture; return }
            if microseconds == .min { self = .distantPast; return }
            self = Date(microsecondsSince2000: microseconds)
        case .text:
            self = try Date.parsePostgresTimestamp(bytes, hasZone: type == .timestamptz)
        }
    }

    init(microsecondsSince2000 microseconds: Int64) {
        let sinceReference = microseconds - CivilCalendar.referenceOffsetMicroseconds
        self.init(timeIntervalSinceReferenceDate: Double(sinceReference) / 1_000_000)
    }

    /// Parses `2024-05-01 12:34:56.123456+02` (DateStyle ISO), with an optional ` BC`.
    static func parsePostgresTimestamp(_ bytes: UnsafeRawBufferPointer, hasZone: Bool) throws -> Date {
        let text = bytes.utf8String
        if text == "infinity" { return .distantFuture }
        if text == "-infinity" { return .distantPast }
        var cursor = ASCIICursor(bytes: bytes)
        var year = try cursor.number(minimumDigits: 4).value
        try cursor.expect("-")
        let month = try cursor.number(minimumDigits: 2).value
        try cursor.expect("-")
        let day = try cursor.number(minimumDigits: 2).value
        try cursor.expect(" ")
        let hour = try cursor.number(minimumDigits: 2).value
        try cursor.expect(":")
        let minute = try cursor.number(minimumDigits: 2).value
        try cursor.expect(":")
        let second = try cursor.number(minimumDigits: 2).value
        var microseconds = 0
        if cursor.skip(".") {
            let (fraction, digits) = try cursor.number(minimumDigits: 1)
            guard digits <= 6 else { throw PostgresDecodingFailure.malformed("fraction digits") }
            microseconds = fraction * Int(pow(10.0, Double(6 - digits)))
        }
        var offsetSeconds = 0
        if let sign = cursor.peek, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            cursor.index += 1
            var offset = try cursor.number(minimumDigits: 2).value * 3600
            if cursor.skip(":") { offset += try cursor.number(minimumDigits: 2).value * 60 }
            if cursor.skip(":") { offset += try cursor.number(minimumDigits: 2).value }
            offsetSeconds = sign == UInt8(ascii: "-") ? -offset : offset
        } else if hasZone {
            throw PostgresDecodingFailure.malformed("timestamptz without offset")
        }
        if cursor.skip(" ") {
            try cursor.expect("B")
            try cursor.expect("C")
            year = 1 - year
        }
        guard cursor.atEnd, (1...12).contains(month), day >= 1, day <= CivilCalendar.daysInMonth(year: year, month: month),
              hour < 24, minute < 60, second < 61
        else { throw PostgresDecodingFailure.malformed("timestamp fields") }
        let days = CivilCalendar.days(year: year, month: month, day: day) - CivilCalendar.postgresEpochDays
        let seconds = Int64(days) * 86400 + Int64(hour * 3600 + minute * 60 + second - offsetSeconds)
        return Date(microsecondsSince2000: seconds * 1_000_000 + Int64(microseconds))
    }
}
