import CSystem
import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A dedicated thread running an epoll loop that owns every libpq connection registered with it.
///
/// libpq is used in non-blocking mode and only ever on this thread, so no `PGconn` is touched by two
/// threads at once and no blocking C call runs on Swift's shared concurrency pool.
///
/// The loop is also a `TaskExecutor`: code that runs many queries back to back (benchmarks, batch
/// jobs) can use `withTaskExecutorPreference(loop) { … }`, so that a task resumed by a query result
/// runs right here, without a hop to another thread. Such code must not block.
public final class PostgresEventLoop: TaskExecutor, @unchecked Sendable {
    /// The loop used when none is given; started on first use.
    public static let shared = PostgresEventLoop(name: "postgres")

    // Closures submitted from other threads are `@Sendable`; the loop runs them on its own thread only.
    private enum Work: @unchecked Sendable {
        case job(UnownedJob)
        case closure(() -> Void)
    }

    private struct Inbox {
        var work: [Work] = []
        var sleeping = false
    }

    private let epollDescriptor: Int32
    private let wakeDescriptor: Int32
    private let inbox = Mutex<Inbox>(Inbox())
    private let threadID = Atomic<UInt>(0)

    // Everything below is touched only on the loop thread.
    private var handlers: [UInt64: any LoopEventHandler] = [:]
    private var nextToken: UInt64 = 1
    private var local: [Work] = []
    private var spare: [Work] = []
    private var timers = TimerQueue()

    /// Starts a loop on a new thread named `name`.
    public init(name: String) {
        epollDescriptor = csystem_epoll_create()
        wakeDescriptor = csystem_eventfd(0)
        precondition(epollDescriptor >= 0 && wakeDescriptor >= 0, "epoll/eventfd unavailable: \(String(cString: strerror(errno)))")
        // Token 0 is the wake-up descriptor.
        _ = csystem_epoll_ctl(epollDescriptor, CSYSTEM_EPOLL_CTL_ADD, wakeDescriptor, CSYSTEM_EPOLLIN, 0)
        let thread = Thread { [unowned self] in self.run() }
        thread.name = name
        thread.start()
        // Wait until the thread has published its identity, so `inLoop` is reliable from the start.
        while threadID.load(ordering: .acquiring) == 0 { sched_yield() }
    }

    /// True when called on the loop's own thread.
    var inLoop: Bool { threadID.load(ordering: .relaxed) == UInt(pthread_self()) }

    // MARK: Submitting work

    /// Runs `work` on the loop thread (inline when already there).
    func execute(_ work: @escaping @Sendable () -> Void) {
        if inLoop {
            local.append(.closure(work))
        } else {
            push(.closure(work))
        }
    }

