import Foundation
import Postgres
import Testing
import TestSupport
@testable import WorkplaceRoutine

@Suite struct ContentKeyRotationTests {
    static let oldKey = "rotation-test-old-content-key-0123456789"
    static let newKey = "rotation-test-new-content-key-9876543210"
    static let wishes = ContactWishes(channel: .sms, address: "+46701234567", safeWeekdays: [1, 2], safeFrom: "08:00", safeUntil: "10:00",
                                      voiceMessageOK: false, writtenMessageOK: true, language: "sv", interpreterLanguage: nil,
                                      name: "Kim", message: "Min hemliga berättelse")

    /// A request from the identified door plus a dialogue message and a note, all sealed with `oldKey`;
    /// then the service's pool is closed, as operations stop the service before rotating.
    static func makeSealedContent() async throws -> (DatabaseFixture, UUID) {
        let fixture = try await DatabaseFixture.make()
        let organisation = try await fixture.owner.query("SELECT id FROM org.organisation WHERE slug = 'ostersund-demo'").first!.decode(UUID.self, column: 0)
        let erik = try await fixture.context(login: "medarbetare.erik", role: .employee)
        let id = try await fixture.app.transaction(as: erik) { transaction in
            try await SupportIntake.create(kind: .exposed, wishes: wishes, door: .identified, organisation: organisation,
                                           contentKey: oldKey, in: transaction)
        }
        _ = try await fixture.owner.query("""
            INSERT INTO support.message (request_id, organisation_id, author, body_enc)
            VALUES (\(id), \(organisation), 'employee', support.seal('Ett svar i dialogen', \(oldKey)))
            """)
        _ = try await fixture.owner.query("""
            INSERT INTO support.note (request_id, organisation_id, author_account_id, body_enc)
            VALUES (\(id), \(organisation), (SELECT id FROM auth.account WHERE login = 'stod.sara'), support.seal('En anteckning', \(oldKey)))
            """)
        await fixture.app.close()
        return (fixture, id)
    }

    static func opened(_ fixture: DatabaseFixture, _ id: UUID, key: String) async throws -> [String] {
        let row = try await fixture.owner.query("""
            SELECT support.unseal(r.contact_enc, \(key)), support.unseal(r.name_enc, \(key)), support.unseal(r.message_enc, \(key)),
                   (SELECT support.unseal(m.body_enc, \(key)) FROM support.message m WHERE m.request_id = r.id),
                   (SELECT support.unseal(n.body_enc, \(key)) FROM support.note n WHERE n.request_id = r.id)
            FROM support.request r WHERE r.id = \(id)
            """).first!
        let (contact, name, message, dialogue, note) = try row.decode((String, String, String, String, String).self)
        return [contact, name, message, dialogue, note]
    }

    @Test func resealsEverySealedColumnUnderTheNewKey() async throws {
        let (fixture, id) = try await Self.makeSealedContent()
        defer { Task { await fixture.close() } }
        let report = try await ContentKeyRotation(currentKey: Self.oldKey, newKey: Self.newKey).run(in: fixture.owner)
        let plain = ["+46701234567", "Kim", "Min hemliga berättelse", "Ett svar i dialogen", "En anteckning"]
        #expect(try await Self.opened(fixture, id, key: Self.newKey) == plain)
        await #expect(throws: PostgresError.self) { _ = try await Self.opened(fixture, id, key: Self.oldKey) }
        let counts = Dictionary(uniqueKeysWithValues: report.resealed.map { ($0.column.description, $0.values) })
        #expect(counts["support.request.contact_enc"] == 1 && counts["support.request.name_enc"] == 1
                && counts["support.request.message_enc"] == 1 && counts["support.message.body_enc"] == 1
                && counts["support.note.body_enc"] == 1)
        #expect(report.total == 5)
    }

    @Test func findsEverySealedColumnByItsName() async throws {
        let fixture = try await DatabaseFixture.make(demo: false)
        defer { Task { await fixture.close() } }
        let columns = try await ContentKeyRotation.sealedColumns(in: fixture.owner).map(\.description)
        // A column added later is found without changing the rotation.
        for expected in ["support.request.contact_enc", "support.request.name_enc", "support.request.message_enc",
                         "support.message.body_enc", "support.note.body_enc"] {
            #expect(columns.contains(expected))
        }
        #expect(columns.allSatisfy { $0.hasSuffix("_enc") })
    }

    @Test func refusesWhileTheServiceIsConnected() async throws {
        let fixture = try await DatabaseFixture.make()
        defer { Task { await fixture.close() } }
        _ = try await fixture.app.query("SELECT 1")
        await #expect { _ = try await ContentKeyRotation(currentKey: Self.oldKey, newKey: Self.newKey).run(in: fixture.owner) } throws: { error in
            (error as? OperationsError)?.code == .serviceConnected
        }
    }

    @Test func aWrongCurrentKeyChangesNothing() async throws {
        let (fixture, id) = try await Self.makeSealedContent()
        defer { Task { await fixture.close() } }
        let wrong = "not-the-key-the-content-was-sealed-with"
        await #expect { _ = try await ContentKeyRotation(currentKey: wrong, newKey: Self.newKey).run(in: fixture.owner) } throws: { error in
            (error as? OperationsError)?.code == .wrongKey
        }
        #expect(try await Self.opened(fixture, id, key: Self.oldKey).count == 5)
    }

    @Test func refusesAShortOrUnchangedKey() {
        #expect { try ContentKeyRotation(currentKey: Self.oldKey, newKey: "short").validate() } throws: { error in
            (error as? OperationsError)?.code == .keyTooShort
        }
        #expect { try ContentKeyRotation(currentKey: Self.oldKey, newKey: Self.oldKey).validate() } throws: { error in
            (error as? OperationsError)?.code == .sameKey
        }
    }
}
