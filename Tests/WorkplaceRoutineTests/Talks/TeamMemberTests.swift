import Foundation
import Postgres
import Testing
import TestSupport
@testable import WorkplaceRoutine

/// Due dates and statuses as `routine.team_overview` computes them acting as the manager. The cycle
/// is placed around today so the statuses do not depend on the date the tests run.
@Suite struct TeamMemberTests {
    /// A cycle from 200 days ago to 100 days ahead in the demo organisation.
    static func cycleAroundToday(_ fixture: DatabaseFixture) async throws -> UUID {
        try await fixture.owner.query("""
            INSERT INTO routine.cycle (organisation_id, name, starts_on, ends_on)
            SELECT id, 'runt i dag', current_date - 200, current_date + 100 FROM org.organisation WHERE slug = 'ostersund-demo'
            RETURNING id
            """).first!.decode(UUID.self, column: 0)
    }

    /// Adds a person to Anna's team.
    static func addToAnnasTeam(_ fixture: DatabaseFixture, _ hrID: String, hired: String, ended: String? = nil) async throws {
        _ = try await fixture.owner.query("""
            INSERT INTO org.person (organisation_id, hr_id, name, unit_id, manager_id, hire_date, end_date)
            SELECT a.organisation_id, \(hrID), 'Test ' || \(hrID), a.unit_id, a.id, (\(hired))::date, (\(ended))::date
            FROM org.person a WHERE a.hr_id = 'M001'
            """)
    }

    static func talk(_ fixture: DatabaseFixture, _ hrID: String, cycle: UUID, heldDaysAgo: Int? = nil, asked: Bool? = nil,
                     reason: String? = nil, plannedInDays: Int? = nil) async throws {
        _ = try await fixture.owner.query("""
            INSERT INTO routine.talk (organisation_id, cycle_id, person_id, manager_id, planned_at, held_on, question_asked, not_asked_reason, recorded_at)
            SELECT p.organisation_id, \(cycle), p.id, p.manager_id,
                   CASE WHEN \(plannedInDays)::int IS NULL THEN NULL ELSE now() + make_interval(days => \(plannedInDays)::int) END,
                   CASE WHEN \(heldDaysAgo)::int IS NULL THEN NULL ELSE current_date - \(heldDaysAgo)::int END,
                   \(asked)::boolean, \(reason), CASE WHEN \(heldDaysAgo)::int IS NULL THEN NULL ELSE now() END
            FROM org.person p WHERE p.hr_id = \(hrID)
            """)
    }

    @Test func dueDatesCoverEveryoneOncePerCycleAndNewHiresWithinTheirWindow() async throws {
        let fixture = try await DatabaseFixture.make()
        defer { Task { await fixture.close() } }
        let cycle = try await Self.cycleAroundToday(fixture)
        let today = try await fixture.owner.query("SELECT current_date").first!.decode(PostgresDate.self, column: 0).calendarDay
        // Hired 30 days ago: due 90 days after hiring, inside the cycle.
        try await Self.addToAnnasTeam(fixture, "NH1", hired: today.adding(days: -30).description)
        // Hired 50 days from now: the window ends after the cycle, so due in the next one.
        try await Self.addToAnnasTeam(fixture, "NH2", hired: today.adding(days: 50).description)
        // Left before the cycle began.
        try await Self.addToAnnasTeam(fixture, "LEFT", hired: "2010-01-01", ended: today.adding(days: -300).description)
        // Hired 120 days ago: the window closed 30 days ago.
        try await Self.addToAnnasTeam(fixture, "NH3", hired: today.adding(days: -120).description)
        let anna = try await fixture.context(login: "chef.anna", role: .manager)
        let team = try await fixture.app.transaction(as: anna) { try await TeamMember.team(in: cycle, transaction: $0) }
        let byName = Dictionary(uniqueKeysWithValues: team.map { ($0.name, $0) })
        #expect(byName["Erik Ek"]?.dueOn == today.adding(days: 100))
        #expect(byName["Test NH1"]?.dueOn == today.adding(days: 60))
        #expect(byName["Test NH1"]?.status == .notPlanned)
        #expect(byName["Test NH2"]?.dueOn == nil && byName["Test NH2"]?.status == .notDue)
        #expect(byName["Test LEFT"]?.status == .notDue)
        #expect(byName["Test NH3"]?.dueOn == today.adding(days: -30) && byName["Test NH3"]?.status == .overdue)
        // The SQL function itself, at the edges.
        let edges = try await fixture.owner.query("""
            SELECT routine.due_on('2026-10-03', NULL, '2026-01-01', '2026-12-31', 90)::text,
                   routine.due_on('2026-10-02', NULL, '2026-01-01', '2026-12-31', 90)::text,
                   routine.due_on('2025-10-03', NULL, '2026-01-01', '2026-12-31', 90)::text,
                   routine.due_on('2027-01-01', NULL, '2026-01-01', '2026-12-31', 90)::text
            """).first!.decode((String?, String?, String?, String?).self)
        #expect(edges.0 == nil && edges.1 == "2026-12-31" && edges.2 == "2026-01-01" && edges.3 == nil)
    }

