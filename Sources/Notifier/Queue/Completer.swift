import Observability
import Synchronization

/// Marks delivered jobs completed in batches (River's "batch completer"): job tasks hand in their
/// ids; one loop completes everything handed in so far in one statement, and what arrives while a
/// statement is under way goes into the next. Under load that is one commit for many jobs; when
/// idle, a lone job is completed at once.
final class Completer: Sendable {
    private let queue: JobQueue
    private let pending = Mutex<[Int64]>([])
    private let arrived = WakeSignal()
    private let closed = Mutex(false)
    private let logger: Logger
    private let lease: Duration

    init(queue: JobQueue, lease: Duration, logger: Logger) {
        self.queue = queue
        self.lease = lease
        self.logger = logger
    }

    /// Hands in a delivered job.
    func add(_ id: Int64) {
        pending.withLock { $0.append(id) }
        arrived.signal()
    }

    /// Completes what arrives until ``close()``, then whatever is left, and returns.
    func run() async {
        while true {
            let ids = pending.withLock { ids -> [Int64] in
                defer { ids = [] }
                return ids
            }
            if !ids.isEmpty {
                let queue = self.queue
                await persistently(lease: lease, logger: logger, "complete") { try await queue.complete(ids) }
                continue
            }
            if closed.withLock({ $0 }) { return }
            await arrived.wait(timeout: .seconds(1))
            // Cancelled (the worker was): the wait returns at once until close(); do not spin hard.
            if Task.isCancelled { await Task.yield() }
        }
    }

    /// Makes ``run()`` return once everything handed in is completed.
    func close() {
        closed.withLock { $0 = true }
        arrived.close()
    }
}

/// Runs a bookkeeping statement until it succeeds, for at most half a lease (the database may be
/// restarting). Giving up is safe: the jobs stay running and are rescued when their lease ends.
/// The statement runs in a task of its own, so it is recorded even when the caller was cancelled
/// (a worker cancelled outright still gives back its jobs).
func persistently(lease: Duration, logger: Logger, _ what: String, _ body: @escaping @Sendable () async throws -> Void) async {
    let deadline = ContinuousClock.now + lease / 2
    var pause = Duration.milliseconds(50)
    while true {
        do {
            try await Task { try await body() }.value
            return
        } catch {
            guard ContinuousClock.now + pause < deadline, !Task.isCancelled else {
                logger.error("could not record job outcome; the lease will return the jobs", metadata: ["queue.step": what, "error": "\(error)"])
                return
            }
            try? await Task.sleep(for: pause)
            pause = min(pause * 2, .seconds(2))
        }
    }
}
