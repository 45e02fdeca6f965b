import CSystem
import Foundation
import Glibc
import Observability
import Synchronization

/// One thread with its own epoll instance, listening socket and connections. Everything about a
/// connection happens on its loop's thread, so connection state needs no locks. The loop is also a
/// `TaskExecutor` (see `EventLoop+Executor.swift`): handler tasks prefer it, so a handler that does
/// not await anything else runs start to finish on this thread, without a hop.
final class EventLoop: @unchecked Sendable {
    let context: ServerContext
    private let epoll: Int32
    private let wakeDescriptor: Int32
    private var listener: Int32
    private let onStop: @Sendable () -> Void

    private static let wakeToken: UInt64 = .max
    private static let listenerToken: UInt64 = .max - 1

    /// State other threads may touch, under a lock: work handed over and whether the loop sleeps.
    struct Inbox {
        var jobs: [UnownedJob] = []
        var tasks: [@Sendable () -> Void] = []
        var sleeping = false
        var stopped = false
    }

    let inbox = Mutex(Inbox())
    let threadID = Atomic<Int32>(0)
    // Loop-thread state.
    var localJobs: [UnownedJob] = []
    private var runningJobs: [UnownedJob] = []
    private var connections: [Connection?] = []
    private(set) var connectionCount = 0
    private var generation: UInt32 = 0
    private(set) var now: UInt64 = csystem_monotonic_ns()
    private var nextSweep: UInt64 = 0
    private(set) var dateLine: [UInt8] = []
    private var dateSecond = -1
    private(set) var shuttingDown = false
    private var shutdownDeadline: UInt64 = 0
    private var running = true
    private var randomState: UInt64
    private var requestCounters: [RouteStatus: Counter] = [:]
    private var latencies: [String: Histogram] = [:]
    private var loggedAcceptFailure = false

    private struct RouteStatus: Hashable {
        var route: String
        var status: Int
    }

    init(context: ServerContext, listener: Int32, onStop: @escaping @Sendable () -> Void) throws(HTTPServerError) {
        self.context = context
        self.listener = listener
        self.onStop = onStop
        epoll = try HTTPServerError.check(csystem_epoll_create(), .eventLoop, "epoll_create1")
        do {
            wakeDescriptor = try HTTPServerError.check(csystem_eventfd(0), .eventLoop, "eventfd")
            try HTTPServerError.check(csystem_epoll_ctl(epoll, CSYSTEM_EPOLL_CTL_ADD, wakeDescriptor, CSYSTEM_EPOLLIN, Self.wakeToken), .eventLoop, "epoll_ctl eventfd")
            // The listener is level-triggered: connections left in the backlog report again.
            try HTTPServerError.check(csystem_epoll_ctl(epoll, CSYSTEM_EPOLL_CTL_ADD, listener, CSYSTEM_EPOLLIN, Self.listenerToken), .eventLoop, "epoll_ctl listener")
        } catch {
            Glibc.close(epoll)
            throw error
        }
        var system = SystemRandomNumberGenerator()
        randomState = system.next()
    }

    /// Whether the caller runs on this loop's thread.
    @inline(__always)
    var inEventLoop: Bool { csystem_thread_id() == threadID.load(ordering: .relaxed) }

    /// Runs `task` on the loop thread (soon, never inline).
    func execute(_ task: @escaping @Sendable () -> Void) {
        let wake = inbox.withLock { inbox -> Bool in
            guard !inbox.stopped else { return false }
            inbox.tasks.append(task)
            defer { inbox.sleeping = false }
            return inbox.sleeping
        }
        if wake { _ = csystem_eventfd_signal(wakeDescriptor) }
    }

    func wakeUp() { _ = csystem_eventfd_signal(wakeDescriptor) }

    // MARK: The loop

