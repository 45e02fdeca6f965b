// queue-bench: drives the Notifier's queue worker for scripts/bench/04-queue.sh. Not shipped.
//
//   queue-bench throughput --jobs N [--batch B] [--running R]
//       works the N jobs already in notify.job ('bench.noop', available) with a no-op handler through
//       the real QueueWorker (claim, run, batched completion, all durable), and prints
//       `jobs=<completed> seconds=<elapsed> jobs_per_second=<rate>`.
//   queue-bench latency --samples N
//       with the worker idle and listening, enqueues one job at a time (its own transaction, so
//       NOTIFY goes out at commit) and measures from just before the enqueue call to the start of
//       the handler; prints `p50_ms=… p99_ms=… commit_to_start_p50_ms=…`.
//
// Connects as wr_worker (acting as wr_notifier) with the PG* environment's host, port and database.
import Foundation
import Notifier
import Observability
import Postgres
import Synchronization

struct Usage: Error, CustomStringConvertible {
    var description: String { "usage: queue-bench throughput --jobs N [--batch B] [--running R] | latency --samples N" }
}

func option(_ name: String, _ fallback: Int) -> Int {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count, let value = Int(arguments[index + 1]) else { return fallback }
    return value
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

var base = try PostgresConfiguration.fromEnvironment()
base.user = "wr_worker"
base.password = nil
base.applicationName = "queue-bench"
var acting = base
acting.sessionRole = "wr_notifier"

let mode = CommandLine.arguments.dropFirst().first ?? ""
switch mode {
case "throughput":
    let jobs = option("--jobs", 100_000)
    let batch = option("--batch", 100)
    let running = option("--running", 2 * batch)
    let pool = PostgresPool(configuration: acting, maximumConnections: 4, name: "bench", logger: .disabled)
    let done = Atomic<Int>(0)
    let finished = AsyncStream<Void>.makeStream()
    var handlers = JobHandlers()
    handlers.register("bench.noop") { _ in
        if done.wrappingAdd(1, ordering: .relaxed).newValue == jobs { finished.continuation.yield() }
        return .completed
    }
    let worker = QueueWorker(queue: JobQueue(pool: pool, workerName: "bench"), handlers: handlers,
                             configuration: QueueWorkerConfiguration(batchSize: batch, maximumRunning: running, pollInterval: .milliseconds(50)),
                             listener: PostgresListener(configuration: base, logger: .disabled), logger: .disabled)
    // Warm the pool so connecting is not measured.
    try await withThrowingTaskGroup(of: Void.self) { group in
        for _ in 0..<3 { group.addTask { _ = try await pool.withConnection { try await $0.query("SELECT 1") } } }
        try await group.waitForAll()
    }
    let start = ContinuousClock.now
    let running_ = Task { await worker.run() }
    for await _ in finished.stream { break }
    worker.shutdown()
    await running_.value  // returns once every completion is committed
    let elapsed = seconds(start.duration(to: .now))
    let completed = try await pool.query("SELECT count(*) FROM notify.job WHERE state = 'completed'").first!.decode(Int.self, column: 0)
    print(String(format: "jobs=%d seconds=%.3f jobs_per_second=%.0f", completed, elapsed, Double(completed) / elapsed))
    await pool.close()

case "latency":
    let samples = option("--samples", 1000)
    let pool = PostgresPool(configuration: acting, maximumConnections: 4, name: "bench", logger: .disabled)
    let producer = PostgresPool(configuration: acting, maximumConnections: 1, name: "bench-producer", logger: .disabled)
    let started = AsyncStream<ContinuousClock.Instant>.makeStream()
    var handlers = JobHandlers()
    handlers.register("bench.latency") { _ in
        started.continuation.yield(.now)
        return .completed
    }
    let worker = QueueWorker(queue: JobQueue(pool: pool, workerName: "bench"), handlers: handlers,
                             configuration: QueueWorkerConfiguration(batchSize: 100, maximumRunning: 100, pollInterval: .seconds(10)),
                             listener: PostgresListener(configuration: base, logger: .disabled), logger: .disabled)
    let running_ = Task { await worker.run() }
    _ = try await producer.query("SELECT 1")
    try await Task.sleep(for: .seconds(1))  // listening, and the first (empty) claim done
    var iterator = started.stream.makeAsyncIterator()
    var total: [Double] = []
    var wake: [Double] = []
    for index in 0..<(samples + 20) {
        let before = ContinuousClock.now
        _ = try await JobQueue.enqueue(JobRequest(kind: "bench.latency"), on: producer)
        let committed = ContinuousClock.now
        guard let start = await iterator.next() else { break }
        if index >= 20 {  // the first ones warm the statement caches
            total.append(seconds(before.duration(to: start)) * 1000)
            wake.append(seconds(committed.duration(to: start)) * 1000)
        }
        try await Task.sleep(for: .milliseconds(2))
    }
    worker.shutdown()
    await running_.value
    func percentile(_ values: [Double], _ p: Double) -> Double {
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]
    }
    print(String(format: "samples=%d p50_ms=%.2f p99_ms=%.2f commit_to_start_p50_ms=%.2f commit_to_start_p99_ms=%.2f",
                 total.count, percentile(total, 0.5), percentile(total, 0.99), percentile(wake, 0.5), percentile(wake, 0.99)))
    await pool.close()
    await producer.close()

default:
    FileHandle.standardError.write(Data("\(Usage())\n".utf8))
    exit(2)
}
