import Foundation
import Postgres
import Testing
import TestSupport
@testable import WorkplaceRoutine

@Suite struct NewOrganisationTests {
    @Test func createsTheOrganisationWithItsDefaultSupportTeam() async throws {
        let fixture = try await DatabaseFixture.make(demo: false)
        defer { Task { await fixture.close() } }
        let id = try await NewOrganisation(name: "Mjölby kommun", slug: "mjolby", supportTeamEmail: "stod@mjolby.example")
            .create(in: fixture.owner)
        let (name, slug) = try await fixture.owner.query("SELECT name, slug FROM org.organisation WHERE id = \(id)")
            .first!.decode((String, String).self)
        #expect(name == "Mjölby kommun" && slug == "mjolby")
        let teams = try await fixture.owner.query("""
            SELECT name, notify_email FROM support.team WHERE organisation_id = \(id) AND is_default
            """).map { try $0.decode((String, String?).self) }
        #expect(teams.count == 1)
        #expect(teams.first?.0 == NewOrganisation.defaultSupportTeamName && teams.first?.1 == "stod@mjolby.example")
        // The receipt salt of the anonymous door comes with it (trigger), so the door works at once.
        let salts = try await fixture.owner.query("SELECT count(*)::int FROM support.organisation_secret WHERE organisation_id = \(id)")
            .first!.decode(Int.self, column: 0)
        #expect(salts == 1)
    }

    @Test func refusesASlugInUse() async throws {
        let fixture = try await DatabaseFixture.make(demo: false)
        defer { Task { await fixture.close() } }
        _ = try await NewOrganisation(name: "Mjölby kommun", slug: "mjolby").create(in: fixture.owner)
        await #expect { _ = try await NewOrganisation(name: "Another", slug: "mjolby").create(in: fixture.owner) } throws: { error in
            (error as? OperationsError)?.code == .organisationExists
        }
    }

    @Test func refusesASlugTheDatabaseWouldNotAccept() async throws {
        let fixture = try await DatabaseFixture.make(demo: false)
        defer { Task { await fixture.close() } }
        await #expect { _ = try await NewOrganisation(name: "Mjölby kommun", slug: "Mjölby Kommun").create(in: fixture.owner) } throws: { error in
            (error as? OperationsError)?.code == .invalidValue
        }
        let count = try await fixture.owner.query("SELECT count(*)::int FROM org.organisation").first!.decode(Int.self, column: 0)
        #expect(count == 0)
    }
}
