import Foundation
import Testing
@testable import Notifier

@Suite struct HeaderFieldTests {
    @Test func writesShortASCIISubjectAsItIs() {
        var field = HeaderField(name: "Subject")
        field.append(text: "Reminders about development talks")
        #expect(field.rendered == "Subject: Reminders about development talks\r\n")
    }

    @Test func foldsLongASCIISubjectAtSpaces() {
        let subject = Array(repeating: "development", count: 12).joined(separator: " ")
        var field = HeaderField(name: "Subject")
        field.append(text: subject)
        let lines = field.rendered.components(separatedBy: "\r\n").dropLast()
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { $0.utf8.count <= 78 })
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        // Unfolding (removing CRLF before the space) gives back the value.
        #expect(field.rendered.replacingOccurrences(of: "\r\n ", with: " ") == "Subject: \(subject)\r\n")
    }

    @Test func encodesNonASCIISubjectAsUTF8EncodedWords() {
        var field = HeaderField(name: "Subject")
        field.append(text: "Nytt meddelande i Medarbetarstöd")
        #expect(field.rendered == "Subject: =?utf-8?B?" + Data("Nytt meddelande i Medarbetarstöd".utf8).base64EncodedString() + "?=\r\n")
    }

    @Test func encodesASCIIThatLooksLikeAnEncodedWord() {
        var field = HeaderField(name: "Subject")
        field.append(text: "=?utf-8?B?SGVq?=")
        #expect(decodeEncodedWords(field) == "=?utf-8?B?SGVq?=")
        #expect(field.rendered.hasPrefix("Subject: =?utf-8?B?PT91dGYt"))
    }

    @Test func keepsEncodedWordsAndLinesWithinLimits() {
        for text in ["å", String(repeating: "ö", count: 200), String(repeating: "🙂a", count: 60), "ÅÄÖ " + String(repeating: "x", count: 150)] {
            var field = HeaderField(name: "Subject")
            field.append(text: text)
            let lines = field.rendered.components(separatedBy: "\r\n").dropLast()
            #expect(lines.allSatisfy { $0.utf8.count <= 78 })
            let words = lines.flatMap { $0.split(separator: " ") }.filter { $0.hasPrefix("=?") }
            #expect(words.allSatisfy { $0.utf8.count <= 75 })
            #expect(decodeEncodedWords(field) == text)
        }
    }

    @Test func neverSplitsAUTF8CharacterBetweenEncodedWords() {
        var field = HeaderField(name: "Subject")
        field.append(text: String(repeating: "€🙂ö", count: 40))
        let words = field.rendered.components(separatedBy: "\r\n").flatMap { $0.split(separator: " ") }.filter { $0.hasPrefix("=?") }
        for word in words {
            let base64 = word.dropFirst("=?utf-8?B?".count).dropLast(2)
            let bytes = try! #require(Data(base64Encoded: String(base64)))
            #expect(String(data: bytes, encoding: .utf8) != nil)
        }
    }

    @Test func quotesASCIIDisplayNameWithSpecials() {
        var field = HeaderField(name: "From")
        field.append(phrase: "Kommunen \"Stöd\\\"")
        field.append(token: "<noreply@ostersund.se>")
        // Non-ASCII: encoded.
        #expect(field.rendered.hasPrefix("From: =?utf-8?B?"))

        var ascii = HeaderField(name: "From")
        ascii.append(phrase: "Kommunen, \"HR\" \\ Stod")
        ascii.append(token: "<noreply@ostersund.se>")
        #expect(ascii.rendered == "From: \"Kommunen, \\\"HR\\\" \\\\ Stod\" <noreply@ostersund.se>\r\n")
    }

    @Test func foldsBeforeAddressThatDoesNotFit() {
        var field = HeaderField(name: "From")
        field.append(phrase: String(repeating: "Medarbetarstöd ", count: 4))
        field.append(token: "<noreply@ostersund.se>")
        let lines = field.rendered.components(separatedBy: "\r\n").dropLast()
        #expect(lines.allSatisfy { $0.utf8.count <= 78 })
        #expect(lines.last?.hasSuffix("<noreply@ostersund.se>") == true)
    }

    /// Concatenates the decoded encoded-words of a field (white space between them is not text,
    /// RFC 2047 §6.2), or returns the unfolded plain value.
    private func decodeEncodedWords(_ field: HeaderField) -> String {
        let value = String(field.rendered.dropFirst("Subject:".count)).replacingOccurrences(of: "\r\n", with: "").trimmingCharacters(in: .whitespaces)
        let words = value.split(separator: " ")
        guard words.allSatisfy({ $0.hasPrefix("=?utf-8?B?") && $0.hasSuffix("?=") }) else { return value }
        var bytes = Data()
        for word in words {
            bytes += Data(base64Encoded: String(word.dropFirst("=?utf-8?B?".count).dropLast(2))) ?? Data()
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
