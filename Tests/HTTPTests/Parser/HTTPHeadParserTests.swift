@testable import HTTP
import Testing

@Suite("HTTPHeadParser (no I/O)")
struct HTTPHeadParserTests {
    private func makeParser(_ limits: HTTPParserLimits = HTTPParserLimits()) -> HTTPHeadParser { HTTPHeadParser(limits: limits) }

    /// Feeds `text` in pieces of `step` bytes, as a slow client would, and returns the last result.
    private func feed(_ text: String, step: Int = .max, limits: HTTPParserLimits = HTTPParserLimits()) -> (HTTPHeadParser.Result, HTTPHeadParser, [UInt8]) {
        let bytes = Array(text.utf8)
        var parser = makeParser(limits)
        var available = 0
        var result = HTTPHeadParser.Result.needMore
        while available < bytes.count {
            available = min(bytes.count, available &+ step)
            result = bytes[0..<available].withUnsafeBufferPointer { parser.parse($0) }
            if result != .needMore { break }
        }
        return (result, parser, bytes)
    }

    private func head(_ text: String) throws -> HTTPRequestHead {
        let (result, parser, bytes) = feed(text)
        guard case .complete = result else { throw HTTPParseError(.invalidCharacter) }
        return try bytes.withUnsafeBufferPointer { buffer throws(HTTPParseError) in try HTTPRequestHead(parsed: parser, bytes: buffer) }
    }

    private func headError(_ text: String) -> HTTPParseError.Code? {
        let (result, parser, bytes) = feed(text)
        switch result {
        case .failed(let error): return error.code
        case .needMore: return nil
        case .complete:
            do {
                _ = try bytes.withUnsafeBufferPointer { buffer throws(HTTPParseError) in try HTTPRequestHead(parsed: parser, bytes: buffer) }
                return nil
            } catch {
                return error.code
            }
        }
    }

    @Test func parsesTheSameWhetherBytesArriveAtOnceOrOneByOne() throws {
        let text = "POST /talks/7?x=1 HTTP/1.1\r\nHost: example\r\nContent-Length: 3\r\nX-Empty:\r\n\r\nabc"
        for step in [1, 2, 7, .max] {
            let (result, parser, bytes) = feed(text, step: step)
            #expect(result == .complete(headLength: text.utf8.count - 3), "step \(step)")
            let head = try bytes.withUnsafeBufferPointer { buffer throws(HTTPParseError) in try HTTPRequestHead(parsed: parser, bytes: buffer) }
            #expect(head.method == .post)
            #expect(head.path == "/talks/7")
            #expect(head.query == "x=1")
            #expect(head.headers["host"] == "example")
            #expect(head.headers["X-Empty"] == "")
            #expect(head.framing == .length(3))
        }
    }

    @Test func trimsOptionalWhitespaceAroundValuesAndKeepsOrder() throws {
        let parsed = try head("GET / HTTP/1.1\r\nHost: h\r\nX-A: \t one two \t\r\nX-A: second\r\n\r\n")
        #expect(parsed.headers.values(for: "x-a") == ["one two", "second"])
    }

    @Test func reportsNeedMoreForAnIncompleteHead() {
        #expect(feed("GET / HTTP/1.1\r\nHost: h\r\n").0 == .needMore)
    }

    @Test func failsAnOverlongRequestLineBeforeItEnds() {
        let limits = HTTPParserLimits(requestLine: 32, fieldLine: 64, headerSection: 256, fieldCount: 4)
        let (result, _, _) = feed("GET /" + String(repeating: "a", count: 40), limits: limits)
        #expect(result == .failed(HTTPParseError(.requestLineTooLong)))
    }

    @Test func failsAnOverlongFieldAndTooManyFields() {
        let limits = HTTPParserLimits(requestLine: 32, fieldLine: 64, headerSection: 256, fieldCount: 4)
        #expect(feed("GET / HTTP/1.1\r\nX: " + String(repeating: "v", count: 80), limits: limits).0 == .failed(HTTPParseError(.headerFieldTooLong)))
        let many = "GET / HTTP/1.1\r\n" + (1...5).map { "X\($0): v\r\n" }.joined() + "\r\n"
        #expect(feed(many, limits: limits).0 == .failed(HTTPParseError(.tooManyHeaderFields)))
        let large = "GET / HTTP/1.1\r\n" + (1...4).map { "X\($0): " + String(repeating: "v", count: 60) + "\r\n" }.joined() + "\r\n"
        #expect(feed(large, limits: limits).0 == .failed(HTTPParseError(.headersTooLarge)))
    }