    /// Enqueues a task job; part of `TaskExecutor`.
    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        if inLoop {
            local.append(.job(job))
        } else {
            push(.job(job))
        }
    }

    private func push(_ work: Work) {
        let wake = inbox.withLock { inbox -> Bool in
            inbox.work.append(work)
            let wasSleeping = inbox.sleeping
            inbox.sleeping = false
            return wasSleeping
        }
        if wake { _ = csystem_eventfd_signal(wakeDescriptor) }
    }

    // MARK: Registration (loop thread only)

    /// Reserves a token for `handler`; epoll events carrying it are delivered to the handler until
    /// `removeToken` is called. One token serves a connection for its whole life, even when libpq
    /// replaces the socket (trying another address while connecting).
    func newToken(for handler: any LoopEventHandler) -> UInt64 {
        precondition(inLoop)
        let token = nextToken
        nextToken += 1
        handlers[token] = handler
        return token
    }

    /// Stops delivering events for `token`; events still queued for it are dropped. Callable from
    /// any thread (the handler table itself is changed on the loop).
    func removeToken(_ token: UInt64) {
        guard inLoop else {
            execute { [self] in handlers[token] = nil }
            return
        }
        handlers[token] = nil
    }

    /// Watches `descriptor` for `events`, delivering them under `token` (adds or modifies).
    /// `epoll_ctl` is thread-safe, so any thread holding the connection's lock may call this.
    func watch(token: UInt64, descriptor: Int32, events: UInt32, isNew: Bool) {
        let first = isNew ? CSYSTEM_EPOLL_CTL_ADD : CSYSTEM_EPOLL_CTL_MOD
        let second = isNew ? CSYSTEM_EPOLL_CTL_MOD : CSYSTEM_EPOLL_CTL_ADD
        if csystem_epoll_ctl(epollDescriptor, first, descriptor, events, token) != 0 {
            // A re-used descriptor number may or may not still be in the set; try the other operation.
            _ = csystem_epoll_ctl(epollDescriptor, second, descriptor, events, token)
        }
    }

    /// Removes a descriptor that is still open from the set (any thread).
    func unwatch(descriptor: Int32) {
        _ = csystem_epoll_ctl(epollDescriptor, CSYSTEM_EPOLL_CTL_DEL, descriptor, 0, 0)
    }

    // MARK: Timers

    /// Runs `action` on the loop thread after `delay` unless cancelled first; callable from any thread.
    @discardableResult
    func schedule(after delay: Duration, _ action: @escaping @Sendable () -> Void) -> LoopTimer {
        let timer = LoopTimer()
        let deadline = ContinuousClock.now.advanced(by: delay)
        execute { [self] in timers.insert(deadline: deadline, timer: timer, action: action) }
        return timer
    }

    // MARK: The loop

    private func run() {
        threadID.store(UInt(pthread_self()), ordering: .releasing)
        let capacity = 256
        let events = UnsafeMutablePointer<csystem_event>.allocate(capacity: capacity)
        defer { events.deallocate() }
        while true {
            runPendingWork()
            var timeout = timers.millisecondsUntilNext()
            var announcedSleep = false
            if !local.isEmpty {
                timeout = 0
            } else {
                // Announce that we are about to sleep; a producer that sees this wakes us.
                let haveWork = inbox.withLock { inbox -> Bool in
                    if inbox.work.isEmpty {
                        inbox.sleeping = true
                        return false
                    }
                    return true
                }
                if haveWork { timeout = 0 } else { announcedSleep = true }
            }
            let count = csystem_epoll_wait(epollDescriptor, events, Int32(capacity), timeout)
            if announcedSleep { inbox.withLock { $0.sleeping = false } }
            if count < 0 {
                if errno == EINTR { continue }
                fatalError("epoll_wait failed: \(String(cString: strerror(errno)))")
            }
            for index in 0..<Int(count) {
                let event = events[index]
                if event.data == 0 {
                    _ = csystem_eventfd_drain(wakeDescriptor)
                } else if let handler = handlers[event.data] {
                    handler.handle(events: event.events)
                    // Let the task this answer resumed send its next statement now, before the other
                    // ready connections are read: the server gets work back sooner (pgbench's order).
                    runLocalWork()
                }
            }
            timers.fireDue()
        }
    }

    /// Runs what was submitted, but never more than one batch before polling I/O again, so a busy
    /// task cannot starve the sockets. The arrays are swapped, not copied, to avoid an allocation per turn.
    private func runPendingWork() {
        let executor = asUnownedTaskExecutor()
        runLocalWork()
        inbox.withLock { inbox in
            if !inbox.work.isEmpty { swap(&inbox.work, &spare) }
        }
        if !spare.isEmpty {
            for work in spare { run(work, on: executor) }
            spare.removeAll(keepingCapacity: true)
        }
    }

    /// Runs what was submitted from the loop thread itself (tasks preferring this loop, resumed here).
    private func runLocalWork() {
        guard !local.isEmpty else { return }
        let executor = asUnownedTaskExecutor()
        swap(&local, &spare)
        for work in spare { run(work, on: executor) }
        spare.removeAll(keepingCapacity: true)
    }

    private func run(_ work: Work, on executor: UnownedTaskExecutor) {
        switch work {
        case .job(let job): job.runSynchronously(on: executor)
        case .closure(let closure): closure()
        }
    }
}
