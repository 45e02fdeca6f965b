import Testing
@testable import Notifier

@Suite struct PhoneNumberTests {
    @Test(arguments: [
        "070-123 45 67", "0701234567", "070 123 45 67", "070-1234567", "+46 70 123 45 67", "+46701234567",
        "+46 (0)70-123 45 67", "+46 070 123 45 67", "0046 70 123 45 67", "0046701234567", " 070.123.45.67 ",
        "070\u{00A0}123\u{00A0}45\u{00A0}67", "070–123 45 67", "(070) 123 45 67",
    ])
    func readsTheWaysSwedesWriteAMobileNumber(text: String) throws {
        let number = try #require(PhoneNumber(text))
        #expect(number.e164 == "+46701234567")
        #expect(number.isSwedish)
        #expect(number.isSwedishMobile)
        #expect(number.nationalFormat == "070-123 45 67")
    }

    @Test func readsSwedishLandlines() throws {
        let stockholm = try #require(PhoneNumber("08-123 456 78"))
        #expect(stockholm.e164 == "+46812345678")
        #expect(!stockholm.isSwedishMobile)
        #expect(stockholm.nationalFormat == "0812345678")
        #expect(try #require(PhoneNumber("063-14 30 00")).e164 == "+4663143000")
    }

    @Test func readsForeignNumbersWithCountryCode() throws {
        let norwegian = try #require(PhoneNumber("+47 912 34 567"))
        #expect(norwegian.e164 == "+4791234567")
        #expect(!norwegian.isSwedish)
        #expect(!norwegian.isSwedishMobile)
        #expect(norwegian.nationalFormat == nil)
        #expect(try #require(PhoneNumber("0047 91234567")).e164 == "+4791234567")
    }

    @Test(arguments: [
        "", "070", "070-123", "0701234567890", "70 123 45 67", "46701234567", "+46 12", "+46 0 0701234567",
        "070-123 45 6x", "070-123 45 67 ankn. 12", "+0 123 456 789", "+1234567890123456", "tel:+46701234567",
        "070\n1234567", "++46701234567", "+46 (0)", "0046",
    ])
    func refusesWhatIsNotANumber(text: String) {
        #expect(PhoneNumber(text) == nil)
    }

    @Test func neverPrintsTheNumber() throws {
        let number = try #require(PhoneNumber("070-123 45 67"))
        for text in [number.description, number.debugDescription, "\(number)", String(reflecting: number)] {
            #expect(!text.contains("123"))
        }
    }
}
