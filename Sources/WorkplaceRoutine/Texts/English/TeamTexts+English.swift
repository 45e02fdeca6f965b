extension TeamTexts {
    static let english = TeamTexts(
        teamTitle: "My team",
        teamIntro: "Everyone in your team should be asked the question about violence in close relationships in their development talk, once per period. Here you plan the talks and record that the question was asked – never what the employee answered.",
        readGuide: "Read the guide on how to ask the question",
        cyclesNavigation: "Periods",
        cycleLink: { "Period \($0)" },
        cycleLine: { "Period \($0): \($1) – \($2)." },
        askedCount: { asked, due in "\(asked) of \(due) have been asked during the period." },
        noReports: "Nobody reports directly to you at the moment.",
        teamCaption: "Your team",
        chooseColumn: "Choose",
        choose: { "Choose \($0)" },
        nameColumn: "Name",
        unitColumn: "Unit",
        dueColumn: "To be asked by",
        statusColumn: "Status",
        protectedTag: "Protected identity",
        protectedNote: "This person has protected personal data. Their details are shown only to you as their manager and are never mentioned in reminders or other messages. Take extra care where and how you meet.",
        notDueThisCycle: "Not in this period",
        dueIn: { "\($0) (period \($1))" },
        status: { status in
            switch status {
            case .asked: "Asked"
            case .notDue: "Not due"
            case .overdue: "Overdue"
            case .planned: "Talk planned"
            case .notAsked: "Not asked"
            case .notPlanned: "Not planned"
            }
        },
        plannedFor: { "Planned: \($0)" },
        heldOn: { "Talk on \($0)" },
        notAskedBecause: { held, reason in "Talk on \(held), not asked: \(reason)" },
        reason: { reason in
            switch reason {
            case .noPrivateSetting: "No private setting was possible"
            case .interpreterPresent: "An interpreter was present"
            case .employeeDeclinedTalk: "The employee declined the talk"
            case .talkCancelled: "The talk was cancelled"
            case .onLeave: "The employee is on leave or absent"
            case .other: "Another reason"
            }
        },
        planManyLegend: "Plan talks for several people at once",
        planManyHint: "Tick the people in the table and choose a day. A talk that is already planned moves to the new time.",
        planManyButton: "Plan for the chosen",
        chooseSomeone: "Tick at least one person in the table.",
        dateLabel: "Date",
        dateHint: "Write year-month-day, for example 2026-12-01.",
        timeLabel: "Time (optional)",
        timeHint: "For example 14:00.",
        dateMissing: "Enter a date.",
        dateInvalid: "Write the date as year-month-day, for example 2026-12-01.",
        planDateInPast: "The date has passed. Choose today or a later date.",
        dateOutsideCycle: { start, end in "The date is outside the period. Choose a date between \(start) and \(end)." },
        timeInvalid: "Write the time as hours and minutes, for example 14:00.",
        backToTeam: "Back to My team",
        backTo: { "Back to \($0)" },
        hiredLabel: "Employed since",
        endsLabel: "Employed until",
        planHeading: "Plan the development talk",
        planButton: "Plan the talk",
        moveButton: "Move the talk",
        unplanButton: "Remove the plan",
        recordHeading: "After the talk",
        recordIntro: "Record when the talk was held and whether you asked the question. The answer is never written down.",
        recordLink: "Record the talk",
        talksCaption: { "Talks held in period \($0)" },
        heldColumn: "Date of the talk",
        questionColumn: "The question",
        correctionColumn: "Change",
        askedYes: "Asked",
        askedNoBecause: { "Not asked: \($0)" },
        lockedSince: { "Locked since \($0)" },
        correctUntil: { "Correct (possible until \($0))" },
        outcomeHeading: "Support after the talk",
        outcomeIntro: "If the employee themself wants contact with the support team or safety measures at work, you can propose it here, together with the employee. They confirm it themselves.",
        outcomeLink: "Propose support together with the employee",
        recordTitle: { "Record the talk with \($0)" },
        recordExplanation: "You record only the date and whether the question was asked. If it was not, you choose a reason from the list. There is no place for free text, and what the employee answered must never be written down.",
        lockNote: { "You can correct the record for \($0) days. Then it is locked. Every change is logged." },
        correctingNote: { "You are correcting a record. It can be changed until \($0); then it is locked." },
        heldOnLabel: "Date of the talk",
        askedLegend: "Did you ask the question about violence in close relationships?",
        askedYesChoice: "Yes, I asked the question",
        askedNoChoice: "No, the question was not asked",
        reasonLegend: "If the question was not asked: why?",
        reasonHint: "Choose the reason that fits best. Do not write anything about the employee's situation anywhere.",
        saveRecord: "Save the record",
        heldInFuture: "The date is in the future. Record the talk once it has been held.",
        askedMissing: "Choose whether you asked the question.",
        reasonMissing: "Choose why the question was not asked.",
        lockedTitle: "The record is locked",
        lockedText: { "The record could be corrected until \($0). It is now locked and cannot be changed. Contact the system administrator if something is wrong." },
        outcomeTitle: "Propose support after the talk",
        outcomeExplanation: { days in [
            "Do this only when the employee is present and wants it themself.",
            "The proposal is shown to the employee when they log in. Nothing is passed on until the employee has confirmed it and chosen how and when they want to be contacted. If they do not confirm within \(days) days, the proposal is deleted.",
            "You will not learn whether the employee confirms the proposal. That is the employee's own matter.",
        ] },
        outcomeKindLegend: { "What does \($0) want?" },
        outcomeKind: { kind in
            switch kind {
            case .supportContact: "To be contacted by the support team"
            case .workplaceSafety: "Safety measures at work, for example changed hours or place of work"
            }
        },
        outcomePresentLegend: "The employee's consent",
        outcomePresentChoice: "The employee is here now and wants me to make the proposal",
        outcomeKindMissing: "Choose what the employee wants.",
        outcomePresentMissing: "Tick that the employee is present and wants this. Otherwise do not make the proposal.",
        proposeButton: "Make the proposal",
        proposedTitle: "The proposal is made",
        proposedText: "The proposal is shown to the employee when they log in.",
        proposedMore: "Tell the employee that they confirm it under My pages, where they also choose how and when they want to be contacted. You will get no further information about the proposal.",
        savedPlanned: "The talk is planned.",
        savedPlannedMany: "The talks are planned.",
        savedUnplanned: "The plan is removed.",
        savedRecorded: "The talk is recorded."
    )
}
