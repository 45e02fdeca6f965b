import CLibPQ
import CSystem
import Foundation
import Observability
import Synchronization

/// One libpq connection driven in non-blocking mode by its event loop.
///
/// All mutable state is guarded by one lock per connection. The loop thread takes it to read
/// answers; a caller takes it to send a statement directly when the connection is free, which saves a
/// wake-up of the loop per statement. Other threads read only the atomics (`usable`, `inTransaction`,
/// `discard`). Operations run one at a time in submission order.
final class ConnectionCore: LoopEventHandler, @unchecked Sendable {
    private enum Phase { case new, connecting, open, closed }

    struct CachedStatement {
        var types: [UInt32]
        /// NUL-terminated, so it goes to libpq without a conversion (which would allocate).
        var name: ContiguousArray<CChar>
    }

    /// Most named statements kept per connection; statements beyond run unnamed (parsed every time).
    static let statementCacheLimit = 512

    let loop: PostgresEventLoop
    private let logger: Logger
    /// Guards everything below: libpq is called by whichever thread holds it (the loop reading
    /// answers, or a caller sending a statement), so a `PGconn` is never used by two threads at once.
    private let lock = Mutex<Void>(())

    // Shared with other threads.
    /// True while the connection is open and has not failed.
    let usable = Atomic<Bool>(false)
    /// True when the last operation left the session inside a transaction block.
    let inTransaction = Atomic<Bool>(false)
    /// Set when the connection must not be reused (a cancel was sent: it could hit a later statement).
    let discard = Atomic<Bool>(false)
    /// Identifies operations for cancellation.
    let operationIDs = Atomic<UInt64>(1)

    // Guarded by `lock`.
    private var connection: OpaquePointer?
    private var phase = Phase.new
    private var token: UInt64 = 0
    private var socket: Int32 = -1
    private var watchedEvents: UInt32 = 0
    private var connectCompletion: ((Result<Void, any Error>) -> Void)?
    private var connectTimer: LoopTimer?

    private var queue: [PendingOperation] = []
    private var queueHead = 0
    private var active: PendingOperation?

    private var statements: [String: [CachedStatement]] = [:]
    /// The statements used last, newest first: connections run a few statements again and again
    /// (a web request: BEGIN with its context, a query, COMMIT), and comparing short strings is
    /// cheaper than hashing.
    private var recentStatements: [(sql: String, entry: CachedStatement)] = []
    private static let recentLimit = 4
    private var statementCount = 0
    private var statementNumber = 0

    private var receivesNotifications = false
    private var notifications: [PostgresNotification] = []
    private var notificationWaiter: UnsafeContinuation<PostgresNotification?, any Error>?
    private var notificationWaiterGeneration: UInt64 = 0
    private var notificationCancelPending = false
    private var closeReason: PostgresError?

    init(loop: PostgresEventLoop, logger: Logger) {
        self.loop = loop
        self.logger = logger
    }

    deinit {
        // Only reached after `close` or a failure (the loop holds us while registered).
        if let connection { PQfinish(connection) }
    }

    // MARK: Connecting

    /// Starts a non-blocking connection attempt; `completion` runs on the loop thread.
    func connect(parameters: [(String, String)], timeout: Duration, completion: @escaping (Result<Void, any Error>) -> Void) {
        lock.withLock { _ in connectLocked(parameters: parameters, timeout: timeout, completion: completion) }
    }

    private func connectLocked(parameters: [(String, String)], timeout: Duration, completion: @escaping (Result<Void, any Error>) -> Void) {
        precondition(phase == .new)
        phase = .connecting
        connectCompletion = completion
        token = loop.newToken(for: self)
        connection = PostgresLibPQ.withKeywordArrays(parameters) { keywords, values in
            PQconnectStartParams(keywords, values, 0)
        }
        guard let connection else {
            failConnect(PostgresError(code: .connectionFailed, operation: .connect, reason: "libpq could not allocate a connection"))
            return
        }
        // libpq prints notices to stderr by default; they may quote data, so they go nowhere.
        PQsetNoticeReceiver(connection, { _, _ in }, nil)
        if PQstatus(connection) == CONNECTION_BAD {
            failConnect(PostgresLibPQ.error(connection, code: .connectionFailed, operation: .connect, reason: "could not connect"))
            return
        }
        let seconds = timeout.components.seconds
        connectTimer = loop.schedule(after: timeout) { [weak self] in
            guard let self else { return }
            self.lock.withLock { _ in
                guard self.phase == .connecting else { return }
                self.failConnect(PostgresError(code: .connectionFailed, operation: .connect, reason: "timed out after \(seconds)s"))
            }
        }
        // libpq has already begun (socket created, connect() issued); behave as if it asked to write.
        watch(CSYSTEM_EPOLLOUT)
    }

