/// A heading and its paragraphs (the safety advice).
public struct TextSection: Sendable {
    /// The heading.
    public let heading: String
    /// The paragraphs under it.
    public let paragraphs: [String]
}

/// Texts of the confidential support journey: the public start page, the safety advice, both doors,
/// the receipt, the person's own view and the support team's inbox and case page.
///
/// Page titles here are neutral on purpose (they show in tabs, history and screen sharing); the
/// bodies may explain.
public struct SupportTexts: Sendable {
    // MARK: Start page

    /// Title and heading of the start page.
    public let startTitle: String
    /// First paragraph.
    public let startLead: String
    /// Legend of the organisation choice.
    public let chooseOrganisation: String
    /// Hint under it.
    public let chooseOrganisationHint: String
    /// "You are looking at the support of X."
    public let chosenOrganisation: @Sendable (String) -> String
    /// Link to choose another organisation.
    public let changeOrganisation: String
    /// Heading: who can get support.
    public let whoTitle: String
    /// Who can get support, and what violence is.
    public let whoText: [String]
    /// Heading: the two doors.
    public let doorsTitle: String
    /// Heading of the identified door.
    public let identifiedTitle: String
    /// The identified door explained.
    public let identifiedText: String
    /// Button to the identified door.
    public let identifiedButton: String
    /// Heading of the anonymous door.
    public let anonymousTitle: String
    /// The anonymous door explained.
    public let anonymousText: String
    /// Button to the anonymous door.
    public let anonymousButton: String
    /// Link for people who already have a receipt.
    public let haveReceipt: String
    /// Heading: what happens next.
    public let nextTitle: String
    /// The deadline explained.
    public let nextText: String
    /// Confidentiality explained.
    public let confidentialityText: String
    /// Heading: help now.
    public let nowTitle: String
    /// Acute danger: 112.
    public let emergencyText: String
    /// Link to the safety advice.
    public let safetyLink: String
    /// No organisation to choose from.
    public let noOrganisations: String
    /// Link to the person's own requests.
    public let myRequestsLink: String
    /// Label before a resource's phone number.
    public let phoneLabel: String

    // MARK: Safety advice

    /// Title of the safety page.
    public let safetyTitle: String
    /// Its first paragraph.
    public let safetyLead: String
    /// Its sections.
    public let safetySections: [TextSection]

    // MARK: Request form

    /// Title of the request form (neutral).
    public let newTitle: String
    /// Heading of the request form.
    public let newHeading: String
    /// Introduction for the identified door.
    public let newIntroIdentified: String
    /// Introduction for the anonymous door.
    public let newIntroAnonymous: String
    /// Note on what phone or e-mail reveal at the anonymous door.
    public let anonymousChannelNote: String
    /// Submit button.
    public let send: String
    /// Label of the organisation select at the anonymous door.
    public let organisationLabel: String
    /// Error: no organisation chosen.
    public let organisationMissing: String
    /// The organisation has no support team yet.
    public let noTeam: String

    // MARK: Receipt

    /// Title of the receipt page (neutral).
    public let receiptTitle: String
    /// Heading.
    public let receiptHeading: String
    /// The request was received.
    public let receiptLead: String
    /// The receipt is the only key, shown once.
    public let receiptExplain: String
    /// Where to keep it.
    public let receiptKeep: String
    /// Accessible name of the code.
    public let receiptLabel: String
    /// What happens next (channel contact), with the deadline.
    public let receiptNext: @Sendable (String) -> String
    /// What happens next (dialogue), with the deadline.
    public let receiptNextDialogue: @Sendable (String) -> String
    /// Link to read replies.
    public let receiptReadLink: String

    // MARK: Receipt look-up

    /// Title of the look-up page (neutral).
    public let lookupTitle: String
    /// Introduction.
    public let lookupIntro: String
    /// Label of the receipt field.
    public let receiptFieldLabel: String
    /// Hint of the receipt field.
    public let receiptFieldHint: String
    /// Error: no receipt typed.
    public let receiptMissing: String
    /// Error: not 16 digits.
    public let receiptMalformed: String
    /// Error: no request has this receipt.
    public let receiptWrong: String
    /// Error: this client tried too often.
    public let receiptThrottled: String
    /// Error: too many failures overall.
    public let receiptBusy: String
    /// Submit button.
    public let lookupButton: String
    /// The receipt session ended (idle or absolute expiry).
    public let lookupExpired: String

