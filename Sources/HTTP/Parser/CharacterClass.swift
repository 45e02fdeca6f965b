/// Byte classes from RFC 9110/9112 as a 256-entry table, so the parser tests a byte with one load.
enum CharacterClass {
    /// `tchar`: method and field-name characters.
    static let token: UInt8 = 1
    /// Bytes a request-target may carry raw: visible ASCII except `#` (fragments never travel).
    static let target: UInt8 = 2
    /// Field-value bytes: visible ASCII, SP, HTAB and obs-text (0x80–0xFF); no controls, no DEL.
    static let fieldValue: UInt8 = 4
    /// Hexadecimal digits.
    static let hex: UInt8 = 8

    static let table: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 256)
        let tokenSymbols = Array("!#$%&'*+-.^_`|~".utf8)
        for byte in 0..<256 {
            let b = UInt8(byte)
            var flags: UInt8 = 0
            let isAlpha = (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b)
            let isDigit = (0x30...0x39).contains(b)
            if isAlpha || isDigit || tokenSymbols.contains(b) { flags |= token }
            if (0x21...0x7E).contains(b) && b != UInt8(ascii: "#") { flags |= target }
            if (0x21...0x7E).contains(b) || b == 0x20 || b == 0x09 || b >= 0x80 { flags |= fieldValue }
            if isDigit || (0x41...0x46).contains(b) || (0x61...0x66).contains(b) { flags |= hex }
            table[byte] = flags
        }
        return table
    }()

    @inline(__always)
    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }

    /// Whether every byte of `text` is a `tchar` (and there is at least one).
    static func isToken<S: Sequence>(_ text: S) -> Bool where S.Element == UInt8 {
        var any = false
        for byte in text {
            guard table[Int(byte)] & token != 0 else { return false }
            any = true
        }
        return any
    }
}
