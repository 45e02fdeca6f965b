import Foundation
import Postgres
import Testing
import TestSupport
@testable import WorkplaceRoutine

/// The manager's routine over real HTTP: planning, recording, the correction window, the audit log,
/// and 404 for every id that is not the manager's own report.
@Suite struct TeamRoutesTests {
    /// The current cycle (as the team page uses it) and a day inside it a few days ahead.
    static func currentCycle(_ fixture: AppFixture) async throws -> (cycle: Cycle, soon: CalendarDay) {
        let anna = try await fixture.database.context(login: "chef.anna", role: .manager)
        let cycle = try await fixture.database.app.transaction(as: anna) { try await Cycle.current(in: $0) }
        let soon = min(Stockholm.today().adding(days: 3), cycle.endsOn)
        return (cycle, soon)
    }

    static func talks(_ fixture: AppFixture, _ hrID: String) async throws -> [(planned: Date?, held: String?, asked: Bool?, reason: String?)] {
        try await fixture.database.owner.query("""
            SELECT t.planned_at, t.held_on::text, t.question_asked, t.not_asked_reason::text FROM routine.talk t
            JOIN org.person p ON p.id = t.person_id
            WHERE p.hr_id = \(hrID) AND t.cycle_id = (SELECT id FROM routine.cycle WHERE (now() AT TIME ZONE 'Europe/Stockholm')::date BETWEEN starts_on AND ends_on)
            ORDER BY t.created_at
            """).map { try $0.decode((Date?, String?, Bool?, String?).self) }.map { (planned: $0.0, held: $0.1, asked: $0.2, reason: $0.3) }
    }

    static func auditActions(_ fixture: AppFixture) async throws -> [String] {
        try await fixture.database.owner.query("SELECT action FROM audit.event WHERE object_kind = 'talk' ORDER BY id").map { try $0.decode(String.self, column: 0) }
    }

    @Test func aManagerPlansMovesAndRemovesATalk() async throws {
        let fixture = try await AppFixture.make()
        defer { Task { await fixture.close() } }
        let (cycle, soon) = try await Self.currentCycle(fixture)
        let erik = try await fixture.database.person("E101")
        let client = try await fixture.client(loggedInAs: "chef.anna")
        let team = try await client.get("/team")
        #expect(team.status == 200 && team.body.contains("Erik Ek") && team.body.contains("Inte planerat"))
        try await client.get("/team/\(erik.lowercased)")
        let planned = try await client.post("/team/\(erik.lowercased)/plan", [("cycle", cycle.id.lowercased), ("date", soon.description), ("time", "14:30")])
        #expect(planned.status == 303)
        var talks = try await Self.talks(fixture, "E101")
        #expect(talks.count == 1 && talks[0].planned.map(Stockholm.dateAndTime) == soon.description + " 14:30")
        let page = try await client.get(planned.location!)
        #expect(page.body.contains("Samtalet är planerat.") && page.body.contains("Planerat: \(soon.description) 14:30"))
        // Planning again moves the same talk.
        _ = try await client.post("/team/\(erik.lowercased)/plan", [("cycle", cycle.id.lowercased), ("date", soon.description), ("time", "")])
        talks = try await Self.talks(fixture, "E101")
        #expect(talks.count == 1 && talks[0].planned.map(Stockholm.dateAndTime) == soon.description)
        try await client.get("/team/\(erik.lowercased)")
        _ = try await client.post("/team/\(erik.lowercased)/unplan", [("cycle", cycle.id.lowercased)])
        #expect(try await Self.talks(fixture, "E101").isEmpty)
        #expect(try await Self.auditActions(fixture).suffix(3) == ["talk.planned", "talk.replanned", "talk.plan_removed"])
    }

    @Test func planningValidatesTheDateAndKeepsWhatWasTyped() async throws {
        let fixture = try await AppFixture.make()
        defer { Task { await fixture.close() } }
        let (cycle, _) = try await Self.currentCycle(fixture)
        let erik = try await fixture.database.person("E101")
        let client = try await fixture.client(loggedInAs: "chef.anna")
        try await client.get("/team/\(erik.lowercased)")
        let past = try await client.post("/team/\(erik.lowercased)/plan", [("cycle", cycle.id.lowercased), ("date", "2001-01-01"), ("time", "25:00")])
        #expect(past.status == 422)
        #expect(past.body.contains("Datumet har redan passerat") && past.body.contains("Skriv tiden som timmar och minuter"))
        #expect(past.body.contains("value=\"2001-01-01\""))
        let outside = try await client.post("/team/\(erik.lowercased)/plan", [("cycle", cycle.id.lowercased), ("date", cycle.endsOn.adding(days: 1).description)])
        #expect(outside.status == 422 && outside.body.contains("utanför perioden"))
        #expect(try await Self.talks(fixture, "E101").isEmpty)
    }

