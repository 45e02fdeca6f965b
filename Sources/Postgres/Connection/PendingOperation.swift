/// What a connection is asked to do.
enum ConnectionRequest: Sendable {
    /// One statement through the extended protocol, as a cached prepared statement.
    case extended(PostgresQuery)
    /// A script of one or more statements through the simple query protocol (text results).
    case simple(String)
    /// Unnamed statements sent in one round trip (libpq pipeline mode); the last one's result is kept.
    case pipeline([PostgresQuery])
}

/// A request waiting to run or running, with its progress. Created by the caller, then touched only
/// under its connection's lock; a class, so a reference moves around rather than a copy of the request.
final class PendingOperation: @unchecked Sendable {
    enum Step {
        case preparing(name: ContiguousArray<CChar>)
        case executing
        case simple
        case pipeline
    }

    let id: UInt64
    let request: ConnectionRequest
    let operation: PostgresError.Operation
    let continuation: UnsafeContinuation<PostgresResult, any Error>

    var step = Step.executing
    var result: OpaquePointer?
    var error: PostgresError?
    var cancelRequested = false
    /// The session was outside a transaction block when the operation started.
    var startedIdle = false
    /// The cached statement turned out stale; prepare it again and retry once.
    var retryPending = false
    var retried = false
    /// Statements prepared inside a pipeline, cached when the pipeline succeeds.
    var preparedInPipeline: [(sql: String, statement: ConnectionCore.CachedStatement)] = []

    init(id: UInt64, request: ConnectionRequest, operation: PostgresError.Operation, continuation: UnsafeContinuation<PostgresResult, any Error>) {
        self.id = id
        self.request = request
        self.operation = operation
        self.continuation = continuation
    }

    /// The statement, for extended-protocol requests.
    var query: PostgresQuery? {
        if case .extended(let query) = request { return query }
        return nil
    }
}
