public import Postgres

/// Everything the Notifier process runs with (built by `workplace-routine notifier` from the
/// `WR_*` environment).
public struct NotifierConfiguration: Sendable {
    /// The database as the login role `wr_worker`; the service acts as `wr_notifier` in every session.
    public var database: PostgresConfiguration
    /// Connections in the pool (claims, bookkeeping and the handlers' look-ups share it).
    public var poolSize: Int
    /// Batch size, lease, intervals, backoff.
    public var worker: QueueWorkerConfiguration
    /// The SMTP relay.
    public var smtp: SMTPConfiguration
    /// The neutral sender of every e-mail.
    public var sender: Mailbox
    /// The SMS gateway; nil when SMS is not set up.
    public var sms: SMSGatewayConfiguration?
    /// Where notifications point.
    public var links: ServiceLinks
    /// The key support content is encrypted with (to decrypt an employee's number or address).
    public var contentKey: String
    /// Times of the scheduled work.
    public var jobs: NotifierJobs.Settings
    /// Whether this process schedules the recurring jobs (every process may; unique keys keep one
    /// run per slot). Off only in tests that want a quiet queue.
    public var schedulesRecurringJobs: Bool

    /// Creates a configuration.
    public init(
        database: PostgresConfiguration, poolSize: Int = 8, worker: QueueWorkerConfiguration = QueueWorkerConfiguration(),
        smtp: SMTPConfiguration, sender: Mailbox, sms: SMSGatewayConfiguration? = nil, links: ServiceLinks, contentKey: String,
        jobs: NotifierJobs.Settings = NotifierJobs.Settings(), schedulesRecurringJobs: Bool = true
    ) {
        self.database = database
        self.poolSize = poolSize
        self.worker = worker
        self.smtp = smtp
        self.sender = sender
        self.sms = sms
        self.links = links
        self.contentKey = contentKey
        self.jobs = jobs
        self.schedulesRecurringJobs = schedulesRecurringJobs
    }

    /// The role every session of the Notifier acts as.
    public static let actingRole = "wr_notifier"

    /// ``database`` switched to ``actingRole`` at connect.
    var actingDatabase: PostgresConfiguration {
        var configuration = database
        configuration.sessionRole = Self.actingRole
        if configuration.applicationName == nil { configuration.applicationName = "workplace-routine-notifier" }
        return configuration
    }
}