    @Test func planningManyAtOnceGivesEveryoneChosenTheSameTime() async throws {
        let fixture = try await AppFixture.make()
        defer { Task { await fixture.close() } }
        let (cycle, soon) = try await Self.currentCycle(fixture)
        let erik = try await fixture.database.person("E101")
        let fatima = try await fixture.database.person("E102")
        let client = try await fixture.client(loggedInAs: "chef.anna")
        try await client.get("/team")
        let none = try await client.post("/team/plan", [("cycle", cycle.id.lowercased), ("date", soon.description)])
        #expect(none.status == 422 && none.body.contains("Kryssa i minst en medarbetare"))
        let response = try await client.post("/team/plan", [("cycle", cycle.id.lowercased), ("person", erik.lowercased), ("person", fatima.lowercased),
                                                            ("date", soon.description), ("time", "09:00")])
        #expect(response.status == 303)
        for hrID in ["E101", "E102"] {
            let talks = try await Self.talks(fixture, hrID)
            #expect(talks.count == 1 && talks[0].planned.map(Stockholm.dateAndTime) == soon.description + " 09:00")
        }
        #expect(try await client.get(response.location!).body.contains("Samtalen är planerade."))
    }

    @Test func recordingAskedAndNotAskedWithAReasonFromTheList() async throws {
        let fixture = try await AppFixture.make()
        defer { Task { await fixture.close() } }
        let (cycle, soon) = try await Self.currentCycle(fixture)
        let erik = try await fixture.database.person("E101")
        let fatima = try await fixture.database.person("E102")
        let client = try await fixture.client(loggedInAs: "chef.anna")
        // Erik: planned, then recorded as asked (the planned talk becomes the held one).
        try await client.get("/team/\(erik.lowercased)")
        _ = try await client.post("/team/\(erik.lowercased)/plan", [("cycle", cycle.id.lowercased), ("date", soon.description)])
        let form = try await client.get("/team/\(erik.lowercased)/record?cycle=\(cycle.id.lowercased)")
        #expect(form.status == 200 && !form.body.contains("<textarea"))
        let today = Stockholm.today().description
        let recorded = try await client.post("/team/\(erik.lowercased)/record", [("cycle", cycle.id.lowercased), ("held_on", today), ("asked", "yes"),
                                                                               ("reason", "on_leave")])
        #expect(recorded.status == 303)
        let erikTalks = try await Self.talks(fixture, "E101")
        #expect(erikTalks.count == 1 && erikTalks[0].held == today && erikTalks[0].asked == true && erikTalks[0].reason == nil)
        #expect(try await client.get(recorded.location!).body.contains("Samtalet är registrerat."))

        // Fatima: not asked needs a reason; with one it is stored (a new held talk, nothing was planned).
        try await client.get("/team/\(fatima.lowercased)/record")
        let missing = try await client.post("/team/\(fatima.lowercased)/record", [("cycle", cycle.id.lowercased), ("held_on", today), ("asked", "no")])
        #expect(missing.status == 422 && missing.body.contains("Välj varför frågan inte ställdes."))
        let notAsked = try await client.post("/team/\(fatima.lowercased)/record", [("cycle", cycle.id.lowercased), ("held_on", today), ("asked", "no"),
                                                                                 ("reason", "interpreter_present")])
        #expect(notAsked.status == 303)
        let fatimaTalks = try await Self.talks(fixture, "E102")
        #expect(fatimaTalks.count == 1 && fatimaTalks[0].asked == false && fatimaTalks[0].reason == "interpreter_present")
        let team = try await client.get("/team")
        #expect(team.body.contains("Tolk var med"))
        #expect(try await Self.auditActions(fixture).suffix(3) == ["talk.planned", "talk.recorded", "talk.recorded"])
    }

