import Notifier

/// The contact wishes in plain words, first on the case page so nobody has to piece them together:
/// "Bara SMS till 070-123 45 67, måndag–onsdag och fredag 08:00–10:00, inga röstmeddelanden,
/// skriftligt meddelande går bra, språk: svenska, tolk: arabiska."
struct ContactWishesSummary {
    let wishes: ContactWishes
    let texts: SupportTexts
    let intake: IntakeTexts
    let language: Language

    /// The whole summary as one sentence.
    var sentence: String {
        let parts = [channel, when, texts.voicePhrase(wishes.voiceMessageOK), texts.writtenPhrase(wishes.writtenMessageOK),
                     texts.languagePhrase(languageName(wishes.language)), texts.interpreterPhrase(wishes.interpreterLanguage.map(languageName))]
        let joined = parts.joined(separator: ", ")
        return joined.prefix(1).uppercased() + joined.dropFirst() + "."
    }

    /// How to reach the person; phone numbers as written in Sweden.
    var channel: String {
        var address = wishes.address
        if wishes.channel == .phone || wishes.channel == .sms, let text = address, let number = PhoneNumber(text) {
            address = number.nationalFormat ?? number.e164
        }
        return texts.channelPhrase(wishes.channel, address)
    }

    /// The safe days and hours: "måndag–onsdag och fredag 08:00–10:00".
    var when: String {
        "\(ContactWishesSummary.days(wishes.safeWeekdays, texts: texts)) \(wishes.safeFrom)–\(wishes.safeUntil)"
    }

    /// Weekdays (1 = Monday) as runs: three or more days in a row become "måndag–onsdag".
    static func days(_ weekdays: [Int], texts: SupportTexts) -> String {
        let days = Set(weekdays.filter { (1...7).contains($0) }).sorted()
        if days.count == 7 { return texts.everyDay }
        var runs: [[Int]] = []
        for day in days {
            if let last = runs.last?.last, last == day - 1 { runs[runs.count - 1].append(day) } else { runs.append([day]) }
        }
        var pieces: [String] = []
        for run in runs {
            let names = run.map { texts.weekdayNames[$0 - 1] }
            if run.count >= 3 { pieces.append("\(names.first!)–\(names.last!)") } else { pieces.append(contentsOf: names) }
        }
        guard pieces.count > 1 else { return pieces.first ?? "" }
        return pieces.dropLast().joined(separator: ", ") + " \(texts.and) " + pieces.last!
    }

    private func languageName(_ code: String) -> String {
        let name = intake.languages.first { $0.code == code }?.name ?? code
        // Swedish writes language names in lower case inside a sentence.
        return language == .swedish ? name.lowercased() : name
    }
}
