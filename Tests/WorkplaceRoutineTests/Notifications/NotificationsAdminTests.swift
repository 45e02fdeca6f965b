import Foundation
import Postgres
import Testing
@testable import WorkplaceRoutine

/// The administrator's page of notifications that were not delivered, over real HTTP.
@Suite(.serialized) struct NotificationsAdminTests {
    /// A dead letter of `organisation`, as the queue leaves one after its last attempt.
    static func deadLetter(_ fixture: AppFixture, organisation: UUID, kind: String = "support.team_notice") async throws -> Int64 {
        try await fixture.database.owner.query("""
            INSERT INTO notify.job (organisation_id, kind, payload, state, attempt, max_attempts, errors, attempted_at, finalized_at)
            VALUES (\(organisation), \(kind), jsonb_build_object('request_id', gen_random_uuid()), 'discarded', 3, 3,
                    '[{"error": "smtp.connectFailed", "attempt": 1}, {"error": "smtp.connectFailed", "attempt": 2},
                      {"error": "smtp.temporaryFailure", "attempt": 3}]', now(), now())
            RETURNING id
            """).first!.decode(Int64.self, column: 0)
    }

    static func demoOrganisation(_ fixture: AppFixture) async throws -> UUID {
        try await fixture.database.owner.query("SELECT id FROM org.organisation WHERE slug = \(DemoOrganisation.slug)").first!.decode(UUID.self, column: 0)
    }

    @Test func anAdministratorSeesTheirOrganisationsDeadLettersWithCodesButNoPayload() async throws {
        let fixture = try await AppFixture.make()
        defer { Task { await fixture.close() } }
        let own = try await Self.deadLetter(fixture, organisation: try await Self.demoOrganisation(fixture))
        let other = try await fixture.database.owner.query("INSERT INTO org.organisation (name, slug) VALUES ('Grannkommun', 'grannkommun') RETURNING id")
            .first!.decode(UUID.self, column: 0)
        let foreign = try await Self.deadLetter(fixture, organisation: other)
        let payload = try await fixture.database.owner.query("SELECT payload ->> 'request_id' FROM notify.job WHERE id = \(own)").first!.decode(String.self, column: 0)

        let page = try await fixture.client(loggedInAs: "admin.olof").get("/admin/notifications")
        #expect(page.status == 200)
        #expect(page.body.contains("Aviseringar som inte kom fram"))
        #expect(page.body.contains("#\(own)"))
        #expect(page.body.contains("Meddelande till stödteamet"))
        #expect(page.body.contains("smtp.temporaryFailure"))
        #expect(page.body.contains("3 av 3"))
        #expect(!page.body.contains("#\(foreign)"), "another organisation's job is never shown")
        #expect(!page.body.contains(payload), "the payload's ids are never shown")
    }

    @Test func retryPutsTheJobBackAndIsAudited() async throws {
        let fixture = try await AppFixture.make()
        defer { Task { await fixture.close() } }
        let id = try await Self.deadLetter(fixture, organisation: try await Self.demoOrganisation(fixture))
        let client = try await fixture.client(loggedInAs: "admin.olof")
        _ = try await client.get("/admin/notifications")
        let response = try await client.post("/admin/notifications/\(id)/retry", [])
        #expect(response.status == 303)
        #expect(response.location == "/admin/notifications?done=retried")
        let (state, maxAttempts) = try await fixture.database.owner.query("SELECT state, max_attempts FROM notify.job WHERE id = \(id)")
            .first!.decode((String, Int).self)
        #expect(state == "available")
        #expect(maxAttempts == 4, "a job that used all its attempts gets one more")
        let audit = try await fixture.database.owner.query("SELECT actor_role, detail ->> 'job_id' FROM audit.event WHERE action = 'notification.retried'")
            .map { try $0.decode((String?, String).self) }
        #expect(audit.count == 1)
        #expect(audit.first?.0 == "admin")
        #expect(audit.first?.1 == String(id))
        let after = try await client.get("/admin/notifications?done=retried")
        #expect(after.body.contains("Aviseringen skickas igen nu."))
    }

    @Test func discardRemovesAFailingJob() async throws {
        let fixture = try await AppFixture.make()
        defer { Task { await fixture.close() } }
        let organisation = try await Self.demoOrganisation(fixture)
        let id = try await fixture.database.owner.query("""
            INSERT INTO notify.job (organisation_id, kind, state, attempt, errors, run_at, attempted_at)
            VALUES (\(organisation), 'support.new_reply_for_employee', 'retryable', 2, '[{"error": "sms.serverError"}, {"error": "sms.serverError"}]',
                    now() + interval '1 hour', now())
            RETURNING id
            """).first!.decode(Int64.self, column: 0)
        let client = try await fixture.client(loggedInAs: "admin.olof")
        let page = try await client.get("/admin/notifications")
        #expect(page.body.contains("Meddelande till en medarbetare"))
        #expect(page.body.contains("Nytt försök"))
        let response = try await client.post("/admin/notifications/\(id)/discard", [])
        #expect(response.location == "/admin/notifications?done=discarded")
        #expect(try await fixture.database.owner.query("SELECT state FROM notify.job WHERE id = \(id)").first!.decode(String.self, column: 0) == "discarded")
    }

    @Test func anotherOrganisationsJobCannotBeRetried() async throws {
        let fixture = try await AppFixture.make()
        defer { Task { await fixture.close() } }
        let other = try await fixture.database.owner.query("INSERT INTO org.organisation (name, slug) VALUES ('Grannkommun', 'grannkommun') RETURNING id")
            .first!.decode(UUID.self, column: 0)
        let foreign = try await Self.deadLetter(fixture, organisation: other)
        let client = try await fixture.client(loggedInAs: "admin.olof")
        _ = try await client.get("/admin/notifications")
        let response = try await client.post("/admin/notifications/\(foreign)/retry", [])
        #expect(response.location == "/admin/notifications?done=unchanged")
        #expect(try await fixture.database.owner.query("SELECT state FROM notify.job WHERE id = \(foreign)").first!.decode(String.self, column: 0) == "discarded")
    }

    @Test func onlyAdministratorsMayOpenThePage() async throws {
        let fixture = try await AppFixture.make()
        defer { Task { await fixture.close() } }
        let manager = try await fixture.client(loggedInAs: "chef.anna").get("/admin/notifications")
        #expect(manager.status == 403)
        let anonymous = try await fixture.client().get("/admin/notifications")
        #expect(anonymous.status == 303 || anonymous.status == 302)
    }
}
