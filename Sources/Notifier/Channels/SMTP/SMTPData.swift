/// Prepares a message for the DATA phase (RFC 5321 §4.5.2, §4.5.3.1.6): every line break becomes
/// CRLF, a line starting with `.` gets a second `.` (dot-stuffing), and the end-of-data line `.`
/// is appended.
enum SMTPData {
    /// Longest line SMTP allows, without CRLF and before dot-stuffing.
    static let maximumLineLength = 998

    /// The bytes to send after the relay's 354; throws ``SMTPError/Code/invalidMessage`` when a
    /// line is longer than SMTP allows.
    static func encode(_ message: [UInt8]) throws(SMTPError) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(message.count + message.count / 50 + 5)
        for line in QuotedPrintable.lines(of: message) {
            guard line.count <= maximumLineLength else {
                throw SMTPError(.invalidMessage, stage: .preparing, detail: "line longer than \(maximumLineLength) octets")
            }
            if line.first == UInt8(ascii: ".") { output.append(UInt8(ascii: ".")) }
            output += line
            output += [UInt8(ascii: "\r"), UInt8(ascii: "\n")]
        }
        output += Array(".\r\n".utf8)
        return output
    }
}
