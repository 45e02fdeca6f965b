/// How a ``QueueWorker`` claims and runs jobs. The defaults suit production; tests and the
/// benchmark shorten the times.
public struct QueueWorkerConfiguration: Sendable {
    /// The most jobs claimed per statement (River, Oban and graphile-worker claim in batches too:
    /// one round trip and one commit for many jobs).
    public var batchSize: Int
    /// The most jobs this process runs at once. The worker claims only into free slots, so a slow
    /// delivery never holds up the others, and never holds more leases than it can work on.
    public var maximumRunning: Int
    /// How long a claimed job is this worker's before any worker may rescue it. Extended every
    /// third of it while a job still runs, so only a dead worker loses its jobs.
    public var lease: Duration
    /// The longest the worker sleeps without a `NOTIFY` before it looks anyway (the polling
    /// fallback, and the pace at which waiting jobs are staged).
    public var pollInterval: Duration
    /// How often expired leases are looked for.
    public var rescueInterval: Duration
    /// On shutdown, how long running jobs may take to finish before they are cancelled and given back.
    public var shutdownGrace: Duration
    /// The retry curve.
    public var backoff: Backoff
    /// Whether to listen for `NOTIFY` (off: polling only).
    public var listens: Bool

    /// Creates a configuration.
    public init(
        batchSize: Int = 100,
        maximumRunning: Int = 32,
        lease: Duration = .seconds(300),
        pollInterval: Duration = .seconds(1),
        rescueInterval: Duration = .seconds(15),
        shutdownGrace: Duration = .seconds(20),
        backoff: Backoff = Backoff(),
        listens: Bool = true
    ) {
        self.batchSize = max(1, batchSize)
        self.maximumRunning = max(1, maximumRunning)
        self.lease = lease
        self.pollInterval = pollInterval
        self.rescueInterval = rescueInterval
        self.shutdownGrace = shutdownGrace
        self.backoff = backoff
        self.listens = listens
    }
}
