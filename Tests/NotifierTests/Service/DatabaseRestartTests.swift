import Foundation
import Postgres
import Testing
import TestSupport
@testable import Notifier

/// PostgreSQL restarted while the real Notifier delivers a steady stream of jobs: it reconnects by
/// itself (pool, listener, claims) and every job that was committed is delivered.
@Suite(.serialized) struct DatabaseRestartTests {
    @Test func theNotifierReconnectsAfterRestartsUnderLoadAndDeliversEveryCommittedJob() async throws {
        let cluster = try await TemporaryCluster.make()
        defer { Task { try? await cluster.destroy() } }
        // The product's database on a cluster of its own, owned and migrated as in production.
        let admin = PostgresPool(configuration: cluster.configuration, maximumConnections: 1, name: "restart-admin", logger: .disabled)
        _ = try await admin.execute(unsafeScript: "CREATE ROLE \(TestDatabase.productOwner) LOGIN CREATEROLE")
        _ = try await admin.execute(unsafeScript: "CREATE DATABASE wr_restart OWNER \(TestDatabase.productOwner)")
        await admin.close()
        var database = cluster.configuration
        database.database = "wr_restart"
        var ownerConfiguration = database
        ownerConfiguration.user = TestDatabase.productOwner
        let owner = PostgresPool(configuration: ownerConfiguration, maximumConnections: 2, name: "restart-owner", logger: .disabled)
        defer { Task { await owner.close() } }
        try await Migrator(directory: TestDatabase.repoMigrations, logger: .disabled).migrate(owner)
        let organisation = try await owner.query("INSERT INTO org.organisation (name, slug) VALUES ('Omstart', 'omstart') RETURNING id")
            .first!.decode(UUID.self, column: 0)
        let team = try await owner.query("""
            INSERT INTO support.team (organisation_id, name, notify_email) VALUES (\(organisation), 'Team', 'team@omstart.example') RETURNING id
            """).first!.decode(UUID.self, column: 0)
        let request = try await owner.query("""
            INSERT INTO support.request (organisation_id, team_id, kind, door, receipt_hash, channel, warning_at, deadline_at)
            VALUES (\(organisation), \(team), 'worried', 'anonymous', 'r1', 'dialogue', now() + interval '1 day', now() + interval '2 days')
            RETURNING id
            """).first!.decode(UUID.self, column: 0)
        let payload = try JobPayload(TeamNoticePayload(requestID: request, recipient: "team:\(team.uuidString.lowercased())", leadsOnly: false))

        var producerConfiguration = database
        producerConfiguration.user = "wr_worker"
        producerConfiguration.sessionRole = NotifierConfiguration.actingRole
        let producer = PostgresPool(configuration: producerConfiguration, maximumConnections: 2, acquireTimeout: .seconds(2),
                                    name: "restart-producer", logger: .disabled)
        defer { Task { await producer.close() } }
        let relay = try await TestServerProcess.start(script: "smtp_server.py")
        defer { relay.stop() }
        let notifier = try NotifierProcess.start(database: database, smtpPort: relay.port,
                                                 environment: ["WR_NOTIFIER_LEASE_SECONDS": "3", "WR_NOTIFIER_MAX_RUNNING": "8"])

        // A job every 20 ms for 4 seconds, from a producer that shrugs off errors while the server is away.
        let producing = Task {
            var committed: [Int64] = []
            for _ in 0..<200 {
                if let id = (try? await JobQueue.enqueue(JobRequest(kind: JobKind.supportTeamNotice, payload: payload), on: producer)) ?? nil {
                    committed.append(id)
                }
                try? await Task.sleep(for: .milliseconds(20))
            }
            return committed
        }
        try await Task.sleep(for: .seconds(1))
        try await cluster.restart()
        try await Task.sleep(for: .seconds(1))
        try await cluster.restart()
        let enqueued = await producing.value

        #expect(try await eventually(timeout: .seconds(60)) {
            try await owner.query("SELECT count(*) FROM notify.job WHERE state <> 'completed'").first!.decode(Int.self, column: 0) == 0
        }, "\(notifier.output)")
        let inQueue = try await owner.query("SELECT id FROM notify.job").map { try $0.decode(Int64.self, column: 0) }
        #expect(Set(enqueued).isSubset(of: Set(inQueue)))
        #expect(enqueued.count > 20, "the producer got through between the restarts")
        let delivered = try NotifierProcessTests.deliveredJobIDs(relay)
        #expect(Set(delivered) == Set(inQueue), "committed jobs not delivered: \(Set(inQueue).subtracting(delivered).sorted())")
        #expect(notifier.process.isRunning, "the Notifier survived both restarts")
        #expect(notifier.output.contains("listening again after a lost connection"), "the listener came back by itself")
        #expect(await notifier.terminate() == 0)
    }
}
