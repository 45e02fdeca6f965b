import Foundation
import Postgres
import Testing
@testable import Notifier

/// The scheduled maintenance, each step against a real database: what it deletes, what it keeps,
/// and the audit entries it writes without content.
@Suite(.serialized) struct ScheduledWorkTests {
    static let day: TimeInterval = 86_400

    func run(_ handler: any JobHandler) async throws {
        let job = Job(id: 1, kind: "test.scheduled", payload: .empty, runAt: Date(), created: Date())
        #expect(try await handler.handle(job) == .completed)
    }

    @Test func retentionDeletesOldClosedAndInactiveAnonymousRequestsAndLogsEachWithoutContent() async throws {
        let db = try await QueueDatabase.make()
        defer { Task { await db.close() } }
        let fixture = try await SupportFixture.make(on: db)
        let closedLongAgo = try await fixture.request(status: "closed", closedAgo: 400 * Self.day)
        let closedRecently = try await fixture.request(status: "closed", closedAgo: 30 * Self.day)
        let anonymousQuiet = try await fixture.request(door: "anonymous", channel: "dialogue", lastActivityAgo: 91 * Self.day)
        let anonymousActive = try await fixture.request(door: "anonymous", channel: "dialogue", lastActivityAgo: 10 * Self.day)
        let identifiedOpen = try await fixture.request(lastActivityAgo: 400 * Self.day)
        _ = try await db.owner.query("""
            INSERT INTO support.message (request_id, organisation_id, author, body_enc)
            VALUES (\(closedLongAgo), \(fixture.organisation), 'employee', support.seal('hej', \(QueueDatabase.contentKey)))
            """)

        try await run(ScheduledWork.retention(pool: db.notifier, logger: .disabled))

        let left = Set(try await db.owner.query("SELECT id FROM support.request").map { try $0.decode(UUID.self, column: 0) })
        #expect(left == [closedRecently, anonymousActive, identifiedOpen])
        #expect(try await db.owner.query("SELECT count(*) FROM support.message").first!.decode(Int.self, column: 0) == 0)
        #expect(try await fixture.audit("support.request_deleted", object: closedLongAgo).map(\.1) == [#"{"reason": "retention_closed"}"#])
        #expect(try await fixture.audit("support.request_deleted", object: anonymousQuiet).map(\.1) == [#"{"reason": "retention_anonymous_inactive"}"#])
        #expect(try await fixture.audit("support.request_deleted", object: closedLongAgo).map(\.0) == ["notifier"])
        let organisations = try await db.owner.query("""
            SELECT DISTINCT organisation_id FROM audit.event WHERE action = 'support.request_deleted'
            """).map { try $0.decode(UUID.self, column: 0) }
        #expect(organisations == [fixture.organisation], "the entries belong to the request's organisation")

        try await run(ScheduledWork.retention(pool: db.notifier, logger: .disabled))
        #expect(try await db.owner.query("SELECT count(*) FROM audit.event WHERE action = 'support.request_deleted'").first!.decode(Int.self, column: 0) == 2)
    }

    @Test func retentionFollowsEachOrganisationsSettings() async throws {
        let db = try await QueueDatabase.make()
        defer { Task { await db.close() } }
        let fixture = try await SupportFixture.make(on: db)
        _ = try await db.owner.query("UPDATE org.organisation SET retention_closed_months = 24 WHERE id = \(fixture.organisation)")
        let kept = try await fixture.request(status: "closed", closedAgo: 400 * Self.day)
        try await run(ScheduledWork.retention(pool: db.notifier, logger: .disabled))
        #expect(try await db.owner.query("SELECT id FROM support.request").map { try $0.decode(UUID.self, column: 0) } == [kept])
    }

