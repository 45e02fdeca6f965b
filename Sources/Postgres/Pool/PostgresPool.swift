public import Observability
import Synchronization

/// A bounded pool of connections.
///
/// - Connections open lazily, up to `maximumConnections`; an idle one is reused last-in first-out
///   (its statement cache is warm).
/// - A connection the server closed (restart, `pg_terminate_backend`) is noticed by the event loop
///   as soon as the server's message arrives and is replaced on the next checkout; one that failed
///   mid-statement is discarded on release. The pool so recovers from a server restart by itself.
/// - Waiting is bounded: without a free connection within `acquireTimeout` the caller gets
///   `.poolTimeout`. When the server is unreachable, each waiting caller gets the connection error
///   as soon as its attempt fails, never a hang.
/// - With several event loops, connections are spread over them, and a task running on one of the
///   loops (`withTaskExecutorPreference(loop)`) is given a connection of that loop when one is idle,
///   so its statements need no thread hop at all.
/// - `statistics` (and, with a registry, the `postgres_pool_connections{pool,state}` gauges) show
///   connections in use, idle, connecting, waiting callers and the maximum.
///
/// ```swift
/// let pool = PostgresPool(configuration: config, maximumConnections: 10, logger: logger, metrics: registry)
/// let count = try await pool.query("SELECT count(*) FROM org.person WHERE organisation_id = \(orgID)")
///     .first!.decode(Int.self)
/// ```
public final class PostgresPool: PostgresQueryable, Sendable {
    /// A snapshot of the pool's connections.
    public struct Statistics: Sendable, Equatable {
        /// Checked out by callers.
        public var inUse: Int
        /// Open and free.
        public var idle: Int
        /// Being opened.
        public var connecting: Int
        /// Callers waiting for a connection.
        public var waiting: Int
        /// The bound.
        public var maximum: Int

        /// A snapshot with these counts.
        public init(inUse: Int, idle: Int, connecting: Int, waiting: Int, maximum: Int) {
            self.inUse = inUse
            self.idle = idle
            self.connecting = connecting
            self.waiting = waiting
            self.maximum = maximum
        }
    }

    private struct IdleConnection {
        var connection: PostgresConnection
        /// `CoarseClock` nanoseconds when it was released.
        var since: UInt64
    }

    private struct Waiter {
        var id: UInt64
        var deadline: ContinuousClock.Instant
        var continuation: UnsafeContinuation<PostgresConnection, any Error>
    }

    private struct State {
        var idle: [IdleConnection] = []
        var inUse = 0
        var connecting = 0
        var waiters: [Waiter] = []
        var nextWaiterID: UInt64 = 0
        var sweepScheduled = false
        var closed = false

        var total: Int { inUse + idle.count + connecting }
    }

    /// How connections are opened.
    public let configuration: PostgresConfiguration
    /// The most connections open at once.
    public let maximumConnections: Int
    /// The longest a caller waits for a connection.
    public let acquireTimeout: Duration
    /// How often `run()` checks connections that have been idle that long.
    public let healthCheckInterval: Duration
    /// The pool's name in metrics and logs.
    public let name: String
    /// The loops the connections run on, spread evenly.
    public let eventLoops: [PostgresEventLoop]
    private let nextLoop = Atomic<Int>(0)
    let logger: Logger
    private let state = Mutex(State())
    private let counters: Counters?

    /// Connections idle at least this long (nanoseconds) are probed (a non-blocking read on the loop) at checkout.
    static let probeAfterIdle: UInt64 = 1_000_000_000

