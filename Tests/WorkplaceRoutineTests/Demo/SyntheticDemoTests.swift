import Foundation
import Testing
import TestSupport
@testable import WorkplaceRoutine

/// Synthetic organisations: the options are checked before any work, a second run with the same
/// seed is refused, and the director account sees the largest organisation's published figures.
@Suite struct SyntheticDemoTests {
    @Test(arguments: [(50, 10, 1, "--employees"), (100, 1, 0, "--cycles"), (100, 1, 21, "--cycles")])
    func rejectsOptionsTheGeneratorWouldRefuse(employees: Int, organisations: Int, cycles: Int, naming: String) {
        #expect { try SyntheticDemo.validate(.init(employees: employees, organisations: organisations, cycles: cycles)) } throws: { error in
            (error as? SyntheticDemo.OptionsError)?.description.contains(naming) == true
        }
        #expect(throws: SyntheticDemo.OptionsError.self) {
            try SyntheticDemo.validate(.init(employees: 100, organisations: 1, cycles: 1, prefix: "Demo_1"))
        }
    }

    @Test func generatesPublishesAndRefusesTheSameSeedTwice() async throws {
        let fixture = try await DatabaseFixture.make(demo: false)
        defer { Task { await fixture.close() } }
        let options = SyntheticDemo.Options(employees: 300, organisations: 2, cycles: 1, seed: 3, prefix: "t")
        let (summary, organisations) = try await SyntheticDemo.generate(options, into: fixture.owner)
        #expect(summary.organisations == 2 && summary.persons >= 300 && organisations.count == 2)
        #expect(organisations[0].persons >= organisations[1].persons)
        try await SyntheticDemo.refresh(organisations[0].id, in: fixture.owner)
        try await SyntheticDemo.createDirector("direktor.t", organisation: organisations[0].id, password: "x-password-1", in: fixture.owner)
        let director = try await fixture.context(login: "direktor.t", role: .director)
        let name = try await fixture.app.transaction(as: director) { transaction in
            try await transaction.query("SELECT name FROM report.organisation()").first?.decode(String.self, column: 0)
        }
        #expect(name == organisations[0].name)
        await #expect(throws: SyntheticDemo.OptionsError.self) {
            _ = try await SyntheticDemo.generate(options, into: fixture.owner)
        }
    }
}
