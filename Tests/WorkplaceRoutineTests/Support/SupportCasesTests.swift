import Foundation
import Postgres
import Testing
import TestSupport
@testable import WorkplaceRoutine

/// The case functions of the support team against a real database, acting as the real roles.
///
/// Serialized: each test makes a database of its own, and the whole suite starting at once would
/// queue dozens of CREATE DATABASE behind the shared test cluster's admin pool.
@Suite(.serialized) struct SupportCasesTests {
    static let key = "cases-test-content-key-0123456789abcdef0123"

    static func wishes(_ channel: ContactWishes.Channel = .sms, message: String? = "Det jag vill berätta") -> ContactWishes {
        ContactWishes(channel: channel, address: channel == .dialogue ? nil : (channel == .email ? "kim@example.se" : "+46701234567"),
                      safeWeekdays: [1, 2, 3], safeFrom: "08:00", safeUntil: "10:00", voiceMessageOK: false, writtenMessageOK: true,
                      language: "sv", interpreterLanguage: "ar", name: "Kim", message: message)
    }

    static func organisation(_ fixture: DatabaseFixture) async throws -> UUID {
        try await fixture.owner.query("SELECT id FROM org.organisation WHERE slug = 'ostersund-demo'").first!.decode(UUID.self, column: 0)
    }

    /// A request from Erik (identified door).
    static func makeRequest(_ fixture: DatabaseFixture, login: String = "medarbetare.erik", channel: ContactWishes.Channel = .sms,
                            kind: RequestKind = .exposed, received: Date = Date()) async throws -> UUID {
        let organisation = try await organisation(fixture)
        let person = try await fixture.context(login: login, role: .employee)
        return try await fixture.app.transaction(as: person) { transaction in
            try await SupportIntake.create(kind: kind, wishes: wishes(channel), door: .identified, organisation: organisation,
                                           contentKey: key, now: received, in: transaction)
        }
    }

    /// Runs `body` as a demo account in `role`.
    @discardableResult
    static func acting<T: Sendable>(_ fixture: DatabaseFixture, _ login: String, _ role: Role,
                                    _ body: @Sendable (PostgresTransaction) async throws -> T) async throws -> T {
        try await fixture.app.transaction(as: try await fixture.context(login: login, role: role), body)
    }

    static func count(_ fixture: DatabaseFixture, _ sql: PostgresQuery) async throws -> Int {
        try await fixture.owner.query(sql).first!.decode(Int.self, column: 0)
    }

    @Test func theTeamReadsTheWholeCaseAndEveryReadIsAuditedWithoutContent() async throws {
        let fixture = try await DatabaseFixture.make()
        defer { Task { await fixture.close() } }
        let id = try await Self.makeRequest(fixture)
        for _ in 0..<2 {
            let supportCase = try await Self.acting(fixture, "stod.sara", .support) { try await SupportCases.read(id, contentKey: Self.key, in: $0) }
            #expect(supportCase?.wishes == Self.wishes())
            #expect(supportCase?.status == .new && supportCase?.door == .identified && supportCase?.kind == .exposed)
        }
        let audits = try await fixture.owner.query("""
            SELECT actor_role, detail::text FROM audit.event WHERE action = 'support.case_read' AND object_id = \(id) ORDER BY id
            """).map { try $0.decode((String, String).self) }
        #expect(audits.count == 2)
        for (role, detail) in audits {
            #expect(role == "support")
            #expect(detail.contains("\"part\": \"case\"") && detail.contains("notes"))
            #expect(!detail.contains("Kim") && !detail.contains("berätta") && !detail.contains("4670"))
        }
    }

