extension ReportTexts {
    static let english = ReportTexts(
        title: "Overview",
        intro: "How the routine is followed: how many are due the question about violence in close relationships in their development talk, how many have been asked, how many have been trained, and how quickly support answers. Every figure is about groups, never about one person.",
        hiddenMark: "hidden",
        hiddenExplanation: { k in "Figures about fewer than \(k) people are not shown, nor are figures from which such a figure could be worked out; both are marked “hidden”, so that no one can be singled out." },
        publishedAt: { "Figures computed \($0)." },
        noFigures: "No figures have been published yet. They are computed regularly – please look again later.",
        filterLegend: "Choose what to show",
        cycleLabel: "Period",
        unitLabel: "Unit",
        monthLabel: "Month",
        wholeOrganisation: "Whole organisation",
        wholeCycle: "Whole period",
        show: "Show",
        monthName: { year, month in "\(englishMonths[month - 1]) \(year)" },
        shortMonth: { String(englishMonths[$0 - 1].prefix(3)) },
        breadcrumbsLabel: "Where in the organisation",
        downloadHeading: "Download",
        downloadCSV: "The tables as a CSV file (for Excel)",
        downloadJSON: "The same figures as JSON",
        questionHeading: "The question in the development talk",
        unitsHeading: "By unit",
        reasonsHeading: "Why the question was not asked",
        newHiresHeading: "New hires",
        trainingHeading: "Training",
        timeHeading: "Over time",
        supportHeading: "Support requests",
        glossaryHeading: "What the figures mean",
        measureColumn: "Figure",
        countColumn: "Count",
        shareColumn: "Share",
        unitColumn: "Unit",
        monthColumn: "Month",
        cycleColumn: "Period",
        measure: { code in
            switch code {
            case "due": "Due the question"
            case "held": "Talks held"
            case "asked": "Asked the question"
            case "not_asked": "Talk held, question not asked"
            case "reason_no_private_setting": "No private setting was possible"
            case "reason_interpreter_present": "An interpreter was present"
            case "reason_employee_declined_talk": "The employee declined the talk"
            case "reason_talk_cancelled": "The talk was cancelled"
            case "reason_on_leave": "The employee was on leave"
            case "reason_other": "Another reason"
            case "not_yet": "No talk yet"
            case "new_hires_due": "New hires due the question"
            case "new_hires_asked_in_time": "Asked within the new-hire period"
            case "new_hires_not_in_time": "Not asked within the period"
            case "intro_trained": "New hires who took the introduction"
            case "intro_untrained": "New hires who did not take the introduction"
            case "staff": "Staff"
            case "half_day_trained": "Took the half-day training"
            case "half_day_untrained": "Did not take the half-day training"
            case "web_course_trained": "Took the web course"
            case "web_course_untrained": "Did not take the web course"
            case "managers_recording": "Managers who recorded talks"
            case "managers_trained": "Managers who recorded talks and took the managers' training"
            case "managers_untrained": "Managers who recorded talks without the managers' training"
            case "requests": "Support requests"
            case "kind_exposed": "About: exposed to violence"
            case "kind_worried": "About: worried about someone"
            case "kind_uses_violence": "About: uses violence and wants to stop"
            case "kind_talk_referral": "About: contact after a development talk"
            case "door_identified": "With name"
            case "door_anonymous": "Anonymous, with a receipt code"
            case "deadline_passed_or_contacted": "Contacted or past the deadline"
            case "contacted_within_deadline": "Contacted within the deadline"
            case "contacted_late_or_not": "Contacted late or not at all"
            case "waiting_within_deadline": "Waiting, deadline not passed"
            case "median_hours_to_first_contact": "Median time to first contact"
            default: nil
            }
        },
        measureHint: { code in
            switch code {
            case "due": "Employees due the question in the period: everyone employed then, and new hires within the time set for them."
            case "held": "Of those due: the ones whose development talk has been held and recorded by their manager."
            case "asked": "Those asked the question about violence in close relationships in the talk. Only that it was asked is recorded, never the answer."
            case "not_asked": "Talks in which the question was not asked, with one of the fixed reasons. The reasons are shown for the organisation and its departments."
            case "not_yet": "Those due who have no recorded talk in the period yet."
            case "new_hires_due": "New hires in the period; they are due the question within a set time after being hired."
            case "staff": "Employees in the period, the base of the shares who took the half-day training and the web course."
            case "managers_recording": "Managers who recorded at least one talk in the period; the share who took the managers' (full-day) training is shown beside it."
            case "requests": "Requests to the support team in the period, with name or anonymous. Shown for the organisation as a whole only."
            case "contacted_within_deadline": "Share of requests contacted within 24 hours counted on non-holiday weekdays, of those contacted or past their deadline."
            case "median_hours_to_first_contact": "Half of the contacted requests were first contacted within this many hours. Shown only when it rests on enough requests."
            default: nil
            }
        },
        directUnit: { "\($0) (directly in the unit)" },
        noChildren: "The unit has no sub-units.",
        depthNote: "Reasons, new hires and managers' training are shown for the organisation and its departments, not further down: in small units they would almost always have to be hidden.",
        monthsOnlyOrganisation: "Figures per month exist for the organisation as a whole only.",
        monthNote: "For a single month, the page shows how many talks were held and how many support requests came in. The other figures are for the whole period.",
        supportOnlyOrganisation: "Support requests are reported for the organisation as a whole only.",
        hours: { "\($0) hours" },
        summaryCaption: { "The question in the development talk – \($0)" },
        chartByUnitTitle: { "Share asked the question, by unit in \($0)" },
        chartByUnitDescription: "Horizontal bars, one per unit. Hidden figures are shown as a striped area with the text “hidden”. The table below the chart has the same figures.",
        unitsCaption: { "The question by unit in \($0)" },
        trainingCaption: { "Training by unit in \($0)" },
        chartMonthsTitle: { "Talks held per month, \($0)" },
        chartMonthsDescription: "Vertical bars, one per month. Hidden figures are shown as a striped area with the text “hidden”. The table below the chart has the same figures.",
        chartTrendTitle: { "Share asked the question, by period – \($0)" },
        chartTrendDescription: "Vertical bars, one per period. Hidden figures are shown as a striped area with the text “hidden”. The table below the chart has the same figures.",
        supportCaption: "Support requests in the whole organisation",
        noShare: "–",
        trainingColumn: { code in
            switch code {
            case "staff": "Staff"
            case "half_day_trained": "Half day"
            case "web_course_trained": "Web course"
            case "managers_recording": "Managers with talks"
            case "managers_trained": "Trained managers"
            default: code
            }
        },
        organisationsTitle: "All organisations",
        organisationsIntro: "Each organisation's own figures for the organisation as a whole, side by side, for the period starting in the chosen year. No figures for units are shown here.",
        organisationsHidden: "Figures are hidden exactly as in each organisation's own overview. A total for all together is shown only where every organisation's figure is shown.",
        yearLabel: "Year",
        yearChoice: { year, count in "\(year) (\(count) organisations)" },
        organisationColumn: "Organisation",
        allTogether: "All together",
        organisationsCaption: { "The question and training by organisation, periods starting in \($0)" },
        organisationsSupportCaption: { "Support requests by organisation, periods starting in \($0)" }
    )

    static let englishMonths = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                                "November", "December"]
}