    /// Gives up on a connection attempt (the caller was cancelled).
    /// Gives up on a connection attempt (the caller was cancelled).
    func abortConnect() { lock.withLock { _ in abortConnectLocked() } }

    private func abortConnectLocked() {
        guard phase == .connecting else { return }
        failConnect(CancellationError())
    }

    private func continueConnecting() {
        guard let connection else { return }
        switch PQconnectPoll(connection) {
        case PGRES_POLLING_READING:
            watch(CSYSTEM_EPOLLIN)
        case PGRES_POLLING_WRITING:
            watch(CSYSTEM_EPOLLOUT)
        case PGRES_POLLING_OK:
            do {
                try PostgresLibPQ.check(PQsetnonblocking(connection, 1), expected: 0, connection,
                                        code: .connectionFailed, operation: .connect, reason: "could not enter non-blocking mode")
            } catch {
                failConnect(error)
                return
            }
            phase = .open
            connectTimer?.cancel()
            connectTimer = nil
            usable.store(true, ordering: .releasing)
            watch(CSYSTEM_EPOLLIN)
            let completion = connectCompletion
            connectCompletion = nil
            completion?(.success(()))
        default:
            failConnect(PostgresLibPQ.error(connection, code: .connectionFailed, operation: .connect, reason: "could not connect"))
        }
    }

    private func failConnect(_ error: any Error) {
        connectTimer?.cancel()
        connectTimer = nil
        teardown(closeError(error as? PostgresError ?? PostgresError(code: .connectionFailed, operation: .connect, reason: "cancelled")))
        let completion = connectCompletion
        connectCompletion = nil
        completion?(.failure(error))
    }

    // MARK: Events

    func handle(events: UInt32) { lock.withLock { _ in handleLocked(events: events) } }

    private func handleLocked(events: UInt32) {
        switch phase {
        case .connecting:
            continueConnecting()
        case .open:
            if events & (CSYSTEM_EPOLLIN | CSYSTEM_EPOLLERR | CSYSTEM_EPOLLHUP | CSYSTEM_EPOLLRDHUP) != 0 {
                readInput()
            }
            if phase == .open, events & CSYSTEM_EPOLLOUT != 0 {
                flushOutput()
            }
        case .new, .closed:
            break
        }
    }

    /// Watches the connection's current socket. libpq may have replaced it (another address while
    /// connecting); the old one is then closed and the kernel has already dropped it from the set.
    private func watch(_ events: UInt32) {
        guard let connection else { return }
        let descriptor = PQsocket(connection)
        guard descriptor >= 0 else { return }
        if descriptor != socket {
            socket = descriptor
            watchedEvents = events
            loop.watch(token: token, descriptor: descriptor, events: events, isNew: true)
        } else if events != watchedEvents {
            watchedEvents = events
            loop.watch(token: token, descriptor: descriptor, events: events, isNew: false)
        }
    }

    private func readInput() {
        guard let connection else { return }
        if PQconsumeInput(connection) == 0 {
            connectionLost(reason: "connection lost")
            return
        }
        deliverNotifications()
        if active != nil { processResults() }
        if phase == .open, PQstatus(connection) == CONNECTION_BAD {
            connectionLost(reason: "connection lost")
        }
    }

    private func flushOutput() {
        guard let connection else { return }
        let status = PQflush(connection)
        if status < 0 {
            connectionLost(reason: "could not send")
            return
        }
        watch(status == 1 ? CSYSTEM_EPOLLIN | CSYSTEM_EPOLLOUT : CSYSTEM_EPOLLIN)
    }

    // MARK: Operations

    /// Queues an operation; it starts when the ones before it have finished.
    /// Queues an operation, from any thread; when the connection is free the statement is sent
    /// right away on the calling thread (no hop to the loop), and the loop reads the answer.
    func submit(_ operation: PendingOperation) { lock.withLock { _ in submitLocked(operation) } }

