import Testing
@testable import Notifier

@Suite struct SMTPDataTests {
    @Test func doublesALeadingDotAndEndsWithDotLine() throws {
        #expect(try encode("a\r\n.\r\n..b\r\n.c\r\n") == "a\r\n..\r\n...b\r\n..c\r\n.\r\n")
    }

    @Test func leavesDotsElsewhereAlone() throws {
        #expect(try encode("a.b.\r\n") == "a.b.\r\n.\r\n")
    }

    @Test func normalisesBareLineBreaksToCRLF() throws {
        #expect(try encode("a\nb\rc\r\n") == "a\r\nb\r\nc\r\n.\r\n")
    }

    @Test func addsMissingFinalLineBreak() throws {
        #expect(try encode("a") == "a\r\n.\r\n")
    }

    @Test func stuffsADotThatFollowsABareLineFeed() throws {
        // A bare LF followed by "." must not become an end-of-data line at a lax relay.
        #expect(try encode("a\n.\nb") == "a\r\n..\r\nb\r\n.\r\n")
    }

    @Test func refusesLinesLongerThanSMTPAllows() throws {
        #expect(throws: Never.self) { try SMTPData.encode(Array(String(repeating: "x", count: 998).utf8)) }
        do {
            _ = try SMTPData.encode(Array(String(repeating: "x", count: 999).utf8))
            Issue.record("accepted a 999-octet line")
        } catch {
            #expect(error.code == .invalidMessage)
            #expect(error.failureKind == .permanent)
        }
    }

    private func encode(_ text: String) throws -> String {
        String(decoding: try SMTPData.encode(Array(text.utf8)), as: UTF8.self)
    }
}