    @Test func expiredUnconfirmedProposalsAreDeletedAndLogged() async throws {
        let db = try await QueueDatabase.make()
        defer { Task { await db.close() } }
        let fixture = try await SupportFixture.make(on: db)
        func proposal(_ kind: String, expiresIn: TimeInterval, confirmed: Bool) async throws -> UUID {
            try await db.owner.query("""
                INSERT INTO support.outcome_proposal (organisation_id, person_id, kind, expires_at, confirmed_at)
                VALUES (\(fixture.organisation), \(fixture.employeePerson), \(kind), now() + make_interval(secs => \(expiresIn)),
                        CASE WHEN \(confirmed) THEN now() END)
                RETURNING id
                """).first!.decode(UUID.self, column: 0)
        }
        let expired = try await proposal("support_contact", expiresIn: -60, confirmed: false)
        let pending = try await proposal("workplace_safety", expiresIn: 3600, confirmed: false)
        let confirmed = try await proposal("support_contact", expiresIn: -60, confirmed: true)

        try await run(ScheduledWork.expireProposals(pool: db.notifier, logger: .disabled))

        let left = Set(try await db.owner.query("SELECT id FROM support.outcome_proposal").map { try $0.decode(UUID.self, column: 0) })
        #expect(left == [pending, confirmed])
        let logged = try await db.owner.query("""
            SELECT object_kind, object_id, actor_account_id IS NULL FROM audit.event WHERE action = 'outcome.expired'
            """).map { try $0.decode((String, UUID, Bool).self) }
        #expect(logged.count == 1, "one entry for the one expired proposal")
        #expect(logged.first?.0 == "person" && logged.first?.1 == fixture.employeePerson && logged.first?.2 == true,
                "logged under the person, by no account, without the proposal's kind")
        #expect(!left.contains(expired))
    }

    @Test func pruningRemovesExpiredSessionsOldJobsAndOldInboxEntries() async throws {
        let db = try await QueueDatabase.make()
        defer { Task { await db.close() } }
        let fixture = try await SupportFixture.make(on: db)
        _ = try await db.owner.query("""
            INSERT INTO auth.session (token_hash, account_id, csrf_token, expires_at, last_seen_at) VALUES
                (sha256('old'::bytea), \(fixture.memberAccount), repeat('c', 32), now() - interval '1 hour', now() - interval '2 hours'),
                (sha256('live'::bytea), \(fixture.memberAccount), repeat('c', 32), now() + interval '1 hour', now())
            """)
        let ids = try await db.enqueue(2)
        let queue = db.queue()
        _ = try await queue.claim(limit: 2, lease: .seconds(60))
        try await queue.complete(ids)
        _ = try await db.owner.query("UPDATE notify.job SET finalized_at = now() - interval '30 days' WHERE id = \(ids[0])")
        _ = try await db.owner.query("""
            INSERT INTO notify.inbox_message (job_id, organisation_id, account_id, template, created_at) VALUES
                (900, \(fixture.organisation), \(fixture.employeeAccount), 'new-message-employee', now() - interval '400 days'),
                (901, \(fixture.organisation), \(fixture.employeeAccount), 'new-message-employee', now())
            """)

        try await run(ScheduledWork.prune(queue: queue, settings: NotifierJobs.Settings(), logger: .disabled))

        #expect(try await db.owner.query("SELECT count(*) FROM auth.session").first!.decode(Int.self, column: 0) == 1)
        #expect(try await db.owner.query("SELECT id FROM notify.job").map { try $0.decode(Int64.self, column: 0) } == [ids[1]])
        #expect(try await db.owner.query("SELECT job_id FROM notify.inbox_message").map { try $0.decode(Int64.self, column: 0) } == [901])
    }

    @Test func theReportRefreshHookPublishesTheOrganisationsWhoseDataChanged() async throws {
        let db = try await QueueDatabase.make()
        defer { Task { await db.close() } }
        let fixture = try await SupportFixture.make(on: db)
        func dirty() async throws -> Int {
            try await db.owner.query("SELECT count(*) FROM report.dirty WHERE organisation_id = \(fixture.organisation)")
                .first!.decode(Int.self, column: 0)
        }
        func published() async throws -> Int {
            try await db.owner.query("SELECT count(*) FROM report.fact_node WHERE organisation_id = \(fixture.organisation) AND node = 0")
                .first!.decode(Int.self, column: 0)
        }
        #expect(try await dirty() > 0, "the fixture's units and people mark the organisation as changed")
        #expect(try await published() == 0)

        try await run(ScheduledWork.reportRefresh(pool: db.notifier, logger: .disabled))

        #expect(try await dirty() == 0, "the refresh took the organisation's changes")
        #expect(try await published() == 1, "and published its figures, as the Notifier's role (report.refresh() only)")
    }
}