    /// Creates a pool; no connection is opened until the first use.
    public init(
        configuration: PostgresConfiguration,
        maximumConnections: Int = 10,
        acquireTimeout: Duration = .seconds(10),
        healthCheckInterval: Duration = .seconds(30),
        name: String = "default",
        logger: Logger,
        metrics: MetricsRegistry? = nil,
        eventLoops: [PostgresEventLoop] = [.shared]
    ) {
        precondition(maximumConnections > 0, "a pool needs at least one connection")
        precondition(!eventLoops.isEmpty, "a pool needs an event loop")
        self.configuration = configuration
        self.maximumConnections = maximumConnections
        self.acquireTimeout = acquireTimeout
        self.healthCheckInterval = healthCheckInterval
        self.name = name
        self.logger = logger.with("db.pool", name)
        self.eventLoops = eventLoops
        counters = metrics.map { Counters(registry: $0, pool: name) }
        if let metrics { registerGauges(metrics) }
    }

    /// The pool's current use.
    public var statistics: Statistics {
        state.withLock { state in
            Statistics(inUse: state.inUse, idle: state.idle.count, connecting: state.connecting,
                       waiting: state.waiters.count, maximum: maximumConnections)
        }
    }

    // MARK: Running statements

    /// Runs one statement on a free connection.
    public nonisolated(nonsending) func query(_ query: PostgresQuery) async throws -> PostgresRows {
        if let error = query.validationError(operation: .query) { throw error }
        let connection = try await acquire()
        do {
            let result = try await connection.run(.extended(query), operation: .query)
            release(connection)
            return PostgresRows(result: result)
        } catch {
            release(connection)
            throw error
        }
    }

    /// Runs a script on a free connection (see `PostgresQueryable`).
    @discardableResult
    public func execute(unsafeScript script: String) async throws -> PostgresRows {
        try await withConnection { try await $0.execute(unsafeScript: script) }
    }

    /// Runs `body` with a connection of its own, returned to the pool afterwards. A connection left
    /// inside a transaction block or broken is closed instead of reused.
    @discardableResult
    public func withConnection<T>(
        isolation: isolated (any Actor)? = #isolation,
        _ body: (PostgresConnection) async throws -> T
    ) async throws -> T {
        let connection = try await acquire()
        do {
            let value = try await body(connection)
            release(connection)
            return value
        } catch {
            release(connection)
            throw error
        }
    }

    /// Runs `body` in a transaction on a connection of its own, optionally acting as a role with
    /// settings for row-level security (see `SessionContext` and `PostgresConnection.transaction`).
    ///
    /// ```swift
    /// try await pool.transaction(as: SessionContext(role: "wr_manager", settings: ["app.person_id": pid])) { tx in
    ///     try await tx.execute("UPDATE routine.talk SET held_on = \(day) WHERE id = \(talkID)")
    /// }
    /// ```
    @discardableResult
    public func transaction<T>(
        as context: SessionContext? = nil,
        isolation: isolated (any Actor)? = #isolation,
        _ body: (PostgresTransaction) async throws -> T
    ) async throws -> T {
        try await withConnection { connection in
            try await connection.transaction(as: context, body)
        }
    }

    // MARK: Checkout

    /// Takes a connection for exclusive use; give it back with `release`.
    nonisolated(nonsending) func acquire() async throws -> PostgresConnection {
        while true {
            var stale: [PostgresConnection] = []
            var probe = false
            let local = localLoop()
            let ready: PostgresConnection? = state.withLock { state in
                guard !state.closed else { return nil }
                if let local, let index = state.idle.lastIndex(where: { $0.connection.eventLoop === local }) {
                    let entry = state.idle.remove(at: index)
                    if entry.connection.isReusable {
                        state.inUse += 1
                        probe = CoarseClock.now() &- entry.since >= Self.probeAfterIdle
                        return entry.connection
                    }
                    stale.append(entry.connection)
                }
                while let entry = state.idle.popLast() {
                    if entry.connection.isReusable {
                        state.inUse += 1
                        probe = CoarseClock.now() &- entry.since >= Self.probeAfterIdle
                        return entry.connection
                    }
                    stale.append(entry.connection)
                }
                return nil
            }
            discard(stale)
            guard let connection = ready else { return try await acquireWaiting() }
            if !probe { return connection }
            if connection.probe() { return connection }
            // The server closed it while it sat idle: replace it.
            release(connection)
        }
    }

