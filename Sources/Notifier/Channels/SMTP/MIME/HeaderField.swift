import Foundation

/// One mail header field built from tokens and folded to lines of at most 78 characters
/// (RFC 5322 §2.1.1, §3.2.2); non-ASCII text goes in RFC 2047 encoded-words.
///
/// Folding happens only between tokens, as CRLF followed by a space, so unfolding gives back the
/// value with single spaces. Encoded-words are `=?utf-8?B?…?=`, at most 75 characters each
/// (RFC 2047 §2), and each holds whole Unicode scalars, never part of a UTF-8 sequence (§5).
struct HeaderField {
    /// Longest line we write, without CRLF (RFC 5322's "SHOULD" limit).
    static let lineLimit = 78
    /// Longest encoded-word (RFC 2047 §2).
    static let encodedWordLimit = 75
    /// Longest word of a plain ASCII value; longer words go in encoded-words so that no line
    /// exceeds ``lineLimit``.
    static let plainWordLimit = 60

    private var lines: [String]
    /// Whether the last line holds a token yet (the first line starts with only `Name:`).
    private var lineHasToken = false

    /// Starts the field `Name:`; `name` is one of our own constant header names.
    init(name: String) {
        lines = [name + ":"]
    }

    /// The field, lines joined and ended by CRLF.
    var rendered: String { lines.joined(separator: "\r\n") + "\r\n" }

    private var currentLength: Int { lines[lines.count - 1].utf8.count }

    /// Appends ` token`, folding before it when it would not fit. `token` is printable ASCII; it
    /// is never folded inside.
    mutating func append(token: String) {
        if lineHasToken, currentLength + 1 + token.utf8.count > HeaderField.lineLimit {
            lines.append("")
        }
        lines[lines.count - 1] += " " + token
        lineHasToken = true
    }

    /// Appends unstructured text (a subject): as plain words when it is printable ASCII that
    /// folds cleanly, otherwise as encoded-words.
    mutating func append(text: String) {
        if let words = HeaderField.plainWords(text) {
            for word in words { append(token: word) }
        } else {
            append(encodedWords: text)
        }
    }

    /// Appends a display name: a quoted string when it is printable ASCII and fits on a line,
    /// otherwise encoded-words.
    mutating func append(phrase: String) {
        if phrase.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }), !phrase.contains("=?") {
            var quoted = "\""
            for character in phrase {
                if character == "\"" || character == "\\" { quoted += "\\" }
                quoted.append(character)
            }
            quoted += "\""
            if quoted.utf8.count + 1 <= HeaderField.lineLimit - 1 {
                append(token: quoted)
                return
            }
        }
        append(encodedWords: phrase)
    }

    /// Appends `text` as a run of B-encoded words, filling each line as far as the limits allow.
    mutating func append(encodedWords text: String) {
        guard !text.isEmpty else { return }
        let overhead = "=?utf-8?B?".utf8.count + "?=".utf8.count
        func wordLength(_ byteCount: Int) -> Int { overhead + (byteCount + 2) / 3 * 4 }
        func available() -> Int { min(HeaderField.encodedWordLimit, HeaderField.lineLimit - currentLength - 1) }

        // Room for at least one 4-byte scalar, or start on a fresh line.
        if lineHasToken, available() < wordLength(4) { startLine() }
        var chunk: [UInt8] = []
        for scalar in text.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if !chunk.isEmpty, wordLength(chunk.count + bytes.count) > available() {
                appendWord(chunk)
                chunk.removeAll()
                startLine()
            }
            chunk += bytes
        }
        appendWord(chunk)
    }

    private mutating func startLine() {
        lines.append("")
        lineHasToken = false
    }

    private mutating func appendWord(_ bytes: [UInt8]) {
        lines[lines.count - 1] += " =?utf-8?B?" + Data(bytes).base64EncodedString() + "?="
        lineHasToken = true
    }

    /// The words of `text` when it can go into a header as it is: printable ASCII, single spaces,
    /// no leading or trailing space, nothing that looks like an encoded-word, no overlong word.
    private static func plainWords(_ text: String) -> [String]? {
        guard !text.isEmpty, !text.contains("=?"),
              text.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F })
        else { return nil }
        let words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        guard words.allSatisfy({ !$0.isEmpty && $0.utf8.count <= plainWordLimit }) else { return nil }
        return words
    }
}
