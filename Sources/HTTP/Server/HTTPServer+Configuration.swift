import Foundation

extension HTTPServer {
    /// Where to listen, how many loops to run, and the bounds that keep one client from holding
    /// resources for long.
    public struct Configuration: Sendable {
        /// A numeric IPv4 or IPv6 address; `127.0.0.1` behind the TLS proxy.
        public var host: String
        /// The port; 0 picks a free one (see `HTTPServer.listen()`).
        public var port: Int
        /// Event loop threads, each with its own listening socket (SO_REUSEPORT); one per core.
        public var eventLoopCount: Int
        /// The listen backlog.
        public var backlog: Int
        /// Request line and header bounds.
        public var limits: HTTPParserLimits
        /// A request head must arrive within this, from its first byte (or from accepting the
        /// connection); otherwise 408 and close. Holds back no other connection.
        public var headerTimeout: Duration
        /// An idle keep-alive connection is closed after this.
        public var idleTimeout: Duration
        /// A request body must arrive within this after its head; otherwise 408 and close.
        public var bodyTimeout: Duration
        /// A response must be taken by the client within this once the socket is full.
        public var writeTimeout: Duration
        /// After an answer that closes the connection we wait this long for the client's FIN,
        /// reading and discarding, so the kernel does not reset the connection under the answer.
        public var lingerTimeout: Duration
        /// `shutdown()` lets in-flight requests finish for at most this long, then closes everything.
        public var shutdownTimeout: Duration
        /// Fields added to every response, error responses included, unless the response sets the
        /// same field itself (a cacheable static asset sets `Cache-Control`).
        public var securityHeaders: HTTPHeaders
        /// Peer addresses (e.g. the local nginx at `127.0.0.1`) whose `X-Forwarded-For` and
        /// `X-Forwarded-Proto` are believed. Empty: those fields are ignored.
        public var trustedProxies: Set<String>

        /// The content security policy: no inline script or style anywhere.
        public static let defaultContentSecurityPolicy =
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'; object-src 'none'"

        /// The security headers sent by default.
        public static let defaultSecurityHeaders = HTTPHeaders([
            ("Content-Security-Policy", defaultContentSecurityPolicy),
            ("X-Content-Type-Options", "nosniff"),
            ("Referrer-Policy", "no-referrer"),
            ("X-Frame-Options", "DENY"),
            ("Cache-Control", "no-store"),
        ])

        /// Creates a configuration; every bound has a default suited to production; `eventLoopCount`
        /// defaults to the number of active processors.
        public init(
            host: String = "127.0.0.1", port: Int = 8080,
            eventLoopCount: Int? = nil, backlog: Int = 1024,
            limits: HTTPParserLimits = HTTPParserLimits(),
            headerTimeout: Duration = .seconds(10), idleTimeout: Duration = .seconds(10),
            bodyTimeout: Duration = .seconds(60), writeTimeout: Duration = .seconds(30),
            lingerTimeout: Duration = .seconds(2), shutdownTimeout: Duration = .seconds(10),
            securityHeaders: HTTPHeaders = defaultSecurityHeaders, trustedProxies: Set<String> = []
        ) {
            self.host = host
            self.port = port
            self.eventLoopCount = max(1, eventLoopCount ?? ProcessInfo.processInfo.activeProcessorCount)
            self.backlog = backlog
            self.limits = limits
            self.headerTimeout = headerTimeout
            self.idleTimeout = idleTimeout
            self.bodyTimeout = bodyTimeout
            self.writeTimeout = writeTimeout
            self.lingerTimeout = lingerTimeout
            self.shutdownTimeout = shutdownTimeout
            self.securityHeaders = securityHeaders
            self.trustedProxies = trustedProxies
        }
    }
}

extension Duration {
    /// Whole nanoseconds, saturating.
    var nanoseconds: UInt64 {
        let (seconds, attoseconds) = components
        guard seconds >= 0 else { return 0 }
        return UInt64(seconds) &* 1_000_000_000 &+ UInt64(attoseconds / 1_000_000_000)
    }
}
