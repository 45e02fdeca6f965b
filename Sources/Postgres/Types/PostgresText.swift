/// Parsers for PostgreSQL's text output of numbers, used when results arrive in text format.
enum PostgresText {
    /// An optionally signed decimal integer, as `int2out`/`int4out`/`int8out` and integral `numeric_out` write it.
    static func integer(_ bytes: UnsafeRawBufferPointer) throws -> Int64 {
        guard !bytes.isEmpty else { throw PostgresDecodingFailure.malformed("empty integer") }
        var index = 0
        var negative = false
        if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") {
            negative = bytes[0] == UInt8(ascii: "-")
            index = 1
        }
        guard index < bytes.count else { throw PostgresDecodingFailure.malformed("not an integer") }
        var value: Int64 = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: ".") {
                // numeric with a scale: integral only when every fraction digit is zero.
                for rest in bytes[(index + 1)...] where rest != UInt8(ascii: "0") { throw PostgresDecodingFailure.typeMismatch }
                break
            }
            guard byte >= 0x30, byte <= 0x39 else { throw PostgresDecodingFailure.malformed("not an integer") }
            let digit = Int64(byte - 0x30)
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) = negative ? times.subtractingReportingOverflow(digit) : times.addingReportingOverflow(digit)
            if overflow1 || overflow2 { throw PostgresDecodingFailure.outOfRange }
            value = next
            index += 1
        }
        return value
    }
}
