import Foundation
import Postgres
import Testing
import TestSupport
@testable import WorkplaceRoutine

/// The employee's own view and "what is stored about me" (GDPR access), read as the employee.
@Suite struct StoredDataTests {
    @Test func theEmployeeSeesTheirTalksAndWhetherTheQuestionWasRecordedAsAsked() async throws {
        let fixture = try await AppFixture.make()
        defer { Task { await fixture.close() } }
        // Gustav has no login in the demo; give Fatima a held talk instead.
        let anna = try await fixture.client(loggedInAs: "chef.anna")
        let fatima = try await fixture.database.person("E102")
        try await anna.get("/team/\(fatima.lowercased)/record")
        _ = try await anna.post("/team/\(fatima.lowercased)/record", [("held_on", Stockholm.today().description), ("asked", "yes")])
        let client = try await fixture.client(loggedInAs: "medarbetare.fatima")
        let mine = try await client.get("/mine")
        #expect(mine.status == 200)
        #expect(mine.body.contains("Hölls \(Stockholm.today().description)") && mine.body.contains("Registrerad som ställd"))
        #expect(mine.body.contains("aldrig vad du svarade"))
    }

    @Test func theDownloadHoldsEveryRowAboutThePersonAndNothingAboutAnyoneElse() async throws {
        let fixture = try await AppFixture.make()
        defer { Task { await fixture.close() } }
        // Some history: a planned talk and a confirmed proposal for Erik, and a talk for Fatima.
        let anna = try await fixture.client(loggedInAs: "chef.anna")
        let erik = try await fixture.database.person("E101")
        let fatima = try await fixture.database.person("E102")
        try await anna.get("/team/\(erik.lowercased)")
        _ = try await anna.post("/team/\(erik.lowercased)/plan", [("date", Stockholm.today().description)])
        try await anna.get("/team/\(fatima.lowercased)/record")
        _ = try await anna.post("/team/\(fatima.lowercased)/record", [("held_on", Stockholm.today().description), ("asked", "no"), ("reason", "on_leave")])
        try await anna.get("/team/\(erik.lowercased)/outcome")
        _ = try await anna.post("/team/\(erik.lowercased)/outcome", [("kind", "workplace_safety"), ("present", "1")])
        let client = try await fixture.client(loggedInAs: "medarbetare.erik")
        let proposal = try await fixture.database.owner.query("SELECT id FROM support.outcome_proposal").first!.decode(UUID.self, column: 0)
        try await client.get("/mine/proposals/\(proposal.lowercased)")
        _ = try await client.post("/mine/proposals/\(proposal.lowercased)/confirm", ConsentedOutcomeTests.wishes)

        let download = try await client.get("/mine/data.json")
        #expect(download.status == 200)
        #expect(download.headers["content-disposition"]?.hasPrefix("attachment") == true)
        #expect(download.headers["cache-control"] == "no-store")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(download.body.utf8)) as? [String: Any])
        let person = try #require(json["person"] as? [String: Any])
        #expect(person["hr_id"] as? String == "E101" && person["name"] as? String == "Erik Ek")
        let account = try #require(json["account"] as? [String: Any])
        #expect(account["login"] as? String == "medarbetare.erik" && account["has_password"] as? Bool == true)
        #expect((json["sessions"] as? [Any])?.count == 1)
        #expect((json["talks"] as? [[String: Any]])?.count == 1)
        let proposals = try #require(json["proposals"] as? [[String: Any]])
        #expect(proposals.count == 1 && proposals[0]["kind"] as? String == "workplace_safety" && proposals[0]["confirmed_at"] != nil)
        let requests = try #require(json["support_requests"] as? [[String: Any]])
        #expect(requests.count == 1 && requests[0]["kind"] as? String == "talk_referral" && requests[0]["has_contact_details"] as? Bool == true)
        let audit = try #require(json["audit_events"] as? [[String: Any]])
        let actions = Set(audit.compactMap { $0["action"] as? String })
        #expect(actions.isSuperset(of: ["talk.planned", "outcome.proposed", "support.request_created"]))
        // Nothing about Fatima, no secret, no content the person wrote (the phone number is sealed).
        for forbidden in ["Fatima", "on_leave", "$2a$", "token", "+4670", "070-123"] {
            #expect(!download.body.contains(forbidden), "the download contains \(forbidden)")
        }
        // The page shows the same.
        let page = try await client.get("/mine/data")
        #expect(page.status == 200 && page.body.contains("E101") && page.body.contains("outcome.proposed"))
        #expect(!page.body.contains("Fatima"))
    }

    @Test func anAccountWithoutEmployeeRoleCannotOpenTheOwnView() async throws {
        let fixture = try await AppFixture.make()
        defer { Task { await fixture.close() } }
        // Every demo account is also an employee; take the role away from one.
        _ = try await fixture.database.owner.query("""
            DELETE FROM auth.account_role WHERE role = 'employee' AND account_id = (SELECT id FROM auth.account WHERE login = 'stod.sara')
            """)
        let client = try await fixture.client(loggedInAs: "stod.sara")
        #expect(try await client.get("/mine").status == 403)
        #expect(try await client.get("/mine/data.json").status == 403)
    }
}
