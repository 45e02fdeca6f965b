public import Observability
public import Postgres

/// Claims jobs from the queue and runs them (*arbetare*): the heart of the Notifier process.
///
/// - Claims in batches (``QueueWorkerConfiguration/batchSize``) with `FOR UPDATE SKIP LOCKED`, so
///   any number of workers, in this process or on other machines, share the queue without waiting
///   for each other and without claiming the same job.
/// - Wakes on `NOTIFY notify_job` (sent when a job is enqueued, staged, rescued or released), and
///   polls every ``QueueWorkerConfiguration/pollInterval`` as a fallback; the listener reconnects by
///   itself after a server restart, and claims that fail are retried with growing pauses.
/// - Holds a lease on each claimed job and extends it while the job runs; a worker that dies leaves
///   its leases to expire, and any worker then rescues those jobs (``JobQueue/rescue()``).
/// - Completes a batch's delivered jobs in one statement; failed jobs are retried after
///   ``QueueWorkerConfiguration/backoff`` or discarded with their error history.
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

    /// Creates a worker; nothing runs until ``run()``. Without a `listener` the worker only polls.
    public init(
        queue: JobQueue, handlers: JobHandlers, configuration: QueueWorkerConfiguration = QueueWorkerConfiguration(),
        listener: PostgresListener?, periodic: [PeriodicTask] = [], logger: Logger
    ) {
        self.queue = queue
        self.handlers = handlers
        self.configuration = configuration
        self.listener = listener
        self.periodic = periodic
        self.logger = logger.with("queue.worker", queue.workerName)
    }

    /// Claims and runs jobs until ``shutdown()`` (graceful) or until the task is cancelled (running
    /// jobs are cancelled and given back at once).
    public func run() async {
        logger.notice("worker started", metadata: ["queue.batch": String(configuration.batchSize),
                                                   "queue.fetchers": String(configuration.fetchers)])
        await withTaskGroup(of: Void.self) { side in
            if configuration.listens, let listener {
                side.addTask { await self.listen(listener) }
            }
            side.addTask { await self.maintain() }
            await withDiscardingTaskGroup { fetchers in
                for index in 0..<configuration.fetchers {
                    fetchers.addTask { await self.fetch(index) }
                }
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

    /// Wakes the claim loops as if a `NOTIFY` had arrived.
    public func wakeUp() { wake.signal() }

    var isStopping: Bool { stop.isFired || Task.isCancelled }

    // MARK: Loops

    /// One claim loop: claim a batch, run it, repeat; wait for a wake-up when the queue is empty.
    private func fetch(_ index: Int) async {
        var failures = 0
        while !isStopping {
            let jobs: [Job]
            do {
                jobs = try await queue.claim(limit: configuration.batchSize, lease: configuration.lease)
                if failures > 0 { logger.notice("claiming again", metadata: ["queue.fetcher": String(index)]) }
                failures = 0
            } catch {
                if isStopping { break }
                failures += 1
                if failures == 1 || failures % 20 == 0 {
                    logger.warning("claim failed; retrying", metadata: ["queue.fetcher": String(index), "error": "\(error)"])
                }
                await sleepUnlessStopped(.milliseconds(min(5000, 100 << min(failures, 6))))
                continue
            }
            if jobs.isEmpty {
                await wake.wait(timeout: configuration.pollInterval)
                continue
            }
            await process(jobs)
        }
    }

    /// Wakes the claim loops on every notification; after a reconnect too, since notifications in
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
