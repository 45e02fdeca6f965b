import Foundation
import Postgres
import Testing
import TestSupport
@testable import WorkplaceRoutine

/// The anonymous door in the database: a receipt opens a short-lived session bound to its one
/// request, and nothing else does.
///
/// Serialized: each test makes a database of its own, and the whole suite starting at once would
/// queue dozens of CREATE DATABASE behind the shared test cluster's admin pool.
@Suite(.serialized) struct ReceiptSessionsTests {
    static let key = SupportCasesTests.key
    static let anonymous = SessionContext(role: "wr_anonymous")

    static func makeAnonymousRequest(_ fixture: DatabaseFixture, receipt: Receipt, channel: ContactWishes.Channel = .dialogue) async throws -> UUID {
        let organisation = try await SupportCasesTests.organisation(fixture)
        return try await fixture.app.transaction(as: anonymous) { transaction in
            try await SupportIntake.create(kind: .worried, wishes: SupportCasesTests.wishes(channel), door: .anonymous(organisation: organisation, receipt: receipt),
                                           organisation: organisation, contentKey: key, in: transaction)
        }
    }

    static func open(_ fixture: DatabaseFixture, organisation: UUID, receipt: Receipt, token: [UInt8]) async throws -> Bool {
        try await fixture.app.transaction(as: anonymous) { transaction in
            try await ReceiptSessions.open(organisation: organisation, receipt: receipt, token: token, in: transaction)
        }
    }

    static func read(_ fixture: DatabaseFixture, token: [UInt8]) async throws -> SupportCase? {
        try await fixture.app.transaction(as: anonymous) { try await ReceiptSessions.read(token: token, contentKey: key, in: $0) }
    }

