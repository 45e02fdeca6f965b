extension ManagerDigest {
    /// Renders the digest: a line per non-zero count, each with its link, and no names.
    func render(in language: Language, context: TemplateContext) -> RenderedMessage {
        switch language {
        case .swedish: renderSwedish(context)
        case .english: renderEnglish(context)
        }
    }

    private func renderSwedish(_ context: TemplateContext) -> RenderedMessage {
        let links = context.links
        var lines = [context.greetingName.map { "Hej \($0)!" } ?? "Hej!", "", "Här är dagens påminnelser om medarbetarsamtal i ditt team.", ""]
        if talksWithinSevenDays > 0 {
            let n = talksWithinSevenDays
            lines.append(
                "- \(n) medarbetarsamtal är \(n == 1 ? "planerat" : "planerade") inom 7 dagar. I samtalet ställer du "
                    + "frågan om våld i nära relationer, som ställs till alla medarbetare. Läs vägledningen före samtalet: \(links.guide)"
            )
        }
        if talksHeldNotRecorded > 0 {
            let n = talksHeldNotRecorded
            lines.append(
                "- \(n) samtal har hållits men är inte \(n == 1 ? "registrerat" : "registrerade") ännu. "
                    + "Registrera om frågan ställdes: \(links.team)"
            )
        }
        if newHiresDue > 0 {
            let n = newHiresDue
            lines.append("- \(n) \(n == 1 ? "nyanställd" : "nyanställda") ska snart få frågan i ett samtal. Planera samtalet: \(links.team)")
        }
        if showsCycleEnd, let days = daysUntilCycleEnds {
            let n = employeesNotYetPlanned
            lines.append("- Perioden slutar om \(days) \(days == 1 ? "dag" : "dagar") och \(n) medarbetare har ännu inget planerat samtal.")
        }
        lines += [
            "",
            "Se ditt team och planera samtal: \(links.team)",
            "",
            "Påminnelserna skickas automatiskt högst en gång per dag. Svara inte på det här meddelandet.",
        ]
        return RenderedMessage(
            subject: "Påminnelser om medarbetarsamtal",
            body: lines.joined(separator: "\n") + "\n",
            smsText: "Du har nya påminnelser om medarbetarsamtal. Logga in på \(links.login) för att se dem."
        )
    }

    private func renderEnglish(_ context: TemplateContext) -> RenderedMessage {
        let links = context.links
        var lines = [context.greetingName.map { "Hello \($0)," } ?? "Hello,", "", "Here are today's reminders about development talks in your team.", ""]
        if talksWithinSevenDays > 0 {
            let n = talksWithinSevenDays
            lines.append(
                "- \(n) development \(n == 1 ? "talk is" : "talks are") planned within 7 days. In the talk you ask the question "
                    + "about violence in close relationships, which every employee is asked. Read the guide before the talk: \(links.guide)"
            )
        }
        if talksHeldNotRecorded > 0 {
            let n = talksHeldNotRecorded
            lines.append("- \(n) \(n == 1 ? "talk has" : "talks have") been held but not recorded yet. Record whether the question was asked: \(links.team)")
        }
        if newHiresDue > 0 {
            let n = newHiresDue
            lines.append("- \(n) new \(n == 1 ? "employee is" : "employees are") due to be asked the question in a talk soon. Plan the talk: \(links.team)")
        }
        if showsCycleEnd, let days = daysUntilCycleEnds {
            let n = employeesNotYetPlanned
            lines.append("- The cycle ends in \(days) \(days == 1 ? "day" : "days") and \(n) \(n == 1 ? "employee has" : "employees have") no talk planned yet.")
        }
        lines += [
            "",
            "See your team and plan talks: \(links.team)",
            "",
            "Reminders are sent automatically at most once a day. Please do not reply to this message.",
        ]
        return RenderedMessage(
            subject: "Reminders about development talks",
            body: lines.joined(separator: "\n") + "\n",
            smsText: "You have new reminders about development talks. Log in at \(links.login) to see them."
        )
    }
}
