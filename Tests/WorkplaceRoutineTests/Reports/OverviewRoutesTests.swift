import Foundation
import Postgres
import Testing
import TestSupport
@testable import WorkplaceRoutine

/// The director's overview over real HTTP: the dashboard, its filters, the CSV file and the JSON API
/// carry exactly the suppressed rows of the report functions; hidden figures are never numbers;
/// other roles get 403; a cycle or unit of another organisation is 404.
@Suite struct OverviewRoutesTests {
    static let hidden = "dold"

    /// The text of every `<td class="number…">` of a page, unescaped.
    static func numberCells(_ html: String) -> [String] {
        matches(html, #"<td class="number[^"]*">([^<]*)</td>"#)
    }

    /// The texts of the charts' `<text>` elements that are numbers or percentages.
    static func chartNumbers(_ html: String) -> [String] {
        matches(html, #"<text [^>]*>([^<]*)</text>"#).filter { text in
            !text.isEmpty && text.unicodeScalars.allSatisfy { CharacterSet(charactersIn: "0123456789,.% \u{00A0}").contains($0) }
        }
    }

    static func matches(_ html: String, _ pattern: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: html, range: NSRange(html.startIndex..., in: html)).map { match in
            String(html[Range(match.range(at: 1), in: html)!])
                .replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
        }
    }