    @Test func theReceiptOpensASessionThatReadsAndWritesOnlyItsRequest() async throws {
        let fixture = try await DatabaseFixture.make()
        defer { Task { await fixture.close() } }
        let organisation = try await SupportCasesTests.organisation(fixture)
        let receipt = Receipt.generate()
        let id = try await Self.makeAnonymousRequest(fixture, receipt: receipt)
        let otherReceipt = Receipt.generate()
        _ = try await Self.makeAnonymousRequest(fixture, receipt: otherReceipt)
        try await SupportCasesTests.acting(fixture, "stod.sara", .support) {
            try await SupportCases.reply(id, body: "Hej, vi läser det du skrev.", contentKey: Self.key, in: $0)
        }

        let token = Secrets.randomBytes(32)
        #expect(try await Self.open(fixture, organisation: organisation, receipt: receipt, token: token))
        let supportCase = try #require(try await Self.read(fixture, token: token))
        #expect(supportCase.id == id && supportCase.door == .anonymous)
        #expect(supportCase.messages.map(\.body) == ["Hej, vi läser det du skrev."])
        #expect(supportCase.notes.isEmpty && supportCase.events.isEmpty)

        try await fixture.app.transaction(as: Self.anonymous) {
            try await ReceiptSessions.write(token: token, body: "Tack för svaret", contentKey: Self.key, in: $0)
        }
        let bodies = try await SupportCasesTests.acting(fixture, "stod.sara", .support) {
            try await SupportCases.read(id, contentKey: Self.key, in: $0)?.messages.map(\.body)
        }
        #expect(bodies == ["Hej, vi läser det du skrev.", "Tack för svaret"])
        // Only the token's hash is stored, tied to the one request.
        let stored = try await fixture.owner.query("SELECT token_hash, request_id FROM support.receipt_session").map { try $0.decode((Data, UUID).self) }
        #expect(stored.count == 1 && stored[0].1 == id && stored[0].0 != Data(token))
        // The audit log names the request and the anonymous role, never the receipt.
        let entries = try await fixture.owner.query("""
            SELECT action, actor_role, organisation_id = \(organisation), detail::text FROM audit.event WHERE object_id = \(id) ORDER BY id
            """).map { try $0.decode((String, String?, Bool?, String).self) }
        #expect(entries.map(\.0) == ["support.request_created", "support.replied", "support.receipt_opened", "support.case_read",
                                     "support.person_wrote", "support.case_read"])
        for entry in entries where ["support.receipt_opened", "support.person_wrote"].contains(entry.0) || entry.0 == "support.case_read" && entry.3.contains("receipt") {
            #expect(entry.1 == "anonymous" && entry.2 == true)
        }
        // The person's read through the receipt, and the team's, each left their own entry.
        #expect(entries.filter { $0.0 == "support.case_read" }.map(\.1) == ["anonymous", "support"])
        #expect(!entries.contains { $0.3.contains(receipt.digits) })
    }

    @Test func aWrongReceiptOrAnotherOrganisationOpensNothingAndIsCounted() async throws {
        let fixture = try await DatabaseFixture.make()
        defer { Task { await fixture.close() } }
        let organisation = try await SupportCasesTests.organisation(fixture)
        let receipt = Receipt.generate()
        _ = try await Self.makeAnonymousRequest(fixture, receipt: receipt)
        let elsewhere = try await fixture.owner.query("INSERT INTO org.organisation (name, slug) VALUES ('Annan kommun', 'annan') RETURNING id")
            .first!.decode(UUID.self, column: 0)
        let wrong = Receipt(typed: receipt.digits == "0000000000000000" ? "1111111111111111" : "0000000000000000")!
        #expect(try await Self.open(fixture, organisation: organisation, receipt: wrong, token: Secrets.randomBytes(32)) == false)
        #expect(try await Self.open(fixture, organisation: elsewhere, receipt: receipt, token: Secrets.randomBytes(32)) == false)
        #expect(try await Self.open(fixture, organisation: UUID(), receipt: receipt, token: Secrets.randomBytes(32)) == false)
        #expect(try await SupportCasesTests.count(fixture, "SELECT count(*)::bigint FROM support.receipt_session") == 0)
        #expect(try await SupportCasesTests.count(fixture, "SELECT count(*)::bigint FROM audit.event WHERE action = 'support.receipt_failed'") == 3)
        // An unknown token reads nothing, writes nothing.
        #expect(try await Self.read(fixture, token: Secrets.randomBytes(32)) == nil)
        await #expect(throws: SupportCaseError(code: .notFound, sqlState: "P0002")) {
            try await fixture.app.transaction(as: Self.anonymous) {
                try await ReceiptSessions.write(token: Secrets.randomBytes(32), body: "x", contentKey: Self.key, in: $0)
            }
        }
    }

    @Test func aSessionEndsWhenIdleWhenLockedAndAtItsAbsoluteExpiry() async throws {
        let fixture = try await DatabaseFixture.make()
        defer { Task { await fixture.close() } }
        let organisation = try await SupportCasesTests.organisation(fixture)
        let receipt = Receipt.generate()
        _ = try await Self.makeAnonymousRequest(fixture, receipt: receipt)

        let idle = Secrets.randomBytes(32)
        #expect(try await Self.open(fixture, organisation: organisation, receipt: receipt, token: idle))
        _ = try await fixture.owner.query("UPDATE support.receipt_session SET idle_expires_at = now() - interval '1 second' WHERE token_hash = sha256(\(Data(idle)))")
        #expect(try await Self.read(fixture, token: idle) == nil)

        let absolute = Secrets.randomBytes(32)
        #expect(try await Self.open(fixture, organisation: organisation, receipt: receipt, token: absolute))
        _ = try await fixture.owner.query("""
            UPDATE support.receipt_session SET expires_at = now() - interval '1 second', idle_expires_at = now() - interval '1 second'
            WHERE token_hash = sha256(\(Data(absolute)))
            """)
        #expect(try await Self.read(fixture, token: absolute) == nil)

        let locked = Secrets.randomBytes(32)
        #expect(try await Self.open(fixture, organisation: organisation, receipt: receipt, token: locked))
        #expect(try await Self.read(fixture, token: locked) != nil)
        try await fixture.app.transaction(as: Self.anonymous) { try await ReceiptSessions.close(token: locked, in: $0) }
        #expect(try await Self.read(fixture, token: locked) == nil)
        // Opening sweeps the expired ones: none lingers.
        #expect(try await SupportCasesTests.count(fixture, "SELECT count(*)::bigint FROM support.receipt_session") == 0)
    }

    @Test func thePersonDeletesTheAnonymousRequestThroughTheSession() async throws {
        let fixture = try await DatabaseFixture.make()
        defer { Task { await fixture.close() } }
        let organisation = try await SupportCasesTests.organisation(fixture)
        let receipt = Receipt.generate()
        let id = try await Self.makeAnonymousRequest(fixture, receipt: receipt)
        let token = Secrets.randomBytes(32)
        #expect(try await Self.open(fixture, organisation: organisation, receipt: receipt, token: token))
        try await fixture.app.transaction(as: Self.anonymous) { try await ReceiptSessions.delete(token: token, in: $0) }
        #expect(try await SupportCasesTests.count(fixture, "SELECT count(*)::bigint FROM support.request WHERE id = \(id)") == 0)
        #expect(try await SupportCasesTests.count(fixture, "SELECT count(*)::bigint FROM support.receipt_session") == 0)
        let detail = try await fixture.owner.query("""
            SELECT detail::text FROM audit.event WHERE action = 'support.request_deleted' AND object_id = \(id) AND actor_role = 'anonymous'
            """).first?.decode(String.self, column: 0)
        #expect(detail == "{\"by\": \"person\", \"door\": \"anonymous\", \"kind\": \"worried\"}")
        // The receipt opens nothing any more.
        #expect(try await Self.open(fixture, organisation: organisation, receipt: receipt, token: Secrets.randomBytes(32)) == false)
    }

    @Test func theAnonymousRoleReachesNoSupportTableDirectly() async throws {
        let fixture = try await DatabaseFixture.make()
        defer { Task { await fixture.close() } }
        for relation in ["support.request", "support.message", "support.receipt_session", "support.organisation_secret"] {
            await #expect(throws: PostgresError.self) {
                try await fixture.app.transaction(as: Self.anonymous) { _ = try await $0.query(PostgresQuery(unsafeSQL: "SELECT 1 FROM \(relation)")) }
            }
        }
        // Nor the team's functions.
        await #expect(throws: PostgresError.self) {
            try await fixture.app.transaction(as: Self.anonymous) { _ = try await $0.query("SELECT support.read_case(\(UUID()), 'k')") }
        }
    }
}
