import Foundation
@testable import Postgres
import Synchronization
import Testing

@Suite struct PostgresEventLoopTests {
    @Test func timersFireInDeadlineOrderAndCancelledOnesNever() async throws {
        let loop = PostgresEventLoop(name: "timer-test")
        let fired = Recorder()
        let done = Gate()
        loop.schedule(after: .milliseconds(60)) { fired.append(3) }
        loop.schedule(after: .milliseconds(20)) { fired.append(1) }
        let cancelled = loop.schedule(after: .milliseconds(40)) { fired.append(99) }
        loop.schedule(after: .milliseconds(40)) { fired.append(2) }
        loop.schedule(after: .milliseconds(80)) { Task { await done.open() } }
        cancelled.cancel()
        await done.wait()
        #expect(fired.values == [1, 2, 3])
    }

    @Test func tasksPreferringTheLoopRunOnItsThread() async throws {
        let loop = PostgresEventLoop(name: "executor-test")
        let onLoop = await withTaskExecutorPreference(loop) { loop.inLoop }
        #expect(onLoop)
        #expect(!loop.inLoop)
        let rows = try await withTaskExecutorPreference(loop) {
            try await Shared.pool().query("SELECT 41 + 1").first!.decode(Int.self)
        }
        #expect(rows == 42)
    }

    @Test func workSubmittedFromManyThreadsAllRuns() async throws {
        let loop = PostgresEventLoop(name: "inbox-test")
        let recorder = Recorder()
        await withTaskGroup(of: Void.self) { group in
            for value in 0..<1000 {
                group.addTask {
                    await withCheckedContinuation { continuation in
                        loop.execute {
                            recorder.append(value)
                            continuation.resume()
                        }
                    }
                }
            }
        }
        #expect(recorder.values.sorted() == Array(0..<1000))
    }
}

/// Collects values from any thread.
final class Recorder: Sendable {
    private let storage = Mutex<[Int]>([])
    var values: [Int] { storage.withLock { $0 } }
    func append(_ value: Int) { storage.withLock { $0.append(value) } }
}