    /// The thread's body; returns when the loop has stopped.
    func run() {
        threadID.store(csystem_thread_id(), ordering: .relaxed)
        var events = [csystem_event](repeating: csystem_event(), count: 512)
        var pendingTasks: [@Sendable () -> Void] = []
        while running {
            updateClock()
            var timeout: Int32 = 0
            if localJobs.isEmpty {
                let wait = nextSweep > now ? Int32(min((nextSweep - now + 999_999) / 1_000_000, 1000)) : 0
                timeout = inbox.withLock { inbox in
                    guard inbox.jobs.isEmpty, inbox.tasks.isEmpty else { return 0 }
                    inbox.sleeping = true
                    return wait
                }
            }
            let count = events.withUnsafeMutableBufferPointer { csystem_epoll_wait(epoll, $0.baseAddress, Int32($0.count), timeout) }
            updateClock()
            if count > 0 {
                for index in 0..<Int(count) { handle(events[index]) }
            }
            inbox.withLock { inbox in
                inbox.sleeping = false
                if !inbox.jobs.isEmpty {
                    localJobs.append(contentsOf: inbox.jobs)
                    inbox.jobs.removeAll(keepingCapacity: true)
                }
                swap(&pendingTasks, &inbox.tasks)
            }
            for task in pendingTasks { task() }
            pendingTasks.removeAll(keepingCapacity: true)
            runJobs()
            if now >= nextSweep { sweep() }
        }
        finishStopping()
    }

    private func updateClock() {
        now = csystem_monotonic_ns()
        let second = time(nil)
        if second != dateSecond {
            dateSecond = second
            dateLine = Array("Date: \(HTTPDate.format(secondsSince1970: second))\r\n".utf8)
        }
    }

    private func runJobs() {
        let executor = asUnownedTaskExecutor()
        while !localJobs.isEmpty {
            swap(&localJobs, &runningJobs)
            for job in runningJobs { job.runSynchronously(on: executor) }
            runningJobs.removeAll(keepingCapacity: true)
        }
    }

    private func handle(_ event: csystem_event) {
        switch event.data {
        case Self.wakeToken:
            _ = csystem_eventfd_drain(wakeDescriptor)
        case Self.listenerToken:
            acceptConnections()
        default:
            let descriptor = Int(event.data & 0xFFFF_FFFF)
            guard descriptor < connections.count, let connection = connections[descriptor],
                  connection.generation == UInt32(truncatingIfNeeded: event.data >> 32) else { return }
            connection.handle(events: event.events)
        }
    }

    // MARK: Connections

