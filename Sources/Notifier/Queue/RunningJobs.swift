import Synchronization

/// The jobs a worker holds right now: how many (for free slots) and which (for the lease heartbeat).
final class RunningJobs: Sendable {
    private let ids = Mutex(Set<Int64>())
    /// Signalled whenever a job ends, so a claim loop waiting for a free slot can go on.
    let slotFreed = WakeSignal()

    /// How many jobs run.
    var count: Int { ids.withLock { $0.count } }
    /// Which jobs run.
    var snapshot: [Int64] { ids.withLock { Array($0) } }

    func start(_ jobs: [Job]) {
        ids.withLock { set in for job in jobs { set.insert(job.id) } }
    }

    func finish(_ id: Int64) {
        _ = ids.withLock { $0.remove(id) }
        slotFreed.signal()
    }
}
