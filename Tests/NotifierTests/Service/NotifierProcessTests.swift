import Foundation
import Postgres
import Testing
import TestSupport
@testable import Notifier

/// The real `workplace-routine notifier` process under faults: killed with SIGKILL in the middle of
/// its deliveries, two processes side by side, and a SIGTERM while it delivers. The relay is
/// aiosmtpd, slowed down so deliveries are in flight when the fault comes.
@Suite(.serialized) struct NotifierProcessTests {
    /// `count` team notices to the team mailbox, as the product's fan-out leaves them.
    static func enqueueNotices(_ count: Int, db: QueueDatabase, fixture: SupportFixture) async throws -> [Int64] {
        let request = try await fixture.request()
        let payload = try JobPayload(TeamNoticePayload(requestID: request, recipient: "team:\(fixture.team.uuidString.lowercased())", leadsOnly: false))
        var ids: [Int64] = []
        for _ in 0..<count {
            ids.append(try requireValue(try await db.queue().enqueue(JobRequest(kind: JobKind.supportTeamNotice, payload: payload,
                                                                                 organisationID: fixture.organisation))))
        }
        return ids
    }

    /// The job ids behind the messages the relay accepted (`Message-ID: <wr-job-ID@…>`).
    static func deliveredJobIDs(_ relay: TestServerProcess) throws -> [Int64] {
        try relay.records().compactMap { record in
            guard let id = record["message_id"] as? String, id.hasPrefix("<wr-job-") else { return nil }
            return Int64(id.dropFirst("<wr-job-".count).prefix { $0.isNumber })
        }
    }

    @Test func killNineInTheMiddleOfABatchLosesNoJob() async throws {
        let db = try await QueueDatabase.make()
        defer { Task { await db.close() } }
        let fixture = try await SupportFixture.make(on: db)
        let relay = try await TestServerProcess.start(script: "smtp_server.py", arguments: ["--delay", "end=0.4"])
        defer { relay.stop() }
        let settings = ["WR_NOTIFIER_LEASE_SECONDS": "2", "WR_NOTIFIER_BATCH_SIZE": "10", "WR_NOTIFIER_MAX_RUNNING": "10"]
        let ids = try await Self.enqueueNotices(40, db: db, fixture: fixture)

        let first = try NotifierProcess.start(database: db.database.configuration, smtpPort: relay.port, environment: settings)
        #expect(try await eventually { try Self.deliveredJobIDs(relay).count >= 5 })
        let runningAtKill = try await db.owner.query("SELECT count(*) FROM notify.job WHERE state = 'running'").first!.decode(Int.self, column: 0)
        await first.killNine()
        #expect(runningAtKill > 0, "the kill came between deliveries, not in the middle of them")
        let stranded = try await db.owner.query("SELECT count(*) FROM notify.job WHERE state = 'running'").first!.decode(Int.self, column: 0)
        #expect(stranded > 0, "a killed Notifier leaves its leased jobs behind")

        let second = try NotifierProcess.start(database: db.database.configuration, smtpPort: relay.port, environment: settings)
        #expect(try await eventually(timeout: .seconds(60)) { try await db.counts() == ["completed": 40] }, "\(second.output)")
        _ = await second.terminate()

        let delivered = try Self.deliveredJobIDs(relay)
        #expect(Set(delivered) == Set(ids), "jobs lost: \(Set(ids).subtracting(delivered).sorted())")
        let rescued = try await db.owner.query("""
            SELECT count(*) FROM notify.job WHERE errors @> '[{"error": "lease_expired"}]'
            """).first!.decode(Int.self, column: 0)
        #expect(rescued == stranded, "every stranded job came back through its expired lease")
        // At least once: a message the relay took just before the kill may go out twice.
        #expect(delivered.count - Set(delivered).count <= stranded)
    }

    @Test func twoNotifiersDeliverEveryJobExactlyOnce() async throws {
        let db = try await QueueDatabase.make()
        defer { Task { await db.close() } }
        let fixture = try await SupportFixture.make(on: db)
        let relay = try await TestServerProcess.start(script: "smtp_server.py", arguments: ["--delay", "end=0.2"])
        defer { relay.stop() }
        let settings = ["WR_NOTIFIER_BATCH_SIZE": "5", "WR_NOTIFIER_MAX_RUNNING": "8"]
        let notifiers = try (0..<2).map { _ in
            try NotifierProcess.start(database: db.database.configuration, smtpPort: relay.port, environment: settings)
        }
        // Both are up and listening before the work arrives.
        let superuser = db.database.makePool()
        defer { Task { await superuser.close() } }
        #expect(try await eventually {
            try await superuser.query("SELECT count(*) FROM pg_stat_activity WHERE datname = \(db.database.name) AND query LIKE 'LISTEN%'")
                .first!.decode(Int.self, column: 0) == 2
        })
        let ids = try await Self.enqueueNotices(80, db: db, fixture: fixture)
        #expect(try await eventually(timeout: .seconds(60)) { try await db.counts() == ["completed": 80] })
        for notifier in notifiers { #expect(await notifier.terminate() == 0) }

        let delivered = try Self.deliveredJobIDs(relay)
        #expect(delivered.count == 80, "\(delivered.count - Set(delivered).count) delivered twice")
        #expect(Set(delivered) == Set(ids))
        let workers = try await db.owner.query("SELECT count(DISTINCT worker) FROM notify.job").first!.decode(Int.self, column: 0)
        #expect(workers == 2, "both Notifiers took part")
    }

    @Test func sigtermLetsRunningDeliveriesFinishAndLeavesNothingLeased() async throws {
        let db = try await QueueDatabase.make()
        defer { Task { await db.close() } }
        let fixture = try await SupportFixture.make(on: db)
        let relay = try await TestServerProcess.start(script: "smtp_server.py", arguments: ["--delay", "end=0.5"])
        defer { relay.stop() }
        let settings = ["WR_NOTIFIER_BATCH_SIZE": "4", "WR_NOTIFIER_MAX_RUNNING": "4", "WR_NOTIFIER_SHUTDOWN_GRACE_SECONDS": "15"]
        let ids = try await Self.enqueueNotices(30, db: db, fixture: fixture)
        let notifier = try NotifierProcess.start(database: db.database.configuration, smtpPort: relay.port, environment: settings)
        #expect(try await eventually {
            try await db.owner.query("SELECT count(*) FROM notify.job WHERE state = 'running'").first!.decode(Int.self, column: 0) > 0
        })
        #expect(await notifier.terminate() == 0)
        let states = try await db.counts()
        #expect(states["running"] == nil, "a stopped Notifier holds no lease: \(states)")
        #expect((states["completed"] ?? 0) > 0)
        let waiting = try await db.owner.query("SELECT count(*) FROM notify.job WHERE state = 'available' AND attempt = 0").first!.decode(Int.self, column: 0)
        #expect(waiting == states["available"] ?? 0, "jobs not started keep their attempts")
        #expect(notifier.output.contains("notifier stopped"))

        // Another Notifier takes the rest at once; nothing is sent twice.
        let next = try NotifierProcess.start(database: db.database.configuration, smtpPort: relay.port, environment: settings)
        #expect(try await eventually(timeout: .seconds(60)) { try await db.counts() == ["completed": 30] })
        _ = await next.terminate()
        let delivered = try Self.deliveredJobIDs(relay)
        #expect(delivered.sorted() == ids.sorted())
    }
}