    // MARK: The person's own view

    /// Title of the person's view of a request (neutral).
    public let personCaseTitle: String
    /// Waiting for contact, with the deadline.
    public let personStatusNew: @Sendable (String) -> String
    /// Contact made.
    public let personStatusContacted: String
    /// Closed; writing again opens it.
    public let personStatusClosed: String
    /// "Sent <time>".
    public let sentAt: @Sendable (String) -> String
    /// Heading: your contact wishes.
    public let yourWishesTitle: String
    /// Heading: what you wrote.
    public let yourMessageTitle: String
    /// You wrote nothing.
    public let youWroteNothing: String
    /// Heading: the dialogue.
    public let dialogueTitle: String
    /// No messages yet.
    public let noMessagesYet: String
    /// Author label: you.
    public let authorYou: String
    /// Author label: the team.
    public let authorTeam: String
    /// Label: write a message.
    public let writeLabel: String
    /// Hint: write a message.
    public let writeHint: String
    /// Button: send the message.
    public let writeButton: String
    /// Error: empty text.
    public let textMissing: String
    /// Error: text too long (with the limit).
    public let textTooLong: @Sendable (Int) -> String
    /// Notice: the message was sent.
    public let messageSent: String
    /// Notice: the request was received (identified door), with the deadline.
    public let requestSent: @Sendable (String) -> String
    /// Button: lock the page.
    public let lockButton: String
    /// Hint: the page locks itself.
    public let lockHint: String
    /// Notice: the page is locked.
    public let locked: String
    /// Link: delete my request.
    public let deleteLink: String
    /// Title of the deletion confirmation.
    public let deleteTitle: String
    /// What deletion means.
    public let deleteText: String
    /// Button: delete.
    public let deleteButton: String
    /// Link: do not delete.
    public let deleteCancel: String
    /// Title after deletion.
    public let deletedTitle: String
    /// Text after deletion.
    public let deletedText: String

    // MARK: The person's list

    /// Title of the person's list.
    public let mineTitle: String
    /// Nothing sent yet.
    public let mineEmpty: String
    /// Link: write to the team.
    public let mineNew: String
    /// Column: sent.
    public let columnSent: String
    /// Column: about.
    public let columnKind: String
    /// Column: status.
    public let columnStatus: String
    /// "n new replies".
    public let unreadReplies: @Sendable (Int) -> String
    /// Link text to one request, with its time.
    public let openOwn: @Sendable (String) -> String

    // MARK: Labels

    /// Status labels for the team.
    public let statusLabel: @Sendable (RequestStatus) -> String
    /// Door labels.
    public let doorLabel: @Sendable (RequestDoor) -> String
    /// Short channel labels.
    public let channelLabel: @Sendable (ContactWishes.Channel) -> String
    /// Contact attempt result labels.
    public let attemptLabel: @Sendable (ContactResult) -> String
    /// Close outcome labels.
    public let outcomeLabel: @Sendable (CloseOutcome) -> String
    /// Case log labels by action code.
    public let eventLabel: @Sendable (String) -> String

    // MARK: Inbox

    /// Title of the inbox.
    public let inboxTitle: String
    /// Introduction.
    public let inboxIntro: String
    /// Caption: waiting for first contact.
    public let waitingCaption: String
    /// Caption: ongoing.
    public let ongoingCaption: String
    /// Caption: closed.
    public let closedCaption: String
    /// Nothing waiting.
    public let nothingWaiting: String
    /// Nothing ongoing.
    public let nothingOngoing: String
    /// Nothing closed.
    public let nothingClosed: String
    /// Column: received.
    public let columnReceived: String
    /// Column: door.
    public let columnDoor: String
    /// Column: channel.
    public let columnChannel: String
    /// Column: time left.
    public let columnTimeLeft: String
    /// Column: team.
    public let columnTeam: String
    /// Working time left (hours, minutes).
    public let timeLeft: @Sendable (Int, Int) -> String
    /// Working time over the deadline (hours, minutes).
    public let overdue: @Sendable (Int, Int) -> String
    /// First contact at a time.
    public let contactedAt: @Sendable (String) -> String
    /// Closed at a time.
    public let closedAt: @Sendable (String) -> String
    /// "n new messages".
    public let newMessages: @Sendable (Int) -> String
    /// Link text to one case, with its time.
    public let openCase: @Sendable (String) -> String