    @Test func statusesFollowTheTalksOfTheCycle() async throws {
        let fixture = try await DatabaseFixture.make()
        defer { Task { await fixture.close() } }
        let cycle = try await Self.cycleAroundToday(fixture)
        try await Self.talk(fixture, "E101", cycle: cycle, heldDaysAgo: 10, asked: true)
        try await Self.talk(fixture, "E102", cycle: cycle, plannedInDays: 5)
        try await Self.talk(fixture, "E103", cycle: cycle, heldDaysAgo: 20, asked: false, reason: "on_leave")
        // Not asked first, then asked in a later talk: asked wins.
        try await Self.talk(fixture, "E106", cycle: cycle, heldDaysAgo: 30, asked: false, reason: "interpreter_present")
        try await Self.talk(fixture, "E106", cycle: cycle, heldDaysAgo: 3, asked: true)
        let anna = try await fixture.context(login: "chef.anna", role: .manager)
        let team = try await fixture.app.transaction(as: anna) { try await TeamMember.team(in: cycle, transaction: $0) }
        // (Ivan, hired 2026-10-01, is left out: his status depends on the date the tests run.)
        let status = Dictionary(uniqueKeysWithValues: team.filter { $0.name != "Ivan Isaksson" }.map { ($0.name, $0.status) })
        #expect(status == ["Erik Ek": .asked, "Fatima Farah": .planned, "Gustav Gran": .notAsked, "Hanna Holm": .notPlanned,
                           "Skyddad Person": .asked])
        let gustav = try #require(team.first { $0.name == "Gustav Gran" })
        #expect(gustav.notAskedReason == .onLeave && gustav.locksAt != nil)
        let fatima = try #require(team.first { $0.name == "Fatima Farah" })
        #expect(fatima.openTalkID != nil && fatima.plannedAt != nil)
        // Only the talks of this cycle count: the demo's 2026 talks are in another cycle.
        let protected = try #require(team.first { $0.name == "Skyddad Person" })
        #expect(protected.protectedIdentity)
    }

    @Test func aManagerSeesOnlyTheirOwnActiveReportsWhateverIDIsAsked() async throws {
        let fixture = try await DatabaseFixture.make()
        defer { Task { await fixture.close() } }
        let cycle = try await Self.cycleAroundToday(fixture)
        let anna = try await fixture.context(login: "chef.anna", role: .manager)
        let bengtsReport = try await fixture.person("E201")
        let (team, crafted) = try await fixture.app.transaction(as: anna) { transaction in
            (try await TeamMember.team(in: cycle, transaction: transaction),
             try await TeamMember.find(bengtsReport, in: cycle, transaction: transaction))
        }
        #expect(team.count == 6)
        #expect(crafted == nil)
        // A report who left (inactive after an import) drops out of the team page.
        _ = try await fixture.owner.query("UPDATE org.person SET active = false, deactivated_at = now() WHERE hr_id = 'E104'")
        let after = try await fixture.app.transaction(as: anna) { try await TeamMember.team(in: cycle, transaction: $0) }
        #expect(after.map(\.name).contains("Hanna Holm") == false && after.count == 5)
    }

    @Test func theCurrentCycleIsCreatedAsTheCalendarYearWhenNoneCoversToday() async throws {
        let fixture = try await DatabaseFixture.make()
        defer { Task { await fixture.close() } }
        // An organisation without any cycle yet.
        let anna = try await TenantIsolationTests.otherOrganisation(fixture)[.manager]!
        let cycle = try await fixture.app.transaction(as: anna) { try await Cycle.current(in: $0) }
        let today = Stockholm.today()
        #expect(cycle.contains(today))
        #expect(cycle.name == String(today.year))
        #expect(cycle.endsOn.month == 12 && cycle.endsOn.day == 31)
        let again = try await fixture.app.transaction(as: anna) { try await Cycle.current(in: $0) }
        #expect(again.id == cycle.id)
    }
}
