import CSystem
import Foundation
import Glibc
import Synchronization

/// Runs blocking work — a socket conversation with `poll(2)` waits — on a thread of its own, so that
/// it never occupies one of the few threads of Swift's shared concurrency pool (STYLE.md §7).
///
/// One thread per call is deliberate: the notifier sends a handful of messages a minute, a thread
/// costs tens of microseconds to start, and nothing is shared between conversations.
enum DedicatedThread {
    /// Runs `body` on a new thread named `name` and returns its result. Cancelling the calling task
    /// fires the ``CancellationSignal`` handed to `body`, which wakes any `poll` waiting on it.
    static func run<Success: Sendable>(name: String, _ body: @escaping @Sendable (CancellationSignal) -> Success) async -> Success {
        let signal = CancellationSignal()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Success, Never>) in
                let thread = Thread {
                    nameCurrentThread(name)
                    continuation.resume(returning: body(signal))
                }
                thread.start()
            }
        } onCancel: {
            signal.fire()
        }
    }
}

/// Gives the calling thread the name `top -H` and `ps -L` show (at most 15 bytes).
///
/// Done through `/proc/thread-self/comm` (proc(5): a thread may write its own name there) because
/// Foundation's `Thread.name` applies the name only when it wins a race with `start()`, and a new
/// thread otherwise keeps its creator's name — a concurrency pool thread's, which would hide it.
private func nameCurrentThread(_ name: String) {
    let descriptor = open("/proc/thread-self/comm", O_WRONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return }
    let bytes = Array(name.utf8.prefix(15))
    _ = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
    Glibc.close(descriptor)
}

/// A wake-up for a thread blocked in `poll(2)`: an `eventfd` that becomes readable, and stays
/// readable, once the calling task is cancelled.
final class CancellationSignal: Sendable {
    /// The eventfd to include in every `poll`, or -1 when none could be created (then cancellation
    /// is noticed only between waits, through ``isFired``).
    let descriptor: Int32
    private let fired = Atomic<Bool>(false)

    init() {
        descriptor = csystem_eventfd(0)
    }

    deinit {
        if descriptor >= 0 { Glibc.close(descriptor) }
    }

    /// Marks the work cancelled and wakes the thread.
    func fire() {
        guard !fired.exchange(true, ordering: .acquiringAndReleasing) else { return }
        if descriptor >= 0 { _ = csystem_eventfd_signal(descriptor) }
    }

    /// Whether ``fire()`` has been called.
    var isFired: Bool { fired.load(ordering: .acquiring) }
}