    @Test func directorSeesTheOrganisationsFiguresWithChartsAndTheirTables() async throws {
        let fixture = try await ReportFixture.shared()
        let client = try await fixture.app.client(loggedInAs: ReportFixture.director)
        let page = try await client.get("/overview")
        #expect(page.status == 200)
        let cycle = try await fixture.newestCycle()
        let rows = try await fixture.coverage(cycle: cycle)
        let due = rows.first { $0.selected && $0.measure == "due" && $0.period == "cycle" }!
        let format = ReportFormat(language: .swedish)
        // The organisation's name and the headline figure, both from the report functions.
        #expect(page.body.contains("Kommun 1"))
        #expect(page.body.contains("<td class=\"number\">\(format.count(due.value!))</td>"))
        // Three charts (units, over the cycles, per month), each an image named by its title and
        // description, each followed by a table with a caption and header cells.
        let charts = Self.matches(page.body, #"<svg class="chart" viewBox="[^"]+" role="img" aria-labelledby="([^"]+)""#)
        #expect(charts == ["chart-units-title chart-units-desc", "chart-trend-title chart-trend-desc", "chart-months-title chart-months-desc"])
        for id in ["chart-units", "chart-trend", "chart-months"] {
            let after = page.body.components(separatedBy: "aria-labelledby=\"\(id)-title").last!
            let nextTable = after.components(separatedBy: "</table>").first!
            #expect(nextTable.contains("<title id=\"\(id)-title\">") && nextTable.contains("<desc id=\"\(id)-desc\">"))
            #expect(nextTable.contains("<table><caption>") && nextTable.contains("<th scope=\"col\"") && nextTable.contains("<th scope=\"row\""))
        }
        // Every förvaltning is a bar and a row of the table, and a link down the tree.
        let departments = rows.filter { !$0.selected && $0.period == "cycle" && $0.measure == "due" }
        #expect(departments.count >= 3)
        for department in departments {
            #expect(page.body.contains("unit=\(department.unit!.lowercased)"))
        }
        // No inline style anywhere (the CSP forbids it); the charts use presentation attributes.
        #expect(!page.body.contains("style="))
        #expect(page.body.contains("fill=\"#0b4f8a\""))
    }

    @Test func everyNumberOnThePageIsOneTheFunctionsPublished() async throws {
        let fixture = try await ReportFixture.shared()
        let client = try await fixture.app.client(loggedInAs: ReportFixture.director)
        let page = try await client.get("/overview")
        let cycle = try await fixture.newestCycle()
        let format = ReportFormat(language: .swedish)
        var allowed: Set<String> = [Self.hidden, "–", ""]
        func allow(value: Int?, share: String?) {
            if let value { allowed.insert(format.count(value)) }
            if let share, let fraction = Double(share) { allowed.insert(format.percent(fraction)) }
        }
        for row in try await fixture.coverage(cycle: cycle) { allow(value: row.value, share: row.share) }
        let cycles = try await fixture.app.database.app.transaction(as: try await fixture.director()) { transaction in
            try await transaction.query("SELECT cycle_id FROM report.cycles()").map { try $0.decode(UUID.self, column: 0) }
        }
        for other in cycles {
            for row in try await fixture.coverage(cycle: other, period: "cycle") where row.selected { allow(value: row.value, share: row.share) }
        }
        for row in try await fixture.support(cycle: cycle) {
            if let value = row.value, let number = Double(value) {
                allowed.insert(row.measure == "median_hours_to_first_contact" ? "\(format.decimal(number)) timmar" : format.count(Int(number)))
            }
            if let share = row.share, let fraction = Double(share) { allowed.insert(format.percent(fraction)) }
        }
        let cells = Self.numberCells(page.body)
        #expect(cells.count > 100)
        let strangers = cells.filter { !allowed.contains($0) }
        #expect(strangers.isEmpty, "numbers on the page that no report function returned: \(strangers)")
        let ticks: Set<String> = ["0\u{00A0}%", "50\u{00A0}%", "100\u{00A0}%"]
        let chartStrangers = Self.chartNumbers(page.body).filter { !allowed.contains($0) && !ticks.contains($0) }
        #expect(chartStrangers.isEmpty, "numbers in the charts that no report function returned: \(chartStrangers)")
    }

    @Test func filteringByUnitShowsTheUnitItsChildrenAndTheWayBack() async throws {
        let fixture = try await ReportFixture.shared()
        let client = try await fixture.app.client(loggedInAs: ReportFixture.director)
        let department = try await fixture.department()
        let cycle = try await fixture.newestCycle()
        let page = try await client.get("/overview?cycle=\(cycle.lowercased)&unit=\(department.id.lowercased)&period=")
        #expect(page.status == 200)
        // Breadcrumbs: the organisation is a link, the förvaltning is the current page.
        #expect(page.body.contains("<nav class=\"breadcrumbs\" aria-label=\"Var i organisationen\">"))
        #expect(page.body.contains("<a href=\"/overview?cycle=\(cycle.lowercased)\">Hela organisationen</a>"))
        #expect(page.body.contains("<span aria-current=\"page\">\(department.name)</span>"))
        // The chosen unit is selected in the filter form, and its children are its enheter.
        #expect(page.body.contains("<option value=\"\(department.id.lowercased)\" selected>"))
        let children = try await fixture.coverage(cycle: cycle, unit: department.id, period: "cycle").filter { !$0.selected && $0.measure == "due" }
        #expect(!children.isEmpty)
        for child in children where !child.direct {
            let name = try await fixture.app.database.owner.query("SELECT name FROM org.unit WHERE id = \(child.unit!)").first!.decode(String.self, column: 0)
            #expect(page.body.contains(name))
        }
        // Support requests are the organisation's only.
        #expect(page.body.contains("Stödärenden redovisas bara för hela organisationen."))
    }

    @Test func filteringByMonthShowsThatMonthsTalksAndRequests() async throws {
        let fixture = try await ReportFixture.shared()
        let client = try await fixture.app.client(loggedInAs: ReportFixture.director)
        let cycle = try await fixture.newestCycle()
        // The generated cycles are calendar years; March of the newest one.
        let year = try await fixture.app.database.app.transaction(as: try await fixture.director()) { transaction in
            try await transaction.query("SELECT extract(year FROM starts_on)::int FROM report.cycles() LIMIT 1").first!.decode(Int.self, column: 0)
        }
        let march = "\(year)-03"
        let rows = try await fixture.coverage(cycle: cycle, period: march)
        #expect(rows.count == 1 && rows[0].measure == "held")
        let page = try await client.get("/overview?cycle=\(cycle.lowercased)&period=\(march)")
        #expect(page.status == 200)
        #expect(page.body.contains("<h2 id=\"month-heading\">mars \(year)</h2>"))
        let cells = Self.numberCells(page.body)
        #expect(cells.first == (rows[0].value.map { ReportFormat(language: .swedish).count($0) } ?? Self.hidden))
        // The month's support requests (a month row of report.support()).
        let support = try await fixture.support(cycle: cycle, period: march)
        #expect(support.count == 1 && support[0].measure == "requests")
        #expect(page.body.contains("<option value=\"\(march)\" selected>"))
        // A month outside the cycle, or not a month at all, is not found.
        #expect(try await client.get("/overview?cycle=\(cycle.lowercased)&period=\(year + 5)-03").status == 404)
        #expect(try await client.get("/overview?period=march").status == 404)
    }

    @Test func csvCarriesExactlyTheSuppressedRowsOfTheFunctions() async throws {
        let fixture = try await ReportFixture.shared()
        let client = try await fixture.app.client(loggedInAs: ReportFixture.director)
        let cycle = try await fixture.newestCycle()
        let department = try await fixture.department()
        let filters: [(UUID?, String)] = [(nil, "cycle=" + cycle.lowercased),
                                          (department.id, "cycle=" + cycle.lowercased + "&unit=" + department.id.lowercased)]
        for (unit, query) in filters {
            let response = try await client.get("/overview.csv?" + query)
            #expect(response.status == 200)
            #expect(response.headers["content-type"] == "text/csv; charset=utf-8")
            #expect(response.headers["content-disposition"]?.hasPrefix("attachment; filename=\"oversikt-") == true)
            #expect(response.body.hasPrefix("\u{FEFF}table;unit_id;"))
            let lines = CSVLines.parse(String(response.body.dropFirst()))
            #expect(lines[0] == ["table", "unit_id", "unit_code", "unit_name", "level", "measure", "measure_label", "period", "value", "share", "share_of"])
            let coverage = try await fixture.coverage(cycle: cycle, unit: unit)
            let support = unit == nil ? try await fixture.support(cycle: cycle) : []
            #expect(lines.count == 1 + coverage.count + support.count)
            for (line, row) in zip(lines.dropFirst(), coverage) {
                let unitID: String = row.unit?.lowercased ?? ""
                let level: String = row.selected ? "selected" : row.direct ? "direct" : "child"
                let value: String = row.suppressed ? Self.hidden : String(row.value!)
                let share: String = row.share?.replacingOccurrences(of: ".", with: ",") ?? ""
                #expect(line[0] == "coverage" && line[1] == unitID && line[5] == row.measure && line[7] == row.period)
                #expect(line[4] == level && line[8] == value && line[9] == share)
            }
            for (line, row) in zip(lines.dropFirst(1 + coverage.count), support) {
                #expect(line[0] == "support" && line[5] == row.measure && line[7] == row.period)
                let expected = row.suppressed ? Self.hidden : row.value!.replacingOccurrences(of: ".", with: ",")
                #expect(line[8] == expected)
            }
        }
    }

    @Test func jsonCarriesExactlyTheSuppressedRowsOfTheFunctions() async throws {
        let fixture = try await ReportFixture.shared()
        let client = try await fixture.app.client(loggedInAs: ReportFixture.director)
        let cycle = try await fixture.newestCycle()
        let response = try await client.get("/api/overview?cycle=\(cycle.lowercased)")
        #expect(response.status == 200)
        #expect(response.headers["content-type"] == "application/json")
        let json = try JSONSerialization.jsonObject(with: Data(response.body.utf8)) as! [String: Any]
        #expect((json["organisation"] as! [String: Any])["name"] as? String == "Kommun 1")
        #expect((json["cycle"] as! [String: Any])["id"] as? String == cycle.lowercased)
        let coverage = json["coverage"] as! [[String: Any]]
        let expected = try await fixture.coverage(cycle: cycle)
        #expect(coverage.count == expected.count)
        var hiddenSeen = 0
        for (item, row) in zip(coverage, expected) {
            #expect(item["measure"] as? String == row.measure && item["period"] as? String == row.period)
            #expect((item["unit_id"] as? String) == row.unit?.lowercased)
            #expect(item["suppressed"] as? Bool == row.suppressed)
            if row.suppressed {
                hiddenSeen += 1
                #expect(item["value"] is NSNull)
                #expect(item["share"] is NSNull)
            } else {
                #expect((item["value"] as? NSNumber)?.intValue == row.value)
            }
            #expect((item["share"] as? NSNumber)?.doubleValue == row.share.flatMap(Double.init))
        }
        #expect(hiddenSeen > 0, "the generated organisation has hidden figures to check")
        let support = json["support"] as! [[String: Any]]
        let expectedSupport = try await fixture.support(cycle: cycle)
        #expect(support.count == expectedSupport.count)
        for (item, row) in zip(support, expectedSupport) {
            #expect(item["measure"] as? String == row.measure && item["suppressed"] as? Bool == row.suppressed)
            #expect(row.suppressed ? item["value"] is NSNull : (item["value"] as? NSNumber)?.doubleValue == Double(row.value!))
        }
    }

    @Test func hiddenFiguresAreTheMarkEverywhereNeverANumber() async throws {
        let fixture = try await ReportFixture.shared()
        // The demo organisation has 20 people: nearly every figure is hidden.
        let client = try await fixture.app.client(loggedInAs: "direktor.lena")
        let cycle = try await fixture.newestCycle("direktor.lena")
        let rows = try await fixture.coverage("direktor.lena", cycle: cycle)
        let hiddenRows = rows.filter(\.suppressed)
        #expect(hiddenRows.count > 20)
        #expect(hiddenRows.allSatisfy { $0.value == nil && $0.share == nil })

        let csv = CSVLines.parse(String(try await client.get("/overview.csv?cycle=\(cycle.lowercased)").body.dropFirst()))
        for (line, row) in zip(csv.dropFirst(), rows) where row.suppressed {
            #expect(line[8] == Self.hidden && line[9] == "")
        }
        let json = try JSONSerialization.jsonObject(with: Data(try await client.get("/api/overview?cycle=\(cycle.lowercased)").body.utf8)) as! [String: Any]
        for (item, row) in zip(json["coverage"] as! [[String: Any]], rows) where row.suppressed {
            #expect(item["value"] is NSNull && item["suppressed"] as? Bool == true)
        }
        // On the page, the chosen unit's hidden figures are the mark in their cells, and the bars of
        // hidden shares are stripes with the mark beside them, not bars.
        let page = try await client.get("/overview?cycle=\(cycle.lowercased)")
        let due = rows.first { $0.selected && $0.measure == "due" && $0.period == "cycle" }!
        #expect(due.suppressed)
        #expect(page.body.contains("<th scope=\"row\">Ska få frågan</th><td class=\"number figure--hidden\">dold</td>"))
        let hiddenBars = page.body.components(separatedBy: "fill=\"url(#chart-units-hidden)\"").count - 1
        let hiddenShares = rows.filter { !$0.selected && $0.measure == "asked" && $0.period == "cycle" && $0.share == nil }.count
        #expect(hiddenBars == hiddenShares && hiddenBars > 0)
        #expect(page.body.contains("font-weight=\"700\">dold</text>"))
    }

    @Test(arguments: ["chef.anna", "medarbetare.erik", "stod.sara", "admin.olof"])
    func otherRolesAreForbidden(login: String) async throws {
        let fixture = try await ReportFixture.shared()
        let client = try await fixture.app.client(loggedInAs: login)
        for path in ["/overview", "/overview.csv", "/api/overview"] {
            let response = try await client.get(path)
            #expect(response.status == 403, "\(login) \(path)")
            #expect(!response.body.contains("Kommun 1") && !response.body.contains("table;unit_id"))
        }
    }

    @Test func withoutASessionTheOverviewSendsToTheLoginPage() async throws {
        let fixture = try await ReportFixture.shared()
        let response = try await fixture.app.client().get("/overview.csv")
        #expect(response.status == 303 && response.location?.hasPrefix("/login?next=") == true)
    }

    @Test func aCycleOrUnitOfAnotherOrganisationIsNotFound() async throws {
        let fixture = try await ReportFixture.shared()
        let lena = try await fixture.app.client(loggedInAs: "direktor.lena")
        let otherCycle = try await fixture.newestCycle()
        let otherUnit = try await fixture.department().id
        for path in ["/overview", "/overview.csv", "/api/overview"] {
            for query in ["cycle=\(otherCycle.lowercased)", "unit=\(otherUnit.lowercased)", "unit=not-an-id", "cycle=\(UUID().uuidString)"] {
                let response = try await lena.get(path + "?" + query)
                #expect(response.status == 404, "\(path)?\(query)")
                #expect(!response.body.contains("Kommun 1") && !response.body.contains("Förvaltning"))
            }
        }
        let api = try await lena.get("/api/overview?unit=\(otherUnit.lowercased)")
        #expect(api.headers["content-type"] == "application/json" && api.body == "{\"error\":\"not_found\"}")
    }

    @Test func theOverviewSpeaksEnglishWhenAsked() async throws {
        let fixture = try await ReportFixture.shared()
        let client = try await fixture.app.client(loggedInAs: ReportFixture.director)
        client.setCookie("wr_lang", "en")
        let page = try await client.get("/overview")
        #expect(page.body.contains("<html lang=\"en\">") && page.body.contains("<h1>Overview</h1>"))
        #expect(page.body.contains("Figures about fewer than 5 people are not shown"))
        #expect(page.body.contains("Whole organisation") && page.body.contains("Share asked the question, by unit in Kommun 1"))
        let csv = try await client.get("/overview.csv")
        #expect(csv.body.contains(";due;Due the question;cycle;"))
        #expect(csv.headers["content-disposition"]?.contains("overview-") == true)
    }
}

/// Overview states that need a database of their own (they change or lack published figures).
@Suite struct OverviewStateTests {
    @Test func beforeAnythingIsPublishedThePageSaysSo() async throws {
        let fixture = try await AppFixture.make()
        defer { Task { await fixture.close() } }
        let client = try await fixture.client(loggedInAs: "direktor.lena")
        let page = try await client.get("/overview")
        #expect(page.status == 200 && page.body.contains("Det finns inga publicerade siffror ännu."))
        #expect(!page.body.contains("<svg"))
        let json = try JSONSerialization.jsonObject(with: Data(try await client.get("/api/overview").body.utf8)) as! [String: Any]
        #expect(json["cycle"] is NSNull && (json["coverage"] as! [Any]).isEmpty)
    }

    @Test func thePageShowsWhatThePublishedTableSaysAndNothingElse() async throws {
        let fixture = try await AppFixture.make()
        defer { Task { await fixture.close() } }
        try await DemoOrganisation.refreshFigures(in: fixture.database.owner)
        let client = try await fixture.client(loggedInAs: "direktor.lena")
        let before = try await client.get("/overview")
        #expect(before.body.contains("<th scope=\"row\">Ska få frågan</th><td class=\"number figure--hidden\">dold</td>"))
        // Change the published figure behind the organisation's "due" (measure 1 of node 0): the
        // page follows the published table, so it computes nothing from the raw rows.
        _ = try await fixture.database.owner.query("""
            UPDATE report.published p SET vals[1] = 4242 FROM report.fact_table t
            WHERE p.tid = t.tid AND p.node = 0 AND t.family = 'person'
              AND t.organisation_id = (SELECT id FROM org.organisation WHERE slug = 'ostersund-demo')
            """)
        let after = try await client.get("/overview")
        #expect(after.body.contains("<th scope=\"row\">Ska få frågan</th><td class=\"number\">4\u{00A0}242</td>"))
    }
}
