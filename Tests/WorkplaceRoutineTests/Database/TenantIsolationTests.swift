import Foundation
import Postgres
import Testing
import TestSupport
@testable import WorkplaceRoutine

/// Row-level security keeps one organisation's rows invisible to another organisation's roles,
/// whatever id they try.
@Suite struct TenantIsolationTests {
    /// Adds a second organisation with one person who holds every role, and returns its acting contexts.
    static func otherOrganisation(_ fixture: DatabaseFixture) async throws -> [Role: SessionContext] {
        let (organisation, person, account) = try await fixture.owner.transaction { transaction in
            let organisation = try await transaction.query("INSERT INTO org.organisation (name, slug) VALUES ('Annan kommun', 'annan') RETURNING id")
                .first!.decode(UUID.self, column: 0)
            let unit = try await transaction.query("INSERT INTO org.unit (organisation_id, code, name) VALUES (\(organisation), 'U1', 'Enhet') RETURNING id")
                .first!.decode(UUID.self, column: 0)
            let person = try await transaction.query("""
                INSERT INTO org.person (organisation_id, hr_id, name, unit_id, hire_date) VALUES (\(organisation), 'X1', 'Xavier', \(unit), '2020-01-01') RETURNING id
                """).first!.decode(UUID.self, column: 0)
            let account = try await transaction.query("""
                INSERT INTO auth.account (organisation_id, login, display_name, person_id) VALUES (\(organisation), 'xavier', 'Xavier', \(person)) RETURNING id
                """).first!.decode(UUID.self, column: 0)
            let team = try await transaction.query("INSERT INTO support.team (organisation_id, name, is_default) VALUES (\(organisation), 'T', true) RETURNING id")
                .first!.decode(UUID.self, column: 0)
            _ = try await transaction.query("INSERT INTO support.team_member (team_id, account_id) VALUES (\(team), \(account))")
            return (organisation, person, account)
        }
        var contexts: [Role: SessionContext] = [:]
        for role in Role.allCases {
            contexts[role] = SessionContext(role: role.databaseRole, settings: [
                "app.organisation_id": organisation.uuidString.lowercased(), "app.person_id": person.uuidString.lowercased(),
                "app.account_id": account.uuidString.lowercased(), "app.role": role.rawValue,
            ])
        }
        return contexts
    }

    /// Puts one row of the demo organisation in every table that has an organisation, so there is
    /// something to leak.
    static func seedDemoRows(_ fixture: DatabaseFixture) async throws {
        try await fixture.owner.transaction { transaction in
            _ = try await transaction.query("""
                WITH o AS (SELECT id FROM org.organisation WHERE slug = 'ostersund-demo'),
                     p AS (SELECT id, manager_id FROM org.person WHERE hr_id = 'E101'),
                     c AS (SELECT id FROM routine.cycle WHERE name = '2026')
                INSERT INTO routine.talk (organisation_id, cycle_id, person_id, manager_id, planned_at)
                SELECT o.id, c.id, p.id, p.manager_id, now() + interval '7 days' FROM o, p, c
                """)
            _ = try await transaction.query("""
                INSERT INTO support.request (organisation_id, team_id, kind, door, person_id, warning_at, deadline_at, channel)
                SELECT t.organisation_id, t.id, 'exposed', 'identified', p.id, now(), now(), 'dialogue'
                FROM support.team t, org.person p WHERE p.hr_id = 'E101' AND t.organisation_id = p.organisation_id
                """)
            _ = try await transaction.query("""
                INSERT INTO support.outcome_proposal (organisation_id, person_id, kind, expires_at)
                SELECT organisation_id, id, 'support_contact', now() + interval '14 days' FROM org.person WHERE hr_id = 'E101'
                """)
            _ = try await transaction.query("""
                INSERT INTO org.import_run (organisation_id, source, dry_run, status)
                SELECT id, 'csv', true, 'previewed' FROM org.organisation WHERE slug = 'ostersund-demo'
                """)
        }
    }

    @Test func anotherOrganisationsRolesSeeNoneOfTheDemoRows() async throws {
        let fixture = try await DatabaseFixture.make()
        defer { Task { await fixture.close() } }
        try await Self.seedDemoRows(fixture)
        let contexts = try await Self.otherOrganisation(fixture)
        let demo = try await fixture.owner.query("SELECT id FROM org.organisation WHERE slug = 'ostersund-demo'").first!.decode(UUID.self, column: 0)
        let tables = try await fixture.owner.query("""
            SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.columns
            WHERE column_name = 'organisation_id' AND table_schema IN ('auth', 'org', 'routine', 'support', 'notify', 'audit')
            ORDER BY 1
            """).map { try $0.decode(String.self, column: 0) }
        #expect(tables.count >= 12)
        var readable = 0
        for role in Role.allCases {
            for table in tables {
                let count: Int? = try? await fixture.app.transaction(as: contexts[role]!) { transaction in
                    try await transaction.query(PostgresQuery(unsafeSQL: "SELECT count(*)::bigint FROM \(table) WHERE organisation_id = $1",
                                                              bindings: { var b = PostgresBindings(); b.append(demo); return b }()))
                        .first!.decode(Int.self, column: 0)
                }
                if let count {
                    readable += 1
                    #expect(count == 0, "\(role) of another organisation sees \(count) demo rows in \(table)")
                }
            }
        }
        // The check is not vacuous: many tables were readable and filtered, not merely denied.
        #expect(readable >= 10)
    }

    @Test func theDemoOrganisationsOwnRolesDoSeeTheirRows() async throws {
        let fixture = try await DatabaseFixture.make()
        defer { Task { await fixture.close() } }
        try await Self.seedDemoRows(fixture)
        let manager = try await fixture.context(login: "chef.anna", role: .manager)
        let seen = try await fixture.app.transaction(as: manager) { transaction in
            // The demo has talks of its own; the seeded one is the only one of Erik's.
            try await transaction.query("SELECT count(*)::bigint FROM routine.talk t JOIN org.person p ON p.id = t.person_id WHERE p.hr_id = 'E101'")
                .first!.decode(Int.self, column: 0)
        }
        #expect(seen == 1)
        let support = try await fixture.context(login: "stod.sara", role: .support)
        let requests = try await fixture.app.transaction(as: support) { transaction in
            try await transaction.query("SELECT count(*)::bigint FROM support.request").first!.decode(Int.self, column: 0)
        }
        #expect(requests == 1)
    }

    @Test func aManagerSeesOnlyTheirOwnReportsEvenWithACraftedID() async throws {
        let fixture = try await DatabaseFixture.make()
        defer { Task { await fixture.close() } }
        let bengtsReport = try await fixture.person("E201")
        let anna = try await fixture.context(login: "chef.anna", role: .manager)
        let (reports, crafted) = try await fixture.app.transaction(as: anna) { transaction in
            let reports = try await transaction.query("SELECT count(*)::bigint FROM org.person WHERE id <> (SELECT app.person_id())")
                .first!.decode(Int.self, column: 0)
            let crafted = try await transaction.query("SELECT count(*)::bigint FROM org.person WHERE id = \(bengtsReport)")
                .first!.decode(Int.self, column: 0)
            return (reports, crafted)
        }
        #expect(reports == 6)  // Anna's six direct reports in the demo
        #expect(crafted == 0)
    }
}
