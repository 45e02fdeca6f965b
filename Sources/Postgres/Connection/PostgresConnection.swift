import CLibPQ
import Foundation
public import Observability

/// One session with the server. Most code uses `PostgresPool`; a connection of its own suits work
/// that needs one session throughout (an advisory lock, `LISTEN`).
///
/// Statements are sent as cached prepared statements (named per connection, keyed by SQL text and
/// bind types) with binary results. The socket is non-blocking: a statement is written by the
/// calling thread when the connection is free, and the answer is read by the event loop thread, so
/// awaiting a result never blocks a thread of the concurrency pool.
public final class PostgresConnection: PostgresQueryable, Sendable {
    let core: ConnectionCore
    /// The loop this connection runs on.
    public let eventLoop: PostgresEventLoop
    let logger: Logger

    private init(core: ConnectionCore, eventLoop: PostgresEventLoop, logger: Logger) {
        self.core = core
        self.eventLoop = eventLoop
        self.logger = logger
    }

    deinit {
        // Deferred: the last reference may go while the connection's own lock is held (a pool
        // dropping a connection from inside its connect completion).
        let core = core
        eventLoop.execute { core.close() }
    }

    /// Opens a connection. Fails with `.connectionFailed` (libpq's reason in `debugDescription`) when
    /// the server is unreachable, refuses, or does not answer within the connect timeout.
    public static func connect(
        configuration: PostgresConfiguration, logger: Logger, eventLoop: PostgresEventLoop = .shared
    ) async throws -> PostgresConnection {
        let core = try await connectCore(configuration: configuration, logger: logger, eventLoop: eventLoop)
        return PostgresConnection(core: core, eventLoop: eventLoop, logger: logger)
    }

    static func connectCore(configuration: PostgresConfiguration, logger: Logger, eventLoop: PostgresEventLoop) async throws -> ConnectionCore {
        if let error = configuration.sessionRoleError { throw error }
        let parameters = try await HostResolver.parameters(for: configuration)
        let core = ConnectionCore(loop: eventLoop, logger: logger)
        let timeout = configuration.connectTimeout ?? .seconds(10)
        try await withTaskCancellationHandler {
            try await withUnsafeThrowingContinuation { (continuation: UnsafeContinuation<Void, any Error>) in
                eventLoop.execute {
                    core.connect(parameters: parameters, timeout: timeout) { continuation.resume(with: $0) }
                }
            }
        } onCancel: {
            eventLoop.execute { core.abortConnect() }
        }
        return core
    }

    /// Opens a connection and hands it to `completion` on the loop thread, for the pool.
    static func connect(
        configuration: PostgresConfiguration, logger: Logger, eventLoop: PostgresEventLoop,
        completion: @escaping @Sendable (Result<PostgresConnection, any Error>) -> Void
    ) {
        if let error = configuration.sessionRoleError {
            completion(.failure(error))
            return
        }
        if HostResolver.needsResolution(configuration) {
            // Name resolution blocks; it happens on a thread of its own, then connecting continues on the loop.
            HostResolver.resolveOnThread(configuration) { resolved in
                switch resolved {
                case .success(let parameters):
                    eventLoop.execute { start(parameters) }
                case .failure(let error):
                    completion(.failure(error))
                }
            }
        } else {
            let parameters = configuration.libpqParameters()
            eventLoop.execute { start(parameters) }
        }
        @Sendable func start(_ parameters: [(String, String)]) {
            let core = ConnectionCore(loop: eventLoop, logger: logger)
            core.connect(parameters: parameters, timeout: configuration.connectTimeout ?? .seconds(10)) { result in
                completion(result.map { PostgresConnection(core: core, eventLoop: eventLoop, logger: logger) })
            }
        }
    }

    /// True while the connection is open and has not failed. A connection the server closed (e.g. on
    /// restart) turns false as soon as the loop reads the end of the stream.
    public var isUsable: Bool { core.usable.load(ordering: .acquiring) }

    /// True when the session is inside a transaction block.
    var isInTransaction: Bool { core.inTransaction.load(ordering: .relaxed) }

    /// True when the connection may go back to a pool: open, idle, not marked for discarding.
    var isReusable: Bool { isUsable && !isInTransaction && !core.discard.load(ordering: .relaxed) }

    /// Runs one statement.
    public nonisolated(nonsending) func query(_ query: PostgresQuery) async throws -> PostgresRows {
        if let error = query.validationError(operation: .query) { throw error }
        return PostgresRows(result: try await run(.extended(query), operation: .query))
    }

    /// Runs a script through the simple query protocol (see `PostgresQueryable`).
    @discardableResult
    public func execute(unsafeScript script: String) async throws -> PostgresRows {
        guard !script.utf8.contains(0) else {
            throw PostgresError(code: .encoding, operation: .script, reason: "script contains a NUL byte")
        }
        return PostgresRows(result: try await run(.simple(script), operation: .script))
    }

    /// Closes the connection; statements still queued fail with `.connectionClosed`.
    public func close() async {
        core.close()
    }

    /// Sends a request (on this thread when the connection is free) and waits for the loop to read
    /// its result. Cancelling the task removes a queued request, or sends a cancel request to the
    /// server for a running one.
    nonisolated(nonsending) func run(_ request: ConnectionRequest, operation: PostgresError.Operation) async throws -> PostgresResult {
        try Task.checkCancellation()
        let core = core
        let id = core.operationIDs.wrappingAdd(1, ordering: .relaxed).oldValue
        return try await withTaskCancellationHandler {
            try await withUnsafeThrowingContinuation { continuation in
                core.submit(PendingOperation(id: id, request: request, operation: operation, continuation: continuation))
            }
        } onCancel: {
            // Not inline: the runtime runs this handler holding the task's status lock, and the core
            // resumes continuations (of this very task, too) holding its own lock. Taking the core's
            // lock here would invert that order and deadlock against the loop thread.
            core.loop.execute { core.cancel(operationID: id) }
        }
    }

    /// Like `run`, but not cancellable: for the `ROLLBACK` that must follow a cancelled body.
    func runIgnoringCancellation(_ request: ConnectionRequest, operation: PostgresError.Operation) async throws -> PostgresResult {
        let core = core
        let id = core.operationIDs.wrappingAdd(1, ordering: .relaxed).oldValue
        return try await withUnsafeThrowingContinuation { continuation in
            core.submit(PendingOperation(id: id, request: request, operation: operation, continuation: continuation))
        }
    }

    /// Checks, without blocking, that the server has not closed the connection while it sat idle.
    func probe() -> Bool { core.probe() }

    /// Starts keeping notifications for `nextNotification` (before the first `LISTEN`).
    func receiveNotifications() async {
        let core = core
        core.startReceivingNotifications()
    }

    /// The next notification, or nil when none arrived within `timeout`.
    func nextNotification(timeout: Duration) async throws -> PostgresNotification? {
        try Task.checkCancellation()
        let core = core
        return try await withTaskCancellationHandler {
            try await withUnsafeThrowingContinuation { continuation in
                core.nextNotification(timeout: timeout, continuation)
            }
        } onCancel: {
            // On the loop, for the same reason as in `run`.
            core.loop.execute { core.cancelNotificationWait() }
        }
    }

    /// Marks the connection so a pool closes it instead of reusing it.
    func markForDiscard() { core.discard.store(true, ordering: .relaxed) }
}
