import Foundation
import Postgres
import Testing
import TestSupport
@testable import WorkplaceRoutine

@Suite struct NewAccountTests {
    static let password = "a-long-operator-password"

    static func make(login: String = "olof.admin", roles: Set<String> = ["admin"], password: String = NewAccountTests.password,
                     person: String? = nil, teamLead: Bool = false, organisation: String = "ostersund-demo") -> NewAccount {
        NewAccount(organisationSlug: organisation, login: login, displayName: "Olof Operatör", roles: roles, password: password,
                   personHRID: person, teamLead: teamLead)
    }

    /// Logs in through the same function the login page uses, acting as wr_anonymous.
    static func logIn(_ fixture: DatabaseFixture, _ login: String, _ password: String) async throws -> String {
        try await fixture.app.transaction(as: SessionContext(role: "wr_anonymous")) { transaction in
            try await transaction.query("""
                SELECT status FROM auth.login(\(login), \(password), \(Data(repeating: 7, count: 32)),
                                              'csrf-token-of-at-least-32-characters-long', '1 hour'::interval)
                """).first!.decode(String.self, column: 0)
        }
    }

    @Test func createsAnAccountThatLogsInWithABcryptHash() async throws {
        let fixture = try await DatabaseFixture.make()
        defer { Task { await fixture.close() } }
        let id = try await Self.make(login: "Olof.Admin").create(in: fixture.owner)
        let (login, hash) = try await fixture.owner.query("SELECT login, password_hash FROM auth.account WHERE id = \(id)")
            .first!.decode((String, String).self)
        #expect(login == "olof.admin")
        #expect(hash.hasPrefix("$2a$12$") && !hash.contains(Self.password))
        let roles = try await fixture.owner.query("SELECT role FROM auth.account_role WHERE account_id = \(id)").map { try $0.decode(String.self) }
        #expect(roles == ["admin"])
        #expect(try await Self.logIn(fixture, "olof.admin", Self.password) == "ok")
        #expect(try await Self.logIn(fixture, "olof.admin", "not-the-password") == "invalid")
        let audits = try await fixture.owner.query("""
            SELECT count(*)::int FROM audit.event WHERE object_id = \(id) AND action = 'account.created_by_operator'
            """).first!.decode(Int.self, column: 0)
        #expect(audits == 1)
    }

    @Test func supportAccountsJoinTheDefaultTeam() async throws {
        let fixture = try await DatabaseFixture.make()
        defer { Task { await fixture.close() } }
        let id = try await Self.make(login: "stod.ulla", roles: ["support"], teamLead: true).create(in: fixture.owner)
        let lead = try await fixture.owner.query("""
            SELECT m.is_lead FROM support.team_member m JOIN support.team t ON t.id = m.team_id
            WHERE m.account_id = \(id) AND t.is_default
            """).first?.decode(Bool.self, column: 0)
        #expect(lead == true)
    }

    @Test func employeeAccountsActAsTheirPerson() async throws {
        let fixture = try await DatabaseFixture.make()
        defer { Task { await fixture.close() } }
        let id = try await Self.make(login: "gustav.gran", roles: ["employee"], person: "E103").create(in: fixture.owner)
        let linked = try await fixture.owner.query("SELECT person_id = (SELECT id FROM org.person WHERE hr_id = 'E103') FROM auth.account WHERE id = \(id)")
            .first!.decode(Bool.self, column: 0)
        #expect(linked)
        #expect(throws: OperationsError.self) { try Self.make(login: "nobody.here", roles: ["manager"]).validate() }
    }

    @Test func refusesWhatWouldMakeABrokenAccount() async throws {
        let fixture = try await DatabaseFixture.make()
        defer { Task { await fixture.close() } }
        let cases: [(NewAccount, OperationsError.Code)] = [
            (Self.make(roles: ["admin", "superuser"]), .invalidRoles),
            (Self.make(roles: []), .invalidRoles),
            (Self.make(roles: ["employee"]), .personRequired),
            (Self.make(password: "too-short"), .passwordTooShort),
            (Self.make(organisation: "no-such-organisation"), .unknownOrganisation),
            (Self.make(roles: ["employee"], person: "X999"), .unknownPerson),
            (Self.make(login: "chef.anna"), .loginTaken),
            (Self.make(login: "erik.again", roles: ["employee"], person: "E101"), .personHasAccount),
            (Self.make(login: "ab"), .invalidValue),
        ]
        for (account, expected) in cases {
            await #expect { _ = try await account.create(in: fixture.owner) } throws: { error in
                (error as? OperationsError)?.code == expected
            }
        }
        let created = try await fixture.owner.query("SELECT count(*)::int FROM auth.account WHERE login IN ('olof.admin', 'erik.again', 'ab')")
            .first!.decode(Int.self, column: 0)
        #expect(created == 0)
    }
}