    private func submitLocked(_ operation: PendingOperation) {
        guard phase == .open else {
            operation.continuation.resume(throwing: closeError(for: operation.operation))
            return
        }
        if active == nil {
            start(operation)
        } else {
            queue.append(operation)
        }
    }

    private func startNext() {
        while active == nil, phase == .open, queueHead < queue.count {
            let next = queue[queueHead]
            queueHead += 1
            if queueHead == queue.count {
                queue.removeAll(keepingCapacity: true)
                queueHead = 0
            }
            start(next)
        }
    }

    private func start(_ operation: PendingOperation) {
        guard let connection, phase == .open else {
            operation.continuation.resume(throwing: closeError(for: operation.operation))
            return
        }
        active = operation
        operation.startedIdle = PQtransactionStatus(connection) == PQTRANS_IDLE
        let sent: Int32
        switch operation.request {
        case .extended(let query):
            sent = sendExtended(connection, query: query, operation: operation)
        case .simple(let script):
            operation.step = .simple
            sent = PQsendQuery(connection, script)
        case .pipeline(let queries):
            operation.step = .pipeline
            var ok = PQenterPipelineMode(connection)
            for query in queries where ok == 1 {
                ok = sendInPipeline(connection, query: query, operation: operation)
            }
            if ok == 1 { ok = PQpipelineSync(connection) }
            sent = ok
        }
        guard sent == 1 else {
            connectionLost(reason: "could not send")
            return
        }
        flushOutput()
    }

    /// Executes the query's cached statement, prepares it first, or (cache full) sends it unnamed.
    private func sendExtended(_ connection: OpaquePointer, query: PostgresQuery, operation: PendingOperation) -> Int32 {
        let format = query.resultFormat.rawValue
        if let name = cachedStatement(query) {
            operation.step = .executing
            return sendPrepared(connection, name: name, query: query, format: format)
        }
        if statementCount < Self.statementCacheLimit {
            statementCount += 1
            statementNumber += 1
            let name = "wr\(statementNumber)".utf8CString
            operation.step = .preparing(name: name)
            let types = query.bindings.types
            return types.withUnsafeBufferPointer { types in
                name.withUnsafeBufferPointer { name in
                    PQsendPrepare(connection, name.baseAddress, query.sql, Int32(types.count), types.baseAddress)
                }
            }
        }
        operation.step = .executing
        return query.bindings.withLibPQArguments { count, types, values, lengths, formats in
            PQsendQueryParams(connection, query.sql, count, types, values, lengths, formats, format)
        }
    }

    /// Queues one statement of a pipeline: its cached statement, or Parse and then Execute of a new
    /// one in the same pipeline (cached once the whole pipeline succeeded).
    private func sendInPipeline(_ connection: OpaquePointer, query: PostgresQuery, operation: PendingOperation) -> Int32 {
        let format = query.resultFormat.rawValue
        if let name = cachedStatement(query) {
            return sendPrepared(connection, name: name, query: query, format: format)
        }
        guard statementCount < Self.statementCacheLimit else {
            return query.bindings.withLibPQArguments { count, types, values, lengths, formats in
                PQsendQueryParams(connection, query.sql, count, types, values, lengths, formats, format)
            }
        }
        statementNumber += 1
        let name = "wr\(statementNumber)".utf8CString
        let types = query.bindings.types
        let prepared = types.withUnsafeBufferPointer { types in
            name.withUnsafeBufferPointer { name in
                PQsendPrepare(connection, name.baseAddress, query.sql, Int32(types.count), types.baseAddress)
            }
        }
        guard prepared == 1 else { return prepared }
        operation.preparedInPipeline.append((query.sql, CachedStatement(types: types, name: name)))
        return sendPrepared(connection, name: name, query: query, format: format)
    }

    private func sendPrepared(_ connection: OpaquePointer, name: ContiguousArray<CChar>, query: PostgresQuery, format: Int32) -> Int32 {
        name.withUnsafeBufferPointer { name in
            query.bindings.withLibPQArguments { count, _, values, lengths, formats in
                PQsendQueryPrepared(connection, name.baseAddress, count, values, lengths, formats, format)
            }
        }
    }

