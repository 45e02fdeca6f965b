import Foundation
import Testing
@testable import Notifier

@Suite struct NotificationTemplateTests {
    /// Words that must never appear in anything an employee or the support team receives: the
    /// subject, the kinds of request, the help offered. Matched case-insensitively anywhere, so
    /// compounds (`stödärendet`, `våldsutsatthet`) are caught too.
    static let sensitiveTerms = [
        // Swedish
        "våld", "våldsutsatt", "misshandel", "misshandlad", "stödärende", "stöd­ärende", "ärende", "kris", "skyddat boende",
        "skyddad", "jourboende", "hot", "trakasser", "förövare", "offer", "polis", "socialtjänst", "kvinnofrid",
        "relation", "anmälan", "oro", "rädd", "fara", "säkerhet", "hjälp", "heder", "sexuell", "kontroll", "behandl",
        "utsatt", "samtycke", "anonym", "begäran", "förfrågan", "tidsfrist", "frist", "deadline", "svar från",
        // English
        "violence", "violent", "abuse", "victim", "case", "crisis", "shelter", "threat", "police", "danger", "safety",
        "perpetrator", "domestic", "harass", "assault", "support request", "request", "report", "help", "relationship",
        "protected", "concern", "worr", "consent", "anonymous", "reply from", "overdue",
    ]

    /// Display names a careless caller might pass: names, the subject, injection attempts.
    static let hostileNames: [String?] = [
        nil,
        "Anna Andersson",
        "Våldsutsatt Anna (stödärende 4711, skyddat boende)",
        "Victim of domestic violence – case 17",
        "Eve\r\nBcc: everyone@ostersund.se",
        String(repeating: "x", count: 500),
    ]

    @Test(arguments: [NotificationTemplate.newMessageForEmployee, .newMessageForSupport], Language.allCases)
    func neutralTemplateContainsNoSensitiveWord(template: NotificationTemplate, language: Language) throws {
        for name in NotificationTemplateTests.hostileNames {
            let rendered = template.render(in: language, context: try makeContext(name: name))
            let text = (rendered.subject + "\n" + rendered.body + "\n" + rendered.smsText).lowercased()
            for term in NotificationTemplateTests.sensitiveTerms {
                #expect(!text.contains(term.lowercased()), "\(template.key) \(language) contains \(term)")
            }
            #expect(!text.contains("anna"))
            #expect(!text.contains("eve"))
        }
    }

    @Test(arguments: Language.allCases)
    func everyEmployeeAndSupportNotificationIsIdentical(language: Language) throws {
        var renderings: [RenderedMessage] = []
        for template in [NotificationTemplate.newMessageForEmployee, .newMessageForSupport] {
            for name in NotificationTemplateTests.hostileNames {
                renderings.append(template.render(in: language, context: try makeContext(name: name)))
            }
        }
        #expect(Set(renderings.map(\.subject)).count == 1)
        #expect(Set(renderings.map(\.body)).count == 1)
        #expect(Set(renderings.map(\.smsText)).count == 1)
        #expect(Set(renderings.map { $0.subject.utf8.count + $0.body.utf8.count + $0.smsText.utf8.count }).count == 1)
    }

    @Test func swedishNeutralMessageSaysOnlyWhereToLogIn() throws {
        let rendered = NotificationTemplate.newMessageForEmployee.render(in: .swedish, context: try makeContext())
        #expect(rendered.subject == "Nytt meddelande i Medarbetarstöd")
        #expect(rendered.smsText == "Du har ett nytt meddelande i Medarbetarstöd. Logga in på https://medarbetarstod.ostersund.se för att läsa det.")
        #expect(rendered.body == """
            Hej!

            Du har ett nytt meddelande i Medarbetarstöd. Logga in på https://medarbetarstod.ostersund.se för att läsa det.

            Det här meddelandet skickas automatiskt. Svara inte på det.

            """)
    }

    @Test func englishNeutralMessageSaysOnlyWhereToLogIn() throws {
        let rendered = NotificationTemplate.newMessageForSupport.render(in: .english, context: try makeContext())
        #expect(rendered.subject == "New message in Medarbetarstöd")
        #expect(rendered.smsText == "You have a new message in Medarbetarstöd. Log in at https://medarbetarstod.ostersund.se to read it.")
    }

    @Test func neutralSMSFitsOneMessage() throws {
        // 160 GSM characters; å, ä and ö are in the GSM 03.38 alphabet.
        for language in Language.allCases {
            #expect(NotificationTemplate.newMessageForEmployee.render(in: language, context: try makeContext()).smsText.count <= 160)
        }
    }

    @Test func keysAndAudiences() {
        #expect(NotificationTemplate.newMessageForEmployee.key == .newMessageForEmployee)
        #expect(NotificationTemplate.newMessageForSupport.audience == .support)
        #expect(NotificationTemplate.managerDigest(ManagerDigest(newHiresDue: 1)).audience == .manager)
        #expect(Audience.employee.requiresNeutralWording && Audience.support.requiresNeutralWording)
        #expect(!Audience.manager.requiresNeutralWording)
        #expect(TemplateKey(rawValue: "new-message-employee") == .newMessageForEmployee)
    }

    @Test func encodesToAStableShape() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(String(decoding: try encoder.encode(NotificationTemplate.newMessageForSupport), as: UTF8.self) == #"{"key":"new-message-support"}"#)
        let digest = NotificationTemplate.managerDigest(ManagerDigest(talksWithinSevenDays: 2, daysUntilCycleEnds: 30))
        let data = try encoder.encode(digest)
        #expect(String(decoding: data, as: UTF8.self).hasPrefix(#"{"digest":{"#))
        #expect(try JSONDecoder().decode(NotificationTemplate.self, from: data) == digest)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(NotificationTemplate.self, from: Data(#"{"key":"violence-case"}"#.utf8)) }
    }

    private func makeContext(name: String? = nil) throws -> TemplateContext {
        TemplateContext(links: try #require(ServiceLinks(base: URL(string: "https://medarbetarstod.ostersund.se/")!)), recipientDisplayName: name)
    }
}