    @Test func aTalkCannotBeRecordedInTheFutureOrWithAReasonOutsideTheList() async throws {
        let fixture = try await AppFixture.make()
        defer { Task { await fixture.close() } }
        let (cycle, _) = try await Self.currentCycle(fixture)
        let erik = try await fixture.database.person("E101")
        let client = try await fixture.client(loggedInAs: "chef.anna")
        try await client.get("/team/\(erik.lowercased)/record")
        let future = try await client.post("/team/\(erik.lowercased)/record", [("cycle", cycle.id.lowercased),
                                                                             ("held_on", Stockholm.today().adding(days: 1).description), ("asked", "yes")])
        #expect(future.status == 422 && future.body.contains("Datumet ligger i framtiden"))
        let free = try await client.post("/team/\(erik.lowercased)/record", [("cycle", cycle.id.lowercased), ("held_on", Stockholm.today().description),
                                                                           ("asked", "no"), ("reason", "she told me about her husband")])
        #expect(free.status == 422)
        #expect(!free.body.contains("she told me"))
        #expect(try await Self.talks(fixture, "E101").isEmpty)
    }

    @Test func aRecordCanBeCorrectedInsideTheWindowAndIsLockedAfterIt() async throws {
        let fixture = try await AppFixture.make()
        defer { Task { await fixture.close() } }
        let (cycle, _) = try await Self.currentCycle(fixture)
        let erik = try await fixture.database.person("E101")
        let client = try await fixture.client(loggedInAs: "chef.anna")
        let today = Stockholm.today().description
        try await client.get("/team/\(erik.lowercased)/record")
        _ = try await client.post("/team/\(erik.lowercased)/record", [("cycle", cycle.id.lowercased), ("held_on", today), ("asked", "no"), ("reason", "other")])
        let talk = try await fixture.database.owner.query("SELECT t.id FROM routine.talk t JOIN org.person p ON p.id = t.person_id WHERE p.hr_id = 'E101'")
            .first!.decode(UUID.self, column: 0)
        let query = "?cycle=\(cycle.id.lowercased)&talk=\(talk.lowercased)"
        // A correction inside the window.
        let correcting = try await client.get("/team/\(erik.lowercased)/record" + query)
        #expect(correcting.body.contains("Du rättar en registrering"))
        let corrected = try await client.post("/team/\(erik.lowercased)/record", [("cycle", cycle.id.lowercased), ("talk", talk.lowercased),
                                                                                ("held_on", today), ("asked", "yes")])
        #expect(corrected.status == 303)
        #expect(try await Self.talks(fixture, "E101").first?.asked == true)
        // Fifteen days later (the organisation allows 14) the record is locked, by the database.
        try await fixture.database.owner.transaction { transaction in
            _ = try await transaction.query("ALTER TABLE routine.talk DISABLE TRIGGER talk_guard")
            _ = try await transaction.query("UPDATE routine.talk SET recorded_at = now() - interval '15 days' WHERE id = \(talk)")
            _ = try await transaction.query("ALTER TABLE routine.talk ENABLE TRIGGER talk_guard")
        }
        let lockedPage = try await client.get("/team/\(erik.lowercased)/record" + query)
        #expect(lockedPage.body.contains("Registreringen är låst"))
        try await client.get("/team/\(erik.lowercased)")
        let refused = try await client.post("/team/\(erik.lowercased)/record", [("cycle", cycle.id.lowercased), ("talk", talk.lowercased),
                                                                              ("held_on", today), ("asked", "no"), ("reason", "on_leave")])
        #expect(refused.status == 409 && refused.body.contains("Registreringen är låst"))
        #expect(try await Self.talks(fixture, "E101").first?.asked == true)
        // Even straight in the database, as the manager role.
        let anna = try await fixture.database.context(login: "chef.anna", role: .manager)
        await #expect(throws: PostgresError.self) {
            try await fixture.database.app.transaction(as: anna) { transaction in
                _ = try await transaction.query("UPDATE routine.talk SET question_asked = false, not_asked_reason = 'other' WHERE id = \(talk)")
            }
        }
        let person = try await client.get("/team/\(erik.lowercased)")
        #expect(person.body.contains("Låst sedan"))
        #expect(try await Self.auditActions(fixture).suffix(2) == ["talk.recorded", "talk.corrected"])
    }

    /// Row-level security, not a filter in Swift: ids of other teams and other organisations are not found.
    @Test func craftedIDsOfOtherTeamsAndOrganisationsAnswer404() async throws {
        let fixture = try await AppFixture.make()
        defer { Task { await fixture.close() } }
        let (cycle, soon) = try await Self.currentCycle(fixture)
        let bengtsReport = try await fixture.database.person("E201")
        let others = try await TenantIsolationTests.otherOrganisation(fixture.database)
        let stranger = UUID(uuidString: others[.employee]!.settings["app.person_id"]!)!
        let otherCycle = try await fixture.database.owner.query("""
            INSERT INTO routine.cycle (organisation_id, name, starts_on, ends_on)
            SELECT id, 'annan', '2026-01-01', '2026-12-31' FROM org.organisation WHERE slug = 'annan' RETURNING id
            """).first!.decode(UUID.self, column: 0)
        let bengtsTalk = try await fixture.database.owner.query("""
            SELECT t.id FROM routine.talk t JOIN org.person p ON p.id = t.person_id WHERE p.hr_id = 'E201' LIMIT 1
            """).first!.decode(UUID.self, column: 0)
        let erik = try await fixture.database.person("E101")
        let countTalks = {
            try await fixture.database.owner.query("SELECT count(*)::bigint FROM routine.talk").first!.decode(Int.self, column: 0)
        }
        let talksBefore = try await countTalks()
        let client = try await fixture.client(loggedInAs: "chef.anna")
        try await client.get("/team")
        for id in [bengtsReport, stranger, UUID()] {
            #expect(try await client.get("/team/\(id.lowercased)").status == 404)
            #expect(try await client.get("/team/\(id.lowercased)/record").status == 404)
            #expect(try await client.get("/team/\(id.lowercased)/outcome").status == 404)
            #expect(try await client.post("/team/\(id.lowercased)/plan", [("date", soon.description)]).status == 404)
            #expect(try await client.post("/team/\(id.lowercased)/record", [("held_on", Stockholm.today().description), ("asked", "yes")]).status == 404)
            #expect(try await client.post("/team/\(id.lowercased)/outcome", [("kind", "support_contact"), ("present", "1")]).status == 404)
        }
        // Another person's talk through one's own report, and another organisation's cycle.
        #expect(try await client.get("/team/\(erik.lowercased)/record?talk=\(bengtsTalk.lowercased)").status == 404)
        #expect(try await client.get("/team?cycle=\(otherCycle.lowercased)").status == 404)
        #expect(try await client.post("/team/plan", [("cycle", cycle.id.lowercased), ("person", erik.lowercased), ("person", bengtsReport.lowercased),
                                                     ("date", soon.description)]).status == 404)
        // Nothing was written for anyone.
        #expect(try await countTalks() == talksBefore)
        let proposals = try await fixture.database.owner.query("SELECT count(*)::bigint FROM support.outcome_proposal").first!.decode(Int.self, column: 0)
        #expect(proposals == 0)
    }

    /// The names of every `<input type="text">` on a page.
    static func textInputNames(_ html: String) -> [String] {
        html.components(separatedBy: "<input").dropFirst().compactMap { part -> String? in
            let tag = part.prefix { $0 != ">" }
            guard tag.contains("type=\"text\""), let range = tag.range(of: "name=\"") else { return nil }
            return String(tag[range.upperBound...].prefix { $0 != "\"" })
        }
    }

    @Test func managerPagesNeedTheManagerRoleAndHaveNoFreeTextField() async throws {
        let fixture = try await AppFixture.make()
        defer { Task { await fixture.close() } }
        let erik = try await fixture.database.person("E101")
        #expect(try await fixture.client(loggedInAs: "medarbetare.erik").get("/team").status == 403)
        let client = try await fixture.client(loggedInAs: "chef.anna")
        for path in ["/team", "/team/\(erik.lowercased)", "/team/\(erik.lowercased)/record", "/team/\(erik.lowercased)/outcome", "/guide"] {
            let page = try await client.get(path)
            #expect(page.status == 200, "\(path)")
            #expect(!page.body.contains("<textarea"), "\(path) has a textarea")
            // The only typed inputs are dates and times.
            let named = Self.textInputNames(page.body)
            #expect(Set(named).isSubset(of: ["date", "time", "held_on"]), "\(path): \(named)")
        }
        // A person with protected identity is shown to their own manager, marked.
        let team = try await client.get("/team")
        #expect(team.body.contains("Skyddad Person") && team.body.contains("Skyddade personuppgifter"))
    }
}
