import Foundation
import Postgres
import Testing
import TestSupport
@testable import WorkplaceRoutine

/// The administrator's pages over real HTTP: upload with its run page, the JSON API, settings,
/// support resources and cycles.
@Suite struct AdminRoutesTests {
    static let csv = """
        Anställningsnummer;Namn;E-post;Enhetskod;Enhet;Överordnad enhet;Chef;Anställningsdatum;Slutdatum;Skyddade personuppgifter
        D001;Lena Lindqvist;lena@ostersund-demo.example;KLF;Kommunledningsförvaltningen;;;2015-03-01;;nej
        N100;Nina Ny;nina@ostersund-demo.example;VOF-HTN;Hemtjänst Norr;VOF;M001;2026-11-01;;nej
        """

    @Test func anUploadRedirectsToItsRunPageWithTheCounts() async throws {
        let fixture = try await AppFixture.make()
        defer { Task { await fixture.close() } }
        let client = try await fixture.client(loggedInAs: "admin.olof")
        let admin = try await client.get("/admin")
        #expect(admin.status == 200 && admin.body.contains("data-upload") && admin.body.contains("<progress"))
        let preview = try await client.postFile("/admin/import", fields: [("full", "0"), ("dry_run", "1")], fileField: "file",
                                                filename: "personal.csv", file: Data(Self.csv.utf8))
        #expect(preview.status == 303)
        let location = try #require(preview.location)
        #expect(location.hasPrefix("/admin/import/"))
        let page = try await client.get(location)
        #expect(page.body.contains("Provkörning") && page.body.contains("Skulle läggas till"))
        #expect(try await fixture.database.owner.query("SELECT count(*)::bigint FROM org.person WHERE hr_id = 'N100'").first!.decode(Int.self, column: 0) == 0)
        try await client.get("/admin")
        let applied = try await client.postFile("/admin/import", fields: [("full", "0")], fileField: "file", filename: "personal.csv",
                                                file: Data(Self.csv.utf8))
        let result = try await client.get(applied.location!)
        #expect(result.body.contains("Importen är genomförd."))
        #expect(try await fixture.database.owner.query("SELECT count(*)::bigint FROM org.person WHERE hr_id = 'N100'").first!.decode(Int.self, column: 0) == 1)
        // The administrator's start page lists the runs.
        #expect(try await client.get("/admin").body.contains(String(location.dropFirst("/admin/import/".count))))
    }

    @Test func aRejectedUploadShowsEachProblemByLineAndNeverTheValues() async throws {
        let fixture = try await AppFixture.make()
        defer { Task { await fixture.close() } }
        let client = try await fixture.client(loggedInAs: "admin.olof")
        try await client.get("/admin")
        let bad = Self.csv + "\nX9;Hemlig Hansson;inte-en-adress;VOF-HTN;Hemtjänst Norr;VOF;M001;2026-02-30;;kanske"
            + "\nX8;Olle Ok;;VOF-HTN;Hemtjänst Norr;VOF;NOBODY;2026-02-01;;nej"
        let response = try await client.postFile("/admin/import", fields: [("full", "1")], fileField: "file", filename: "personal.csv", file: Data(bad.utf8))
        let page = try await client.get(response.location!)
        #expect(page.body.contains("Ingenting har sparats"))
        for text in ["Inget datum. Skriv ÅÅÅÅ-MM-DD.", "Ingen giltig e-postadress.", "Skriv ja eller nej", "Chefen finns varken i filen"] {
            #expect(page.body.contains(text), "missing: \(text)")
        }
        #expect(page.body.contains("<td class=\"number\">4</td>"))
        #expect(!page.body.contains("Hemlig") && !page.body.contains("inte-en-adress"))
        // A full import that leaves out most of the organisation is refused for managers who would go.
        #expect(page.body.contains("data-reason=\"manager_inactive\""))
        // Nothing about the rows reached the log either.
        let log = fixture.logs.lines.joined(separator: "\n")
        #expect(log.contains("organisation import") && !log.contains("Hemlig") && !log.contains("Nina"))
    }