    private func acquireWaiting() async throws -> PostgresConnection {
        let id = state.withLock { state -> UInt64 in
            state.nextWaiterID += 1
            return state.nextWaiterID
        }
        return try await withTaskCancellationHandler {
            try await withUnsafeThrowingContinuation { (continuation: UnsafeContinuation<PostgresConnection, any Error>) in
                enum Action { case ready(PostgresConnection), fail(PostgresError), wait(connect: Bool, sweep: Bool) }
                var stale: [PostgresConnection] = []
                let action = state.withLock { state -> Action in
                    if state.closed { return .fail(PostgresError(code: .poolClosed, operation: .acquire)) }
                    while let entry = state.idle.popLast() {
                        if entry.connection.isReusable {
                            state.inUse += 1
                            return .ready(entry.connection)
                        }
                        stale.append(entry.connection)
                    }
                    state.waiters.append(Waiter(id: id, deadline: .now.advanced(by: acquireTimeout), continuation: continuation))
                    let sweep = !state.sweepScheduled
                    state.sweepScheduled = true
                    if state.total < maximumConnections, state.waiters.count > state.connecting {
                        state.connecting += 1
                        return .wait(connect: true, sweep: sweep)
                    }
                    return .wait(connect: false, sweep: sweep)
                }
                discard(stale)
                switch action {
                case .ready(let connection):
                    continuation.resume(returning: connection)
                case .fail(let error):
                    continuation.resume(throwing: error)
                case .wait(let connect, let sweep):
                    if sweep { scheduleSweep(after: acquireTimeout) }
                    if connect { openConnection() }
                }
            }
        } onCancel: {
            let waiter = state.withLock { state -> Waiter? in
                guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
                return state.waiters.remove(at: index)
            }
            waiter?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Gives a connection back: to the longest-waiting caller, to the idle list, or (when it is
    /// broken, inside a transaction, or marked) closed and its slot offered to a new connection.
    func release(_ connection: PostgresConnection) {
        enum Action { case none, give(Waiter), close(connect: Bool) }
        let reusable = connection.isReusable
        let action = state.withLock { state -> Action in
            if reusable, !state.closed {
                if !state.waiters.isEmpty { return .give(state.waiters.removeFirst()) }
                state.inUse -= 1
                state.idle.append(IdleConnection(connection: connection, since: CoarseClock.now()))
                return .none
            }
            state.inUse -= 1
            if !state.closed, state.waiters.count > state.connecting, state.total < maximumConnections {
                state.connecting += 1
                return .close(connect: true)
            }
            return .close(connect: false)
        }
        switch action {
        case .none:
            break
        case .give(let waiter):
            waiter.continuation.resume(returning: connection)
        case .close(let connect):
            if !reusable { counters?.discarded.increment() }
            discard([connection])
            if connect { openConnection() }
        }
    }

    private func discard(_ connections: [PostgresConnection]) {
        for connection in connections {
            // Deferred to the loop: this can run inside a connection's own completion, under its lock.
            let core = connection.core
            connection.eventLoop.execute { core.close() }
        }
    }

    /// The pool's loop whose thread is running the caller, if any.
    private func localLoop() -> PostgresEventLoop? {
        guard eventLoops.count > 1 else { return nil }
        return eventLoops.first { $0.inLoop }
    }

    private func openConnection() {
        // On the caller's loop when it runs on one, else the next in turn.
        let loop = localLoop() ?? eventLoops[nextLoop.wrappingAdd(1, ordering: .relaxed).oldValue % eventLoops.count]
        PostgresConnection.connect(configuration: configuration, logger: logger, eventLoop: loop) { [weak self] result in
            self?.connectFinished(result)
        }
    }

    private func connectFinished(_ result: Result<PostgresConnection, any Error>) {
        switch result {
        case .success(let connection):
            enum Action { case none, give(Waiter), close }
            let action = state.withLock { state -> Action in
                state.connecting -= 1
                if state.closed { return .close }
                if !state.waiters.isEmpty {
                    state.inUse += 1
                    return .give(state.waiters.removeFirst())
                }
                state.idle.append(IdleConnection(connection: connection, since: CoarseClock.now()))
                return .none
            }
            switch action {
            case .none: break
            case .give(let waiter): waiter.continuation.resume(returning: connection)
            case .close: discard([connection])
            }
        case .failure(let error):
            counters?.connectFailures.increment()
            logger.warning("could not connect", metadata: ["db.error": "\(error)"])
            let (waiter, again) = state.withLock { state -> (Waiter?, Bool) in
                state.connecting -= 1
                let waiter = state.waiters.isEmpty ? nil : state.waiters.removeFirst()
                // Callers still waiting beyond the attempts under way each get an attempt (and its
                // error) of their own rather than a timeout.
                if !state.closed, state.waiters.count > state.connecting, state.total < maximumConnections {
                    state.connecting += 1
                    return (waiter, true)
                }
                return (waiter, false)
            }
            waiter?.continuation.resume(throwing: error)
            if again { openConnection() }
        }
    }

    // MARK: Timeouts

    /// One timer per pool at a time, set for the earliest waiter's deadline.
    private func scheduleSweep(after delay: Duration) {
        eventLoops[0].schedule(after: delay) { [weak self] in self?.sweepExpiredWaiters() }
    }

    private func sweepExpiredWaiters() {
        let now = ContinuousClock.now
        let (expired, next, inUse) = state.withLock { state -> ([Waiter], ContinuousClock.Instant?, Int) in
            var expired: [Waiter] = []
            state.waiters.removeAll { waiter in
                guard waiter.deadline <= now else { return false }
                expired.append(waiter)
                return true
            }
            let next = state.waiters.map(\.deadline).min()
            state.sweepScheduled = next != nil
            return (expired, next, state.inUse)
        }
        if let next { scheduleSweep(after: now.duration(to: next)) }
        for waiter in expired {
            counters?.timeouts.increment()
            let error = PostgresError(
                code: .poolTimeout, operation: .acquire,
                reason: "no connection within \(acquireTimeout) (\(inUse) of \(maximumConnections) in use)"
            )
            waiter.continuation.resume(throwing: error)
        }
    }

    // MARK: Lifecycle

    /// Keeps idle connections healthy until cancelled, then closes the pool. Run it in the service's
    /// task group; the pool works without it, but then half-open TCP connections (a peer that
    /// vanished without closing) are only found when used.
    public func run() async throws {
        while !Task.isCancelled {
            do {
                try await Task.sleep(for: healthCheckInterval)
            } catch {
                break
            }
            await checkIdleConnections()
        }
        await close()
    }

    /// Pings connections idle for at least `healthCheckInterval`, discarding those that fail.
    func checkIdleConnections() async {
        let now = CoarseClock.now()
        let interval = CoarseClock.nanoseconds(healthCheckInterval)
        let due = state.withLock { state -> [PostgresConnection] in
            var due: [PostgresConnection] = []
            state.idle.removeAll { entry in
                guard now &- entry.since >= interval else { return false }
                due.append(entry.connection)
                return true
            }
            state.inUse += due.count
            return due
        }
        for connection in due {
            do {
                _ = try await connection.run(.simple(""), operation: .ping)
            } catch {
                connection.markForDiscard()
            }
            release(connection)
        }
    }

    /// Closes the pool: waiting callers get `.poolClosed`, idle connections close now, connections in
    /// use close when released.
    public func close() async {
        let (idle, waiters) = state.withLock { state -> ([IdleConnection], [Waiter]) in
            state.closed = true
            defer {
                state.idle = []
                state.waiters = []
            }
            return (state.idle, state.waiters)
        }
        for waiter in waiters { waiter.continuation.resume(throwing: PostgresError(code: .poolClosed, operation: .acquire)) }
        for entry in idle { await entry.connection.close() }
    }
}
