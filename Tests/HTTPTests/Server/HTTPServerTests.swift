import Foundation
import HTTP
import Observability
import Testing

@Suite("HTTPServer over a real socket")
struct HTTPServerTests {
    @Test func answersWithSecurityHeadersDateAndRequestID() async throws {
        try await withServer { _, port in
            let client = try RawClient(port: port)
            try client.send(makeRequest())
            let response = try client.readResponse()
            #expect(response.statusLine == "HTTP/1.1 200 OK")
            #expect(response.bodyText == "hello")
            #expect(response.header("Content-Length") == "5")
            #expect(response.header("Content-Security-Policy") == HTTPServer.Configuration.defaultContentSecurityPolicy)
            #expect(response.header("X-Content-Type-Options") == "nosniff")
            #expect(response.header("Referrer-Policy") == "no-referrer")
            #expect(response.header("X-Frame-Options") == "DENY")
            #expect(response.header("Cache-Control") == "no-store")
            #expect(response.header("Date")?.hasSuffix(" GMT") == true)
            let id = try #require(response.header("X-Request-Id"))
            #expect(id.count == 16 && id.allSatisfy(\.isHexDigit))
        }
    }

    @Test func keepsTheConnectionAliveAcrossRequests() async throws {
        try await withServer { _, port in
            let client = try RawClient(port: port)
            var ids: Set<String> = []
            for _ in 0..<5 {
                try client.send(makeRequest())
                let response = try client.readResponse()
                #expect(response.status == 200)
                #expect(response.header("Connection") == nil)
                ids.insert(response.header("X-Request-Id") ?? "")
            }
            #expect(ids.count == 5)
        }
    }

    @Test func answersPipelinedRequestsInOrder() async throws {
        try await withServer { _, port in
            let client = try RawClient(port: port)
            try client.send(makeRequest("GET", "/talks/1") + makeRequest("GET", "/talks/2") + makeRequest("GET", "/talks/3"))
            for id in 1...3 {
                #expect(try client.readResponse().bodyText == "talk \(id)")
            }
        }
    }

    @Test func answersPipelinedRequestsInOrderWhenTheFirstHandlerIsSlow() async throws {
        try await withServer { _, port in
            let client = try RawClient(port: port)
            try client.send(makeRequest("GET", "/slow") + makeRequest("GET", "/hello") + makeRequest("POST", "/echo", body: "x"))
            #expect(try client.readResponse().bodyText == "slow")
            #expect(try client.readResponse().bodyText == "hello")
            #expect(try client.readResponse().bodyText == "x")
        }
    }

    @Test func answersHeadWithTheGetHeadersAndNoBody() async throws {
        try await withServer { _, port in
            let client = try RawClient(port: port)
            try client.send(makeRequest("HEAD", "/hello") + makeRequest("GET", "/hello"))
            let head = try client.readResponse(bodyless: true)
            #expect(head.status == 200)
            #expect(head.header("Content-Length") == "5")
            #expect(head.header("Content-Type") == "text/plain; charset=utf-8")
            // Had the HEAD response carried a body, it would be read as the next status line.
            let get = try client.readResponse()
            #expect(get.statusLine == "HTTP/1.1 200 OK")
            #expect(get.bodyText == "hello")
        }
    }

    @Test func answersUnknownPaths404AndOtherMethods405WithAllow() async throws {
        try await withServer { _, port in
            let client = try RawClient(port: port)
            try client.send(makeRequest("GET", "/nowhere"))
            let missing = try client.readResponse()
            #expect(missing.status == 404)
            #expect(missing.header("X-Frame-Options") == "DENY")
            try client.send(makeRequest("DELETE", "/hello"))
            let wrong = try client.readResponse()
            #expect(wrong.status == 405)
            #expect(wrong.header("Allow") == "GET, HEAD")
        }
    }

