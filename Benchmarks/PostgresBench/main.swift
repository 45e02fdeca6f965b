// pg-bench: drives our PostgreSQL client the way pgbench drives libpq, for scripts/bench/01-postgres.sh.
//
//   pg-bench --workload select1|insert|transaction --clients N --seconds S [--executor loop|global] [--loops L]
//
// Workloads: `select1` runs `SELECT 1`; `insert` inserts one row (a durable commit each);
// `transaction` is shaped like a web request: a transaction acting as role `bench_role` with one
// setting (BEGIN and the context in one round trip), one `SELECT 1`, then COMMIT.
//
// Connects with the PG* environment, opens one pool connection per client, runs N tasks that each
// repeat the statement until the time is up, and prints `tps=<transactions per second>`.
// `--executor loop` runs the client tasks on the event loop thread (no thread hop per statement);
// `global` leaves them on Swift's shared pool, as a web handler's tasks would be.
// Not part of the product.
import Foundation
import Observability
import Postgres
import Synchronization

struct Options {
    var workload = "select1"
    var clients = 4
    var seconds = 10.0
    var executor = "loop"
    var loops = 1

    init(_ arguments: [String]) throws {
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            guard let value = iterator.next() else { throw Usage() }
            switch argument {
            case "--workload": workload = value
            case "--clients": clients = Int(value) ?? 0
            case "--seconds": seconds = Double(value) ?? 0
            case "--executor": executor = value
            case "--loops": loops = Int(value) ?? 0
            default: throw Usage()
            }
        }
        guard ["select1", "insert", "transaction"].contains(workload), clients > 0, seconds > 0, ["loop", "global"].contains(executor),
              loops > 0, clients % loops == 0
        else {
            throw Usage()
        }
    }
}

struct Usage: Error, CustomStringConvertible {
    var description: String {
        "usage: pg-bench --workload select1|insert|transaction --clients N --seconds S [--executor loop|global] [--loops L (dividing N)]"
    }
}

let options: Options
do {
    options = try Options(Array(CommandLine.arguments.dropFirst()))
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(2)
}

let configuration = try PostgresConfiguration.fromEnvironment()
// With several loops, the pool spreads its connections over them and the clients are spread too.
let loopCount = options.loops
let loops = (0..<loopCount).map { $0 == 0 ? PostgresEventLoop.shared : PostgresEventLoop(name: "postgres-\($0)") }
let pool = PostgresPool(configuration: configuration, maximumConnections: options.clients, acquireTimeout: .seconds(60),
                        name: "bench", logger: .disabled, eventLoops: loops)
let stop = Atomic<Bool>(false)
let context = SessionContext(role: "bench_role", settings: ["app.person_id": "8b3d9a52-3f0e-4c51-9a8e-2f1d6c7b5e40"])

@Sendable func work(_ client: Int) async throws -> Int {
    var count = 0
    var value = client &* 7919
    while !stop.load(ordering: .relaxed) {
        switch options.workload {
        case "select1":
            _ = try await pool.query("SELECT 1")
        case "transaction":
            try await pool.transaction(as: context) { transaction in
                _ = try await transaction.query("SELECT 1")
            }
        default:
            value = (value &* 1_103_515_245 &+ 12345) & 0x3FFF_FFFF
            _ = try await pool.query("INSERT INTO bench_insert (v) VALUES (\(value))")
        }
        count += 1
    }
    return count
}

// Warm up: open every connection and prepare the statement on each.
try await withThrowingTaskGroup(of: Void.self) { group in
    for _ in 0..<options.clients {
        group.addTask { _ = try await pool.withConnection { try await $0.query("SELECT 1") } }
    }
    try await group.waitForAll()
}

let start = ContinuousClock.now
let total = try await withThrowingTaskGroup(of: Int.self) { group in
    for client in 0..<options.clients {
        group.addTask(executorPreference: options.executor == "loop" ? loops[client % loopCount] : nil) { try await work(client) }
    }
    try await Task.sleep(for: .milliseconds(Int(options.seconds * 1000)))
    stop.store(true, ordering: .relaxed)
    var total = 0
    for try await count in group { total += count }
    return total
}
let elapsed = start.duration(to: .now)
let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
print(String(format: "tps=%.1f", Double(total) / seconds))
await pool.close()
