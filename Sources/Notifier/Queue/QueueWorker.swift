import Synchronization
public import Observability
public import Postgres

/// Claims jobs from the queue and runs them (*arbetare*): the heart of the Notifier process.
///
/// - Claims in batches of up to ``QueueWorkerConfiguration/batchSize`` with `FOR UPDATE SKIP
///   LOCKED`, into free slots only (at most ``QueueWorkerConfiguration/maximumRunning`` jobs at
///   once), so any number of workers, in this process or on other machines, share the queue without
///   waiting for each other or claiming the same job, and a slow delivery never holds up the rest.
/// - Wakes on `NOTIFY notify_job` (sent when a job is enqueued, staged, rescued or released), and
///   polls every ``QueueWorkerConfiguration/pollInterval`` as a fallback; the listener reconnects by
///   itself after a server restart, and claims that fail are retried with growing pauses.
/// - Holds a lease on each claimed job and extends the leases of running jobs every third of a
///   lease; a worker that dies leaves its leases to expire, and any worker then rescues those jobs
///   (``JobQueue/rescue()``) so they run again.
/// - Completes delivered jobs in batches (one statement for all that finished meanwhile); failed
///   jobs are retried after ``QueueWorkerConfiguration/backoff`` or discarded with their errors.
/// - ``shutdown()`` stops claiming, lets running jobs finish for ``QueueWorkerConfiguration/shutdownGrace``,
///   then cancels and gives back (``JobQueue/release(_:)``) whatever is left, so nothing waits for a
///   lease to expire after a SIGTERM.
///
/// ```swift
/// let worker = QueueWorker(queue: queue, handlers: handlers, listener: listener, logger: logger)
/// let running = Task { await worker.run() }
/// _ = await signals.first()
/// worker.shutdown()
/// await running.value
/// ```
public final class QueueWorker: Sendable {
    /// Work to do every `interval` besides claiming (ensuring recurring jobs exist).
    public struct PeriodicTask: Sendable {
        /// How often.
        public var interval: Duration
        /// What to do; errors are the task's own to log.
        public var body: @Sendable () async -> Void

        /// Creates a periodic task.
        public init(every interval: Duration, _ body: @escaping @Sendable () async -> Void) {
            self.interval = interval
            self.body = body
        }
    }

    /// The queue's statements, with this worker's name.
    public let queue: JobQueue
    /// Handlers by kind.
    public let handlers: JobHandlers
    /// Batch size, lease, intervals.
    public let configuration: QueueWorkerConfiguration
    let listener: PostgresListener?
    let periodic: [PeriodicTask]
    let logger: Logger
    let wake = WakeSignal()
    let stop = StopSignal()
    let running = RunningJobs()
    let completer: Completer

    /// Creates a worker; nothing runs until ``run()``. Without a `listener` the worker only polls.
    public init(
        queue: JobQueue, handlers: JobHandlers, configuration: QueueWorkerConfiguration = QueueWorkerConfiguration(),
        listener: PostgresListener?, periodic: [PeriodicTask] = [], logger: Logger
    ) {
        let logger = logger.with("queue.worker", queue.workerName)
        self.queue = queue
        self.handlers = handlers
        self.configuration = configuration
        self.listener = listener
        self.periodic = periodic
        self.logger = logger
        self.completer = Completer(queue: queue, lease: configuration.lease, logger: logger)
    }

    /// Claims and runs jobs until ``shutdown()`` (graceful) or until the task is cancelled (running
    /// jobs are cancelled and given back at once).
    public func run() async {
        logger.notice("worker started", metadata: ["queue.batch": String(configuration.batchSize),
                                                   "queue.maximum_running": String(configuration.maximumRunning)])
        await withTaskGroup(of: Void.self) { side in
            if configuration.listens, let listener {
                side.addTask { await self.listen(listener) }
            }
            side.addTask { await self.maintain() }
            side.addTask { await self.heartbeat() }
            await withTaskGroup(of: Void.self) { bookkeeping in
                bookkeeping.addTask { await self.completer.run() }
                await withDiscardingTaskGroup { jobs in
                    await claimLoop(&jobs)
                    if await !drain(within: configuration.shutdownGrace) {
                        logger.warning("shutdown grace over; cancelling running jobs", metadata: ["queue.running": String(running.count)])
                        jobs.cancelAll()
                    }
                }
                completer.close()
            }
            side.cancelAll()
        }
        logger.notice("worker stopped")
    }

    /// Begins a graceful shutdown: no new claims; running jobs get the grace period, then are given back.
    public func shutdown() {
        stop.fire()
        wake.close()
    }

    /// Wakes the claim loop as if a `NOTIFY` had arrived.
    public func wakeUp() { wake.signal() }

    var isStopping: Bool { stop.isFired || Task.isCancelled }

    // MARK: Claiming

    /// Claims into free slots and starts each job as a task of its own, until shutdown.
    private func claimLoop(_ jobs: inout DiscardingTaskGroup) async {
        var failures = 0
        while !isStopping {
            let free = configuration.maximumRunning - running.count
            if free <= 0 {
                await running.slotFreed.wait(timeout: configuration.pollInterval)
                continue
            }
            let claimed: [Job]
            do {
                claimed = try await queue.claim(limit: min(configuration.batchSize, free), lease: configuration.lease)
                if failures > 0 { logger.notice("claiming again") }
                failures = 0
            } catch {
                if isStopping { break }
                failures += 1
                if failures == 1 || failures % 20 == 0 {
                    logger.warning("claim failed; retrying", metadata: ["error": "\(error)"])
                }
                await sleepUnlessStopped(.milliseconds(min(5000, 100 << min(failures, 6))))
                continue
            }
            if claimed.isEmpty {
                logger.trace("queue empty; waiting")
                await wake.wait(timeout: configuration.pollInterval)
                continue
            }
            logger.trace("claimed", metadata: ["queue.claimed": String(claimed.count)])
            running.start(claimed)
            for job in claimed {
                jobs.addTask { await self.execute(job) }
            }
        }
    }

