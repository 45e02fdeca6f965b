import Synchronization

/// A handle to a scheduled action; cancelling it from any thread stops it from running.
final class LoopTimer: Sendable {
    private let cancelled = Atomic<Bool>(false)
    /// Prevents the action from running if it has not run yet.
    func cancel() { cancelled.store(true, ordering: .relaxed) }
    var isCancelled: Bool { cancelled.load(ordering: .relaxed) }
}
