import Testing
@testable import Notifier

@Suite struct SMTPReplyTests {
    @Test func readsSingleLineReply() throws {
        var parser = SMTPReplyParser(stage: .greeting)
        let reply = try parser.feed(bytes("220 relay.test ESMTP"))
        #expect(reply == SMTPReply(code: 220, lines: ["relay.test ESMTP"]))
    }

    @Test func readsMultiLineReplyUntilTheLineWithASpace() throws {
        var parser = SMTPReplyParser(stage: .hello)
        #expect(try parser.feed(bytes("250-relay.test")) == nil)
        #expect(try parser.feed(bytes("250-SIZE 1000")) == nil)
        #expect(try parser.feed(bytes("250-")) == nil)
        let reply = try parser.feed(bytes("250 HELP"))
        #expect(reply?.code == 250)
        #expect(reply?.lines == ["relay.test", "SIZE 1000", "", "HELP"])
    }

    @Test func acceptsCodeWithoutText() throws {
        var parser = SMTPReplyParser(stage: .quit)
        #expect(try parser.feed(bytes("221")) == SMTPReply(code: 221, lines: [""]))
    }

    @Test func rejectsMalformedLines() {
        for line in ["", "25", "2x0 ok", "650 no such class", "190 too low", "250xok", "ok 250", "HTTP/1.1 200 OK"] {
            var parser = SMTPReplyParser(stage: .greeting)
            #expect(throws: SMTPError.self, "\(line)") { try parser.feed(bytes(line)) }
        }
    }

    @Test func rejectsContinuationWithAnotherCode() throws {
        var parser = SMTPReplyParser(stage: .hello)
        _ = try parser.feed(bytes("250-relay.test"))
        #expect(throws: SMTPError.self) { try parser.feed(bytes("251 other")) }
    }

    @Test func boundsTheNumberOfLines() throws {
        var parser = SMTPReplyParser(stage: .hello)
        for _ in 0..<(SMTPReplyParser.maximumLines - 1) {
            #expect(try parser.feed(bytes("250-x")) == nil)
        }
        do {
            _ = try parser.feed(bytes("250-x"))
            Issue.record("accepted more than \(SMTPReplyParser.maximumLines) lines")
        } catch {
            #expect(error.code == .protocolError)
            #expect(error.failureKind == .temporary)
        }
    }

    @Test func findsEnhancedStatusCodeOfTheSameClass() {
        #expect(SMTPReply(code: 451, lines: ["4.3.0 Try later"]).enhancedStatusCode == "4.3.0")
        #expect(SMTPReply(code: 550, lines: ["5.1.1 <x@y.se>: unknown"]).enhancedStatusCode == "5.1.1")
        #expect(SMTPReply(code: 550, lines: ["4.1.1 wrong class"]).enhancedStatusCode == nil)
        #expect(SMTPReply(code: 250, lines: ["OK"]).enhancedStatusCode == nil)
        #expect(SMTPReply(code: 250, lines: ["2.0.0000 too long"]).enhancedStatusCode == nil)
    }

    private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
}
