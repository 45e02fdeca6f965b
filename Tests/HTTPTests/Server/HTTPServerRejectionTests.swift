import HTTP
import Testing

/// One malformed request and the answer the server must give before closing the connection.
struct RejectionCase: Sendable, CustomTestStringConvertible {
    let rule: String
    let raw: String
    let status: Int
    var testDescription: String { rule }
}

private let longTarget = "/" + String(repeating: "a", count: 8 * 1024 + 10)
private let longField = "X-Long: " + String(repeating: "b", count: 8 * 1024 + 10)
private let sevenKiB = String(repeating: "c", count: 7 * 1024)

let rejectionCases: [RejectionCase] = [
    RejectionCase(rule: "request line over 8 KiB → 414", raw: "GET \(longTarget) HTTP/1.1\r\nHost: t\r\n\r\n", status: 414),
    RejectionCase(rule: "one field over 8 KiB → 431", raw: "GET / HTTP/1.1\r\nHost: t\r\n\(longField)\r\n\r\n", status: 431),
    RejectionCase(rule: "all fields over 32 KiB → 431",
                  raw: "GET / HTTP/1.1\r\nHost: t\r\n" + (1...5).map { "X-F\($0): \(sevenKiB)\r\n" }.joined() + "\r\n", status: 431),
    RejectionCase(rule: "more than 100 fields → 431",
                  raw: "GET / HTTP/1.1\r\nHost: t\r\n" + (1...100).map { "X-F\($0): v\r\n" }.joined() + "\r\n", status: 431),
    RejectionCase(rule: "Content-Length with Transfer-Encoding → 400",
                  raw: "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n", status: 400),
    RejectionCase(rule: "duplicate Content-Length → 400",
                  raw: "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\nabc", status: 400),
    RejectionCase(rule: "Content-Length list → 400", raw: "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3, 3\r\n\r\nabc", status: 400),
    RejectionCase(rule: "Content-Length with sign → 400", raw: "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: +3\r\n\r\nabc", status: 400),
    RejectionCase(rule: "negative Content-Length → 400", raw: "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: -1\r\n\r\n", status: 400),
    RejectionCase(rule: "space inside Content-Length → 400", raw: "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 1 2\r\n\r\n", status: 400),
    RejectionCase(rule: "non-digit Content-Length → 400", raw: "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 0x10\r\n\r\n", status: 400),
    RejectionCase(rule: "empty Content-Length → 400", raw: "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: \r\n\r\n", status: 400),
    RejectionCase(rule: "overflowing Content-Length → 400",
                  raw: "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 99999999999999999999999\r\n\r\n", status: 400),
    RejectionCase(rule: "last transfer coding not chunked → 400",
                  raw: "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked, gzip\r\n\r\n", status: 400),
    RejectionCase(rule: "unknown transfer coding → 400",
                  raw: "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: foo, chunked\r\n\r\n0\r\n\r\n", status: 400),
    RejectionCase(rule: "chunked twice → 400",
                  raw: "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", status: 400),
    RejectionCase(rule: "Transfer-Encoding in HTTP/1.0 → 400",
                  raw: "POST /echo HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", status: 400),
    RejectionCase(rule: "obs-fold → 400", raw: "GET /hello HTTP/1.1\r\nHost: t\r\nX-A: one\r\n two\r\n\r\n", status: 400),
    RejectionCase(rule: "bare CR in a field → 400", raw: "GET /hello HTTP/1.1\r\nHost: t\r\nX-A: o\rne\r\n\r\n", status: 400),
    RejectionCase(rule: "bare LF ending a field → 400", raw: "GET /hello HTTP/1.1\r\nHost: t\nX-A: one\r\n\r\n", status: 400),
    RejectionCase(rule: "bare LF ending the request line → 400", raw: "GET /hello HTTP/1.1\nHost: t\r\n\r\n", status: 400),
    RejectionCase(rule: "NUL in a field value → 400", raw: "GET /hello HTTP/1.1\r\nHost: t\r\nX-A: a\u{0}b\r\n\r\n", status: 400),
    RejectionCase(rule: "control character in a field value → 400", raw: "GET /hello HTTP/1.1\r\nHost: t\r\nX-A: a\u{1}b\r\n\r\n", status: 400),
    RejectionCase(rule: "DEL in a field value → 400", raw: "GET /hello HTTP/1.1\r\nHost: t\r\nX-A: a\u{7F}b\r\n\r\n", status: 400),
    RejectionCase(rule: "space before the colon → 400", raw: "GET /hello HTTP/1.1\r\nHost: t\r\nX-A : one\r\n\r\n", status: 400),
    RejectionCase(rule: "tab before the colon → 400", raw: "GET /hello HTTP/1.1\r\nHost\t: t\r\n\r\n", status: 400),
    RejectionCase(rule: "invalid character in the method → 400", raw: "GE(T /hello HTTP/1.1\r\nHost: t\r\n\r\n", status: 400),
    RejectionCase(rule: "invalid character in a field name → 400", raw: "GET /hello HTTP/1.1\r\nHost: t\r\nX-{A}: one\r\n\r\n", status: 400),
    RejectionCase(rule: "field line without a colon → 400", raw: "GET /hello HTTP/1.1\r\nHost: t\r\nnocolon\r\n\r\n", status: 400),
    RejectionCase(rule: "missing Host on HTTP/1.1 → 400", raw: "GET /hello HTTP/1.1\r\n\r\n", status: 400),
    RejectionCase(rule: "duplicate Host → 400", raw: "GET /hello HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", status: 400),
    RejectionCase(rule: "invalid Host → 400", raw: "GET /hello HTTP/1.1\r\nHost: a b\r\n\r\n", status: 400),
    RejectionCase(rule: "non-hex chunk size → 400",
                  raw: "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n", status: 400),
    RejectionCase(rule: "overflowing chunk size → 400",
                  raw: "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n10000000000000003\r\nabc\r\n0\r\n\r\n", status: 400),
    RejectionCase(rule: "whitespace after chunk size → 400",
                  raw: "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n3 \r\nabc\r\n0\r\n\r\n", status: 400),
    RejectionCase(rule: "chunk data without CRLF → 400",
                  raw: "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcX\r\n0\r\n\r\n", status: 400),
    RejectionCase(rule: "chunk size line ending in bare LF → 400",
                  raw: "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n3\nabc\r\n0\r\n\r\n", status: 400),
    RejectionCase(rule: "malformed chunk extension → 400",
                  raw: "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n3;=x\r\nabc\r\n0\r\n\r\n", status: 400),
    RejectionCase(rule: "target not starting with / → 400", raw: "GET hello HTTP/1.1\r\nHost: t\r\n\r\n", status: 400),
    RejectionCase(rule: "malformed percent escape in target → 400", raw: "GET /a%zz HTTP/1.1\r\nHost: t\r\n\r\n", status: 400),
    RejectionCase(rule: "fragment in target → 400", raw: "GET /a#b HTTP/1.1\r\nHost: t\r\n\r\n", status: 400),
    RejectionCase(rule: "non-ASCII byte in target → 400", raw: "GET /å HTTP/1.1\r\nHost: t\r\n\r\n", status: 400),
    RejectionCase(rule: "encoded NUL in path → 400", raw: "GET /a%00b HTTP/1.1\r\nHost: t\r\n\r\n", status: 400),
    RejectionCase(rule: "two spaces in the request line → 400", raw: "GET  /hello HTTP/1.1\r\nHost: t\r\n\r\n", status: 400),
    RejectionCase(rule: "HTTP/0.9 request without version → 400", raw: "GET /hello\r\n\r\n", status: 400),
    RejectionCase(rule: "malformed version → 400", raw: "GET /hello HTTP/1.10\r\nHost: t\r\n\r\n", status: 400),
    RejectionCase(rule: "lowercase version → 400", raw: "GET /hello http/1.1\r\nHost: t\r\n\r\n", status: 400),
    RejectionCase(rule: "HTTP/2.0 → 505", raw: "GET /hello HTTP/2.0\r\nHost: t\r\n\r\n", status: 505),
    RejectionCase(rule: "HTTP/1.2 → 505", raw: "GET /hello HTTP/1.2\r\nHost: t\r\n\r\n", status: 505),
    RejectionCase(rule: "unknown method → 501", raw: "BREW /hello HTTP/1.1\r\nHost: t\r\n\r\n", status: 501),
    RejectionCase(rule: "CONNECT is not implemented → 501", raw: "CONNECT t:443 HTTP/1.1\r\nHost: t\r\n\r\n", status: 501),
    RejectionCase(rule: "unsupported Expect → 417", raw: "POST /echo HTTP/1.1\r\nHost: t\r\nExpect: teapot\r\nContent-Length: 1\r\n\r\nx", status: 417),
    RejectionCase(rule: "body over the route limit → 413",
                  raw: "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 2000\r\n\r\n" + String(repeating: "x", count: 2000), status: 413),
    RejectionCase(rule: "chunked body over the route limit → 413",
                  raw: "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n" + String(repeating: "200\r\n" + String(repeating: "y", count: 512) + "\r\n", count: 3) + "0\r\n\r\n", status: 413),
]