    /// Waits until no job runs, at most `grace`; returns whether all finished.
    private func drain(within grace: Duration) async -> Bool {
        let deadline = ContinuousClock.now + grace
        while running.count > 0 {
            if Task.isCancelled { return false }
            let left = ContinuousClock.now.duration(to: deadline)
            if left <= .zero { return false }
            await running.slotFreed.wait(timeout: min(left, .milliseconds(100)))
        }
        return true
    }

    // MARK: Running one job

    /// Runs one job and records its outcome: delivered jobs go to the completer, snoozed ones wait,
    /// failed ones are retried or discarded, and jobs cancelled by a shutdown are given back.
    private func execute(_ job: Job) async {
        let result: Result<JobOutcome, any Error>
        if let handler = handlers.handler(for: job.kind) {
            do {
                result = .success(try await handler.handle(job))
            } catch {
                result = .failure(error)
            }
        } else {
            result = .failure(JobError(.unknownKind))
        }
        let cancelled = Task.isCancelled
        let queue = self.queue
        let lease = configuration.lease
        switch result {
        case .success(.completed):
            completer.add(job.id)
        case .success(.snoozed(let until)):
            await persistently(lease: lease, logger: logger, "snooze") { _ = try await queue.snooze(job.id, until: until) }
        case .failure where cancelled:
            await persistently(lease: lease, logger: logger, "release") { _ = try await queue.release([job.id]) }
            logger.notice("gave back an unfinished job", metadata: ["job.id": String(job.id), "job.kind": job.kind])
        case .failure(let error):
            await recordFailure(job, error)
        }
        running.finish(job.id)
    }

    private func recordFailure(_ job: Job, _ error: any Error) async {
        let failure = JobFailure(error)
        let retryAfter = failure.kind.isRetryable
            ? configuration.backoff.delay(afterAttempt: job.attempt, minimum: failure.retryAfter) : nil
        let queue = self.queue
        let state = Mutex<JobState?>(nil)
        await persistently(lease: configuration.lease, logger: logger, "fail") {
            let new = try await queue.fail(job.id, failure: failure, retryAfter: retryAfter)
            state.withLock { $0 = new }
        }
        let newState = state.withLock { $0 }
        let metadata = ["job.id": String(job.id), "job.kind": job.kind, "job.attempt": String(job.attempt),
                        "job.error": failure.code, "job.state": newState?.rawValue ?? "-"]
        if newState == .discarded {
            logger.error("job discarded after its last attempt or a permanent failure", metadata: metadata)
        } else if failure.kind == .misconfigured {
            logger.error("delivery failed: the channel's configuration needs an operator", metadata: metadata)
        } else {
            logger.warning("delivery failed; will retry", metadata: metadata)
        }
    }

    // MARK: Background loops

    /// Wakes the claim loop on every notification; after a reconnect too, since notifications in
    /// between are lost.
    private func listen(_ listener: PostgresListener) async {
        var delay = Duration.milliseconds(250)
        while !Task.isCancelled {
            do {
                for try await event in listener.notifications(channel: JobQueue.channel) {
                    switch event {
                    case .listening: logger.info("listening for new jobs")
                    case .reconnected: logger.notice("listening again after a lost connection")
                    case .notification: break
                    }
                    wake.signal()
                    delay = .milliseconds(250)
                }
                return
            } catch {
                logger.warning("cannot listen for new jobs; polling meanwhile", metadata: ["error": "\(error)"])
                do { try await Task.sleep(for: delay) } catch { return }
                delay = min(delay * 2, .seconds(10))
            }
        }
    }

    /// Extends the leases of running jobs every third of a lease.
    private func heartbeat() async {
        while true {
            do {
                try await Task.sleep(for: configuration.lease / 3)
            } catch {
                return
            }
            let ids = running.snapshot
            if ids.isEmpty { continue }
            do {
                try await queue.extendLeases(ids, lease: configuration.lease)
            } catch {
                logger.warning("could not extend leases", metadata: ["error": "\(error)"])
            }
        }
    }

    /// Stages due jobs every poll interval, rescues expired leases, and runs the periodic tasks.
    private func maintain() async {
        var lastRescue: ContinuousClock.Instant? = nil
        var lastRun: [ContinuousClock.Instant?] = Array(repeating: nil, count: periodic.count)
        while !isStopping {
            do {
                if try await queue.stage() > 0 { wake.signal() }
                if lastRescue.map({ $0.duration(to: .now) >= configuration.rescueInterval }) ?? true {
                    lastRescue = .now
                    let rescued = try await queue.rescue()
                    if rescued > 0 {
                        logger.warning("rescued jobs whose worker stopped answering", metadata: ["queue.rescued": String(rescued)])
                        wake.signal()
                    }
                }
            } catch {
                if isStopping { break }
                logger.warning("queue maintenance failed; retrying", metadata: ["error": "\(error)"])
            }
            for (index, task) in periodic.enumerated() where lastRun[index].map({ $0.duration(to: .now) >= task.interval }) ?? true {
                if isStopping { break }
                lastRun[index] = .now
                await task.body()
            }
            await sleepUnlessStopped(configuration.pollInterval)
        }
    }

    /// Sleeps for `duration`, returning early when shutdown begins or the task is cancelled.
    func sleepUnlessStopped(_ duration: Duration) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { try? await Task.sleep(for: duration) }
            group.addTask { await self.stop.wait() }
            await group.next()
            group.cancelAll()
        }
    }
}
