/// Does the work of one kind of job (*jobbtyp*).
///
/// Return ``JobOutcome/completed`` when done or ``JobOutcome/snoozed(until:)`` to wait; throw to
/// fail the attempt. The worker classifies the error with ``DeliveryFailureKind/init(classifying:)``:
/// temporary and misconfigured failures are retried with backoff, permanent ones discard the job.
/// A job may run more than once (a worker that dies after sending but before recording it), so
/// handlers make their effect recognisable as the same (the e-mail `Message-ID` and the inbox row
/// derive from the job id).
public protocol JobHandler: Sendable {
    /// Runs `job` once.
    func handle(_ job: Job) async throws -> JobOutcome
}

/// A handler from a closure, for small kinds and tests.
public struct ClosureJobHandler: JobHandler {
    private let body: @Sendable (Job) async throws -> JobOutcome

    /// Wraps `body`.
    public init(_ body: @escaping @Sendable (Job) async throws -> JobOutcome) {
        self.body = body
    }

    /// Calls the closure.
    public func handle(_ job: Job) async throws -> JobOutcome { try await body(job) }
}

/// The handlers a worker knows, by job kind.
public struct JobHandlers: Sendable {
    private var byKind: [String: any JobHandler] = [:]

    /// No handlers yet.
    public init() {}

    /// Registers `handler` for `kind`, replacing any earlier one.
    public mutating func register(_ kind: String, _ handler: any JobHandler) {
        byKind[kind] = handler
    }

    /// Registers a closure for `kind`.
    public mutating func register(_ kind: String, _ body: @escaping @Sendable (Job) async throws -> JobOutcome) {
        byKind[kind] = ClosureJobHandler(body)
    }

    /// The handler for `kind`, if any.
    public func handler(for kind: String) -> (any JobHandler)? { byKind[kind] }

    /// The kinds with a handler, sorted.
    public var kinds: [String] { byKind.keys.sorted() }
}