    @Test func theJSONInterfaceNeedsTheSessionsTokenAndAnswersWithTheReport() async throws {
        let fixture = try await AppFixture.make()
        defer { Task { await fixture.close() } }
        let client = try await fixture.client(loggedInAs: "admin.olof")
        let page = try await client.get("/admin")
        let token = try #require(page.csrfToken)
        let body = Data(#"{"dry_run": true, "full": false, "people": [{"hr_id": "N200", "name": "Nils", "unit_code": "KLF", "unit_name": "Kommunledningsförvaltningen", "hire_date": "2026-01-05"}]}"#.utf8)
        #expect(try await client.postJSON("/admin/api/import", body).status == 403)
        #expect(try await client.postJSON("/admin/api/import", body, headers: ["X-CSRF-Token": "forged"]).status == 403)
        let response = try await client.postJSON("/admin/api/import", body, headers: ["X-CSRF-Token": token])
        #expect(response.status == 200 && response.headers["content-type"] == "application/json")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(response.body.utf8)) as? [String: Any])
        #expect(json["status"] as? String == "previewed" && json["added"] as? Int == 1 && json["run_id"] != nil)
        let invalid = Data(#"[{"hr_id": "N201", "name": "Nils", "unit_code": "KLF", "unit_name": "Kommunledningsförvaltningen", "hire_date": "igår"}]"#.utf8)
        let rejected = try await client.postJSON("/admin/api/import?full=false", invalid, headers: ["X-CSRF-Token": token])
        #expect(rejected.status == 422)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(rejected.body.utf8)) as? [String: Any])
        let problems = try #require(report["problems"] as? [[String: Any]])
        #expect(problems.count == 1 && problems[0]["line"] as? Int == 1 && problems[0]["field"] as? String == "hire_date"
                && problems[0]["reason"] as? String == "not_a_date" && (problems[0]["message"] as? String)?.isEmpty == false)
    }

    @Test func administrationNeedsTheAdminRole() async throws {
        let fixture = try await AppFixture.make()
        defer { Task { await fixture.close() } }
        let anna = try await fixture.client(loggedInAs: "chef.anna")
        #expect(try await anna.get("/admin").status == 403)
        try await anna.get("/team")
        #expect(try await anna.postFile("/admin/import", fields: [], fileField: "file", filename: "x.csv", file: Data(Self.csv.utf8)).status == 403)
    }

    @Test func settingsAreValidatedSavedAndAudited() async throws {
        let fixture = try await AppFixture.make()
        defer { Task { await fixture.close() } }
        let client = try await fixture.client(loggedInAs: "admin.olof")
        let form = try await client.get("/admin/settings")
        #expect(form.body.contains("value=\"14\"") && form.body.contains("value=\"90\""))
        let bad = try await client.post("/admin/settings", [("new_hire_days", "3"), ("correction_days", "14"), ("proposal_expiry_days", "x")])
        #expect(bad.status == 422 && bad.body.contains("Skriv ett heltal mellan 7 och 365") && bad.body.contains("mellan 1 och 90"))
        let saved = try await client.post("/admin/settings", [("new_hire_days", "60"), ("correction_days", "7"), ("proposal_expiry_days", "10")])
        #expect(saved.status == 303)
        let values = try await fixture.database.owner.query("""
            SELECT new_hire_days, correction_days, proposal_expiry_days FROM org.organisation WHERE slug = 'ostersund-demo'
            """).first!.decode((Int32, Int32, Int32).self)
        #expect(values == (60, 7, 10))
        let audited = try await fixture.database.owner.query("SELECT count(*)::bigint FROM audit.event WHERE action = 'organisation.settings_changed'")
            .first!.decode(Int.self, column: 0)
        #expect(audited == 1)
    }

    @Test func supportResourcesAreAddedEditedDeletedAndShownInTheGuide() async throws {
        let fixture = try await AppFixture.make()
        defer { Task { await fixture.close() } }
        let client = try await fixture.client(loggedInAs: "admin.olof")
        let list = try await client.get("/admin/resources")
        #expect(list.body.contains("Kvinnofridslinjen"))
        let invalid = try await client.post("/admin/resources", [("kind", "helpline"), ("name_sv", ""), ("name_en", "x"), ("phone", "ring mig"),
                                                                ("url", "javascript:alert(1)"), ("position", "7")])
        #expect(invalid.status == 422 && invalid.body.contains("Fyll i det här fältet.") && invalid.body.contains("https://"))
        let added = try await client.post("/admin/resources", [("kind", "helpline"), ("name_sv", "Brottsofferjouren"), ("name_en", "Victim support"),
                                                              ("phone", "116 006"), ("description_sv", "Stöd till brottsoffer."), ("description_en", "Support."),
                                                              ("url", "https://www.boj.se/"), ("position", "6")])
        #expect(added.status == 303)
        let guide = try await fixture.client(loggedInAs: "chef.anna").get("/guide")
        #expect(guide.body.contains("Brottsofferjouren") && guide.body.contains("116 006"))
        let id = try await fixture.database.owner.query("SELECT id FROM org.support_resource WHERE name_sv = 'Brottsofferjouren'").first!.decode(UUID.self, column: 0)
        try await client.get("/admin/resources/\(id.lowercased)")
        _ = try await client.post("/admin/resources/\(id.lowercased)", [("kind", "helpline"), ("name_sv", "Brottsofferjouren Sverige"), ("name_en", "Victim support"),
                                                                      ("phone", "116 006"), ("position", "6")])
        #expect(try await fixture.client(loggedInAs: "chef.anna").get("/guide").body.contains("Brottsofferjouren Sverige"))
        try await client.get("/admin/resources/\(id.lowercased)")
        #expect(try await client.post("/admin/resources/\(id.lowercased)/delete", []).status == 303)
        #expect(!(try await fixture.client(loggedInAs: "chef.anna").get("/guide").body.contains("Brottsofferjouren")))
        let actions = try await fixture.database.owner.query("SELECT action FROM audit.event WHERE object_kind = 'support_resource' ORDER BY id")
            .map { try $0.decode(String.self, column: 0) }
        #expect(actions == ["support_resource.created", "support_resource.changed", "support_resource.deleted"])
    }

    @Test func cyclesAreAddedWithoutOverlap() async throws {
        let fixture = try await AppFixture.make()
        defer { Task { await fixture.close() } }
        let client = try await fixture.client(loggedInAs: "admin.olof")
        try await client.get("/admin/cycles")
        let overlapping = try await client.post("/admin/cycles", [("name", "2026b"), ("starts_on", "2026-06-01"), ("ends_on", "2027-05-31")])
        #expect(overlapping.status == 422 && overlapping.body.contains("överlappar period 2026"))
        let backwards = try await client.post("/admin/cycles", [("name", "2030"), ("starts_on", "2030-12-31"), ("ends_on", "2030-01-01")])
        #expect(backwards.status == 422)
        let added = try await client.post("/admin/cycles", [("name", "2030"), ("starts_on", "2030-01-01"), ("ends_on", "2030-12-31")])
        #expect(added.status == 303)
        #expect(try await client.get("/admin/cycles").body.contains("Period 2030: 2030-01-01 – 2030-12-31."))
    }
}
