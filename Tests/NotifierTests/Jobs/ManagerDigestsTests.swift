import Foundation
import Postgres
import Testing
import TestSupport
@testable import Notifier

/// The daily manager digest end to end: counts from the routine's tables, one e-mail per manager
/// per day, never a name.
@Suite(.serialized) struct ManagerDigestsTests {
    struct Team {
        let manager: UUID
        let quietManager: UUID
    }

    /// Anna manages five people: a talk in 3 days, a talk two days ago never recorded, a new hire
    /// without a talk, and a person with protected identity without a talk; the cycle ends in 20
    /// days. Bo manages one person whose talk is recorded: nothing to say.
    static func makeTeams(_ db: QueueDatabase, _ fixture: SupportFixture) async throws -> Team {
        try await db.owner.transaction { tx in
            let org = fixture.organisation
            let today = "(now() AT TIME ZONE 'Europe/Stockholm')::date"
            let cycle = try await tx.query("""
                INSERT INTO routine.cycle (organisation_id, name, starts_on, ends_on)
                VALUES (\(org), 'Perioden', \(unsafeRaw: today) - 300, \(unsafeRaw: today) + 20) RETURNING id
                """).first!.decode(UUID.self, column: 0)
            func person(_ hr: String, _ name: String, manager: UUID?, hiredDaysAgo: Int = 3000, protected: Bool = false, email: String? = nil) async throws -> UUID {
                try await tx.query("""
                    INSERT INTO org.person (organisation_id, hr_id, name, work_email, unit_id, hire_date, manager_id, protected_identity)
                    VALUES (\(org), \(hr), \(name), \(email), \(fixture.unit), \(unsafeRaw: today) - \(hiredDaysAgo)::integer, \(manager), \(protected))
                    RETURNING id
                    """).first!.decode(UUID.self, column: 0)
            }
            func manager(_ hr: String, _ name: String, _ email: String, login: String) async throws -> UUID {
                let id = try await person(hr, name, manager: nil, email: email)
                let account = try await tx.query("""
                    INSERT INTO auth.account (organisation_id, login, display_name, person_id) VALUES (\(org), \(login), \(name), \(id)) RETURNING id
                    """).first!.decode(UUID.self, column: 0)
                _ = try await tx.query("INSERT INTO auth.account_role (account_id, role) VALUES (\(account), 'manager')")
                return id
            }
            func talk(_ person: UUID, _ manager: UUID, plannedInDays: Int, held: Bool = false) async throws {
                _ = try await tx.query("""
                    INSERT INTO routine.talk (organisation_id, cycle_id, person_id, manager_id, planned_at, held_on, question_asked, recorded_at)
                    VALUES (\(org), \(cycle), \(person), \(manager), now() + make_interval(days => \(plannedInDays)::integer),
                            CASE WHEN \(held) THEN \(unsafeRaw: today) END, CASE WHEN \(held) THEN true END, CASE WHEN \(held) THEN now() END)
                    """)
            }
            let anna = try await manager("M1", "Anna Chef", "anna.chef@testkommun.example", login: "anna.\(org.uuidString.lowercased())")
            let bo = try await manager("M2", "Bo Chef", "bo.chef@testkommun.example", login: "bo.\(org.uuidString.lowercased())")
            try await talk(try await person("R1", "Rut Rask", manager: anna), anna, plannedInDays: 3)
            try await talk(try await person("R2", "Rolf Rund", manager: anna), anna, plannedInDays: -2)
            _ = try await person("R3", "Nina Nyanställd", manager: anna, hiredDaysAgo: 80)
            _ = try await person("R4", "Hemlig Hemligsson", manager: anna, protected: true)
            try await talk(try await person("R5", "Sture Klar", manager: bo), bo, plannedInDays: -1, held: true)
            return Team(manager: anna, quietManager: bo)
        }
    }

    @Test func countsAreComputedInTheDatabaseWithoutNames() async throws {
        let db = try await QueueDatabase.make()
        defer { Task { await db.close() } }
        let fixture = try await SupportFixture.make(on: db)
        let team = try await Self.makeTeams(db, fixture)
        let rows = try await db.notifier.query("""
            SELECT manager_id, talks_within_seven_days, talks_held_not_recorded, new_hires_due, employees_not_yet_planned, days_until_cycle_ends
            FROM notify.manager_digest_counts((now() AT TIME ZONE 'Europe/Stockholm')::date)
            """).map { try $0.decode((UUID, Int, Int, Int, Int, Int?).self) }
        #expect(rows.count == 1, "the manager with nothing to say is left out")
        let row = try #require(rows.first)
        #expect(row.0 == team.manager)
        let counts: [Int] = [row.1, row.2, row.3, row.4]
        #expect(counts == [1, 1, 1, 2])
        #expect(row.5 == 20)
    }

    @Test func eachManagerGetsOneDigestADayWithCountsAndNoName() async throws {
        let db = try await QueueDatabase.make()
        defer { Task { await db.close() } }
        let fixture = try await SupportFixture.make(on: db)
        _ = try await Self.makeTeams(db, fixture)
        let harness = try await NotifierHarness.make(db: db)
        harness.start()
        let queue = db.queue()
        try await queue.enqueue(JobRequest(kind: JobKind.managerDigest))
        #expect(try await eventually { try harness.mails().count == 1 })
        #expect(try await harness.settle())
        // The digest runs again the same day (a second Notifier, a retry): nobody gets a second one.
        try await queue.enqueue(JobRequest(kind: JobKind.managerDigest))
        #expect(try await harness.settle())
        await harness.stop()

        let mails = try harness.mails()
        #expect(mails.count == 1)
        let mail = try #require(mails.first)
        #expect(mail["rcpt_tos"] as? [String] == ["anna.chef@testkommun.example"])
        #expect(mail["subject"] as? String == "Påminnelser om medarbetarsamtal")
        let body = try #require(mail["body"] as? String)
        #expect(body.hasPrefix("Hej Anna Chef!\n"))
        #expect(body.contains("- 1 medarbetarsamtal är planerat inom 7 dagar."))
        #expect(body.contains("- 1 samtal har hållits men är inte registrerat ännu."))
        #expect(body.contains("- 1 nyanställd ska snart få frågan i ett samtal."))
        #expect(body.contains("- Perioden slutar om 20 dagar och 2 medarbetare har ännu inget planerat samtal."))
        for name in ["Rut", "Rolf", "Nina", "Hemlig", "Sture", "Bo Chef"] {
            #expect(!body.contains(name), "the digest names \(name)")
        }
        #expect(try await db.counts(kind: JobKind.managerDigestSend) == ["completed": 1])
    }
}
