import Foundation
import Testing
@testable import Notifier

@Suite struct QuotedPrintableTests {
    @Test func keepsPlainASCIIReadable() {
        #expect(QuotedPrintable.encode("Hej på dig") == "Hej p=C3=A5 dig\r\n")
        #expect(QuotedPrintable.encode("Logga in.") == "Logga in.\r\n")
    }

    @Test func escapesEqualsSign() {
        #expect(QuotedPrintable.encode("a=b") == "a=3Db\r\n")
    }

    @Test func escapesWhiteSpaceOnlyAtLineEnd() {
        #expect(QuotedPrintable.encode("a b \nc\t\nd") == "a b=20\r\nc=09\r\nd\r\n")
    }

    @Test func normalisesEveryLineBreakToCRLF() {
        #expect(QuotedPrintable.encode("a\r\nb\nc\rd\n") == "a\r\nb\r\nc\r\nd\r\n")
    }

    @Test func keepsEmptyLines() {
        #expect(QuotedPrintable.encode("a\n\nb\n") == "a\r\n\r\nb\r\n")
        #expect(QuotedPrintable.encode("") == "\r\n")
    }

    @Test func escapesControlCharacters() {
        #expect(QuotedPrintable.encode("a\u{1}b\u{7F}") == "a=01b=7F\r\n")
    }

    @Test func breaksLongLinesAtSeventySixColumns() {
        let text = String(repeating: "abcdefghij", count: 20)
        let lines = QuotedPrintable.encode(text).components(separatedBy: "\r\n").dropLast()
        #expect(lines.count == 3)
        #expect(lines.dropLast().allSatisfy { $0.count == 76 && $0.hasSuffix("=") })
        #expect(decode(QuotedPrintable.encode(text)) == text + "\n")
    }

    @Test func usesAllSeventySixColumnsOnTheLastPiece() {
        let exactly76 = String(repeating: "x", count: 76)
        #expect(QuotedPrintable.encode(exactly76) == exactly76 + "\r\n")
        let seventySeven = String(repeating: "x", count: 77)
        #expect(QuotedPrintable.encode(seventySeven) == String(repeating: "x", count: 75) + "=\r\nxx\r\n")
    }

    @Test func neverSplitsAnEscapeOrACharacterAcrossSoftBreaks() {
        for prefix in 0..<12 {
            let text = String(repeating: "a", count: prefix) + String(repeating: "ö🙂", count: 40)
            let encoded = QuotedPrintable.encode(text)
            for line in encoded.components(separatedBy: "\r\n").dropLast() {
                #expect(line.count <= 76)
                // Each line decodes to valid UTF-8 on its own.
                let bytes = decodeBytes(line.hasSuffix("=") ? String(line.dropLast()) : line)
                #expect(String(validating: bytes, as: UTF8.self) != nil)
            }
            #expect(decode(encoded) == text + "\n")
        }
    }

    @Test func roundTripsSwedishText() {
        let text = "Räksmörgås ÅÄÖ åäö é ü – “citat”\n.\n..två\nsista raden med blanksteg \n"
        #expect(decode(QuotedPrintable.encode(text)) == text)
    }

    @Test func findsLinesWhicheverBreakTheyUse() {
        let lines = QuotedPrintable.lines(of: Array("a\r\nb\rc\nd".utf8)).map { String(decoding: $0, as: UTF8.self) }
        #expect(lines == ["a", "b", "c", "d"])
        #expect(QuotedPrintable.lines(of: Array("a\n".utf8)).count == 1)
        #expect(QuotedPrintable.lines(of: []).count == 1)
    }

    // A decoder written separately from the encoder, following RFC 2045 §6.7.
    private func decode(_ encoded: String) -> String {
        var lines = encoded.components(separatedBy: "\r\n")
        if lines.last == "" { lines.removeLast() }
        var bytes: [UInt8] = []
        for line in lines {
            if line.hasSuffix("=") {
                bytes += decodeBytes(String(line.dropLast()))
            } else {
                bytes += decodeBytes(line)
                bytes += Array("\n".utf8)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private func decodeBytes(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        var characters = Array(text.utf8)[...]
        while let first = characters.first {
            if first == UInt8(ascii: "="), characters.count >= 3,
               let value = UInt8(String(decoding: characters.dropFirst().prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                characters = characters.dropFirst(3)
            } else {
                bytes.append(first)
                characters = characters.dropFirst()
            }
        }
        return bytes
    }
}