    @Test func aReachedAttemptIsTheFirstContactAndStopsTheClockOnce() async throws {
        let fixture = try await DatabaseFixture.make()
        defer { Task { await fixture.close() } }
        let id = try await Self.makeRequest(fixture)
        try await Self.acting(fixture, "stod.sara", .support) { try await SupportCases.logAttempt(id, result: .notReached, in: $0) }
        try await Self.acting(fixture, "stod.sara", .support) { try await SupportCases.logAttempt(id, result: .noMessageLeft, in: $0) }
        var (status, contact) = try await fixture.owner.query("SELECT status, first_contact_at FROM support.request WHERE id = \(id)")
            .first!.decode((String, Date?).self)
        #expect(status == "new" && contact == nil)

        try await Self.acting(fixture, "stod.tomas", .support) { try await SupportCases.logAttempt(id, result: .reached, in: $0) }
        (status, contact) = try await fixture.owner.query("SELECT status, first_contact_at FROM support.request WHERE id = \(id)")
            .first!.decode((String, Date?).self)
        #expect(status == "contacted")
        let first = try #require(contact)

        try await Self.acting(fixture, "stod.sara", .support) { try await SupportCases.logAttempt(id, result: .reached, in: $0) }
        let again = try await fixture.owner.query("SELECT first_contact_at FROM support.request WHERE id = \(id)").first!.decode(Date.self, column: 0)
        #expect(again == first)
        let events = try await fixture.owner.query("SELECT action FROM support.case_event WHERE request_id = \(id) ORDER BY id")
            .map { try $0.decode(String.self, column: 0) }
        #expect(events == ["created", "contact_attempt", "contact_attempt", "contact_attempt", "contacted", "contact_attempt"])
        let attempts = try await Self.acting(fixture, "stod.sara", .support) { try await SupportCases.read(id, contentKey: Self.key, in: $0) }?.attempts
        #expect(attempts?.map(\.result) == [.notReached, .noMessageLeft, .reached, .reached])
        #expect(attempts?[2].authorName == "Tomas Tran")
    }

    @Test func aReplyIsContactOnlyWhenThePersonChoseTheDialogue() async throws {
        let fixture = try await DatabaseFixture.make()
        defer { Task { await fixture.close() } }
        let bySMS = try await Self.makeRequest(fixture, channel: .sms)
        let inDialogue = try await Self.makeRequest(fixture, login: "medarbetare.fatima", channel: .dialogue)
        for id in [bySMS, inDialogue] {
            try await Self.acting(fixture, "stod.sara", .support) { try await SupportCases.reply(id, body: "Hej, vi finns här.", contentKey: Self.key, in: $0) }
        }
        let sms = try await fixture.owner.query("SELECT status, first_contact_at IS NULL FROM support.request WHERE id = \(bySMS)").first!.decode((String, Bool).self)
        let dialogue = try await fixture.owner.query("SELECT status, first_contact_at IS NULL FROM support.request WHERE id = \(inDialogue)").first!.decode((String, Bool).self)
        #expect(sms == ("new", true))
        #expect(dialogue == ("contacted", false))
    }

    @Test func aReplyAndThePersonsMessageEnqueueNoticesCarryingOnlyTheId() async throws {
        let fixture = try await DatabaseFixture.make()
        defer { Task { await fixture.close() } }
        let id = try await Self.makeRequest(fixture)
        try await Self.acting(fixture, "stod.sara", .support) { try await SupportCases.reply(id, body: "Svar ett", contentKey: Self.key, in: $0) }
        try await Self.acting(fixture, "stod.sara", .support) { try await SupportCases.reply(id, body: "Svar två", contentKey: Self.key, in: $0) }
        try await Self.acting(fixture, "medarbetare.erik", .employee) { try await OwnRequests.write(id, body: "Tack", contentKey: Self.key, in: $0) }
        let jobs = try await fixture.owner.query("""
            SELECT kind, payload::text FROM notify.job WHERE kind <> 'support.new_request' ORDER BY id
            """).map { try $0.decode((String, String).self) }
        #expect(jobs.map(\.0) == ["support.new_reply_for_employee", "support.new_reply_for_employee", "support.new_message_for_team"])
        for (_, payload) in jobs {
            #expect(payload == "{\"request_id\": \"\(id.uuidString.lowercased())\"}")
        }
    }

    @Test func dialogueAndNotesAreSealedAtRest() async throws {
        let fixture = try await DatabaseFixture.make()
        defer { Task { await fixture.close() } }
        let id = try await Self.makeRequest(fixture)
        try await Self.acting(fixture, "stod.sara", .support) { transaction in
            try await SupportCases.reply(id, body: "Hemligt svar från teamet", contentKey: Self.key, in: transaction)
            try await SupportCases.addNote(id, body: "Hemlig anteckning om läget", contentKey: Self.key, in: transaction)
        }
        try await Self.acting(fixture, "medarbetare.erik", .employee) {
            try await OwnRequests.write(id, body: "Hemligt meddelande från personen", contentKey: Self.key, in: $0)
        }
        let sealed = try await fixture.owner.query("""
            SELECT body_enc FROM support.message WHERE request_id = \(id) UNION ALL SELECT body_enc FROM support.note WHERE request_id = \(id)
            """).map { try $0.decode(Data.self, column: 0) }
        #expect(sealed.count == 3)
        for data in sealed {
            #expect(!data.isEmpty)
            #expect(data.range(of: Data("Hemlig".utf8)) == nil)
        }
        // The whole database, as a dump would show it, holds none of it either.
        let dump = try await fixture.owner.query("""
            SELECT string_agg(t::text, ' ') FROM (SELECT m::text AS t FROM support.message m UNION ALL SELECT n::text FROM support.note n
                                                  UNION ALL SELECT r::text FROM support.request r UNION ALL SELECT e::text FROM audit.event e
                                                  UNION ALL SELECT j::text FROM notify.job j) x
            """).first!.decode(String.self, column: 0)
        #expect(!dump.contains("Hemlig") && !dump.contains("berätta") && !dump.contains("+46701234567"))
    }

