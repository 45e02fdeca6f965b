import Foundation
import Postgres
import Testing
import TestSupport
@testable import WorkplaceRoutine

@Suite struct SupportIntakeTests {
    static let key = "intake-test-content-key-0123456789abcdef"
    static let wishes = ContactWishes(channel: .sms, address: "+46701234567", safeWeekdays: [1, 2], safeFrom: "08:00", safeUntil: "10:00",
                                      voiceMessageOK: false, writtenMessageOK: true, language: "sv", interpreterLanguage: nil,
                                      name: "Kim", message: "Min hemliga berättelse")

    static func organisation(_ fixture: DatabaseFixture) async throws -> UUID {
        try await fixture.owner.query("SELECT id FROM org.organisation WHERE slug = 'ostersund-demo'").first!.decode(UUID.self, column: 0)
    }

    @Test func identifiedRequestIsSealedRoutedLoggedAndAnnouncedInOneTransaction() async throws {
        let fixture = try await DatabaseFixture.make()
        defer { Task { await fixture.close() } }
        let organisation = try await Self.organisation(fixture)
        let erik = try await fixture.context(login: "medarbetare.erik", role: .employee)
        let received = ContactDeadline.parseISO8601("2026-11-20T15:00:00+01:00")!
        let id = try await fixture.app.transaction(as: erik) { transaction in
            try await SupportIntake.create(kind: .exposed, wishes: Self.wishes, door: .identified, organisation: organisation,
                                           contentKey: Self.key, now: received, in: transaction)
        }
        let row = try await fixture.owner.query("""
            SELECT door, kind, person_id = (SELECT id FROM org.person WHERE hr_id = 'E101'), team_id = (SELECT id FROM support.team WHERE is_default),
                   deadline_at, contact_enc, message_enc, name_enc
            FROM support.request WHERE id = \(id)
            """).first!
        let (door, kind, isErik, isDefaultTeam, deadline, contact, message, name) = try row.decode((String, String, Bool, Bool, Date, Data, Data, Data).self)
        #expect(door == "identified" && kind == "exposed" && isErik && isDefaultTeam)
        #expect(ContactDeadline.iso8601(deadline) == "2026-11-23T15:00:00+01:00")
        // The raw columns hold no plaintext.
        for (sealed, plain) in [(contact, "+46701234567"), (message, "Min hemliga berättelse"), (name, "Kim")] {
            #expect(!sealed.isEmpty)
            #expect(sealed.range(of: Data(plain.utf8)) == nil)
        }
        // Unsealing needs the key.
        let opened = try await fixture.owner.query("SELECT support.unseal(message_enc, \(Self.key)) FROM support.request WHERE id = \(id)")
            .first!.decode(String.self, column: 0)
        #expect(opened == "Min hemliga berättelse")
        await #expect(throws: PostgresError.self) {
            _ = try await fixture.owner.query("SELECT support.unseal(message_enc, 'wrong-key') FROM support.request WHERE id = \(id)")
        }
        let (events, audits, jobs) = try await fixture.owner.query("""
            SELECT (SELECT count(*) FROM support.case_event WHERE request_id = \(id) AND action = 'created')::bigint,
                   (SELECT count(*) FROM audit.event WHERE object_id = \(id) AND action = 'support.request_created')::bigint,
                   (SELECT count(*) FROM notify.job WHERE kind = 'support.new_request' AND payload->>'request_id' = \(id.uuidString.lowercased()))::bigint
            """).first!.decode((Int, Int, Int).self)
        #expect(events == 1 && audits == 1 && jobs == 1)
        // The job says nothing but the id.
        let payload = try await fixture.owner.query("SELECT payload::text FROM notify.job WHERE kind = 'support.new_request'").first!.decode(String.self, column: 0)
        #expect(!payload.contains("Kim") && !payload.contains("+4670"))
    }

    @Test func anonymousRequestStoresOnlyASlowHashOfTheReceipt() async throws {
        let fixture = try await DatabaseFixture.make()
        defer { Task { await fixture.close() } }
        let organisation = try await Self.organisation(fixture)
        let receipt = Receipt.generate()
        let id = try await fixture.app.transaction(as: SessionContext(role: "wr_anonymous")) { transaction in
            try await SupportIntake.create(kind: .worried, wishes: Self.wishes, door: .anonymous(organisation: organisation, receipt: receipt),
                                           organisation: organisation, contentKey: Self.key, in: transaction)
        }
        let (hash, person) = try await fixture.owner.query("SELECT receipt_hash, person_id FROM support.request WHERE id = \(id)")
            .first!.decode((String, UUID?).self)
        #expect(person == nil)
        #expect(hash.hasPrefix("$2a$12$"))
        #expect(!hash.contains(receipt.digits))
        let matches = try await fixture.owner.query("""
            SELECT count(*)::bigint FROM support.request r JOIN support.organisation_secret s ON s.organisation_id = r.organisation_id
            WHERE r.receipt_hash = ext.crypt(\(receipt.digits), s.receipt_salt)
            """).first!.decode(Int.self, column: 0)
        #expect(matches == 1)
    }

    @Test func confirmingAProposalRoutesATalkReferralAndMarksItConfirmed() async throws {
        let fixture = try await DatabaseFixture.make()
        defer { Task { await fixture.close() } }
        let organisation = try await Self.organisation(fixture)
        let proposal = try await fixture.owner.query("""
            INSERT INTO support.outcome_proposal (organisation_id, person_id, kind, expires_at)
            SELECT organisation_id, id, 'workplace_safety', now() + interval '14 days' FROM org.person WHERE hr_id = 'E101' RETURNING id
            """).first!.decode(UUID.self, column: 0)
        // Someone else cannot confirm Erik's proposal.
        let fatima = try await fixture.context(login: "medarbetare.fatima", role: .employee)
        await #expect(throws: PostgresError.self) {
            try await fixture.app.transaction(as: fatima) { transaction in
                _ = try await SupportIntake.create(kind: .exposed, wishes: Self.wishes, door: .identified, organisation: organisation,
                                                   proposal: proposal, contentKey: Self.key, in: transaction)
            }
        }
        let erik = try await fixture.context(login: "medarbetare.erik", role: .employee)
        let id = try await fixture.app.transaction(as: erik) { transaction in
            try await SupportIntake.create(kind: .exposed, wishes: Self.wishes, door: .identified, organisation: organisation,
                                           proposal: proposal, contentKey: Self.key, in: transaction)
        }
        let (kind, referral) = try await fixture.owner.query("SELECT kind, referral FROM support.request WHERE id = \(id)").first!.decode((String, String).self)
        #expect(kind == "talk_referral" && referral == "workplace_safety")
        let confirmed = try await fixture.owner.query("SELECT request_id FROM support.outcome_proposal WHERE id = \(proposal) AND confirmed_at IS NOT NULL")
            .first?.decode(UUID.self, column: 0)
        #expect(confirmed == id)
    }

    @Test func aRolledBackRequestLeavesNothingAndAnnouncesNothing() async throws {
        let fixture = try await DatabaseFixture.make()
        defer { Task { await fixture.close() } }
        let organisation = try await Self.organisation(fixture)
        let erik = try await fixture.context(login: "medarbetare.erik", role: .employee)
        struct Abandoned: Error {}
        await #expect(throws: Abandoned.self) {
            try await fixture.app.transaction(as: erik) { transaction in
                _ = try await SupportIntake.create(kind: .exposed, wishes: Self.wishes, door: .identified, organisation: organisation,
                                                   contentKey: Self.key, in: transaction)
                throw Abandoned()
            }
        }
        let (requests, jobs) = try await fixture.owner.query("SELECT (SELECT count(*) FROM support.request)::bigint, (SELECT count(*) FROM notify.job)::bigint")
            .first!.decode((Int, Int).self)
        #expect(requests == 0 && jobs == 0)
    }

    @Test func aManagerRoleCannotCreateRequests() async throws {
        let fixture = try await DatabaseFixture.make()
        defer { Task { await fixture.close() } }
        let organisation = try await Self.organisation(fixture)
        let anna = try await fixture.context(login: "chef.anna", role: .manager)
        await #expect(throws: PostgresError.self) {
            try await fixture.app.transaction(as: anna) { transaction in
                _ = try await SupportIntake.create(kind: .exposed, wishes: Self.wishes, door: .identified, organisation: organisation,
                                                   contentKey: Self.key, in: transaction)
            }
        }
    }
}