@Suite("HTTPServer rejects malformed requests over a real socket")
struct HTTPServerRejectionTests {
    @Test(arguments: rejectionCases)
    func rejectsAndCloses(_ rejection: RejectionCase) async throws {
        try await withServer { _, port in
            let client = try RawClient(port: port)
            try client.send(rejection.raw)
            let response = try client.readResponse()
            #expect(response.status == rejection.status, "\(rejection.rule): \(response.statusLine)")
            #expect(response.header("Connection") == "close")
            #expect(response.header("Content-Security-Policy")?.contains("script-src 'self'") == true)
            #expect(response.header("X-Content-Type-Options") == "nosniff")
            #expect(response.header("Cache-Control") == "no-store")
            #expect(response.header("X-Request-Id")?.count == 16)
            #expect(client.isClosedByServer(), "\(rejection.rule): connection stays open")
        }
    }

    @Test func acceptsTheSameRequestsWhenWellFormed() async throws {
        // The control for the cases above: the server answers these variants normally.
        try await withServer { _, port in
            let client = try RawClient(port: port)
            try client.send("\r\nGET /hello HTTP/1.1\r\nHost: t\r\nX-A:  spaced value  \r\n\r\n")
            #expect(try client.readResponse().status == 200)
            try client.send("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n3;name=\"v a\";flag\r\nabc\r\n0\r\nX-Trailer: t\r\n\r\n")
            let echoed = try client.readResponse()
            #expect(echoed.status == 200)
            #expect(echoed.bodyText == "abc")
            try client.send("GET /hello HTTP/1.0\r\n\r\n")
            let old = try client.readResponse()
            #expect(old.status == 200)
            #expect(client.isClosedByServer())
        }
    }

    @Test func oneMalformedRequestDoesNotAffectAnotherConnection() async throws {
        try await withServer { _, port in
            let good = try RawClient(port: port)
            try good.send(makeRequest())
            #expect(try good.readResponse().status == 200)
            let bad = try RawClient(port: port)
            try bad.send("GET /hello HTTP/1.1\r\nHost: t\r\nX-A : b\r\n\r\n")
            #expect(try bad.readResponse().status == 400)
            try good.send(makeRequest())
            #expect(try good.readResponse().status == 200)
        }
    }
}