    private func cachedStatement(_ query: PostgresQuery) -> ContiguousArray<CChar>? {
        for index in recentStatements.indices {
            let recent = recentStatements[index]
            if recent.sql == query.sql, query.bindings.typesEqual(recent.entry.types) {
                if index > 0 { recentStatements.swapAt(index, index - 1) }
                return recent.entry.name
            }
        }
        guard let entries = statements[query.sql] else { return nil }
        for entry in entries where query.bindings.typesEqual(entry.types) {
            if recentStatements.count == Self.recentLimit { recentStatements.removeLast() }
            recentStatements.insert((query.sql, entry), at: 0)
            return entry.name
        }
        return nil
    }

    private func forgetStatement(_ query: PostgresQuery) {
        recentStatements.removeAll()
        let before = statements[query.sql]?.count ?? 0
        statements[query.sql]?.removeAll { query.bindings.typesEqual($0.types) }
        statementCount -= before - (statements[query.sql]?.count ?? 0)
    }

    /// Reads every result that is complete without blocking (`PQisBusy` first, always: `PQgetResult`
    /// on a busy connection would block the loop).
    private func processResults() {
        guard let connection else { return }
        while let operation = active, PQisBusy(connection) == 0 {
            guard let result = PQgetResult(connection) else {
                switch operation.step {
                case .preparing(let name):
                    if operation.error != nil {
                        statementCount -= 1
                        finishActive()
                    } else {
                        let query = operation.query!
                        statements[query.sql, default: []].append(CachedStatement(types: query.bindings.types, name: name))
                        operation.step = .executing
                        guard sendPrepared(connection, name: name, query: query, format: query.resultFormat.rawValue) == 1 else {
                            connectionLost(reason: "could not send")
                            return
                        }
                        flushOutput()
                    }
                case .executing where operation.retryPending:
                    // Nothing ran (the error came at Bind, outside a transaction block): prepare afresh.
                    operation.retryPending = false
                    operation.retried = true
                    guard sendExtended(connection, query: operation.query!, operation: operation) == 1 else {
                        connectionLost(reason: "could not send")
                        return
                    }
                    flushOutput()
                case .executing, .simple:
                    finishActive()
                case .pipeline:
                    break  // the end of one statement's results; the sync marks the end of all
                }
                continue
            }
            switch PQresultStatus(result) {
            case PGRES_TUPLES_OK, PGRES_COMMAND_OK, PGRES_EMPTY_QUERY:
                if case .preparing = operation.step {
                    PQclear(result)
                } else {
                    if let previous = operation.result { PQclear(previous) }
                    operation.result = result
                }
            case PGRES_PIPELINE_SYNC:
                PQclear(result)
                _ = PQexitPipelineMode(connection)
                if operation.error == nil {
                    for (sql, statement) in operation.preparedInPipeline where statementCount < Self.statementCacheLimit {
                        statements[sql, default: []].append(statement)
                        statementCount += 1
                    }
                }
                finishActive()
            case PGRES_PIPELINE_ABORTED:
                PQclear(result)
            case PGRES_COPY_IN, PGRES_COPY_OUT, PGRES_COPY_BOTH:
                PQclear(result)
                // COPY would need its own data path; a connection left in COPY state is not reusable.
                var error = PostgresError(code: .unsupportedResult, operation: operation.operation, reason: "COPY is not supported")
                error.statement = operation.query?.statementForErrors
                operation.error = error
                connectionLost(reason: "COPY is not supported")
                return
            default:
                if operation.error == nil {
                    let error = serverError(result, operation: operation)
                    if case .executing = operation.step, operation.startedIdle, !operation.retried, Self.isStaleStatement(error) {
                        operation.retryPending = true
                    } else {
                        operation.error = error
                    }
                }
                PQclear(result)
            }
        }
    }

    private func serverError(_ result: OpaquePointer, operation: PendingOperation) -> PostgresError {
        var error = PostgresError(code: .server, operation: operation.operation)
        let fields = PostgresLibPQ.serverFields(result)
        error.server = fields
        if fields.sqlState == nil {
            error.clientMessage = PQresultErrorMessage(result).map { String(cString: $0) }
        }
        if let query = operation.query {
            error.statement = query.statementForErrors
            if Self.isStaleStatement(error) { forgetStatement(query) }
        }
        return error
    }

