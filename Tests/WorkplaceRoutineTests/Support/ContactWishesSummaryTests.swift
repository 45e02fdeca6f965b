import Foundation
import Testing
@testable import WorkplaceRoutine

@Suite struct ContactWishesSummaryTests {
    static func make(_ channel: ContactWishes.Channel = .sms, address: String? = "+46701234567", days: [Int] = [1, 2, 3],
                     voice: Bool = false, written: Bool = false, interpreter: String? = "ar", language: Language = .swedish) -> String {
        let wishes = ContactWishes(channel: channel, address: address, safeWeekdays: days, safeFrom: "08:00", safeUntil: "10:00",
                                   voiceMessageOK: voice, writtenMessageOK: written, language: "sv", interpreterLanguage: interpreter,
                                   name: nil, message: nil)
        let texts = Texts.of(language)
        return ContactWishesSummary(wishes: wishes, texts: texts.support, intake: texts.intake, language: language).sentence
    }

    @Test func saysTheWishesInOnePlainSentence() {
        #expect(Self.make() == "Bara SMS till 070-123 45 67, måndag–onsdag 08:00–10:00, inga röstmeddelanden, inga skriftliga meddelanden, språk: svenska, tolk: arabiska.")
        #expect(Self.make(.dialogue, address: nil, days: [1, 2, 3, 4, 5, 6, 7], voice: true, written: true, interpreter: nil)
                == "Bara meddelanden här i tjänsten – ring, sms:a eller mejla inte, alla dagar 08:00–10:00, röstmeddelande går bra, skriftligt meddelande går bra, språk: svenska, ingen tolk.")
        #expect(Self.make(.email, address: "kim@example.se", days: [6]).hasPrefix("Bara e-post till kim@example.se, lördag 08:00–10:00"))
        #expect(Self.make(language: .english) == "Only text messages to 070-123 45 67, Monday–Wednesday 08:00–10:00, no voice messages, no written messages, language: Swedish, interpreter: Arabic.")
    }

    @Test func groupsRunsOfThreeOrMoreDays() {
        let texts = Texts.of(.swedish).support
        #expect(ContactWishesSummary.days([1, 2, 3, 4, 5], texts: texts) == "måndag–fredag")
        #expect(ContactWishesSummary.days([1, 2, 3, 5], texts: texts) == "måndag–onsdag och fredag")
        #expect(ContactWishesSummary.days([1, 3], texts: texts) == "måndag och onsdag")
        #expect(ContactWishesSummary.days([1, 2, 4, 6, 7], texts: texts) == "måndag, tisdag, torsdag, lördag och söndag")
        #expect(ContactWishesSummary.days([7, 6, 5], texts: texts) == "fredag–söndag")
        #expect(ContactWishesSummary.days([2], texts: texts) == "tisdag")
    }

    @Test func foreignNumbersAreShownAsDialled() {
        #expect(Self.make(.phone, address: "+4520123456").hasPrefix("Bara telefonsamtal till +4520123456,"))
    }
}
