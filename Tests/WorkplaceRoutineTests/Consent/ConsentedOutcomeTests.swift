import Foundation
import Postgres
import Testing
import TestSupport
@testable import WorkplaceRoutine

/// Consented outcomes: the manager proposes and can never read back; only the employee confirms
/// (routing a support request), declines or withdraws; unconfirmed proposals expire and are deleted.
@Suite struct ConsentedOutcomeTests {
    static let wishes: [(String, String)] = [
        ("channel", "sms"), ("phone", "070-123 45 67"), ("safe_days", "1"), ("safe_days", "3"), ("safe_from", "09:00"), ("safe_until", "11:00"),
        ("written_ok", "1"), ("language", "sv"), ("interpreter", ""), ("name", ""),
    ]

    /// Anna proposes `kind` for Erik over HTTP; returns the page she sees.
    static func propose(_ fixture: AppFixture, kind: String = "support_contact") async throws -> WebClient.Response {
        let erik = try await fixture.database.person("E101")
        let anna = try await fixture.client(loggedInAs: "chef.anna")
        try await anna.get("/team/\(erik.lowercased)/outcome")
        return try await anna.post("/team/\(erik.lowercased)/outcome", [("kind", kind), ("present", "1")])
    }

    static func proposals(_ fixture: AppFixture) async throws -> [(id: UUID, kind: String, confirmed: Bool, request: UUID?)] {
        try await fixture.database.owner.query("SELECT id, kind, confirmed_at IS NOT NULL, request_id FROM support.outcome_proposal ORDER BY proposed_at")
            .map { try $0.decode((UUID, String, Bool, UUID?).self) }.map { (id: $0.0, kind: $0.1, confirmed: $0.2, request: $0.3) }
    }

    static func audit(_ fixture: AppFixture, _ action: String) async throws -> Int {
        try await fixture.database.owner.query("SELECT count(*)::bigint FROM audit.event WHERE action = \(action)").first!.decode(Int.self, column: 0)
    }

    @Test func proposalIsConfirmedByTheEmployeeAndRoutedAsATalkReferral() async throws {
        let fixture = try await AppFixture.make()
        defer { Task { await fixture.close() } }
        let answer = try await Self.propose(fixture)
        #expect(answer.status == 200)
        #expect(answer.body.contains("Förslaget visas för medarbetaren när hen loggar in."))
        let proposal = try #require(try await Self.proposals(fixture).first)
        #expect(proposal.kind == "support_contact" && !proposal.confirmed)
        // Nothing is routed before the employee confirms.
        #expect(try await fixture.database.owner.query("SELECT count(*)::bigint FROM support.request").first!.decode(Int.self, column: 0) == 0)

        let erik = try await fixture.client(loggedInAs: "medarbetare.erik")
        let mine = try await erik.get("/mine")
        #expect(mine.body.contains("Kontakt med stödfunktionen") && mine.body.contains("/mine/proposals/\(proposal.id.lowercased)"))
        let form = try await erik.get("/mine/proposals/\(proposal.id.lowercased)")
        #expect(form.status == 200 && form.body.contains("name=\"channel\""))
        // The contact wishes are validated, and nothing typed is lost.
        let incomplete = try await erik.post("/mine/proposals/\(proposal.id.lowercased)/confirm", [("channel", "sms"), ("safe_days", "1"),
                                                                                                    ("safe_from", "09:00"), ("safe_until", "11:00"), ("language", "sv")])
        #expect(incomplete.status == 422)
        let confirmed = try await erik.post("/mine/proposals/\(proposal.id.lowercased)/confirm", Self.wishes)
        #expect(confirmed.status == 303 && confirmed.location == "/mine?saved=confirmed")
        let request = try #require(try await Self.proposals(fixture).first?.request)
        let (kind, referral, person, jobs) = try await fixture.database.owner.query("""
            SELECT r.kind, r.referral, p.hr_id, (SELECT count(*) FROM notify.job j WHERE j.payload->>'request_id' = r.id::text)::bigint
            FROM support.request r JOIN org.person p ON p.id = r.person_id WHERE r.id = \(request)
            """).first!.decode((String, String, String, Int).self)
        #expect(kind == "talk_referral" && referral == "support_contact" && person == "E101" && jobs == 1)
        let after = try await erik.get(confirmed.location!)
        #expect(after.body.contains("Förfrågan är skickad") && after.body.contains("Ta tillbaka ditt samtycke"))
        // A confirmed proposal cannot be confirmed twice.
        #expect(try await erik.post("/mine/proposals/\(proposal.id.lowercased)/confirm", Self.wishes).status == 404)
        #expect(try await Self.audit(fixture, "outcome.proposed") == 1)
        #expect(try await Self.audit(fixture, "support.request_created") == 1)
    }