    /// The cached statement is gone (`DEALLOCATE`, `DISCARD ALL`) or its result type changed after
    /// DDL ("cached plan must not change result type", raised by `RevalidateCachedQuery`).
    static func isStaleStatement(_ error: PostgresError) -> Bool {
        switch error.sqlState {
        case "26000": return true
        case "0A000": return error.server?.routine == "RevalidateCachedQuery"
        default: return false
        }
    }

    private func finishActive() {
        guard let operation = active else { return }
        active = nil
        let result = operation.result
        operation.result = nil
        if let connection {
            let status = PQtransactionStatus(connection)
            inTransaction.store(status == PQTRANS_INTRANS || status == PQTRANS_INERROR, ordering: .relaxed)
        }
        if operation.error == nil {
            operation.continuation.resume(returning: PostgresResult(result))
        } else {
            if let result { PQclear(result) }
            fail(operation)
        }
        startNext()
    }

    /// Resumes a finished operation with its error (kept out of `finishActive`, whose common path
    /// should not copy the large error value).
    private func fail(_ operation: PendingOperation) {
        guard var error = operation.error else { return }
        if let severity = error.server?.severity, severity == "FATAL" || severity == "PANIC" {
            // The error ended the session (e.g. 57P01 when the server shuts down).
            error.code = .connectionClosed
            discard.store(true, ordering: .relaxed)
        }
        if operation.cancelRequested, error.sqlState == "57014" {
            operation.continuation.resume(throwing: CancellationError())
        } else {
            operation.continuation.resume(throwing: error)
        }
    }

    /// Cancels a queued operation, or asks the server to cancel the running one.
    /// Cancels a queued operation, or asks the server to cancel the running one.
    func cancel(operationID: UInt64) { lock.withLock { _ in cancelLocked(operationID: operationID) } }

    private func cancelLocked(operationID: UInt64) {
        if let index = queue[queueHead...].firstIndex(where: { $0.id == operationID }) {
            let operation = queue.remove(at: index)
            operation.continuation.resume(throwing: CancellationError())
            return
        }
        guard let operation = active, operation.id == operationID, !operation.cancelRequested, let connection else { return }
        operation.cancelRequested = true
        // The cancel request races with the statement's end and could hit the next statement on this
        // session, so the session is not reused afterwards.
        discard.store(true, ordering: .relaxed)
        guard let handle = PQgetCancel(connection) else { return }
        let cancel = CancelHandle(pointer: handle)
        // PQcancel opens a new connection and blocks: a thread of its own, never the loop or the pool.
        Thread.detachNewThread {
            var buffer = [CChar](repeating: 0, count: 256)
            _ = PQcancel(cancel.pointer, &buffer, Int32(buffer.count))
            PQfreeCancel(cancel.pointer)
        }
    }

    /// Reads whatever the server sent while the connection sat idle, without blocking: a
    /// server that restarted has sent `FATAL 57P01` and closed. Returns whether the connection is
    /// still good.
    /// Reads what the server sent while idle, without blocking; false when it closed the connection.
    func probe() -> Bool { lock.withLock { _ in probeLocked() } }

    private func probeLocked() -> Bool {
        guard phase == .open, let connection else { return false }
        guard active == nil else { return true }
        if PQconsumeInput(connection) == 0 || PQstatus(connection) == CONNECTION_BAD {
            connectionLost(reason: "closed by the server while idle")
            return false
        }
        deliverNotifications()
        return true
    }

    // MARK: Notifications

    private func deliverNotifications() {
        guard let connection else { return }
        while let notify = PQnotifies(connection) {
            let notification = PostgresNotification(
                channel: String(cString: notify.pointee.relname),
                payload: String(cString: notify.pointee.extra),
                processID: notify.pointee.be_pid
            )
            PQfreemem(notify)
            guard receivesNotifications else { continue }
            if let waiter = notificationWaiter {
                notificationWaiter = nil
                waiter.resume(returning: notification)
            } else {
                notifications.append(notification)
            }
        }
    }