    @Test(arguments: [
        ("GET / HTTP/1.1\r\nHost: h\r\nA: b\r\n c\r\n\r\n", HTTPParseError.Code.obsoleteLineFolding),
        ("GET / HTTP/1.1\r\nHost: h\r\n A: b\r\n\r\n", .obsoleteLineFolding),
        ("GET / HTTP/1.1\r\nHost: h\rA: b\r\n\r\n", .bareCarriageReturn),
        ("GET / HTTP/1.1\nHost: h\r\n\r\n", .bareLineFeed),
        ("GET / HTTP/1.1\r\nHost: h\n\r\n", .bareLineFeed),
        ("GET / HTTP/1.1\r\nHost: h\r\n\n", .bareLineFeed),
        ("GET / HTTP/1.1\r\nA : b\r\n\r\n", .whitespaceBeforeColon),
        ("GET / HTTP/1.1\r\nA@: b\r\n\r\n", .invalidFieldName),
        ("GET / HTTP/1.1\r\n: b\r\n\r\n", .invalidFieldName),
        ("GET / HTTP/1.1\r\nA: b\u{0}\r\n\r\n", .invalidCharacter),
        ("G\u{0}T / HTTP/1.1\r\n\r\n", .invalidMethod),
        (" GET / HTTP/1.1\r\n\r\n", .invalidMethod),
        ("GET /\u{7F} HTTP/1.1\r\n\r\n", .invalidTarget),
        ("GET / HTTP/1.1 \r\n\r\n", .invalidVersion),
    ])
    func failsAtTheOffendingByte(_ text: String, _ code: HTTPParseError.Code) {
        #expect(headError(text) == code)
    }

    @Test(arguments: [
        ("GET / HTTP/1.1\r\n\r\n", HTTPParseError.Code.missingHost),
        ("GET / HTTP/1.1\r\nHost: a\r\nhost: b\r\n\r\n", .duplicateHost),
        ("GET / HTTP/1.1\r\nHost:\r\n\r\n", .invalidHost),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\ncontent-length: 1\r\n\r\n", .duplicateContentLength),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n", .contentLengthWithTransferEncoding),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1_0\r\n\r\n", .invalidContentLength),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1234567890123456\r\n\r\n", .invalidContentLength),
        ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", .unsupportedTransferEncoding),
        ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked,\r\n\r\n", .unsupportedTransferEncoding),
        ("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n", .transferEncodingInHTTP10),
        ("POST / HTTP/1.1\r\nHost: a\r\nExpect: 200-ok\r\n\r\n", .unsupportedExpectation),
        ("PURGE / HTTP/1.1\r\nHost: a\r\n\r\n", .unknownMethod),
        ("GET / HTTP/3.0\r\nHost: a\r\n\r\n", .unsupportedVersion),
        ("GET / HTTPS/1.1\r\nHost: a\r\n\r\n", .invalidVersion),
        ("GET * HTTP/1.1\r\nHost: a\r\n\r\n", .invalidTarget),
        ("GET ftp://a/b HTTP/1.1\r\nHost: a\r\n\r\n", .invalidTarget),
        ("GET /%C3%28 HTTP/1.1\r\nHost: a\r\n\r\n", .invalidPathEncoding),
        ("GET /%4 HTTP/1.1\r\nHost: a\r\n\r\n", .invalidPathEncoding),
    ])
    func rejectsFramingAndSemanticViolations(_ text: String, _ code: HTTPParseError.Code) {
        #expect(headError(text) == code)
    }

    @Test func acceptsAbsoluteFormAndAsteriskForOptions() throws {
        let absolute = try head("GET http://example.org/a%20b?x HTTP/1.1\r\nHost: example.org\r\n\r\n")
        #expect(absolute.path == "/a b")
        #expect(absolute.rawPath == "/a%20b")
        #expect(absolute.query == "x")
        #expect(try head("OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n").path == "*")
    }

    @Test func derivesKeepAliveFromVersionAndConnection() throws {
        #expect(try head("GET / HTTP/1.1\r\nHost: a\r\n\r\n").keepAlive)
        #expect(try !head("GET / HTTP/1.1\r\nHost: a\r\nConnection: Close\r\n\r\n").keepAlive)
        #expect(try !head("GET / HTTP/1.0\r\n\r\n").keepAlive)
        #expect(try head("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").keepAlive)
    }

    @Test func mapsErrorsToStatuses() {
        #expect(HTTPParseError(.requestLineTooLong).status == .uriTooLong)
        #expect(HTTPParseError(.tooManyHeaderFields).status == .requestHeaderFieldsTooLarge)
        #expect(HTTPParseError(.unknownMethod).status == .notImplemented)
        #expect(HTTPParseError(.unsupportedVersion).status == .httpVersionNotSupported)
        #expect(HTTPParseError(.obsoleteLineFolding).status == .badRequest)
        #expect(!HTTPParseError(.invalidHost).description.contains("Host:"))
    }
}
