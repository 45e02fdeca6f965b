import Foundation
import Testing
@testable import WorkplaceRoutine

/// The guide for asking the question, with the organisation's own support resources.
@Suite struct GuideTests {
    @Test func theGuideCoversHowToAskFormsOfViolenceMeasuresAndTheOrganisationsResources() async throws {
        let fixture = try await AppFixture.make()
        defer { Task { await fixture.close() } }
        let page = try await fixture.client(loggedInAs: "chef.anna").get("/guide")
        #expect(page.status == 200)
        for text in ["Är det okej att jag ställer en fråga", "Jag frågar alla", "Utred inte", "Ekonomiskt våld", "Latent våld",
                     "Hedersrelaterat", "isolering och kontroll", "Om svaret är ja", "Ändrade arbetstider",
                     "063-14 30 00", "social beredskap", "Kvinnofridslinjen", "020-50 50 50", "Välj att sluta", "020-555 666",
                     "href=\"tel:020505050\"", "/guide/print"] {
            #expect(page.body.contains(text), "the guide lacks \(text)")
        }
        let print = try await fixture.client(loggedInAs: "chef.anna").get("/guide/print")
        #expect(print.status == 200 && print.body.contains("data-print") && print.body.contains("Kvinnofridslinjen"))
        let english = try await fixture.client(loggedInAs: "chef.anna")
        _ = try await english.get("/language?to=en&return=/guide")
        let translated = try await english.get("/guide")
        #expect(translated.body.contains("How to ask") && translated.body.contains("Outside office hours"))
    }

    @Test func theGuideIsForManagers() async throws {
        let fixture = try await AppFixture.make()
        defer { Task { await fixture.close() } }
        #expect(try await fixture.client(loggedInAs: "medarbetare.erik").get("/guide").status == 403)
    }
}
