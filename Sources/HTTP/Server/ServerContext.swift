import Observability

/// What every loop and connection of one server shares: read-only after start, except the metric
/// handles, which are atomic.
final class ServerContext: Sendable {
    let configuration: HTTPServer.Configuration
    let responder: any HTTPResponder
    let logger: Logger
    let metrics: MetricsRegistry
    let openConnections: Gauge
    /// The default security headers pre-rendered as `Name: value\r\n` lines.
    let securityBlock: [UInt8]
    /// Lowercased names of the default security headers, to spot overrides.
    let securityNames: [String]
    let headerTimeout: UInt64
    let idleTimeout: UInt64
    let bodyTimeout: UInt64
    let writeTimeout: UInt64
    let lingerTimeout: UInt64
    let shutdownTimeout: UInt64
    /// How often loops look for expired deadlines: a quarter of the shortest timeout, 5 ms to 250 ms.
    let sweepInterval: UInt64

    init(configuration: HTTPServer.Configuration, responder: any HTTPResponder, logger: Logger, metrics: MetricsRegistry) {
        self.configuration = configuration
        self.responder = responder
        self.logger = logger
        self.metrics = metrics
        openConnections = metrics.gauge("http_open_connections", help: "Open HTTP connections.")
        var block: [UInt8] = []
        for field in configuration.securityHeaders {
            block += Array(field.name.utf8) + Array(": ".utf8) + Array(field.value.utf8) + [0x0D, 0x0A]
        }
        securityBlock = block
        securityNames = configuration.securityHeaders.map { $0.name.lowercased() }
        headerTimeout = configuration.headerTimeout.nanoseconds
        idleTimeout = configuration.idleTimeout.nanoseconds
        bodyTimeout = configuration.bodyTimeout.nanoseconds
        writeTimeout = configuration.writeTimeout.nanoseconds
        lingerTimeout = configuration.lingerTimeout.nanoseconds
        shutdownTimeout = configuration.shutdownTimeout.nanoseconds
        let shortest = [headerTimeout, idleTimeout, bodyTimeout, writeTimeout, lingerTimeout].min()!
        sweepInterval = min(max(shortest / 4, 5_000_000), 250_000_000)
    }
}
