import HTTP
import Observability

extension HTTPServer.Configuration {
    /// A free port on loopback, two loops, and timeouts short enough for tests.
    static func makeTest(
        headerTimeout: Duration = .seconds(5), idleTimeout: Duration = .seconds(5), bodyTimeout: Duration = .seconds(5),
        shutdownTimeout: Duration = .seconds(5), limits: HTTPParserLimits = HTTPParserLimits(), trustedProxies: Set<String> = []
    ) -> HTTPServer.Configuration {
        HTTPServer.Configuration(
            host: "127.0.0.1", port: 0, eventLoopCount: 2, limits: limits, headerTimeout: headerTimeout,
            idleTimeout: idleTimeout, bodyTimeout: bodyTimeout, lingerTimeout: .milliseconds(500),
            shutdownTimeout: shutdownTimeout, trustedProxies: trustedProxies
        )
    }
}

/// A router with the routes most tests use.
func makeRouter() -> Router {
    var router = Router()
    router.get("/hello") { _ in .text("hello") }
    router.post("/echo", bodyLimit: 1024) { request in
        HTTPResponse(status: .ok, headers: HTTPHeaders([("Content-Type", "application/octet-stream")]), body: request.body)
    }
    router.get("/slow") { _ in
        try await Task.sleep(for: .milliseconds(300))
        return .text("slow")
    }
    router.get("/talks/:id") { request in .text("talk \(request.pathParameters["id"] ?? "?")") }
    return router
}

/// Runs `body` against a started server and shuts it down afterwards, awaiting `run()`.
func withServer(
    _ configuration: HTTPServer.Configuration = .makeTest(), router: Router = makeRouter(), logger: Logger = .disabled,
    metrics: MetricsRegistry = MetricsRegistry(), _ body: (HTTPServer, Int) async throws -> Void
) async throws {
    let server = HTTPServer(configuration: configuration, responder: router, logger: logger, metrics: metrics)
    let port = try server.listen()
    // Started here, not inside the task: test bodies block on sockets, and the loops must not wait
    // for a free concurrency thread to begin serving.
    try server.start()
    let running = Task { try await server.run() }
    do {
        try await body(server, port)
    } catch {
        server.shutdown()
        try await running.value
        throw error
    }
    server.shutdown()
    try await running.value
}

/// A request with the Host field every HTTP/1.1 request needs.
func makeRequest(_ method: String = "GET", _ target: String = "/hello", headers: [String] = [], body: String = "") -> String {
    var text = "\(method) \(target) HTTP/1.1\r\nHost: test\r\n"
    for header in headers { text += header + "\r\n" }
    if !body.isEmpty { text += "Content-Length: \(body.utf8.count)\r\n" }
    return text + "\r\n" + body
}