    @Test func decodesAChunkedBodyAndSkipsTrailers() async throws {
        try await withServer { _, port in
            let client = try RawClient(port: port)
            try client.send("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n")
            try client.send("5\r\nhello\r\n")
            try client.send("7;ext=1\r\n, world\r\n0\r\nChecksum: abc\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.bodyText == "hello, world")
            try client.send(makeRequest())
            #expect(try client.readResponse().bodyText == "hello")
        }
    }

    @Test func sendsContinueBeforeReadingAnExpectedBody() async throws {
        try await withServer { _, port in
            let client = try RawClient(port: port)
            try client.send("POST /echo HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n")
            let interim = try client.readResponse()
            #expect(interim.statusLine == "HTTP/1.1 100 Continue")
            try client.send("data")
            let response = try client.readResponse()
            #expect(response.status == 200)
            #expect(response.bodyText == "data")
        }
    }

    @Test func refusesAnExpectedBodyOverTheLimitWithoutWaitingForIt() async throws {
        try await withServer { _, port in
            let client = try RawClient(port: port)
            try client.send("POST /echo HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 5000\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == 413)
            #expect(client.isClosedByServer())
        }
    }

    @Test func turnsAThrownErrorIntoAGeneric500() async throws {
        struct Secret: Error, CustomStringConvertible { var description: String { "secret detail 4711" } }
        var router = Router()
        router.get("/fail") { _ in throw Secret() }
        router.get("/refuse") { _ in throw HTTPError(.forbidden, code: "test.forbidden") }
        let sink = MemorySink()
        try await withServer(router: router, logger: Logger(label: "test", level: .debug, sink: sink)) { _, port in
            let client = try RawClient(port: port)
            try client.send(makeRequest("GET", "/fail"))
            let failed = try client.readResponse()
            #expect(failed.status == 500)
            #expect(!failed.bodyText.contains("4711"))
            #expect(failed.header("Cache-Control") == "no-store")
            try client.send(makeRequest("GET", "/refuse"))
            #expect(try client.readResponse().status == 403)
        }
        #expect(sink.lines.contains { $0.contains("handler failed") && $0.contains("4711") })
    }

    @Test func dropsAResponseFieldThatWouldSplitTheResponse() async throws {
        var router = Router()
        router.get("/go") { _ in .redirect(to: "/x\r\nSet-Cookie: injected=1") }
        let sink = MemorySink()
        try await withServer(router: router, logger: Logger(label: "test", level: .info, sink: sink)) { _, port in
            let client = try RawClient(port: port)
            try client.send(makeRequest("GET", "/go"))
            let response = try client.readResponse()
            #expect(response.status == 303)
            #expect(response.header("Location") == nil)
            #expect(response.header("Set-Cookie") == nil)
            // The connection carries on.
            try client.send(makeRequest("GET", "/go"))
            #expect(try client.readResponse().status == 303)
        }
        #expect(sink.lines.contains { $0.contains("response field dropped") && !$0.contains("injected") })
    }

    @Test func letsACacheableAssetReplaceCacheControlOnly() async throws {
        var router = Router()
        router.get("/app.css") { _ in
            var response = HTTPResponse(status: .ok, headers: HTTPHeaders([("Content-Type", "text/css")]), body: Array("a{}".utf8))
            response.markCacheable(maxAge: 3600)
            return response
        }
        try await withServer(router: router) { _, port in
            let client = try RawClient(port: port)
            try client.send(makeRequest("GET", "/app.css"))
            let response = try client.readResponse()
            #expect(response.headers("Cache-Control") == ["public, max-age=3600"])
            #expect(response.header("Content-Security-Policy") != nil)
            #expect(response.header("X-Frame-Options") == "DENY")
        }
    }

    @Test func closesAfterAnHTTP10ResponseUnlessAskedToKeepAlive() async throws {
        try await withServer { _, port in
            let plain = try RawClient(port: port)
            try plain.send("GET /hello HTTP/1.0\r\n\r\n")
            #expect(try plain.readResponse().header("Connection") == "close")
            #expect(plain.isClosedByServer())
            let keep = try RawClient(port: port)
            try keep.send("GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            #expect(try keep.readResponse().header("Connection") == "keep-alive")
            try keep.send("GET /hello HTTP/1.0\r\n\r\n")
            #expect(try keep.readResponse().status == 200)
        }
    }

    @Test func closesWhenTheClientAsksWithConnectionClose() async throws {
        try await withServer { _, port in
            let client = try RawClient(port: port)
            try client.send(makeRequest(headers: ["Connection: close"]))
            let response = try client.readResponse()
            #expect(response.status == 200)
            #expect(response.header("Connection") == "close")
            #expect(client.isClosedByServer())
        }
    }

    @Test func givesHandlersPathParametersQueryAndTheTrustedProxysClientAddress() async throws {
        var router = Router()
        router.get("/people/:name") { request in
            .text("\(request.pathParameters["name"]!)|\(request.queryValue("q") ?? "")|\(request.clientAddress)|\(request.isSecure)")
        }
        try await withServer(.makeTest(trustedProxies: ["127.0.0.1"]), router: router) { _, port in
            let client = try RawClient(port: port)
            try client.send(makeRequest("GET", "/people/%C3%85sa%2Fb?q=a+b%21", headers: ["X-Forwarded-For: 10.0.0.1, 192.0.2.7", "X-Forwarded-Proto: https"]))
            #expect(try client.readResponse().bodyText == "Åsa/b|a b!|192.0.2.7|true")
        }
        try await withServer(router: router) { _, port in
            let client = try RawClient(port: port)
            try client.send(makeRequest("GET", "/people/x", headers: ["X-Forwarded-For: 192.0.2.7", "X-Forwarded-Proto: https"]))
            #expect(try client.readResponse().bodyText == "x||127.0.0.1|false")
        }
    }

    @Test func logsRoutePatternStatusAndIDButNoQueryCookieOrBody() async throws {
        let sink = MemorySink()
        let metrics = MetricsRegistry()
        var router = Router()
        router.post("/talks/:id/record") { _ in .text("ok") }
        try await withServer(router: router, logger: Logger(label: "test", level: .info, sink: sink), metrics: metrics) { _, port in
            let client = try RawClient(port: port)
            try client.send(makeRequest("POST", "/talks/77/record?secretquery=1", headers: ["Cookie: sid=secretcookie"], body: "secretbody"))
            let response = try client.readResponse()
            #expect(response.status == 200)
            let line = try #require(sink.lines.first { $0.contains("\"message\":\"request\"") })
            #expect(line.contains("/talks/:id/record"))
            #expect(line.contains("\"http.status\":\"200\""))
            #expect(line.contains(response.header("X-Request-Id")!))
            #expect(line.contains("\"http.method\":\"POST\""))
            #expect(line.contains("http.duration_ms"))
            #expect(!line.contains("127.0.0.1"), "the client address is never logged")
        }
        let all = sink.lines.joined()
        for secret in ["secretquery", "secretcookie", "secretbody", "/talks/77"] {
            #expect(!all.contains(secret), "log contains \(secret)")
        }
        let rendered = metrics.render()
        #expect(rendered.contains("http_requests_total{route=\"/talks/:id/record\",status=\"200\"} 1"))
        #expect(rendered.contains("http_request_duration_seconds_count{route=\"/talks/:id/record\"} 1"))
        #expect(rendered.contains("http_open_connections"))
    }

    @Test func countsOpenConnections() async throws {
        let metrics = MetricsRegistry()
        try await withServer(metrics: metrics) { _, port in
            let clients = try (0..<3).map { _ in try RawClient(port: port) }
            for client in clients {
                try client.send(makeRequest())
                _ = try client.readResponse()
            }
            #expect(metrics.gauge("http_open_connections", help: "").value == 3)
        }
    }

    @Test func survivesGarbageTruncatedRequestsAndManyConnections() async throws {
        try await withServer { _, port in
            var generator = SystemRandomNumberGenerator()
            for round in 0..<60 {
                let client = try RawClient(port: port, timeoutMilliseconds: 2000)
                switch round % 3 {
                case 0:
                    try? client.send((0..<Int.random(in: 1...4000, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) })
                case 1:
                    let request = Array(makeRequest("POST", "/echo", body: "hello world").utf8)
                    try? client.send(Array(request.prefix(Int.random(in: 1..<request.count, using: &generator))))
                default:
                    var request = Array(makeRequest("GET", "/talks/1", headers: ["X-A: b"]).utf8)
                    request[Int.random(in: 0..<request.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
                    try? client.send(request)
                }
            }
            // Many connections at once, each served.
            let clients = try (0..<200).map { _ in try RawClient(port: port) }
            for client in clients { try client.send(makeRequest()) }
            for client in clients { #expect(try client.readResponse().status == 200) }
        }
    }
}
