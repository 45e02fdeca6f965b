import Foundation
import Notifier

/// What a support request is about (*ärendetyp*). The three a person can choose, and the one a
/// confirmed outcome of a talk becomes.
public enum RequestKind: String, Sendable, CaseIterable {
    /// "Jag är utsatt".
    case exposed
    /// "Jag är orolig för någon".
    case worried
    /// "Jag använder våld och vill ha hjälp att sluta".
    case usesViolence = "uses_violence"
    /// Routed from a consented outcome of a talk.
    case talkReferral = "talk_referral"

    /// The kinds a person chooses between on the request form.
    public static let chosenByPerson: [RequestKind] = [.exposed, .worried, .usesViolence]
}

/// How, when and in which language a person wants to be contacted — on their own terms
/// (the Mjölby model). Validated from a form; never logged.
public struct ContactWishes: Sendable, Equatable {
    /// The channel the person chose.
    public enum Channel: String, Sendable, CaseIterable {
        /// A phone call.
        case phone
        /// A text message.
        case sms
        /// A private e-mail address.
        case email
        /// Only the dialogue inside the service.
        case dialogue
    }

    /// The chosen channel.
    public var channel: Channel
    /// The phone number (E.164) or e-mail address; nil for the dialogue channel.
    public var address: String?
    /// ISO weekdays (1 = Monday) when contact is safe.
    public var safeWeekdays: [Int]
    /// Safe from, `HH:MM`.
    public var safeFrom: String
    /// Safe until, `HH:MM`.
    public var safeUntil: String
    /// Whether a voice message may be left.
    public var voiceMessageOK: Bool
    /// Whether a written message (SMS, e-mail) may be left.
    public var writtenMessageOK: Bool
    /// The language of the contact (ISO 639-1 code).
    public var language: String
    /// The interpreter's language, if an interpreter is needed.
    public var interpreterLanguage: String?
    /// What the person wants to be called, if anything.
    public var name: String?
    /// What the person chose to tell, if anything.
    public var message: String?

    /// Longest free text accepted.
    public static let messageLimit = 4000
    /// Longest name accepted.
    public static let nameLimit = 100

    /// Field names of the form (shared by every form that embeds the contact-wishes fields).
    enum Field {
        static let kind = "kind"
        static let channel = "channel"
        static let phone = "phone"
        static let email = "email"
        static let safeDays = "safe_days"
        static let safeFrom = "safe_from"
        static let safeUntil = "safe_until"
        static let voiceOK = "voice_ok"
        static let writtenOK = "written_ok"
        static let language = "language"
        static let interpreter = "interpreter"
        static let name = "name"
        static let message = "message"
    }

    /// Reads and validates the contact wishes from `form`; every problem is added to `form` next to
    /// its field, and nothing typed is lost. Returns nil when anything is wrong.
    static func validate(_ form: inout FormState, texts: IntakeTexts) -> ContactWishes? {
        let channel = Channel(rawValue: form.value(Field.channel))
        if channel == nil { form.fail("channel", texts.channelMissing) }
        var address: String?
        switch channel {
        case .phone, .sms:
            let text = form.value(Field.phone).trimmingCharacters(in: .whitespaces)
            if text.isEmpty {
                form.fail("phone", texts.phoneMissing)
            } else if let number = PhoneNumber(text) {
                address = number.e164
            } else {
                form.fail("phone", texts.phoneInvalid)
            }
        case .email:
            let text = form.value(Field.email).trimmingCharacters(in: .whitespaces)
            if text.isEmpty {
                form.fail("email", texts.emailMissing)
            } else if let email = EmailAddress(text) {
                address = email.address
            } else {
                form.fail("email", texts.emailInvalid)
            }
        case .dialogue, nil:
            break
        }
        let days = Set(form.all(Field.safeDays).compactMap(Int.init)).filter { (1...7).contains($0) }.sorted()
        if days.isEmpty { form.fail("safe_days", texts.safeDaysMissing) }
        let from = ContactWishes.clockTime(form.value(Field.safeFrom))
        let until = ContactWishes.clockTime(form.value(Field.safeUntil))
        if from == nil { form.fail("safe_from", texts.timeInvalid) }
        if until == nil { form.fail("safe_until", texts.timeInvalid) }
        if let from, let until, until <= from { form.fail("safe_until", texts.timeOrder) }
        let codes = Set(texts.languages.map(\.code))
        let language = form.value(Field.language)
        if !codes.contains(language) { form.fail("language", texts.languageInvalid) }
        let interpreter = form.value(Field.interpreter)
        if !interpreter.isEmpty && !codes.contains(interpreter) { form.fail("interpreter", texts.languageInvalid) }
        let name = form.value(Field.name).trimmingCharacters(in: .whitespacesAndNewlines)
        if name.count > nameLimit { form.fail("name", texts.nameTooLong) }
        let message = form.value(Field.message).trimmingCharacters(in: .whitespacesAndNewlines)
        if message.count > messageLimit { form.fail("message", texts.messageTooLong(messageLimit)) }
        guard form.isValid, let channel, let from, let until else { return nil }
        return ContactWishes(
            channel: channel, address: address, safeWeekdays: days,
            safeFrom: ContactWishes.format(from), safeUntil: ContactWishes.format(until),
            voiceMessageOK: form.value(Field.voiceOK) == "1", writtenMessageOK: form.value(Field.writtenOK) == "1",
            language: language, interpreterLanguage: interpreter.isEmpty ? nil : interpreter,
            name: name.isEmpty ? nil : name, message: message.isEmpty ? nil : message)
    }

    /// Minutes after midnight for `H:MM`/`HH:MM` (also `HH.MM`, as Swedes often write), else nil.
    static func clockTime(_ text: String) -> Int? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(whereSeparator: { $0 == ":" || $0 == "." })
        guard parts.count == 2, parts[1].count == 2, (1...2).contains(parts[0].count),
              let hours = Int(parts[0]), let minutes = Int(parts[1]), (0...23).contains(hours), (0...59).contains(minutes)
        else { return nil }
        return hours * 60 + minutes
    }

    static func format(_ minutes: Int) -> String {
        String(minutes / 60).leftPadded(to: 2) + ":" + String(minutes % 60).leftPadded(to: 2)
    }

    /// The defaults a new form starts with: weekdays, office hours, Swedish, nothing may be left.
    static func defaults(language: Language) -> [String: [String]] {
        [Field.safeDays: ["1", "2", "3", "4", "5"], Field.safeFrom: ["08:00"], Field.safeUntil: ["17:00"],
         Field.language: [language == .english ? "en" : "sv"]]
    }
}
