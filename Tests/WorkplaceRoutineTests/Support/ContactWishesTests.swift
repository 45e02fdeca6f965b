import Testing
@testable import WorkplaceRoutine

@Suite struct ContactWishesTests {
    static let texts = IntakeTexts.swedish

    static func makeForm(_ pairs: [(String, String)]) -> FormState {
        var values: [String: [String]] = [:]
        for (name, value) in pairs { values[name, default: []].append(value) }
        return FormState(values: values, errorPrefix: "Fel:")
    }

    static let valid: [(String, String)] = [
        ("channel", "sms"), ("phone", "070-123 45 67"), ("safe_days", "1"), ("safe_days", "3"),
        ("safe_from", "08:00"), ("safe_until", "10:00"), ("written_ok", "1"), ("language", "sv"),
    ]

    @Test func acceptsAValidFormAndNormalisesThePhoneNumber() throws {
        var form = Self.makeForm(Self.valid)
        let wishes = try #require(ContactWishes.validate(&form, texts: Self.texts))
        #expect(wishes.channel == .sms)
        #expect(wishes.address == "+46701234567")
        #expect(wishes.safeWeekdays == [1, 3])
        #expect(wishes.voiceMessageOK == false && wishes.writtenMessageOK == true)
        #expect(wishes.message == nil && wishes.name == nil)
    }

    @Test(arguments: [
        ("phone", "12", "phone"),
        ("safe_days", "", "safe_days"),
        ("safe_until", "07:00", "safe_until"),
        ("safe_from", "25:00", "safe_from"),
        ("language", "xx", "language"),
        ("channel", "pigeon", "channel"),
    ])
    func explainsEachProblemNextToItsFieldAndKeepsWhatWasTyped(field: String, value: String, errorField: String) {
        var pairs = Self.valid.filter { $0.0 != field }
        if !value.isEmpty { pairs.append((field, value)) }
        var form = Self.makeForm(pairs)
        #expect(ContactWishes.validate(&form, texts: Self.texts) == nil)
        #expect(form.error(for: errorField) != nil, "no error for \(errorField)")
        #expect(form.value(field) == value)
    }

    @Test func keepsATextOverTheLimitWordForWord() {
        let long = String(repeating: "å", count: ContactWishes.messageLimit + 1)
        var form = Self.makeForm(Self.valid + [("message", long)])
        #expect(ContactWishes.validate(&form, texts: Self.texts) == nil)
        #expect(form.error(for: "message")?.message.contains("4000") == true)
        #expect(form.value("message") == long)
    }

    @Test func dialogueNeedsNoAddressAndEmailMustBeValid() throws {
        var dialogue = Self.makeForm([("channel", "dialogue"), ("safe_days", "5"), ("safe_from", "9.30"), ("safe_until", "12:00"), ("language", "en")])
        let wishes = try #require(ContactWishes.validate(&dialogue, texts: Self.texts))
        #expect(wishes.address == nil && wishes.safeFrom == "09:30")
        var email = Self.makeForm([("channel", "email"), ("email", "not an address"), ("safe_days", "5"), ("safe_from", "09:00"), ("safe_until", "12:00"), ("language", "sv")])
        #expect(ContactWishes.validate(&email, texts: Self.texts) == nil)
        #expect(email.error(for: "email") != nil)
    }

    @Test func receiptsAreSixteenDigitsAndReadAsTyped() throws {
        let receipt = Receipt.generate()
        #expect(receipt.digits.count == 16 && receipt.digits.allSatisfy(\.isNumber))
        #expect(receipt.grouped.split(separator: " ").count == 4)
        #expect(Receipt(typed: receipt.grouped) == receipt)
        #expect(Receipt(typed: "1234-5678-9012-345") == nil)
        #expect(Receipt(typed: "1234 5678 9012 345x") == nil)
        #expect("\(receipt)" == "<receipt>")
    }
}