    private func acceptConnections() {
        var address = [CChar](repeating: 0, count: 64)
        for _ in 0..<64 {
            guard listener >= 0 else { return }
            let descriptor = csystem_accept_peer(listener, &address, Int32(address.count))
            if descriptor < 0 {
                let error = errno
                if error == EAGAIN || error == EWOULDBLOCK || error == EINTR || error == ECONNABORTED { return }
                if !loggedAcceptFailure {
                    loggedAcceptFailure = true
                    context.logger.error("accept failed", metadata: ["error.errno": "\(error)"])
                }
                return
            }
            _ = csystem_setsockopt_int(descriptor, CSYSTEM_IPPROTO_TCP, CSYSTEM_TCP_NODELAY, 1)
            generation &+= 1
            let peer = String(decoding: address.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let connection = Connection(descriptor: descriptor, generation: generation, peer: peer, loop: self)
            let token = UInt64(UInt32(bitPattern: descriptor)) | UInt64(generation) << 32
            let events = CSYSTEM_EPOLLIN | CSYSTEM_EPOLLOUT | CSYSTEM_EPOLLRDHUP | CSYSTEM_EPOLLET
            guard csystem_epoll_ctl(epoll, CSYSTEM_EPOLL_CTL_ADD, descriptor, events, token) == 0 else {
                Glibc.close(descriptor)
                continue
            }
            let slot = Int(descriptor)
            if slot >= connections.count {
                connections.append(contentsOf: repeatElement(nil, count: max(slot + 1 - connections.count, 64)))
            }
            connections[slot] = connection
            connectionCount += 1
            context.openConnections.increment()
            connection.start()
        }
    }

    /// Forgets a connection its `close()` has just closed.
    func remove(_ connection: Connection) {
        let slot = Int(connection.descriptor)
        guard slot < connections.count, connections[slot] === connection else { return }
        connections[slot] = nil
        connectionCount -= 1
        context.openConnections.decrement()
        if shuttingDown, connectionCount == 0 { running = false }
    }

    /// Closes connections whose deadline passed; ends a shutdown whose bound passed.
    private func sweep() {
        nextSweep = now + context.sweepInterval
        for case let connection? in connections where connection.deadline != 0 && connection.deadline <= now {
            connection.deadlinePassed()
        }
        if shuttingDown, connectionCount == 0 || now >= shutdownDeadline {
            for case let connection? in connections { connection.close() }
            running = false
        }
    }

    // MARK: Shutdown

    /// Stops accepting; idle connections close now, busy ones after their response.
    func beginShutdown() {
        guard !shuttingDown else { return }
        shuttingDown = true
        shutdownDeadline = now + context.shutdownTimeout
        if listener >= 0 {
            _ = csystem_epoll_ctl(epoll, CSYSTEM_EPOLL_CTL_DEL, listener, 0, 0)
            Glibc.close(listener)
            listener = -1
        }
        for case let connection? in connections { connection.shutdownRequested() }
        if connectionCount == 0 { running = false }
        nextSweep = min(nextSweep, now + context.sweepInterval)
    }

    private func finishStopping() {
        if listener >= 0 { Glibc.close(listener) }
        for case let connection? in connections { connection.close() }
        let leftover = inbox.withLock { inbox -> [UnownedJob] in
            inbox.stopped = true
            defer { inbox.jobs.removeAll() }
            return inbox.jobs
        }
        // Handler tasks still running prefer this loop; from now on their jobs run on a global queue
        // (enqueue sees the loop stopped) and their responses are dropped: their connections are closed.
        threadID.store(0, ordering: .relaxed)
        let executor = asUnownedTaskExecutor()
        for job in localJobs + leftover {
            DispatchQueue.global().async { job.runSynchronously(on: executor) }
        }
        localJobs.removeAll()
        Glibc.close(wakeDescriptor)
        Glibc.close(epoll)
        onStop()
    }

    // MARK: Per-request helpers

    /// A random 16-hex-digit id (wyrand, seeded from the system): unique enough to tie log lines
    /// to a response, and cheap, because it is made for every request.
    func nextRequestID() -> String {
        randomState &+= 0xA076_1D64_78BD_642F
        let product = randomState.multipliedFullWidth(by: randomState ^ 0xE703_7ED1_A0B4_28DB)
        let value = product.high ^ product.low
        return String(unsafeUninitializedCapacity: 16) { buffer in
            let digits: StaticString = "0123456789abcdef"
            for index in 0..<16 {
                buffer[index] = digits.utf8Start[Int((value >> (UInt64(15 - index) * 4)) & 0xF)]
            }
            return 16
        }
    }

    /// Counts a finished request and observes its latency (handles cached per loop).
    func record(route: String, status: Int, seconds: Double) {
        let key = RouteStatus(route: route, status: status)
        let counter: Counter
        if let cached = requestCounters[key] {
            counter = cached
        } else {
            counter = context.metrics.counter(
                "http_requests_total", help: "HTTP requests by route pattern and status.",
                labels: [("route", route), ("status", String(status))]
            )
            requestCounters[key] = counter
        }
        counter.increment()
        let histogram: Histogram
        if let cached = latencies[route] {
            histogram = cached
        } else {
            histogram = context.metrics.histogram(
                "http_request_duration_seconds", help: "Time from a complete request head to the response, by route pattern.",
                labels: [("route", route)]
            )
            latencies[route] = histogram
        }
        histogram.observe(seconds)
    }
}
