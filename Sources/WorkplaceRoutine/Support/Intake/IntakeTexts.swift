/// Texts of the contact-wishes form, shared by every way a support request is made.
public struct IntakeTexts: Sendable {
    /// Legend: what the request is about.
    public let kindLegend: String
    /// Kind: I am exposed.
    public let kindExposed: String
    /// Kind: I am worried about someone.
    public let kindWorried: String
    /// Kind: I use violence and want help to stop.
    public let kindUsesViolence: String
    /// Kind: contact after the talk (consented outcome).
    public let kindTalkReferral: String
    /// Error: no kind chosen.
    public let kindMissing: String
    /// Legend: how to be contacted.
    public let channelLegend: String
    /// Hint under the channel legend.
    public let channelHint: String
    /// Channel: phone call.
    public let channelPhone: String
    /// Channel: SMS.
    public let channelSMS: String
    /// Channel: private e-mail.
    public let channelEmail: String
    /// Channel: only messages inside this service.
    public let channelDialogue: String
    /// Hint for the dialogue channel.
    public let channelDialogueHint: String
    /// Error: no channel chosen.
    public let channelMissing: String
    /// Label: phone number.
    public let phoneLabel: String
    /// Hint: phone number.
    public let phoneHint: String
    /// Error: phone number missing.
    public let phoneMissing: String
    /// Error: phone number impossible.
    public let phoneInvalid: String
    /// Label: private e-mail.
    public let emailLabel: String
    /// Hint: private e-mail.
    public let emailHint: String
    /// Error: e-mail missing.
    public let emailMissing: String
    /// Error: e-mail invalid.
    public let emailInvalid: String
    /// Legend: safe days.
    public let safeDaysLegend: String
    /// Hint: safe days.
    public let safeDaysHint: String
    /// Weekday names, Monday first.
    public let weekdays: [String]
    /// Error: no safe day.
    public let safeDaysMissing: String
    /// Label: safe from.
    public let safeFromLabel: String
    /// Label: safe until.
    public let safeUntilLabel: String
    /// Hint for time fields.
    public let timeHint: String
    /// Error: time not HH:MM.
    public let timeInvalid: String
    /// Error: from not before until.
    public let timeOrder: String
    /// Legend: what may be left.
    public let leaveLegend: String
    /// Voice message may be left.
    public let voiceMessageOK: String
    /// Written message (SMS/e-mail) may be left.
    public let writtenMessageOK: String
    /// Label: language.
    public let languageLabel: String
    /// Language names by code, in the order shown.
    public let languages: [(code: String, name: String)]
    /// Label: interpreter.
    public let interpreterLabel: String
    /// Choice: no interpreter.
    public let interpreterNone: String
    /// Error: unknown language.
    public let languageInvalid: String
    /// Label: what to call you.
    public let nameLabel: String
    /// Hint: what to call you.
    public let nameHint: String
    /// Error: name too long.
    public let nameTooLong: String
    /// Label: free text.
    public let messageLabel: String
    /// Hint: free text.
    public let messageHint: String
    /// Error: text too long (with the limit).
    public let messageTooLong: @Sendable (Int) -> String
}
