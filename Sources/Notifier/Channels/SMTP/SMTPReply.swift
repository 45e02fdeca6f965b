/// One reply from the relay: a three-digit code and one or more lines of text (RFC 5321 §4.2).
struct SMTPReply: Equatable, Sendable {
    /// The reply code, e.g. 250.
    let code: Int
    /// The text of each line, without the code and separator.
    let lines: [String]

    /// 2yz: the command succeeded.
    var isPositiveCompletion: Bool { (200..<300).contains(code) }
    /// 3yz: the relay waits for more (354 after DATA, 334 during AUTH).
    var isIntermediate: Bool { (300..<400).contains(code) }
    /// 4yz: transient failure.
    var isTransientNegative: Bool { (400..<500).contains(code) }
    /// 5yz: permanent failure.
    var isPermanentNegative: Bool { (500..<600).contains(code) }

    /// The enhanced status code at the start of the first line (RFC 3463, e.g. `5.7.1`), when its
    /// class matches the reply code's first digit.
    var enhancedStatusCode: String? {
        guard let first = lines.first, let word = first.split(separator: " ", maxSplits: 1).first else { return nil }
        let parts = word.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == String(code / 100),
              parts.allSatisfy({ (1...3).contains($0.count) && $0.allSatisfy(\.isASCIIDigit) })
        else { return nil }
        return String(word)
    }

    /// All lines joined with spaces, for matching keywords and for redacted diagnostics.
    var text: String { lines.joined(separator: " ") }
}

/// Assembles replies from lines, checking the syntax strictly enough to notice a relay that is not
/// speaking SMTP, and bounding how much one reply may hold.
struct SMTPReplyParser {
    /// Most lines one reply may have; EHLO replies have about ten.
    static let maximumLines = 100

    private let stage: SMTPError.Stage
    private var code: Int?
    private var lines: [String] = []

    init(stage: SMTPError.Stage) {
        self.stage = stage
    }

    /// Feeds one line (without its line break); returns the reply when this was its last line.
    mutating func feed(_ line: [UInt8]) throws(SMTPError) -> SMTPReply? {
        guard line.count >= 3,
              (UInt8(ascii: "2")...UInt8(ascii: "5")).contains(line[0]),
              (UInt8(ascii: "0")...UInt8(ascii: "5")).contains(line[1]),
              (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(line[2])
        else { throw SMTPError(.protocolError, stage: stage, detail: "reply line without a valid code") }
        let lineCode = Int(line[0] - 48) * 100 + Int(line[1] - 48) * 10 + Int(line[2] - 48)
        if let code, code != lineCode {
            throw SMTPError(.protocolError, stage: stage, replyCode: lineCode, detail: "reply lines with different codes")
        }
        code = lineCode
        let isLast: Bool
        if line.count == 3 {
            isLast = true
        } else if line[3] == UInt8(ascii: " ") {
            isLast = true
        } else if line[3] == UInt8(ascii: "-") {
            isLast = false
        } else {
            throw SMTPError(.protocolError, stage: stage, replyCode: lineCode, detail: "reply code not followed by space or hyphen")
        }
        lines.append(line.count > 4 ? String(decoding: line[4...], as: UTF8.self) : "")
        if isLast {
            return SMTPReply(code: lineCode, lines: lines)
        }
        guard lines.count < SMTPReplyParser.maximumLines else {
            throw SMTPError(.protocolError, stage: stage, replyCode: lineCode, detail: "reply with too many lines")
        }
        return nil
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