    // MARK: Case page

    /// Title of the case page (neutral).
    public let caseTitle: String
    /// Heading with the time it arrived.
    public let caseHeading: @Sendable (String) -> String
    /// Status line: waiting, with deadline and time left.
    public let caseWaiting: @Sendable (String, String) -> String
    /// First contact within the deadline.
    public let contactOnTime: @Sendable (String) -> String
    /// First contact after the deadline.
    public let contactLate: @Sendable (String) -> String
    /// Heading: how the person wants contact.
    public let wishesTitle: String
    /// Label: what to call the person.
    public let calledLabel: String
    /// Heading: what the person wrote.
    public let theirMessageTitle: String
    /// The person wrote nothing.
    public let theyWroteNothing: String
    /// Author label: the person.
    public let authorPerson: String
    /// Label: reply.
    public let replyLabel: String
    /// Hint: reply.
    public let replyHint: String
    /// Button: send the reply.
    public let replyButton: String
    /// Notice: reply sent.
    public let replied: String
    /// Heading: notes.
    public let notesTitle: String
    /// No notes.
    public let noNotes: String
    /// Label: new note.
    public let noteLabel: String
    /// Button: save the note.
    public let noteButton: String
    /// Notice: note saved.
    public let noteSaved: String
    /// Heading: contact attempts.
    public let attemptsTitle: String
    /// No attempts.
    public let noAttempts: String
    /// Legend: result of an attempt.
    public let attemptLegend: String
    /// Error: no result chosen.
    public let attemptMissing: String
    /// Button: save the attempt.
    public let attemptButton: String
    /// Notice: attempt saved.
    public let attemptSaved: String
    /// Heading: close.
    public let closeTitle: String
    /// Label: outcome.
    public let outcomeLegend: String
    /// Error: no outcome chosen.
    public let outcomeMissing: String
    /// Button: close.
    public let closeButton: String
    /// Notice: closed.
    public let closedNotice: String
    /// Closed with an outcome.
    public let closedWith: @Sendable (String, String) -> String
    /// Button: reopen.
    public let reopenButton: String
    /// Notice: reopened.
    public let reopened: String
    /// Heading: move.
    public let moveTitle: String
    /// Label: team.
    public let moveLabel: String
    /// Hint: move.
    public let moveHint: String
    /// Button: move.
    public let moveButton: String
    /// Error: choose another team.
    public let moveMissing: String
    /// Notice: moved.
    public let moved: String
    /// Heading: case log.
    public let logTitle: String
    /// A closed request cannot be changed.
    public let closedCannotChange: String
    /// The request changed meanwhile (closed, moved).
    public let changedMeanwhile: String
    /// Routed to a team.
    public let teamLine: @Sendable (String) -> String

    // MARK: Contact wishes in plain words

    /// The chosen channel with its address.
    public let channelPhrase: @Sendable (ContactWishes.Channel, String?) -> String
    /// Weekday names in a sentence, Monday first.
    public let weekdayNames: [String]
    /// "every day".
    public let everyDay: String
    /// "and" between the last two of a list.
    public let and: String
    /// A voice message may be left / not.
    public let voicePhrase: @Sendable (Bool) -> String
    /// A written message may be left / not.
    public let writtenPhrase: @Sendable (Bool) -> String
    /// Language of contact.
    public let languagePhrase: @Sendable (String) -> String
    /// Interpreter (nil: none).
    public let interpreterPhrase: @Sendable (String?) -> String

    // MARK: Time

    /// Month names, January first.
    public let monthNames: [String]
    /// A long time: weekday, day, month, clock time ("måndag 23 november kl. 15:00").
    public let longTime: @Sendable (String, Int, String, String) -> String
    /// A short time: day, month, year, clock time ("23 nov 2026 15:00").
    public let shortTime: @Sendable (Int, String, Int, String) -> String
}
