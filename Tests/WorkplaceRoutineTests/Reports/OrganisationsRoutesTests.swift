import Foundation
import Postgres
import Testing
import TestSupport
@testable import WorkplaceRoutine

/// The coordinator's view of all organisations: exactly the rows of `report.overview()`, only for the
/// account role `overview`, which no organisation's administrator can hand out.
@Suite struct OrganisationsRoutesTests {
    /// `report.overview(year, family)` called directly as wr_overview: (organisation, measure, value, suppressed, share as text).
    static func overview(_ fixture: ReportFixture, year: Int, family: String) async throws
        -> [(organisation: UUID?, measure: String, value: Int?, suppressed: Bool, share: String?)] {
        let context = try await fixture.app.database.context(login: ReportFixture.coordinator, role: .overview)
        return try await fixture.app.database.app.transaction(as: context) { transaction in
            try await transaction.query("""
                SELECT organisation_id, measure, value, suppressed, share::text FROM report.overview(\(year)::integer, \(family))
                """).map { row in
                let r = try row.decode((UUID?, String, Int?, Bool, String?).self)
                return (r.0, r.1, r.2, r.3, r.4)
            }
        }
    }

    static func newestYear(_ fixture: ReportFixture) async throws -> Int {
        let context = try await fixture.app.database.context(login: ReportFixture.coordinator, role: .overview)
        return try await fixture.app.database.app.transaction(as: context) { transaction in
            try await transaction.query("SELECT year FROM report.overview_years() LIMIT 1").first!.decode(Int.self, column: 0)
        }
    }

    @Test func theCoordinatorSeesEveryOrganisationAndTheTotalAsPublished() async throws {
        let fixture = try await ReportFixture.shared()
        let client = try await fixture.app.client(loggedInAs: ReportFixture.coordinator)
        let home = try await client.get("/")
        #expect(home.body.contains("<a href=\"/organisations\""))
        let page = try await client.get("/organisations")
        #expect(page.status == 200)
        #expect(page.body.contains("Kommun 1") && page.body.contains("Östersunds kommun (demo)") && page.body.contains("Alla tillsammans"))
        let year = try await Self.newestYear(fixture)
        let rows = try await Self.overview(fixture, year: year, family: "person")
        let format = ReportFormat(language: .swedish)
        var allowed: Set<String> = ["dold", "–"]
        for row in rows {
            if let value = row.value { allowed.insert(format.count(value)) }
            if let share = row.share.flatMap(Double.init) { allowed.insert(format.percent(share)) }
        }
        for row in try await Self.overview(fixture, year: year, family: "support") {
            if let value = row.value { allowed.insert(format.count(value)) }
            if let share = row.share.flatMap(Double.init) { allowed.insert(format.percent(share)) }
        }
        let cells = OverviewRoutesTests.numberCells(page.body)
        #expect(cells.count >= 3 * 8)
        #expect(cells.filter { !allowed.contains($0) }.isEmpty)
        // The total of "due" is shown only when both organisations' figures are.
        let dueRows = rows.filter { $0.measure == "due" }
        let total = dueRows.first { $0.organisation == nil }!
        #expect(total.suppressed == dueRows.contains { $0.organisation != nil && $0.suppressed })
    }

    @Test func theJSONCarriesTheRowsOfReportOverview() async throws {
        let fixture = try await ReportFixture.shared()
        let client = try await fixture.app.client(loggedInAs: ReportFixture.coordinator)
        let year = try await Self.newestYear(fixture)
        let response = try await client.get("/api/organisations?year=\(year)")
        #expect(response.status == 200)
        let json = try JSONSerialization.jsonObject(with: Data(response.body.utf8)) as! [String: Any]
        #expect(json["year"] as? Int == year)
        for family in ["person", "support"] {
            let items = json[family == "person" ? "persons" : "support"] as! [[String: Any]]
            let expected = try await Self.overview(fixture, year: year, family: family)
            #expect(items.count == expected.count && !items.isEmpty)
            for (item, row) in zip(items, expected) {
                #expect((item["organisation_id"] as? String) == row.organisation?.lowercased && item["measure"] as? String == row.measure)
                #expect(item["suppressed"] as? Bool == row.suppressed)
                #expect(row.suppressed ? item["value"] is NSNull : (item["value"] as? NSNumber)?.intValue == row.value)
            }
        }
        #expect(try await client.get("/api/organisations?year=1999").status == 404)
        #expect(try await client.get("/organisations?year=last").status == 404)
    }

    @Test func theDirectorAndTheCoordinatorEachSeeOnlyTheirOwnView() async throws {
        let fixture = try await ReportFixture.shared()
        let lena = try await fixture.app.client(loggedInAs: "direktor.lena")
        #expect(try await lena.get("/organisations").status == 403)
        #expect(try await lena.get("/api/organisations").status == 403)
        let coordinator = try await fixture.app.client(loggedInAs: ReportFixture.coordinator)
        #expect(try await coordinator.get("/overview").status == 403)
        #expect(try await coordinator.get("/overview.csv").status == 403)
    }

    @Test func anAdministratorCannotGrantOrSeeTheOverviewRole() async throws {
        let fixture = try await AppFixture.make()
        defer { Task { await fixture.close() } }
        let admin = try await fixture.database.context(login: "admin.olof", role: .admin)
        let erik = try await fixture.database.owner.query("SELECT id FROM auth.account WHERE login = 'medarbetare.erik'").first!.decode(UUID.self, column: 0)
        await #expect {
            try await fixture.database.app.transaction(as: admin) { transaction in
                _ = try await transaction.query("INSERT INTO auth.account_role (account_id, role) VALUES (\(erik), 'overview')")
            }
        } throws: { error in
            (error as? PostgresError)?.sqlState == "42501"
        }
        // The same administrator may still give the account an ordinary role of the organisation.
        try await fixture.database.app.transaction(as: admin) { transaction in
            _ = try await transaction.query("INSERT INTO auth.account_role (account_id, role) VALUES (\(erik), 'manager')")
        }
        // A role the operator granted is invisible to the administrator and cannot be removed by them.
        _ = try await fixture.database.owner.query("INSERT INTO auth.account_role (account_id, role) VALUES (\(erik), 'overview')")
        let seen = try await fixture.database.app.transaction(as: admin) { transaction in
            _ = try await transaction.query("DELETE FROM auth.account_role WHERE account_id = \(erik) AND role = 'overview'")
            return try await transaction.query("SELECT role FROM auth.account_role WHERE account_id = \(erik) ORDER BY role").map { try $0.decode(String.self, column: 0) }
        }
        #expect(seen == ["employee", "manager"])
        #expect(try await fixture.database.owner.query("SELECT count(*) FROM auth.account_role WHERE account_id = \(erik) AND role = 'overview'")
            .first!.decode(Int.self, column: 0) == 1)
    }
}
