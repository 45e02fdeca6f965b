// The benchmark server of scripts/bench/02-http.sh: `/healthz` through the real HTTPServer, Router
// and async handler path the product uses. Access logs are off (level notice), as nginx's are in
// the comparison. Environment: WR_BENCH_PORT (default 8080), WR_HTTP_LOOPS (default: one per core).
import Foundation
import HTTP
import Lifecycle
import Observability

let environment = ProcessInfo.processInfo.environment
let port = Int(environment["WR_BENCH_PORT"] ?? "") ?? 8080
let loops = Int(environment["WR_HTTP_LOOPS"] ?? "")
let logger = Logger(label: "http-bench", level: .notice)
let metrics = MetricsRegistry()

var router = Router()
router.get("/healthz") { _ in .text("ok\n") }

let signals = try ProcessSignals()
let server = HTTPServer(
    configuration: .init(host: "127.0.0.1", port: port, eventLoopCount: loops),
    responder: router, logger: logger, metrics: metrics
)
let running = Task { try await server.run() }
_ = await signals.first()
server.shutdown()
try await running.value