    @Test func theManagerLearnsNothingAndCanReadNothingBack() async throws {
        let fixture = try await AppFixture.make()
        defer { Task { await fixture.close() } }
        let first = try await Self.propose(fixture)
        let second = try await Self.propose(fixture)
        // The same neutral answer whether or not a proposal was already pending.
        func main(_ body: String) -> Substring {
            guard let start = body.range(of: "<main"), let end = body.range(of: "</main>") else { return "" }
            return body[start.lowerBound..<end.upperBound]
        }
        #expect(main(first.body) == main(second.body))
        #expect(try await Self.proposals(fixture).count == 1)
        let anna = try await fixture.database.context(login: "chef.anna", role: .manager)
        for statement in ["SELECT * FROM support.outcome_proposal", "SELECT * FROM support.request", "SELECT support.my_team_ids()"] {
            do {
                try await fixture.database.app.transaction(as: anna) { transaction in
                    _ = try await transaction.query(PostgresQuery(unsafeSQL: statement))
                }
                Issue.record("the manager could run \(statement)")
            } catch let error as PostgresError {
                #expect(error.sqlState == "42501", "\(statement): \(error.sqlState ?? "?")")
            }
        }
        // The proposing function returns nothing readable.
        let returnsVoid = try await fixture.database.owner.query("""
            SELECT prorettype = 'void'::regtype FROM pg_proc WHERE oid = 'routine.propose_outcome(uuid,text)'::regprocedure
            """).first!.decode(Bool.self, column: 0)
        #expect(returnsVoid)
    }

