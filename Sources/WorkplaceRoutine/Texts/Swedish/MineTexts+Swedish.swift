extension MineTexts {
    static let swedish = MineTexts(
        title: "Mina sidor",
        noPerson: "Ditt konto är inte kopplat till någon anställning, så det finns inga samtal att visa.",
        pendingHeading: "Förslag att ta ställning till",
        pendingIntro: "Efter ert samtal har din chef, tillsammans med dig, föreslagit stöd. Ingenting har skickats vidare. Du bestämmer själv om du vill bekräfta.",
        outcomeKind: { kind in
            switch kind {
            case .supportContact: "Kontakt med stödfunktionen"
            case .workplaceSafety: "Skyddsåtgärder på arbetsplatsen"
            }
        },
        proposedOn: { proposed, expires in "Föreslaget \(proposed). Du kan svara till och med \(expires); sedan tas förslaget bort." },
        answerLink: "Bekräfta eller avböj",
        confirmedHeading: "Det du har sagt ja till",
        confirmedOn: { "Du bekräftade \($0)." },
        withdrawLink: "Ta tillbaka ditt samtycke",
        talksHeading: "Dina medarbetarsamtal",
        noTalks: "Inga samtal är planerade eller registrerade ännu.",
        talksCaption: "Samtal med din chef",
        periodColumn: "Period",
        talkColumn: "Samtal",
        questionColumn: "Frågan om våld i nära relationer",
        heldOn: { "Hölls \($0)" },
        plannedFor: { "Planerat \($0)" },
        notHeldYet: "Samtalet har inte hållits än",
        recordedAsked: "Registrerad som ställd",
        recordedNotAsked: "Registrerad som inte ställd",
        answerIsYours: "Din chef registrerar bara om frågan ställdes – aldrig vad du svarade.",
        storedHeading: "Det här sparas om dig",
        storedIntro: "Du har rätt att se allt som sparas om dig i tjänsten.",
        storedLink: "Visa allt som sparas om mig",
        downloadLink: "Ladda ner som fil (JSON)",
        supportHeading: "Stöd när du vill",
        supportText: "Du kan när som helst själv be om stöd, med eller utan att logga in, och vara anonym.",
        backToMine: "Tillbaka till Mina sidor",
        confirmTitle: "Bekräfta eller avböj förslaget",
        confirmIntro: { "Efter ert samtal föreslog din chef, tillsammans med dig: \($0)." },
        confirmExplanation: [
            "Om du bekräftar skickas en förfrågan till stödfunktionen. De kontaktar dig som du väljer här nedan, inom ett dygn räknat på vardagar.",
            "Din chef får inte veta om du bekräftar eller avböjer. Du kan ta tillbaka ditt samtycke när som helst; då tas förfrågan bort.",
        ],
        confirmButton: "Bekräfta",
        declineHeading: "Vill du inte?",
        declineText: "Om du avböjer tas förslaget bort och ingenting skickas.",
        declineButton: "Avböj och ta bort förslaget",
        withdrawTitle: "Ta tillbaka ditt samtycke",
        withdrawIntro: { "Du har sagt ja till: \($0)." },
        withdrawText: "Om du tar tillbaka ditt samtycke tas förfrågan till stödfunktionen bort, med allt som hör till den. Det går inte att ångra, men du kan alltid be om stöd igen.",
        withdrawButton: "Ta tillbaka samtycket",
        savedConfirmed: "Tack. Förfrågan är skickad till stödfunktionen, som kontaktar dig som du har valt.",
        savedDeclined: "Förslaget är borttaget. Ingenting har skickats.",
        savedWithdrawn: "Ditt samtycke är tillbakataget och förfrågan är borttagen.",
        storedTitle: "Det här sparas om mig",
        storedLead: "Här är allt som tjänsten sparar om dig. Du kan också ladda ner det som en fil.",
        personHeading: "Uppgifter från HR-systemet",
        personSource: "Uppgifterna kommer från arbetsgivarens HR-system. Tjänsten skickar aldrig något tillbaka dit.",
        hrIDLabel: "Anställningsnummer",
        nameLabel: "Namn",
        emailLabel: "E-post i arbetet",
        unitLabel: "Enhet",
        managerLabel: "Chef registrerad",
        hireLabel: "Anställd sedan",
        endLabel: "Anställd till",
        protectedLabel: "Skyddade personuppgifter",
        activeLabel: "Aktiv",
        updatedLabel: "Senast ändrad",
        accountHeading: "Ditt konto",
        loginLabel: "Användarnamn",
        displayNameLabel: "Namn som visas",
        languageLabel: "Språk",
        rolesLabel: "Roller",
        createdLabel: "Skapat",
        failedLoginsLabel: "Misslyckade inloggningar i rad",
        passwordLabel: "Lösenord",
        passwordNote: { $0 ? "Sparas bara som ett krypterat fingeravtryck (hash), som ingen kan läsa." : "Inget lösenord" },
        sessionsHeading: "Inloggningar",
        session: { started, seen, ends in "Inloggad \(started), senast aktiv \(seen), upphör senast \(ends)" },
        outcomesHeading: "Förslag om stöd efter samtal",
        talkLine: { period, planned, held, asked, reason in
            var line = "Period \(period)"
            if let planned { line += ", planerat \(planned)" }
            if let held { line += ", hölls \(held)" }
            if let asked { line += asked ? ", frågan registrerad som ställd" : ", frågan registrerad som inte ställd" }
            if let reason { line += " (\(reason))" }
            return line
        },
        proposalLine: { kind, proposed, confirmed in
            "\(kind), föreslaget \(proposed)" + (confirmed.map { ", bekräftat \($0)" } ?? ", inte bekräftat")
        },
        requestsHeading: "Förfrågningar om stöd",
        requestLine: { received, status, channel, messages in
            "Mottagen \(received), läge: \(status), kontaktväg: \(channel), meddelanden i dialogen: \(messages)"
        },
        requestsNote: "Det du själv har skrivit sparas krypterat och visas i dialogen med stödfunktionen. Stödfunktionens egna anteckningar visas inte här.",
        auditHeading: "Logg över åtgärder",
        auditIntro: "Tjänsten loggar vad som görs med uppgifter om dig, men aldrig innehållet.",
        auditLine: { time, action, byMe, role in "\(time): \(action)" + (byMe ? " (av dig)" : " (roll: \(role))") },
        nothing: "Ingenting sparat."
    )
}
