extension SupportTexts {
    static let english = SupportTexts(
        startTitle: "Contact and support",
        startLead: "If you work with us, you can ask for support here – at any time, and without your manager knowing. You decide how, when and how much.",
        chooseOrganisation: "Where do you work?",
        chooseOrganisationHint: "Choose your employer, and we will show the right ways to get in touch.",
        chosenOrganisation: { "You are looking at the support offered by \($0)." },
        changeOrganisation: "Choose another employer",
        whoTitle: "Who can get support?",
        whoText: [
            "You can get in touch if someone close to you hurts, threatens or controls you. You can also get in touch if you are worried about someone else, or if you use violence yourself and want help to stop.",
            "Violence is not only hitting. It can also be threats, humiliation, someone deciding over you or your money, being isolated, sexual violence and violence in the name of honour.",
        ],
        doorsTitle: "Two ways to get in touch",
        identifiedTitle: "Logged in",
        identifiedText: "Log in with your account. The support team sees who you are; nobody else at work does. You read replies and write more under My contacts.",
        identifiedButton: "Log in and write to us",
        anonymousTitle: "Without saying who you are",
        anonymousText: "You do not need to log in or give your name. You get a 16-digit code that you use to read replies.",
        anonymousButton: "Write to us without logging in",
        haveReceipt: "Already have a code? Read replies and write more",
        nextTitle: "What happens next?",
        nextText: "The support team contacts you in the way and at the times you choose, within 24 hours counted on weekdays that are not public holidays. If you write on a Friday afternoon, we get in touch by Monday afternoon.",
        confidentialityText: "Everyone in the support team is bound by confidentiality (sekretess). Your manager, HR and others at work cannot see that you got in touch or what you write.",
        nowTitle: "Do you need help now?",
        emergencyText: "In acute danger? Call 112.",
        safetyLink: "Advice on staying safe while you use this service",
        noOrganisations: "There is no employer in the service yet. In acute danger call 112, or Kvinnofridslinjen on 020-50 50 50.",
        myRequestsLink: "My contacts",
        phoneLabel: "Phone:",

        safetyTitle: "Staying safe online",
        safetyLead: "If someone can see your phone or computer, they can sometimes see which pages you have visited. Here are some ways to protect yourself.",
        safetySections: [
            TextSection(heading: "Leave the page quickly", paragraphs: [
                "The Leave this page button is at the top of every page. It blanks the page at once, logs you out and opens an ordinary weather website.",
                "You can also press the Shift key three times. It works without a mouse.",
            ]),
            TextSection(heading: "The browser history is not erased", paragraphs: [
                "Leaving quickly does not remove the page from your browser's history. Anyone who looks at the history can see you were here.",
                "You can remove just these pages from the history in the browser's settings. Deleting all history may instead raise questions with someone who usually looks at it.",
            ]),
            TextSection(heading: "Private browsing", paragraphs: [
                "Use a private (incognito) window. No history and no cookies are kept once you close it.",
            ]),
            TextSection(heading: "Choose a safe device", paragraphs: [
                "A computer at work may be safer than a computer or phone you share at home. If you can, use a device the person you are afraid of cannot reach.",
            ]),
            TextSection(heading: "Messages from us", paragraphs: [
                "We only contact you in the way and at the times you choose. A text message or e-mail from us only says there is a new message – never what it is about.",
                "If you were given a 16-digit code, keep it where nobody else sees it, for example as a phone number among your contacts.",
            ]),
            TextSection(heading: "In acute danger", paragraphs: [
                "Call 112.",
            ]),
        ],

        newTitle: "New contact",
        newHeading: "Write to the support team",
        newIntroIdentified: "You are logged in. The support team sees who you are; nobody else at work does.",
        newIntroAnonymous: "You do not need to give your name. Once you have sent this, you get a code that you need to read replies.",
        anonymousChannelNote: "If you choose phone, text message or e-mail, the support team knows how to reach you, but not who you are. If you choose messages in this service, you read replies with your code.",
        send: "Send",
        organisationLabel: "Where do you work?",
        organisationMissing: "Choose where you work.",
        noTeam: "Nothing can be sent from here just now. Please call one of the numbers on the Contact and support page instead.",

        receiptTitle: "Your code",
        receiptHeading: "Write down your code",
        receiptLead: "Thank you. We have received what you sent.",
        receiptExplain: "The code is the only way to read replies and write more. It is shown only now and cannot be recovered – not even by us.",
        receiptKeep: "Write it down or keep it where nobody else sees it, for example as a phone number among your contacts.",
        receiptLabel: "Your code",
        receiptNext: { "The support team will get in touch in the way you chose, by \($0)." },
        receiptNextDialogue: { "The support team will reply here in the service by \($0). Read the reply with your code under Read replies." },
        receiptReadLink: "Read replies with your code",

        lookupTitle: "Read replies",
        lookupIntro: "Type the 16-digit code you were given when you wrote to us.",
        receiptFieldLabel: "Code (16 digits)",
        receiptFieldHint: "Spaces do not matter.",
        receiptMissing: "Type your code.",
        receiptMalformed: "The code has 16 digits. Check that all of them are there.",
        receiptWrong: "The code does not match. Check the digits and try again.",
        receiptThrottled: "You have tried many times in a short while. Wait a minute and try again.",
        receiptBusy: "We cannot take more attempts just now. Wait a minute and try again.",
        lookupButton: "Show replies",
        lookupExpired: "The page was locked because it was not used for a while. Type your code again to go on.",

        personCaseTitle: "Your contact",
        personStatusNew: { "The support team will contact you by \($0)." },
        personStatusContacted: "The support team has been in touch with you.",
        personStatusClosed: "This contact is closed. If you write again it opens, and the support team sees your message.",
        sentAt: { "Sent \($0)." },
        yourWishesTitle: "How you want to be contacted",
        yourMessageTitle: "What you wrote",
        youWroteNothing: "You did not write a message.",
        dialogueTitle: "Messages",
        noMessagesYet: "No messages yet.",
        authorYou: "You",
        authorTeam: "The support team",
        writeLabel: "Write a message",
        writeHint: "Only the support team can read it.",
        writeButton: "Send the message",
        textMissing: "Write something before you send.",
        textTooLong: { "The text is too long. Write at most \($0) characters; what you wrote is kept so you can shorten it." },
        messageSent: "Your message has been sent.",
        requestSent: { "Thank you. We have received what you sent. The support team will contact you by \($0)." },
        lockButton: "Lock the page",
        lockHint: "The page also locks itself after 15 minutes without use.",
        locked: "The page is locked. You need your code to open it again.",
        deleteLink: "Delete my contact",
        deleteTitle: "Delete your contact?",
        deleteText: "Everything you wrote and every reply is deleted at once and cannot be recovered. The support team will no longer see it.",
        deleteButton: "Yes, delete everything",
        deleteCancel: "No, go back",
        deletedTitle: "Deleted",
        deletedText: "Your contact and everything in it has been deleted. You are welcome to get in touch again whenever you want.",

        mineTitle: "My contacts",
        mineEmpty: "You have not written to the support team.",
        mineNew: "Write to the support team",
        columnSent: "Sent",
        columnKind: "About",
        columnStatus: "Status",
        unreadReplies: { $0 == 1 ? "1 new reply" : "\($0) new replies" },
        openOwn: { "Open the contact of \($0)" },

        statusLabel: { status in
            switch status {
            case .new: "Waiting for contact"
            case .contacted: "Contact made"
            case .closed: "Closed"
            }
        },
        doorLabel: { $0 == .identified ? "Logged in" : "Anonymous" },
        channelLabel: { channel in
            switch channel {
            case .phone: "Phone"
            case .sms: "Text message"
            case .email: "E-mail"
            case .dialogue: "Messages in the service"
            }
        },
        attemptLabel: { result in
            switch result {
            case .reached: "Reached the person"
            case .notReached: "Did not reach the person"
            case .noMessageLeft: "Did not reach the person and left no message"
            }
        },
        outcomeLabel: { outcome in
            switch outcome {
            case .adviceGiven: "Advice and support given"
            case .referredSocialServices: "Referred to social services"
            case .counselling: "Counselling"
            case .workplaceSafetyMeasures: "Safety measures at work"
            case .noFurtherContact: "The person wanted no further contact"
            }
        },
        eventLabel: { action in
            switch action {
            case "created": "The request arrived"
            case "contact_attempt": "Contact attempt"
            case "contacted": "First contact – the clock stopped"
            case "replied": "Reply sent"
            case "note": "Note"
            case "closed": "Closed"
            case "reopened": "Opened again"
            case "employee_replied": "The person wrote"
            case "moved": "Moved to another team"
            default: action
            }
        },

        inboxTitle: "Inbox",
        inboxIntro: "Requests to your teams. Time counts on weekdays that are not public holidays. Content is shown only when you open a request, and every opening is logged.",
        waitingCaption: "Waiting for first contact – least time left first",
        ongoingCaption: "Ongoing",
        closedCaption: "Closed (the latest 50)",
        nothingWaiting: "No requests are waiting for contact.",
        nothingOngoing: "No ongoing requests.",
        nothingClosed: "No closed requests.",
        columnReceived: "Received",
        columnDoor: "Door",
        columnChannel: "Channel",
        columnTimeLeft: "Time left",
        columnTeam: "Team",
        timeLeft: { "\($0) h \($1) min left" },
        overdue: { "Late by \($0) h \($1) min" },
        contactedAt: { "Contact \($0)" },
        closedAt: { "Closed \($0)" },
        newMessages: { $0 == 1 ? "1 new message" : "\($0) new messages" },
        openCase: { "Request of \($0)" },

        caseTitle: "Request",
        caseHeading: { "Request of \($0)" },
        caseWaiting: { "Waiting for first contact. Deadline \($0) (\($1))." },
        contactOnTime: { "First contact \($0), within the deadline." },
        contactLate: { "First contact \($0), after the deadline." },
        wishesTitle: "How the person wants to be contacted",
        calledLabel: "Wants to be called",
        theirMessageTitle: "What the person wrote",
        theyWroteNothing: "The person chose not to write anything.",
        authorPerson: "The person",
        replyLabel: "Reply to the person",
        replyHint: "The reply is shown here in the service. The person only gets a short notice without content, on their chosen channel and within their safe times.",
        replyButton: "Send the reply",
        replied: "The reply has been sent.",
        notesTitle: "Notes (seen by the team only)",
        noNotes: "No notes.",
        noteLabel: "New note",
        noteButton: "Save the note",
        noteSaved: "The note has been saved.",
        attemptsTitle: "Contact attempts",
        noAttempts: "No contact attempts yet.",
        attemptLegend: "How did the contact attempt go?",
        attemptMissing: "Choose how the contact attempt went.",
        attemptButton: "Save the contact attempt",
        attemptSaved: "The contact attempt has been saved.",
        closeTitle: "Close the request",
        outcomeLegend: "How is the request closed?",
        outcomeMissing: "Choose how the request is closed.",
        closeButton: "Close the request",
        closedNotice: "The request is closed.",
        closedWith: { "Closed \($0): \($1)." },
        reopenButton: "Open the request again",
        reopened: "The request is open again.",
        moveTitle: "Move to another team",
        moveLabel: "Team",
        moveHint: "The other team is told. If you are not in that team, you will no longer see the request.",
        moveButton: "Move the request",
        moveMissing: "Choose a team other than the current one.",
        moved: "The request has been moved.",
        logTitle: "Case log",
        closedCannotChange: "The request is closed. Open it again to reply or log contact attempts.",
        changedMeanwhile: "The request changed in the meantime, so nothing was saved. Look at it again and try once more.",
        teamLine: { "Team: \($0)." },

        channelPhrase: { channel, address in
            switch channel {
            case .phone: "only phone calls to \(address ?? "")"
            case .sms: "only text messages to \(address ?? "")"
            case .email: "only e-mail to \(address ?? "")"
            case .dialogue: "only messages here in the service – do not call, text or e-mail"
            }
        },
        weekdayNames: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
        everyDay: "every day",
        and: "and",
        voicePhrase: { $0 ? "a voice message is fine" : "no voice messages" },
        writtenPhrase: { $0 ? "a written message is fine" : "no written messages" },
        languagePhrase: { "language: \($0)" },
        interpreterPhrase: { $0.map { "interpreter: \($0)" } ?? "no interpreter" },

        monthNames: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
        longTime: { weekday, day, month, clock in "\(weekday) \(day) \(month) at \(clock)" },
        shortTime: { day, month, year, clock in "\(day) \(month.prefix(3)) \(year) \(clock)" }
    )
}