    @Test func proposingNeedsTheEmployeePresentAndAKnownOutcome() async throws {
        let fixture = try await AppFixture.make()
        defer { Task { await fixture.close() } }
        let erik = try await fixture.database.person("E101")
        let anna = try await fixture.client(loggedInAs: "chef.anna")
        try await anna.get("/team/\(erik.lowercased)/outcome")
        let missing = try await anna.post("/team/\(erik.lowercased)/outcome", [("kind", "support_contact")])
        #expect(missing.status == 422 && missing.body.contains("Kryssa i att medarbetaren är med"))
        let unknown = try await anna.post("/team/\(erik.lowercased)/outcome", [("kind", "report_to_police"), ("present", "1")])
        #expect(unknown.status == 422 && unknown.body.contains("Välj vad medarbetaren vill."))
        #expect(try await Self.proposals(fixture).isEmpty)
        // The database refuses an unknown kind and a person outside the manager's team on its own.
        let context = try await fixture.database.context(login: "chef.anna", role: .manager)
        let bengtsReport = try await fixture.database.person("E201")
        for (person, kind) in [(erik, "report_to_police"), (bengtsReport, "support_contact")] {
            await #expect(throws: PostgresError.self) {
                try await fixture.database.app.transaction(as: context) { transaction in
                    _ = try await transaction.query("SELECT routine.propose_outcome(\(person), \(kind))")
                }
            }
        }
    }

    @Test func decliningDeletesTheProposal() async throws {
        let fixture = try await AppFixture.make()
        defer { Task { await fixture.close() } }
        _ = try await Self.propose(fixture, kind: "workplace_safety")
        let proposal = try #require(try await Self.proposals(fixture).first)
        let erik = try await fixture.client(loggedInAs: "medarbetare.erik")
        try await erik.get("/mine/proposals/\(proposal.id.lowercased)")
        let declined = try await erik.post("/mine/proposals/\(proposal.id.lowercased)/decline", [])
        #expect(declined.status == 303)
        #expect(try await Self.proposals(fixture).isEmpty)
        #expect(try await Self.audit(fixture, "outcome.declined") == 1)
        #expect(try await erik.get("/mine/proposals/\(proposal.id.lowercased)").status == 404)
    }

    @Test func anotherEmployeeCannotSeeOrAnswerSomeonesProposal() async throws {
        let fixture = try await AppFixture.make()
        defer { Task { await fixture.close() } }
        _ = try await Self.propose(fixture)
        let proposal = try #require(try await Self.proposals(fixture).first)
        let fatima = try await fixture.client(loggedInAs: "medarbetare.fatima")
        try await fatima.get("/mine")
        #expect(try await fatima.get("/mine/proposals/\(proposal.id.lowercased)").status == 404)
        #expect(try await fatima.post("/mine/proposals/\(proposal.id.lowercased)/decline", []).status == 404)
        #expect(try await fatima.post("/mine/proposals/\(proposal.id.lowercased)/confirm", Self.wishes).status == 404)
        // Straight in the database too.
        let context = try await fixture.database.context(login: "medarbetare.fatima", role: .employee)
        let declined = try await fixture.database.app.transaction(as: context) { transaction in
            try await transaction.query("SELECT routine.decline_outcome(\(proposal.id))").first!.decode(Bool.self, column: 0)
        }
        #expect(!declined)
        #expect(try await Self.proposals(fixture).count == 1)
    }

    @Test func anUnconfirmedProposalExpiresIsInvisibleAndIsDeleted() async throws {
        let fixture = try await AppFixture.make()
        defer { Task { await fixture.close() } }
        _ = try await Self.propose(fixture)
        let proposal = try #require(try await Self.proposals(fixture).first)
        let expected = try await fixture.database.owner.query("""
            SELECT expires_at - proposed_at = interval '14 days' FROM support.outcome_proposal WHERE id = \(proposal.id)
            """).first!.decode(Bool.self, column: 0)
        #expect(expected)
        _ = try await fixture.database.owner.query("UPDATE support.outcome_proposal SET expires_at = now() - interval '1 minute' WHERE id = \(proposal.id)")
        let erik = try await fixture.client(loggedInAs: "medarbetare.erik")
        let mine = try await erik.get("/mine")
        #expect(!mine.body.contains(proposal.id.lowercased))
        #expect(try await erik.get("/mine/proposals/\(proposal.id.lowercased)").status == 404)
        #expect(try await erik.post("/mine/proposals/\(proposal.id.lowercased)/confirm", Self.wishes).status == 404)
        // The scheduled work (the Notifier's role) deletes it and logs the deletion.
        let worker = fixture.database.database.makePool(user: "wr_worker")
        defer { Task { await worker.close() } }
        let deleted = try await worker.transaction(as: SessionContext(role: "wr_notifier", settings: ["app.role": "notifier"])) { transaction in
            try await transaction.query("SELECT routine.expire_proposals()").first!.decode(Int32.self, column: 0)
        }
        #expect(deleted == 1)
        #expect(try await Self.proposals(fixture).isEmpty)
        let erikID = try await fixture.database.person("E101")
        let logged = try await fixture.database.owner.query("""
            SELECT organisation_id = (SELECT id FROM org.organisation WHERE slug = 'ostersund-demo'), object_id = \(erikID), detail::text
            FROM audit.event WHERE action = 'outcome.expired'
            """).first!.decode((Bool, Bool, String).self)
        #expect(logged.0 && logged.1 && logged.2 == "{}")
        // Pending ones that have not expired are left alone.
        _ = try await Self.propose(fixture)
        let again = try await worker.transaction(as: SessionContext(role: "wr_notifier")) { transaction in
            try await transaction.query("SELECT routine.expire_proposals()").first!.decode(Int32.self, column: 0)
        }
        #expect(again == 0)
        #expect(try await Self.proposals(fixture).count == 1)
    }

    @Test func withdrawingConsentDeletesTheOutcomeAndTheRoutedRequest() async throws {
        let fixture = try await AppFixture.make()
        defer { Task { await fixture.close() } }
        _ = try await Self.propose(fixture)
        let proposal = try #require(try await Self.proposals(fixture).first)
        let erik = try await fixture.client(loggedInAs: "medarbetare.erik")
        try await erik.get("/mine/proposals/\(proposal.id.lowercased)")
        _ = try await erik.post("/mine/proposals/\(proposal.id.lowercased)/confirm", Self.wishes)
        let request = try #require(try await Self.proposals(fixture).first?.request)
        let page = try await erik.get("/mine/outcomes/\(proposal.id.lowercased)/withdraw")
        #expect(page.status == 200 && page.body.contains("Ta tillbaka samtycket"))
        let withdrawn = try await erik.post("/mine/outcomes/\(proposal.id.lowercased)/withdraw", [])
        #expect(withdrawn.status == 303)
        #expect(try await Self.proposals(fixture).isEmpty)
        let left = try await fixture.database.owner.query("""
            SELECT (SELECT count(*) FROM support.request WHERE id = \(request))::bigint,
                   (SELECT count(*) FROM support.case_event WHERE request_id = \(request))::bigint
            """).first!.decode((Int, Int).self)
        #expect(left == (0, 0))
        #expect(try await Self.audit(fixture, "outcome.withdrawn") == 1)
        #expect(try await Self.audit(fixture, "support.request_deleted") == 1)
        #expect(try await erik.get(withdrawn.location!).body.contains("Ditt samtycke är tillbakataget"))
    }

    @Test func eachConsentFunctionIsExecutableOnlyByItsRole() async throws {
        let fixture = try await DatabaseFixture.make(demo: false)
        defer { Task { await fixture.close() } }
        let rows = try await fixture.owner.query("""
            SELECT f, string_agg(r, ' ' ORDER BY r)
            FROM unnest(ARRAY['routine.propose_outcome(uuid,text)', 'routine.decline_outcome(uuid)', 'routine.withdraw_outcome(uuid)',
                              'routine.expire_proposals()', 'routine.team_overview(uuid)', 'org.import_people(text,boolean,boolean,integer,jsonb,integer,text[],text[],text[],text[],text[],text[],text[],text[],date[],date[],boolean[])',
                              'org.apply_import(uuid,boolean,text[],text[],text[],text[],text[],text[],text[],text[],date[],date[],boolean[])',
                              'auth.my_account()', 'audit.my_events()']) f,
                 unnest(\(PrivilegeMatrixTests.roles)) r
            WHERE has_function_privilege(r, f::regprocedure, 'EXECUTE')
            GROUP BY f
            """)
        var executable: [String: String] = [:]
        for row in rows {
            let (function, roles) = try row.decode((String, String).self)
            executable[function] = roles
        }
        #expect(executable["routine.propose_outcome(uuid,text)"] == "wr_manager")
        #expect(executable["routine.decline_outcome(uuid)"] == "wr_employee")
        #expect(executable["routine.withdraw_outcome(uuid)"] == "wr_employee")
        #expect(executable["routine.expire_proposals()"] == "wr_notifier")
        #expect(executable["routine.team_overview(uuid)"] == "wr_manager")
        #expect(executable.first { $0.key.hasPrefix("org.import_people") }?.value == "wr_admin")
        #expect(executable.first { $0.key.hasPrefix("org.apply_import") } == nil)
        #expect(executable["auth.my_account()"] == "wr_employee" && executable["audit.my_events()"] == "wr_employee")
    }
}