    /// Resumes `continuation` with the next notification, with nil after `timeout`, or with the
    /// connection's error when it closes.
    /// Resumes `continuation` with the next notification, nil after `timeout`, or the close error.
    func nextNotification(timeout: Duration, _ continuation: UnsafeContinuation<PostgresNotification?, any Error>) {
        lock.withLock { _ in nextNotificationLocked(timeout: timeout, continuation) }
    }

    private func nextNotificationLocked(timeout: Duration, _ continuation: UnsafeContinuation<PostgresNotification?, any Error>) {
        if !notifications.isEmpty {
            continuation.resume(returning: notifications.removeFirst())
            return
        }
        guard phase == .open else {
            continuation.resume(throwing: closeError(for: .listen))
            return
        }
        if notificationCancelPending {
            notificationCancelPending = false
            continuation.resume(throwing: CancellationError())
            return
        }
        notificationWaiterGeneration += 1
        let generation = notificationWaiterGeneration
        notificationWaiter = continuation
        loop.schedule(after: timeout) { [weak self] in
            guard let self else { return }
            self.lock.withLock { _ in
                guard self.notificationWaiterGeneration == generation, let waiter = self.notificationWaiter else { return }
                self.notificationWaiter = nil
                waiter.resume(returning: nil)
            }
        }
    }

    /// Ends a pending `nextNotification` with `CancellationError`.
    /// Starts keeping notifications for `nextNotification`.
    func startReceivingNotifications() { lock.withLock { _ in receivesNotifications = true } }

    /// Ends a pending `nextNotification` with `CancellationError`.
    func cancelNotificationWait() { lock.withLock { _ in cancelNotificationWaitLocked() } }

    private func cancelNotificationWaitLocked() {
        guard let waiter = notificationWaiter else {
            // The cancellation overtook the wait it was meant for.
            notificationCancelPending = true
            return
        }
        notificationWaiter = nil
        waiter.resume(throwing: CancellationError())
    }

    // MARK: Closing

    /// Closes the connection; queued and running operations fail with `.connectionClosed`.
    /// Closes the connection; queued and running operations fail with `.connectionClosed`.
    func close() { lock.withLock { _ in closeLocked() } }

    private func closeLocked() {
        guard phase != .closed else { return }
        if phase == .connecting {
            failConnect(PostgresError(code: .connectionFailed, operation: .connect, reason: "closed while connecting"))
            return
        }
        var error = PostgresError(code: .connectionClosed, operation: nil, reason: "closed by client")
        error.operation = active?.operation
        teardown(error)
    }

    private func connectionLost(reason: String) {
        var error = PostgresLibPQ.error(connection, code: .connectionClosed, operation: active?.operation ?? .query, reason: reason)
        if let activeError = active?.error, activeError.code == .unsupportedResult { error = activeError }
        if phase == .open {
            logger.warning("connection lost", metadata: ["db.reason": reason])
        }
        teardown(error)
    }

    private func teardown(_ error: PostgresError) {
        phase = .closed
        usable.store(false, ordering: .releasing)
        closeReason = error
        if token != 0 { loop.removeToken(token) }
        if let connection {
            if socket >= 0, PQsocket(connection) == socket { loop.unwatch(descriptor: socket) }
            PQfinish(connection)
            self.connection = nil
        }
        socket = -1
        if let operation = active {
            active = nil
            if let result = operation.result { PQclear(result) }
            operation.result = nil
            var failure = error
            failure.operation = operation.operation
            failure.statement = operation.query?.statementForErrors
            operation.continuation.resume(throwing: failure)
        }
        let waiting = queue[queueHead...]
        queue = []
        queueHead = 0
        for operation in waiting { operation.continuation.resume(throwing: closeError(for: operation.operation)) }
        if let waiter = notificationWaiter {
            notificationWaiter = nil
            waiter.resume(throwing: error)
        }
    }

    private func closeError(_ error: PostgresError) -> PostgresError { error }

    private func closeError(for operation: PostgresError.Operation) -> PostgresError {
        var error = closeReason ?? PostgresError(code: .connectionClosed, reason: "connection is closed")
        if error.code == .connectionFailed { error.code = .connectionClosed }
        error.operation = operation
        error.statement = nil
        return error
    }
}

/// A `PGcancel` handed to the thread that sends the cancel request; used there only.
private struct CancelHandle: @unchecked Sendable {
    let pointer: OpaquePointer
}
