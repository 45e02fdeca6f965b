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
