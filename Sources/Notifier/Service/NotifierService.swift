public import Foundation
public import Observability
public import Postgres

/// The Notifier process (*aviseringstjänsten*): a queue worker with every job kind of the product,
/// its channels, and the recurring work, over one pool acting as `wr_notifier`.
///
/// ```swift
/// let service = try NotifierService(configuration: configuration, logger: logger)
/// let running = Task { await service.run() }
/// _ = await signals.first()
/// service.shutdown()   // finishes or gives back running jobs, then run() returns
/// await running.value
/// ```
public final class NotifierService: Sendable {
    /// The queue this process works.
    public let queue: JobQueue
    /// The worker.
    public let worker: QueueWorker
    /// The pool acting as `wr_notifier`.
    public let pool: PostgresPool
    let recurring: [RecurringJob]
    let logger: Logger

    /// Builds the service: checks the SMTP and SMS configuration, opens nothing yet.
    public init(configuration: NotifierConfiguration, logger: Logger, metrics: MetricsRegistry? = nil,
                clock: @escaping @Sendable () -> Date = { Date() }) throws {
        let logger = logger.with(label: "notifier")
        let pool = PostgresPool(configuration: configuration.actingDatabase, maximumConnections: configuration.poolSize,
                                name: "notifier", logger: logger, metrics: metrics)
        let queue = JobQueue(pool: pool)
        let email = EmailChannel(client: try SMTPClient(configuration: configuration.smtp, logger: logger),
                                 sender: configuration.sender, links: configuration.links)
        let sms: (any NotificationChannel)? = try configuration.sms.map {
            SMSChannel(gateway: try SMSGateway(configuration: $0, logger: logger), links: configuration.links)
        }
        let channels = NotificationChannels(email: email, sms: sms, inService: InServiceChannel(inbox: DatabaseInbox(pool: pool)))
        let handlers = NotifierJobs.handlers(queue: queue, channels: channels, contentKey: configuration.contentKey,
                                             settings: configuration.jobs, clock: clock, logger: logger)
        let recurring = configuration.schedulesRecurringJobs
            ? NotifierJobs.recurring(queue: queue, settings: configuration.jobs, logger: logger) : []
        // The listener logs in as wr_worker: LISTEN needs no privilege, so no acting role either.
        let listener = PostgresListener(configuration: configuration.database, logger: logger)
        let ensure = QueueWorker.PeriodicTask(every: .seconds(600)) {
            for job in recurring {
                do {
                    try await job.ensureScheduled(on: queue, now: clock())
                } catch {
                    logger.warning("could not schedule a recurring job", metadata: ["job.kind": job.kind, "error": "\(error)"])
                }
            }
        }
        self.pool = pool
        self.queue = queue
        self.recurring = recurring
        self.logger = logger
        self.worker = QueueWorker(queue: queue, handlers: handlers, configuration: configuration.worker, listener: listener,
                                  periodic: recurring.isEmpty ? [] : [ensure], logger: logger)
    }

    /// Works the queue until ``shutdown()``, then closes the pool.
    public func run() async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { try? await self.pool.run() }
            await worker.run()
            group.cancelAll()
        }
    }

    /// Stops claiming; running jobs finish or are given back; then ``run()`` returns.
    public func shutdown() { worker.shutdown() }
}
