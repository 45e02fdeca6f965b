import Foundation
import Testing
@testable import Notifier

@Suite struct ManagerDigestTests {
    @Test func swedishDigestListsCountsWithLinksAndNoNames() throws {
        let digest = ManagerDigest(talksWithinSevenDays: 2, talksHeldNotRecorded: 1, newHiresDue: 3, employeesNotYetPlanned: 4, daysUntilCycleEnds: 30)
        let rendered = digest.render(in: .swedish, context: try makeContext(name: "Karin"))
        #expect(rendered.subject == "Påminnelser om medarbetarsamtal")
        #expect(rendered.body == """
            Hej Karin!

            Här är dagens påminnelser om medarbetarsamtal i ditt team.

            - 2 medarbetarsamtal är planerade inom 7 dagar. I samtalet ställer du frågan om våld i nära relationer, som ställs till alla medarbetare. Läs vägledningen före samtalet: https://stod.example.se/chef/vagledning
            - 1 samtal har hållits men är inte registrerat ännu. Registrera om frågan ställdes: https://stod.example.se/chef/team
            - 3 nyanställda ska snart få frågan i ett samtal. Planera samtalet: https://stod.example.se/chef/team
            - Perioden slutar om 30 dagar och 4 medarbetare har ännu inget planerat samtal.

            Se ditt team och planera samtal: https://stod.example.se/chef/team

            Påminnelserna skickas automatiskt högst en gång per dag. Svara inte på det här meddelandet.

            """)
        #expect(rendered.smsText == "Du har nya påminnelser om medarbetarsamtal. Logga in på https://stod.example.se för att se dem.")
    }

    @Test func englishDigestUsesSingularForOne() throws {
        let digest = ManagerDigest(talksWithinSevenDays: 1, talksHeldNotRecorded: 1, newHiresDue: 1, employeesNotYetPlanned: 1, daysUntilCycleEnds: 1)
        let body = digest.render(in: .english, context: try makeContext()).body
        #expect(body.hasPrefix("Hello,\n"))
        #expect(body.contains("- 1 development talk is planned within 7 days."))
        #expect(body.contains("- 1 talk has been held but not recorded yet."))
        #expect(body.contains("- 1 new employee is due to be asked"))
        #expect(body.contains("- The cycle ends in 1 day and 1 employee has no talk planned yet."))
    }

    @Test func swedishDigestUsesSingularForOne() throws {
        let body = ManagerDigest(talksWithinSevenDays: 1, talksHeldNotRecorded: 1, newHiresDue: 1, employeesNotYetPlanned: 1, daysUntilCycleEnds: 1)
            .render(in: .swedish, context: try makeContext()).body
        #expect(body.hasPrefix("Hej!\n"))
        #expect(body.contains("- 1 medarbetarsamtal är planerat inom 7 dagar."))
        #expect(body.contains("- 1 samtal har hållits men är inte registrerat ännu."))
        #expect(body.contains("- 1 nyanställd ska snart"))
        #expect(body.contains("- Perioden slutar om 1 dag och 1 medarbetare"))
    }

    @Test func leavesOutLinesWithNothingToSay() throws {
        let body = ManagerDigest(talksHeldNotRecorded: 2).render(in: .swedish, context: try makeContext()).body
        #expect(body.contains("2 samtal har hållits"))
        #expect(!body.contains("inom 7 dagar"))
        #expect(!body.contains("nyanställd"))
        #expect(!body.contains("Perioden slutar"))
        // The guide is linked only where a talk is coming up.
        #expect(!body.contains("vagledning"))
    }

    @Test func cycleEndLineNeedsBothAnEndAndUnplannedEmployees() throws {
        #expect(ManagerDigest(employeesNotYetPlanned: 5).isEmpty)
        #expect(ManagerDigest(daysUntilCycleEnds: 30).isEmpty)
        #expect(!ManagerDigest(employeesNotYetPlanned: 5, daysUntilCycleEnds: 30).isEmpty)
        #expect(ManagerDigest().isEmpty)
    }

    @Test func greetsOnlyWithACleanedName() throws {
        let body = ManagerDigest(newHiresDue: 1).render(in: .swedish, context: try makeContext(name: " Karin\r\n\tBcc:  x \u{202E}")).body
        #expect(body.hasPrefix("Hej Karin Bcc: x!\n"))
    }

    @Test func readsNegativeCountsAsZero() throws {
        let digest = ManagerDigest(talksWithinSevenDays: -3, daysUntilCycleEnds: -1)
        #expect(digest.talksWithinSevenDays == 0)
        #expect(digest.daysUntilCycleEnds == 0)
        let decoded = try JSONDecoder().decode(ManagerDigest.self, from: Data(#"{"newHiresDue":-4,"talksHeldNotRecorded":2}"#.utf8))
        #expect(decoded == ManagerDigest(talksHeldNotRecorded: 2))
    }

    private func makeContext(name: String? = nil) throws -> TemplateContext {
        TemplateContext(links: try #require(ServiceLinks(base: URL(string: "https://stod.example.se")!)), recipientDisplayName: name)
    }
}