    @Test func thePersonNeverSeesTheTeamsNotesAttemptsOrCaseLog() async throws {
        let fixture = try await DatabaseFixture.make()
        defer { Task { await fixture.close() } }
        let id = try await Self.makeRequest(fixture)
        try await Self.acting(fixture, "stod.sara", .support) { transaction in
            try await SupportCases.addNote(id, body: "Intern anteckning", contentKey: Self.key, in: transaction)
            try await SupportCases.logAttempt(id, result: .reached, in: transaction)
            try await SupportCases.reply(id, body: "Hej Kim", contentKey: Self.key, in: transaction)
        }
        let own = try #require(try await Self.acting(fixture, "medarbetare.erik", .employee) { try await OwnRequests.read(id, contentKey: Self.key, in: $0) })
        #expect(own.notes.isEmpty && own.attempts.isEmpty && own.events.isEmpty)
        #expect(own.messages.map(\.body) == ["Hej Kim"])
        #expect(own.messages.first?.authorName == nil)
        // The employee role cannot read notes directly either.
        await #expect(throws: PostgresError.self) {
            _ = try await Self.acting(fixture, "medarbetare.erik", .employee) { try await $0.query("SELECT count(*) FROM support.note") }
        }
        // Reading marks the team's reply as read by the person.
        let read = try await Self.count(fixture, "SELECT count(*)::bigint FROM support.message WHERE request_id = \(id) AND read_at IS NOT NULL")
        #expect(read == 1)
        let audit = try await fixture.owner.query("""
            SELECT detail->>'part' FROM audit.event WHERE action = 'support.case_read' AND object_id = \(id) AND actor_role = 'employee'
            """).map { try $0.decode(String.self, column: 0) }
        #expect(audit == ["own_request"])
    }

    @Test func requestsGoToTheDefaultTeamAndOnlyItsMembersSeeThem() async throws {
        let fixture = try await DatabaseFixture.make()
        defer { Task { await fixture.close() } }
        // A second team (an external occupational-health service) with Tomas only.
        let external = try await fixture.owner.query("""
            WITH t AS (INSERT INTO support.team (organisation_id, name) SELECT id, 'Företagshälsan (extern)' FROM org.organisation
                       WHERE slug = 'ostersund-demo' RETURNING id)
            SELECT id FROM t
            """).first!.decode(UUID.self, column: 0)
        _ = try await fixture.owner.query("DELETE FROM support.team_member WHERE account_id = (SELECT id FROM auth.account WHERE login = 'stod.tomas')")
        _ = try await fixture.owner.query("INSERT INTO support.team_member (team_id, account_id) SELECT \(external), id FROM auth.account WHERE login = 'stod.tomas'")

        let id = try await Self.makeRequest(fixture)
        let routed = try await fixture.owner.query("SELECT t.is_default FROM support.request r JOIN support.team t ON t.id = r.team_id WHERE r.id = \(id)")
            .first!.decode(Bool.self, column: 0)
        #expect(routed)

        // Tomas (other team): not in his inbox, not readable, not changeable.
        let tomasInbox = try await Self.acting(fixture, "stod.tomas", .support) { try await SupportCases.inbox(in: $0) }
        #expect(tomasInbox.isEmpty)
        let tomasRead = try await Self.acting(fixture, "stod.tomas", .support) { try await SupportCases.read(id, contentKey: Self.key, in: $0) }
        #expect(tomasRead == nil)
        await #expect(throws: SupportCaseError.self) {
            try await Self.acting(fixture, "stod.tomas", .support) { try await SupportCases.reply(id, body: "x", contentKey: Self.key, in: $0) }
        }
        let sara = try await Self.acting(fixture, "stod.sara", .support) { try await SupportCases.organisationTeams(in: $0) }
        #expect(sara.count == 2 && sara.first?.isDefault == true)

        // Sara moves it to the external team: now Tomas has it, Sara does not, and that team is told.
        try await Self.acting(fixture, "stod.sara", .support) { try await SupportCases.move(id, to: external, in: $0) }
        let moved = try await Self.acting(fixture, "stod.tomas", .support) { try await SupportCases.read(id, contentKey: Self.key, in: $0) }
        #expect(moved?.teamID == external)
        let saraAfter = try await Self.acting(fixture, "stod.sara", .support) { try await SupportCases.read(id, contentKey: Self.key, in: $0) }
        #expect(saraAfter == nil)
        let notices = try await Self.count(fixture, "SELECT count(*)::bigint FROM notify.job WHERE kind = 'support.new_request'")
        #expect(notices == 2)
        let events = try await fixture.owner.query("SELECT action FROM support.case_event WHERE request_id = \(id) ORDER BY id")
            .map { try $0.decode(String.self, column: 0) }
        #expect(events.last == "moved")
    }

    @Test func closingAndReopeningKeepStatusLogAndFirstContactInStep() async throws {
        let fixture = try await DatabaseFixture.make()
        defer { Task { await fixture.close() } }
        let id = try await Self.makeRequest(fixture)
        try await Self.acting(fixture, "stod.sara", .support) { try await SupportCases.close(id, outcome: .adviceGiven, in: $0) }
        let closed = try await fixture.owner.query("SELECT status, close_outcome, closed_at IS NOT NULL FROM support.request WHERE id = \(id)")
            .first!.decode((String, String, Bool).self)
        #expect(closed == ("closed", "advice_given", true))
        // A closed request takes no reply and no contact attempt until it is opened again.
        await #expect(throws: SupportCaseError(code: .closed, sqlState: "P0001")) {
            try await Self.acting(fixture, "stod.sara", .support) { try await SupportCases.reply(id, body: "Hej", contentKey: Self.key, in: $0) }
        }
        await #expect(throws: SupportCaseError(code: .closed, sqlState: "P0001")) {
            try await Self.acting(fixture, "stod.sara", .support) { try await SupportCases.close(id, outcome: .counselling, in: $0) }
        }
        try await Self.acting(fixture, "stod.sara", .support) { try await SupportCases.reopen(id, in: $0) }
        let reopened = try await fixture.owner.query("SELECT status, close_outcome IS NULL, closed_at IS NULL FROM support.request WHERE id = \(id)")
            .first!.decode((String, Bool, Bool).self)
        #expect(reopened == ("new", true, true))
        await #expect(throws: SupportCaseError(code: .open, sqlState: "P0001")) {
            try await Self.acting(fixture, "stod.sara", .support) { try await SupportCases.reopen(id, in: $0) }
        }
        // After a contact, reopening goes back to "contacted".
        try await Self.acting(fixture, "stod.sara", .support) { transaction in
            try await SupportCases.logAttempt(id, result: .reached, in: transaction)
            try await SupportCases.close(id, outcome: .noFurtherContact, in: transaction)
            try await SupportCases.reopen(id, in: transaction)
        }
        let status = try await fixture.owner.query("SELECT status FROM support.request WHERE id = \(id)").first!.decode(String.self, column: 0)
        #expect(status == "contacted")
        let events = try await fixture.owner.query("SELECT action FROM support.case_event WHERE request_id = \(id) ORDER BY id")
            .map { try $0.decode(String.self, column: 0) }
        #expect(events == ["created", "closed", "reopened", "contact_attempt", "contacted", "closed", "reopened"])
    }

    @Test func thePersonWritingToAClosedRequestOpensItForTheTeam() async throws {
        let fixture = try await DatabaseFixture.make()
        defer { Task { await fixture.close() } }
        let id = try await Self.makeRequest(fixture)
        try await Self.acting(fixture, "stod.sara", .support) { try await SupportCases.close(id, outcome: .noFurtherContact, in: $0) }
        try await Self.acting(fixture, "medarbetare.erik", .employee) { try await OwnRequests.write(id, body: "Jag vill prata ändå", contentKey: Self.key, in: $0) }
        let status = try await fixture.owner.query("SELECT status FROM support.request WHERE id = \(id)").first!.decode(String.self, column: 0)
        #expect(status == "new")
        let inbox = try await Self.acting(fixture, "stod.sara", .support) { try await SupportCases.inbox(in: $0) }
        #expect(inbox.first?.id == id && inbox.first?.unreadMessages == 1)
    }

    @Test func textsAreCheckedInTheDatabaseToo() async throws {
        let fixture = try await DatabaseFixture.make()
        defer { Task { await fixture.close() } }
        let id = try await Self.makeRequest(fixture)
        for body in ["", "   \n", String(repeating: "x", count: 20_001)] {
            await #expect(throws: SupportCaseError(code: .text, sqlState: body.count > 10 ? "22001" : "22023")) {
                try await Self.acting(fixture, "stod.sara", .support) { try await SupportCases.reply(id, body: body, contentKey: Self.key, in: $0) }
            }
        }
    }

    @Test func thePersonDeletesTheirRequestAndOnlyAnAuditEntryWithoutContentRemains() async throws {
        let fixture = try await DatabaseFixture.make()
        defer { Task { await fixture.close() } }
        let id = try await Self.makeRequest(fixture)
        let other = try await Self.makeRequest(fixture, login: "medarbetare.fatima")
        try await Self.acting(fixture, "stod.sara", .support) { transaction in
            try await SupportCases.reply(id, body: "Svar", contentKey: Self.key, in: transaction)
            try await SupportCases.addNote(id, body: "Anteckning", contentKey: Self.key, in: transaction)
            try await SupportCases.logAttempt(id, result: .notReached, in: transaction)
        }
        // Someone else cannot delete it, and cannot tell it exists.
        await #expect(throws: SupportCaseError(code: .notFound, sqlState: "P0002")) {
            try await Self.acting(fixture, "medarbetare.fatima", .employee) { try await OwnRequests.delete(id, in: $0) }
        }
        try await Self.acting(fixture, "medarbetare.erik", .employee) { try await OwnRequests.delete(id, in: $0) }
        let left = try await Self.count(fixture, """
            SELECT ((SELECT count(*) FROM support.request WHERE id = \(id)) + (SELECT count(*) FROM support.message WHERE request_id = \(id))
                  + (SELECT count(*) FROM support.note WHERE request_id = \(id)) + (SELECT count(*) FROM support.contact_attempt WHERE request_id = \(id))
                  + (SELECT count(*) FROM support.case_event WHERE request_id = \(id))
                  + (SELECT count(*) FROM notify.job WHERE payload->>'request_id' = \(id.uuidString.lowercased())))::bigint
            """)
        #expect(left == 0)
        // Fatima's request is untouched.
        #expect(try await Self.count(fixture, "SELECT count(*)::bigint FROM support.request WHERE id = \(other)") == 1)
        let entry = try await fixture.owner.query("""
            SELECT actor_role, detail::text FROM audit.event WHERE action = 'support.request_deleted' AND object_id = \(id)
            """).map { try $0.decode((String, String).self) }
        #expect(entry.count == 1)
        #expect(entry.first?.0 == "employee")
        #expect(entry.first?.1 == "{\"by\": \"person\", \"door\": \"identified\", \"kind\": \"exposed\"}")
    }

    @Test func theInboxListsOpenRequestsByDeadlineWithoutContent() async throws {
        let fixture = try await DatabaseFixture.make()
        defer { Task { await fixture.close() } }
        let later = try await Self.makeRequest(fixture, received: ContactDeadline.parseISO8601("2026-11-20T15:00:00+01:00")!)
        let sooner = try await Self.makeRequest(fixture, login: "medarbetare.fatima", received: ContactDeadline.parseISO8601("2026-11-19T09:00:00+01:00")!)
        let contacted = try await Self.makeRequest(fixture, received: ContactDeadline.parseISO8601("2026-11-18T09:00:00+01:00")!)
        let closed = try await Self.makeRequest(fixture, received: ContactDeadline.parseISO8601("2026-11-17T09:00:00+01:00")!)
        try await Self.acting(fixture, "stod.sara", .support) { transaction in
            try await SupportCases.logAttempt(contacted, result: .reached, in: transaction)
            try await SupportCases.close(closed, outcome: .counselling, in: transaction)
        }
        let inbox = try await Self.acting(fixture, "stod.sara", .support) { try await SupportCases.inbox(in: $0) }
        #expect(inbox.map(\.id) == [sooner, later, contacted, closed])
        #expect(inbox.map(\.status) == [.new, .new, .contacted, .closed])
        #expect(ContactDeadline.iso8601(inbox[1].deadlineAt) == "2026-11-23T15:00:00+01:00")
        // Listing reads no content and so writes no read entry.
        #expect(try await Self.count(fixture, "SELECT count(*)::bigint FROM audit.event WHERE action = 'support.case_read'") == 0)
    }
}
