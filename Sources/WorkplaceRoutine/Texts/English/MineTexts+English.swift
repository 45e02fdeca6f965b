extension MineTexts {
    static let english = MineTexts(
        title: "My pages",
        noPerson: "Your account is not linked to an employment, so there are no talks to show.",
        pendingHeading: "Proposals waiting for your answer",
        pendingIntro: "After your talk your manager, together with you, proposed support. Nothing has been passed on. You decide yourself whether to confirm.",
        outcomeKind: { kind in
            switch kind {
            case .supportContact: "Contact with the support team"
            case .workplaceSafety: "Safety measures at work"
            }
        },
        proposedOn: { proposed, expires in "Proposed on \(proposed). You can answer until \(expires); then the proposal is deleted." },
        answerLink: "Confirm or decline",
        confirmedHeading: "What you have agreed to",
        confirmedOn: { "You confirmed on \($0)." },
        withdrawLink: "Withdraw your consent",
        talksHeading: "Your development talks",
        noTalks: "No talks are planned or recorded yet.",
        talksCaption: "Talks with your manager",
        periodColumn: "Period",
        talkColumn: "Talk",
        questionColumn: "The question about violence in close relationships",
        heldOn: { "Held on \($0)" },
        plannedFor: { "Planned for \($0)" },
        notHeldYet: "The talk has not been held yet",
        recordedAsked: "Recorded as asked",
        recordedNotAsked: "Recorded as not asked",
        answerIsYours: "Your manager records only whether the question was asked – never what you answered.",
        storedHeading: "What is stored about you",
        storedIntro: "You have the right to see everything the service stores about you.",
        storedLink: "Show everything stored about me",
        downloadLink: "Download as a file (JSON)",
        supportHeading: "Support when you want it",
        supportText: "You can ask for support yourself at any time, with or without logging in, and stay anonymous.",
        backToMine: "Back to My pages",
        confirmTitle: "Confirm or decline the proposal",
        confirmIntro: { "After your talk your manager proposed, together with you: \($0)." },
        confirmExplanation: [
            "If you confirm, a request is sent to the support team. They contact you the way you choose below, within one day counted on working days.",
            "Your manager will not learn whether you confirm or decline. You can withdraw your consent at any time; the request is then deleted.",
        ],
        confirmButton: "Confirm",
        declineHeading: "Do you not want this?",
        declineText: "If you decline, the proposal is deleted and nothing is sent.",
        declineButton: "Decline and delete the proposal",
        withdrawTitle: "Withdraw your consent",
        withdrawIntro: { "You agreed to: \($0)." },
        withdrawText: "If you withdraw your consent, the request to the support team is deleted with everything that belongs to it. This cannot be undone, but you can always ask for support again.",
        withdrawButton: "Withdraw consent",
        savedConfirmed: "Thank you. The request has been sent to the support team, who will contact you the way you chose.",
        savedDeclined: "The proposal is deleted. Nothing has been sent.",
        savedWithdrawn: "Your consent is withdrawn and the request deleted.",
        storedTitle: "What is stored about me",
        storedLead: "This is everything the service stores about you. You can also download it as a file.",
        personHeading: "Data from the HR system",
        personSource: "This data comes from the employer's HR system. The service never sends anything back there.",
        hrIDLabel: "Employee number",
        nameLabel: "Name",
        emailLabel: "Work e-mail",
        unitLabel: "Unit",
        managerLabel: "Manager registered",
        hireLabel: "Employed since",
        endLabel: "Employed until",
        protectedLabel: "Protected personal data",
        activeLabel: "Active",
        updatedLabel: "Last changed",
        accountHeading: "Your account",
        loginLabel: "Username",
        displayNameLabel: "Name shown",
        languageLabel: "Language",
        rolesLabel: "Roles",
        createdLabel: "Created",
        failedLoginsLabel: "Failed logins in a row",
        passwordLabel: "Password",
        passwordNote: { $0 ? "Stored only as a one-way fingerprint (hash) that nobody can read." : "No password" },
        sessionsHeading: "Sessions",
        session: { started, seen, ends in "Logged in \(started), last active \(seen), ends at the latest \(ends)" },
        outcomesHeading: "Proposals of support after a talk",
        talkLine: { period, planned, held, asked, reason in
            var line = "Period \(period)"
            if let planned { line += ", planned for \(planned)" }
            if let held { line += ", held on \(held)" }
            if let asked { line += asked ? ", question recorded as asked" : ", question recorded as not asked" }
            if let reason { line += " (\(reason))" }
            return line
        },
        proposalLine: { kind, proposed, confirmed in
            "\(kind), proposed \(proposed)" + (confirmed.map { ", confirmed \($0)" } ?? ", not confirmed")
        },
        requestsHeading: "Requests for support",
        requestLine: { received, status, channel, messages in
            "Received \(received), status: \(status), contact by: \(channel), messages in the dialogue: \(messages)"
        },
        requestsNote: "What you wrote yourself is stored encrypted and shown in the dialogue with the support team. The support team's own notes are not shown here.",
        auditHeading: "Log of actions",
        auditIntro: "The service logs what is done with data about you, but never the content.",
        auditLine: { time, action, byMe, role in "\(time): \(action)" + (byMe ? " (by you)" : " (role: \(role))") },
        nothing: "Nothing stored."
    )
}
