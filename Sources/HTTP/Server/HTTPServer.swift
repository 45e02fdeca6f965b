import CSystem
import Foundation
public import Observability
import Synchronization

/// Our HTTP/1.1 server: non-blocking sockets and epoll, one event loop thread per core, strict
/// parsing, keep-alive and pipelining, bounded timeouts, graceful shutdown.
///
/// ```swift
/// let server = HTTPServer(configuration: .init(port: 8080), responder: router, logger: logger, metrics: registry)
/// try await server.run()   // returns after shutdown() has finished
/// server.shutdown()        // from a signal handler task
/// ```
public final class HTTPServer: Sendable {
    /// The server's settings.
    public let configuration: Configuration
    private let context: ServerContext

    private enum State {
        case idle
        case listening(descriptors: [Int32], port: Int)
        case running(loops: [EventLoop], port: Int)
        case stopped
    }

    private struct Shared {
        var state = State.idle
        var shutdownRequested = false
        var remainingLoops = 0
        var finished: [CheckedContinuation<Void, Never>] = []
    }

    private let shared = Mutex(Shared())

    /// Creates a server; nothing is bound until `listen()` or `run()`.
    public init(configuration: Configuration, responder: any HTTPResponder, logger: Logger, metrics: MetricsRegistry) {
        self.configuration = configuration
        context = ServerContext(configuration: configuration, responder: responder, logger: logger, metrics: metrics)
    }

    /// Binds the listening sockets (one per event loop, SO_REUSEPORT) and returns the port, which
    /// matters when the configuration asked for port 0. `run()` calls it when you have not.
    @discardableResult
    public func listen() throws(HTTPServerError) -> Int {
        try shared.withLock { shared throws(HTTPServerError) -> Int in
            switch shared.state {
            case .listening(_, let port), .running(_, let port): return port
            case .stopped: throw HTTPServerError(code: .alreadyRunning, operation: "listen after stop", errorNumber: 0)
            case .idle: break
            }
            var descriptors: [Int32] = []
            var port = configuration.port
            do throws(HTTPServerError) {
                for _ in 0..<configuration.eventLoopCount {
                    let descriptor = try HTTPServerError.check(
                        csystem_listen_tcp(configuration.host, Int32(port), 1, Int32(configuration.backlog)),
                        .listen, "listen \(configuration.host):\(port)"
                    )
                    descriptors.append(descriptor)
                    if port == 0 { port = Int(try HTTPServerError.check(csystem_local_port(descriptor), .listen, "getsockname")) }
                }
            } catch {
                for descriptor in descriptors { close(descriptor) }
                throw error
            }
            shared.state = .listening(descriptors: descriptors, port: port)
            return port
        }
    }

    /// Binds (unless `listen()` did) and starts the event loop threads, without waiting; `run()`
    /// then only waits. Useful where the caller must know the server accepts before it goes on
    /// (tests, or a process that signals readiness). Idempotent.
    public func start() throws(HTTPServerError) {
        try listen()
        let started: (loops: [EventLoop], port: Int, shutdownEarly: Bool)? = try shared.withLock { shared throws(HTTPServerError) in
            guard case .listening(let descriptors, let port) = shared.state else { return nil }
            var loops: [EventLoop] = []
            do throws(HTTPServerError) {
                for descriptor in descriptors {
                    loops.append(try EventLoop(context: context, listener: descriptor) { [weak self] in self?.loopStopped() })
                }
            } catch {
                for descriptor in descriptors { close(descriptor) }
                shared.state = .stopped
                throw error
            }
            shared.state = .running(loops: loops, port: port)
            shared.remainingLoops = loops.count
            return (loops, port, shared.shutdownRequested)
        }
        guard let started else { return }
        context.logger.notice("http server listening", metadata: [
            "http.host": configuration.host, "http.port": String(started.port), "http.loops": String(started.loops.count),
        ])
        for (index, loop) in started.loops.enumerated() {
            let thread = Thread { loop.run() }
            thread.name = "http-loop-\(index)"
            thread.start()
        }
        if started.shutdownEarly { for loop in started.loops { loop.execute { loop.beginShutdown() } } }
    }

    /// Serves until `shutdown()` has let in-flight requests finish (within
    /// `configuration.shutdownTimeout`), then returns. Throws when the port cannot be bound.
    public func run() async throws {
        let stoppedBeforeStart = shared.withLock { shared in
            if case .stopped = shared.state { return shared.shutdownRequested }
            return false
        }
        if stoppedBeforeStart { return }
        try start()
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let done = shared.withLock { shared -> Bool in
                if case .stopped = shared.state { return true }
                shared.finished.append(continuation)
                return false
            }
            if done { continuation.resume() }
        }
        context.logger.notice("http server stopped")
    }

    /// Begins a graceful shutdown: stop accepting (new connections are refused), close idle
    /// connections, let requests in flight finish within `configuration.shutdownTimeout`; `run()`
    /// returns when that is done. Safe to call from any thread, more than once.
    public func shutdown() {
        let loops: [EventLoop] = shared.withLock { shared in
            shared.shutdownRequested = true
            if case .running(let loops, _) = shared.state { return loops }
            if case .listening(let descriptors, _) = shared.state {
                for descriptor in descriptors { close(descriptor) }
                shared.state = .stopped
            }
            return []
        }
        for loop in loops { loop.execute { loop.beginShutdown() } }
    }

    private func loopStopped() {
        let waiting = shared.withLock { shared -> [CheckedContinuation<Void, Never>] in
            shared.remainingLoops -= 1
            guard shared.remainingLoops == 0 else { return [] }
            shared.state = .stopped
            defer { shared.finished = [] }
            return shared.finished
        }
        for continuation in waiting { continuation.resume() }
    }
}
