public import Foundation
public import Observability

/// Every job kind the Notifier runs, and its recurring work: the one place that says which handler
/// serves which kind.
public enum NotifierJobs {
    /// Times and limits of the scheduled work.
    public struct Settings: Sendable {
        /// Sessions idle this long are pruned (the web service's `WR_SESSION_IDLE_MINUTES`).
        public var sessionIdleTimeout: Duration
        /// Completed jobs are deleted after this.
        public var keepCompletedJobs: Duration
        /// Dead letters stay visible to administrators this long.
        public var keepDeadLetters: Duration
        /// In-service notifications are deleted after this.
        public var keepInboxMessages: Duration
        /// When the daily manager digest goes out (Stockholm time, Monday to Friday).
        public var digestHour: Int
        /// The minute of ``digestHour``.
        public var digestMinute: Int

        /// Creates settings; the defaults suit production.
        public init(
            sessionIdleTimeout: Duration = .seconds(30 * 60),
            keepCompletedJobs: Duration = .seconds(7 * 86_400),
            keepDeadLetters: Duration = .seconds(90 * 86_400),
            keepInboxMessages: Duration = .seconds(180 * 86_400),
            digestHour: Int = 7,
            digestMinute: Int = 0
        ) {
            self.sessionIdleTimeout = sessionIdleTimeout
            self.keepCompletedJobs = keepCompletedJobs
            self.keepDeadLetters = keepDeadLetters
            self.keepInboxMessages = keepInboxMessages
            self.digestHour = digestHour
            self.digestMinute = digestMinute
        }
    }

    /// The recurring jobs: deadline scan every minute, report refresh every 10 minutes, consent
    /// proposals and pruning hourly, retention nightly, the manager digest on weekday mornings.
    public static func recurring(queue: JobQueue, settings: Settings, logger: Logger) -> [RecurringJob] {
        let pool = queue.pool
        return [
            RecurringJob(kind: JobKind.deadlineScan, schedule: .every(minutes: 1), priority: 1,
                         handler: ScheduledWork.deadlineScan(pool: pool, logger: logger)),
            RecurringJob(kind: JobKind.reportRefresh, schedule: .every(minutes: 10),
                         handler: ScheduledWork.reportRefresh(pool: pool, logger: logger)),
            RecurringJob(kind: JobKind.expireProposals, schedule: .every(minutes: 60),
                         handler: ScheduledWork.expireProposals(pool: pool, logger: logger)),
            RecurringJob(kind: JobKind.prune, schedule: .every(minutes: 60), priority: 4,
                         handler: ScheduledWork.prune(queue: queue, settings: settings, logger: logger)),
            RecurringJob(kind: JobKind.retention, schedule: .daily(hour: 3, minute: 15, weekdays: RecurringSchedule.allWeekdays),
                         handler: ScheduledWork.retention(pool: pool, logger: logger)),
            RecurringJob(kind: JobKind.managerDigest,
                         schedule: .daily(hour: settings.digestHour, minute: settings.digestMinute, weekdays: RecurringSchedule.workingWeekdays),
                         handler: ManagerDigestFanOut(queue: queue, logger: logger)),
        ]
    }

    /// The handlers of every kind, recurring ones included (wrapped so each run queues the next).
    public static func handlers(
        queue: JobQueue, channels: NotificationChannels, contentKey: String, settings: Settings = Settings(),
        clock: @escaping @Sendable () -> Date = { Date() }, logger: Logger
    ) -> JobHandlers {
        let pool = queue.pool
        var handlers = JobHandlers()
        handlers.register(JobKind.supportNewRequest, TeamNoticeFanOut(queue: queue, leadsOnly: false, logger: logger))
        handlers.register(JobKind.supportNewMessageForTeam, TeamNoticeFanOut(queue: queue, leadsOnly: false, logger: logger))
        handlers.register(JobKind.supportDeadlineWarning, TeamNoticeFanOut(queue: queue, leadsOnly: true, logger: logger))
        handlers.register(JobKind.supportDeadlineBreach, TeamNoticeFanOut(queue: queue, leadsOnly: true, logger: logger))
        handlers.register(JobKind.supportTeamNotice, TeamNoticeDelivery(pool: pool, email: channels.email, logger: logger))
        handlers.register(JobKind.supportNewReplyForEmployee,
                          EmployeeNoticeDelivery(pool: pool, channels: channels, contentKey: contentKey, clock: clock, logger: logger))
        handlers.register(JobKind.managerDigestSend, ManagerDigestDelivery(pool: pool, email: channels.email))
        for job in recurring(queue: queue, settings: settings, logger: logger) {
            handlers.register(job.kind, job.schedulingHandler(queue: queue, clock: clock))
        }
        return handlers
    }
}
