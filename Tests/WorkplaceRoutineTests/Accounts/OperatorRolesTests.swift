import Foundation
import Postgres
import Testing
@testable import WorkplaceRoutine

/// The operator's way to grant `overview` (`workplace-routine account role`): it works as the
/// migration owner, is audited with the role's code, and the service's own roles cannot do it.
@Suite struct OperatorRolesTests {
    static func roles(_ login: String, _ fixture: DatabaseFixture) async throws -> [String] {
        try await fixture.owner.query("""
            SELECT r.role FROM auth.account_role r JOIN auth.account a ON a.id = r.account_id WHERE a.login = \(login) ORDER BY r.role
            """).map { try $0.decode(String.self, column: 0) }
    }

    @Test func theOwnerGrantsAndRemovesOverviewAndEachChangeIsAudited() async throws {
        let fixture = try await DatabaseFixture.make()
        defer { Task { await fixture.close() } }
        #expect(try await fixture.owner.transaction { try await OperatorRoles.set(.overview, granted: true, login: "direktor.lena", in: $0) })
        #expect(try await Self.roles("direktor.lena", fixture) == ["director", "employee", "overview"])
        // Granting again changes nothing and writes no second entry.
        #expect(try await !fixture.owner.transaction { try await OperatorRoles.set(.overview, granted: true, login: "direktor.lena", in: $0) })
        #expect(try await fixture.owner.transaction { try await OperatorRoles.set(.overview, granted: false, login: "direktor.lena", in: $0) })
        #expect(try await Self.roles("direktor.lena", fixture) == ["director", "employee"])
        let entries = try await fixture.owner.query("""
            SELECT e.action, e.actor_role, e.detail->>'role', e.organisation_id = a.organisation_id
            FROM audit.event e JOIN auth.account a ON a.id = e.object_id
            WHERE a.login = 'direktor.lena' AND e.action LIKE 'account.role_%' ORDER BY e.id
            """).map { try $0.decode((String, String, String, Bool).self) }
        #expect(entries.map(\.0) == ["account.role_granted", "account.role_removed"])
        #expect(entries.allSatisfy { $0.1 == "operator" && $0.2 == "overview" && $0.3 })
    }

    @Test func anUnknownLoginIsAProblemAndChangesNothing() async throws {
        let fixture = try await DatabaseFixture.make()
        defer { Task { await fixture.close() } }
        await #expect(throws: OperatorRoles.Problem.unknownLogin) {
            try await fixture.owner.transaction { try await OperatorRoles.set(.overview, granted: true, login: "ingen.alls", in: $0) }
        }
        #expect(try await fixture.owner.query("SELECT count(*) FROM auth.account_role WHERE role = 'overview'").first!.decode(Int.self, column: 0) == 0)
    }

    @Test func theServiceCannotGrantOverviewEvenAsAdministrator() async throws {
        let fixture = try await DatabaseFixture.make()
        defer { Task { await fixture.close() } }
        let admin = try await fixture.context(login: "admin.olof", role: .admin)
        await #expect {
            try await fixture.app.transaction(as: admin) { try await OperatorRoles.set(.overview, granted: true, login: "admin.olof", in: $0) }
        } throws: { error in
            (error as? PostgresError)?.sqlState == "42501"
        }
        #expect(try await Self.roles("admin.olof", fixture) == ["admin", "employee"])
    }
}
