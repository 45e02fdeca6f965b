import Foundation
import Postgres
import TestSupport
@testable import Notifier

/// A migrated database of its own for one test, as production has it: owned and migrated by
/// `wr_owner`, worked by `wr_worker` acting as `wr_notifier`.
struct QueueDatabase: Sendable {
    let database: TestDatabase
    /// The migration owner: writes fixtures no acting role may write.
    let owner: PostgresPool
    /// The Notifier's pool: `wr_worker`, every session acting as `wr_notifier`.
    let notifier: PostgresPool

    static let contentKey = "test-content-key-0123456789-abcdefghijklmnop"

    static func make() async throws -> QueueDatabase {
        let database = try await TestDatabase.make()
        let owner = database.makePool(user: TestDatabase.productOwner)
        let notifier = PostgresPool(configuration: acting(database.configuration(user: "wr_worker")), maximumConnections: 6,
                                    acquireTimeout: .seconds(10), name: database.name + "-notifier", logger: .disabled)
        return QueueDatabase(database: database, owner: owner, notifier: notifier)
    }

    static func acting(_ configuration: PostgresConfiguration) -> PostgresConfiguration {
        var configuration = configuration
        configuration.sessionRole = NotifierConfiguration.actingRole
        return configuration
    }

    func close() async {
        await owner.close()
        await notifier.close()
        try? await database.drop()
    }

    /// A queue for a worker of its own name.
    func queue(_ name: String = "test-\(UInt32.random(in: 0...UInt32.max))") -> JobQueue {
        JobQueue(pool: notifier, workerName: name)
    }

    /// Enqueues `count` jobs of `kind` (ids in order).
    @discardableResult
    func enqueue(_ count: Int, kind: String = "test.noop", maxAttempts: Int32 = 10) async throws -> [Int64] {
        var ids: [Int64] = []
        for index in 0..<count {
            let payload = try JobPayload(["n": index])
            ids.append(try requireValue(await queue().enqueue(JobRequest(kind: kind, payload: payload, maxAttempts: maxAttempts))))
        }
        return ids
    }

    /// One job's row as the owner sees it.
    func job(_ id: Int64) async throws -> (state: String, attempt: Int, errors: [String], runAt: Date) {
        let row = try await owner.query("""
            SELECT state, attempt, ARRAY(SELECT coalesce(e ->> 'error', '?') FROM jsonb_array_elements(errors) e), run_at
            FROM notify.job WHERE id = \(id)
            """).first
        guard let row else { throw FixtureError("no job \(id)") }
        let (state, attempt, errors, runAt) = try row.decode((String, Int, [String], Date).self)
        return (state, attempt, errors, runAt)
    }

    /// Counts of jobs per state, for `kind` (or all).
    func counts(kind: String? = nil) async throws -> [String: Int] {
        var result: [String: Int] = [:]
        for row in try await owner.query("SELECT state, count(*) FROM notify.job WHERE \(kind)::text IS NULL OR kind = \(kind) GROUP BY state") {
            let (state, count) = try row.decode((String, Int).self)
            result[state] = count
        }
        return result
    }
}

/// `try #require` for values in helpers outside a test function.
func requireValue<T>(_ value: T?, _ what: String = "value") throws -> T {
    guard let value else { throw FixtureError("missing \(what)") }
    return value
}

/// A fixture step that could not be done.
struct FixtureError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
