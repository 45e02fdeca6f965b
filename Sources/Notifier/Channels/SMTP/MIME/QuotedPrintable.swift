/// Quoted-printable encoding of a text body (RFC 2045 §6.7).
///
/// Chosen over base64 because our texts are mostly ASCII: the encoded body stays readable in a
/// relay's queue and in tests, and is barely larger than the text.
enum QuotedPrintable {
    /// Longest encoded line, without its CRLF (RFC 2045 §6.7, rule 5).
    static let maximumLineLength = 76

    /// Encodes `text`: line breaks (`\r\n`, `\n` or a lone `\r`) become hard CRLF breaks;
    /// lines longer than 76 characters get soft breaks (`=` at the end), never inside an `=XX`
    /// escape or a UTF-8 character; `=`, non-ASCII and control bytes are escaped, as is a space or
    /// tab ending a line. The result ends with CRLF.
    static func encode(_ text: String) -> String {
        var output = ""
        for line in lines(of: Array(text.utf8)) {
            encodeLine(line, into: &output)
        }
        return output
    }

    /// The lines of `bytes`, whichever line break they use (`\r\n`, `\n`, a lone `\r`); a final
    /// line break does not add an empty line, and empty text is one empty line.
    static func lines(of bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var result: [ArraySlice<UInt8>] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n") {
                result.append(bytes[start..<index])
                index += byte == UInt8(ascii: "\r") && index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n") ? 2 : 1
                start = index
            } else {
                index += 1
            }
        }
        if start < bytes.count || result.isEmpty { result.append(bytes[start..<bytes.count]) }
        return result
    }

    private static let hex = Array("0123456789ABCDEF".utf8)

    private static func encodeLine(_ bytes: ArraySlice<UInt8>, into output: inout String) {
        var line: [UInt8] = []
        line.reserveCapacity(maximumLineLength + 1)
        var encoded: [UInt8] = []
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            // A multi-byte UTF-8 character is one token, so a soft break never splits it: decoders
            // that work line by line still see whole characters.
            var end = index + 1
            if byte >= 0xC0 {
                while end < bytes.endIndex, bytes[end] & 0xC0 == 0x80, end - index < 4 { end += 1 }
            }
            let isLast = end == bytes.endIndex
            var token: [UInt8] = []
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                // White space at the end of a line is stripped by some relays: escape it there.
                token = isLast ? escape(byte) : [byte]
            case 33...60, 62...126:
                token = [byte]
            default:
                for part in bytes[index..<end] { token += escape(part) }
            }
            // The last token may use all 76 columns; others must leave room for a soft break "=".
            let limit = isLast ? maximumLineLength : maximumLineLength - 1
            if line.count + token.count > limit {
                encoded += line
                encoded += [UInt8(ascii: "="), UInt8(ascii: "\r"), UInt8(ascii: "\n")]
                line.removeAll(keepingCapacity: true)
            }
            line += token
            index = end
        }
        encoded += line
        encoded += [UInt8(ascii: "\r"), UInt8(ascii: "\n")]
        output += String(decoding: encoded, as: UTF8.self)
    }

    private static func escape(_ byte: UInt8) -> [UInt8] {
        [UInt8(ascii: "="), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
    }
}
