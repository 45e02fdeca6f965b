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

/// `numeric` in binary format: a base-10000 digit array with weight, sign and display scale.
enum PostgresNumeric {
    /// The number written as `numeric_out` does (`-12.3400`, `NaN`, `Infinity`).
    static func string(from bytes: UnsafeRawBufferPointer) throws -> String {
        guard bytes.count >= 8 else { throw PostgresDecodingFailure.malformed("numeric header") }
        let count = Int(bytes.readBigEndian(Int16.self, at: 0))
        let weight = Int(bytes.readBigEndian(Int16.self, at: 2))
        let sign = bytes.readBigEndian(UInt16.self, at: 4)
        let scale = Int(bytes.readBigEndian(Int16.self, at: 6))
        guard count >= 0, scale >= 0, bytes.count == 8 + 2 * count else { throw PostgresDecodingFailure.malformed("numeric length") }
        switch sign {
        case 0xC000: return "NaN"
        case 0xD000: return "Infinity"
        case 0xF000: return "-Infinity"
        case 0x0000, 0x4000: break
        default: throw PostgresDecodingFailure.malformed("numeric sign")
        }
        func digit(_ index: Int) -> Int {
            guard index >= 0, index < count else { return 0 }
            return Int(bytes.readBigEndian(Int16.self, at: 8 + 2 * index))
        }
        var text = sign == 0x4000 ? "-" : ""
        if weight < 0 {
            text += "0"
        } else {
            for index in 0...weight {
                let group = String(digit(index))
                if index > 0 { text += String(repeating: "0", count: 4 - group.count) }
                text += group
            }
        }
        if scale > 0 {
            var fraction = ""
            var index = weight + 1
            while fraction.count < scale {
                let group = String(digit(index))
                fraction += String(repeating: "0", count: 4 - group.count) + group
                index += 1
            }
            text += "." + fraction.prefix(scale)
        }
        return text
    }
}
