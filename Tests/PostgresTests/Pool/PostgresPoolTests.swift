import Foundation
import Observability
import Postgres
import Synchronization
import TestSupport
import Testing

@Suite struct PostgresPoolTests {
    @Test func manyTasksShareASmallPoolWithoutExceedingIt() async throws {
        try await withDatabase(maximumConnections: 3) { database, pool in
            let peak = TaskCounter()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for task in 0..<200 {
                    group.addTask {
                        for step in 0..<10 {
                            let value = try await pool.query("SELECT \(task * 100 + step)::bigint").first!.decode(Int.self)
                            #expect(value == task * 100 + step)
                            let inUse = pool.statistics.inUse
                            peak.raise(to: inUse)
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(peak.value <= 3)
            let statistics = pool.statistics
            #expect(statistics.inUse == 0)
            #expect(statistics.waiting == 0)
            #expect(statistics.idle <= 3)
            let sessions = try await Shared.pool().query("SELECT count(*) FROM pg_stat_activity WHERE datname = \(database.name)")
            #expect(try sessions.first!.decode(Int.self) <= 3)
        }
    }

    @Test func spreadsConnectionsOverLoopsAndHandsOutTheCallersOwn() async throws {
        let loops = [PostgresEventLoop(name: "pool-loop-a"), PostgresEventLoop(name: "pool-loop-b")]
        let pool = PostgresPool(configuration: try TestCluster.superuser(), maximumConnections: 4, logger: .disabled, eventLoops: loops)
        let gate = Gate()
        // Open four connections at once from outside the loops: two on each.
        let holders = (0..<4).map { _ in Task { try await pool.withConnection { connection in await gate.wait(); return ObjectIdentifier(connection.eventLoop) } } }
        try #require(await eventually(timeout: .seconds(120)) { pool.statistics.inUse >= 4 })
        await gate.open()
        var perLoop: [ObjectIdentifier: Int] = [:]
        for holder in holders { perLoop[try await holder.value, default: 0] += 1 }
        #expect(perLoop == [ObjectIdentifier(loops[0]): 2, ObjectIdentifier(loops[1]): 2])
        for loop in loops {
            let sameLoop = try await withTaskExecutorPreference(loop) {
                try await pool.withConnection { connection in connection.eventLoop === loop }
            }
            #expect(sameLoop)
        }
        await pool.close()
    }

    @Test func waitingIsBoundedByTheAcquireTimeout() async throws {
        let metrics = MetricsRegistry()
        let pool = PostgresPool(configuration: try TestCluster.superuser(), maximumConnections: 1, acquireTimeout: .milliseconds(200),
                                name: "timeout-test", logger: .disabled, metrics: metrics)
        // Open the one connection first: on a loaded machine connecting can itself take longer than
        // the 200 ms timeout, and the holder below must not be the one that times out.
        while (try? await pool.query("SELECT 1")) == nil { try await Task.sleep(for: .milliseconds(50)) }
        let gate = Gate()
        let holding = Task { try await pool.withConnection { _ in await gate.wait() } }
        try #require(await eventually(timeout: .seconds(120)) { pool.statistics.inUse >= 1 })
        let clock = ContinuousClock()
        let started = clock.now
        let error = await postgresError { _ = try await pool.query("SELECT 1") }
        #expect(error?.code == .poolTimeout)
        #expect(error?.description.contains("1 of 1 in use") == true)
        // Bounded: the error code above can only come from the timeout; the wall clock only guards
        // against waiting forever (scheduling on a loaded machine can add seconds).
        #expect(started.duration(to: clock.now) < .seconds(60))
        #expect(metrics.render().contains("postgres_pool_acquire_timeouts_total{pool=\"timeout-test\"} 1"))
        await gate.open()
        try await holding.value
        #expect(try await pool.query("SELECT 1").first!.decode(Int.self) == 1)
        await pool.close()
    }

    @Test func cancellingAWaitingCallerRemovesItFromTheQueue() async throws {
        let pool = PostgresPool(configuration: try TestCluster.superuser(), maximumConnections: 1, acquireTimeout: .seconds(30), logger: .disabled)
        let gate = Gate()
        let holder = Task { try await pool.withConnection { _ in await gate.wait() } }
        try #require(await eventually(timeout: .seconds(120)) { pool.statistics.inUse >= 1 })
        let waiting = Task { try await pool.query("SELECT 1") }
        try #require(await eventually(timeout: .seconds(120)) { pool.statistics.waiting >= 1 })
        waiting.cancel()
        let result = await waiting.result
        #expect(throws: CancellationError.self) { try result.get() }
        #expect(pool.statistics.waiting == 0)
        await gate.open()
        try await holder.value
        #expect(try await pool.query("SELECT 3").first!.decode(Int.self) == 3)
        await pool.close()
    }

    @Test func unreachableDatabaseFailsEveryCallerFast() async throws {
        let port = try TemporaryCluster.freePort()
        let pool = PostgresPool(configuration: PostgresConfiguration(host: "127.0.0.1", port: port, user: "x", sslMode: .disable),
                                maximumConnections: 3, acquireTimeout: .seconds(120), logger: .disabled)
        // "Fast": every caller gets the connect error instead of waiting out the acquire timeout. The
        // bound is half the timeout, so a loaded run's scheduling delays cannot fail it, waiting would.
        let clock = ContinuousClock()
        let started = clock.now
        let codes = await withTaskGroup(of: PostgresError.Code?.self) { group in
            for _ in 0..<10 { group.addTask { await postgresError { _ = try await pool.query("SELECT 1") }?.code } }
            var codes: [PostgresError.Code?] = []
            for await code in group { codes.append(code) }
            return codes
        }
        #expect(codes.count == 10)
        #expect(codes.allSatisfy { $0 == PostgresError.Code.connectionFailed })
        #expect(started.duration(to: clock.now) < .seconds(60))
        #expect(pool.statistics == PostgresPool.Statistics(inUse: 0, idle: 0, connecting: 0, waiting: 0, maximum: 3))
    }

    @Test func missingDatabaseIsAConnectionError() async throws {
        let pool = PostgresPool(configuration: try TestCluster.superuser(database: "no_such_database_here"), logger: .disabled)
        let error = await postgresError { _ = try await pool.query("SELECT 1") }
        #expect(error?.code == .connectionFailed)
        #expect(error?.debugDescription.contains("does not exist") == true)
    }

    @Test func useIsObservableAsMetrics() async throws {
        let metrics = MetricsRegistry()
        try await withDatabase(maximumConnections: 5, metrics: metrics) { database, pool in
            let gate = Gate()
            let holders = (0..<2).map { _ in Task { try await pool.withConnection { _ in await gate.wait() } } }
            try #require(await eventually(timeout: .seconds(120)) { pool.statistics.inUse >= 2 })
            let text = metrics.render()
            #expect(text.contains("postgres_pool_connections{pool=\"\(database.name)\",state=\"in_use\"} 2"))
            #expect(text.contains("postgres_pool_connections{pool=\"\(database.name)\",state=\"max\"} 5"))
            #expect(text.contains("postgres_pool_connections{pool=\"\(database.name)\",state=\"idle\"} 0"))
            await gate.open()
            for holder in holders { try await holder.value }
            #expect(metrics.render().contains("postgres_pool_connections{pool=\"\(database.name)\",state=\"idle\"} 2"))
        }
    }

    @Test func connectionsTheServerClosedAreReplacedUnnoticed() async throws {
        try await withDatabase(maximumConnections: 2) { database, pool in
            async let first = pool.withConnection { try await $0.query("SELECT pg_backend_pid(), pg_sleep(0.05)").first!.decode(Int32.self, column: 0) }
            async let second = pool.withConnection { try await $0.query("SELECT pg_backend_pid(), pg_sleep(0.05)").first!.decode(Int32.self, column: 0) }
            let before = Set([try await first, try await second])
            #expect(pool.statistics.idle == 2)
            let terminated = try await Shared.pool().query(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = \(database.name)"
            )
            #expect(try terminated.first!.decode(Int.self) == 2)
            try await Task.sleep(for: .milliseconds(200))
            for _ in 0..<5 {
                let pid = try await pool.query("SELECT pg_backend_pid()").first!.decode(Int32.self)
                #expect(!before.contains(pid))
            }
        }
    }

    @Test func connectionLeftInATransactionIsNotReused() async throws {
        try await withDatabase(maximumConnections: 1) { _, pool in
            try await pool.withConnection { connection in
                try await connection.execute(unsafeScript: "BEGIN; SET LOCAL app.leak = 'yes'")
            }
            let value = try await pool.query("SELECT current_setting('app.leak', true)").first!.decode(String?.self)
            #expect(value == nil)
        }
    }

    @Test func healthChecksKeepGoodConnectionsAndCancellingRunClosesThePool() async throws {
        // One connection, so a statement issued during a ping waits for that same connection.
        let pool = PostgresPool(configuration: try TestCluster.superuser(), maximumConnections: 1, healthCheckInterval: .milliseconds(50), logger: .disabled)
        let before = try await pool.query("SELECT pg_backend_pid()").first!.decode(Int32.self)
        let running = Task { try await pool.run() }
        try await Task.sleep(for: .milliseconds(250))
        // Pinged a few times meanwhile, and kept.
        #expect(try await pool.query("SELECT pg_backend_pid()").first!.decode(Int32.self) == before)
        running.cancel()
        try await running.value
        let error = await postgresError { _ = try await pool.query("SELECT 1") }
        #expect(error?.code == .poolClosed)
        #expect(pool.statistics.idle == 0)
    }

    @Test func survivesAServerRestartDuringUse() async throws {
        try await withTemporaryCluster { cluster in
            let pool = PostgresPool(configuration: cluster.configuration, maximumConnections: 4, acquireTimeout: .seconds(5), logger: .disabled)
            let stop = StopFlag()
            let failures = Failures()
            let successes = TaskCounter()
            let workers = (0..<8).map { _ in
                Task {
                    while !stop.isSet {
                        do {
                            _ = try await pool.query("SELECT pg_sleep(0.001), 1")
                            successes.raise(by: 1)
                        } catch let error as PostgresError {
                            // In-flight failures must be clean connection errors, never anything else.
                            if error.code != .connectionClosed && error.code != .connectionFailed {
                                failures.append(error.debugDescription)
                            }
                            try? await Task.sleep(for: .milliseconds(20))
                        } catch {
                            failures.append("\(error)")
                        }
                    }
                }
            }
            try await Task.sleep(for: .milliseconds(300))
            try await cluster.restart()
            let afterRestart = successes.value
            // The same pool serves queries again, without being recreated.
            let clock = ContinuousClock()
            let deadline = clock.now.advanced(by: .seconds(10))
            while successes.value < afterRestart + 100, clock.now < deadline {
                try await Task.sleep(for: .milliseconds(20))
            }
            stop.set()
            for worker in workers { await worker.value }
            #expect(successes.value >= afterRestart + 100)
            #expect(failures.all == [])
            #expect(try await pool.query("SELECT 42").first!.decode(Int.self) == 42)
            await pool.close()
        }
    }

    @Test func failsFastWhileTheServerIsDownAndRecoversWhenItIsBack() async throws {
        try await withTemporaryCluster { cluster in
            let pool = PostgresPool(configuration: cluster.configuration, maximumConnections: 2, acquireTimeout: .seconds(120), logger: .disabled)
            _ = try await pool.query("SELECT 1")
            try await cluster.kill()
            let clock = ContinuousClock()
            let started = clock.now
            for _ in 0..<3 {
                let error = await postgresError { _ = try await pool.query("SELECT 1") }
                #expect(error?.code == .connectionFailed || error?.code == .connectionClosed)
            }
            // Half the acquire timeout: failing, not waiting it out.
            #expect(started.duration(to: clock.now) < .seconds(60))
            try await cluster.start()
            #expect(try await pool.query("SELECT 7").first!.decode(Int.self) == 7)
            await pool.close()
        }
    }
}

/// Lets tasks wait until a test opens it.
actor Gate {
    private var isOpen = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func wait() async {
        if isOpen { return }
        await withCheckedContinuation { waiters.append($0) }
    }

    func open() {
        isOpen = true
        for waiter in waiters { waiter.resume() }
        waiters = []
    }
}

/// A shared counter for tasks.
final class TaskCounter: Sendable {
    private let storage = Atomic<Int>(0)
    var value: Int { storage.load(ordering: .relaxed) }
    func raise(by amount: Int) { storage.add(amount, ordering: .relaxed) }
    func raise(to candidate: Int) { _ = storage.max(candidate, ordering: .relaxed) }
}

/// A shared stop flag for tasks.
final class StopFlag: Sendable {
    private let storage = Atomic<Bool>(false)
    var isSet: Bool { storage.load(ordering: .relaxed) }
    func set() { storage.store(true, ordering: .relaxed) }
}

/// Failure descriptions collected from tasks.
final class Failures: Sendable {
    private let storage = Mutex<[String]>([])
    var all: [String] { storage.withLock { $0 } }
    func append(_ text: String) { storage.withLock { $0.append(text) } }
}
