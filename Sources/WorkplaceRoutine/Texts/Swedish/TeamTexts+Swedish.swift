extension TeamTexts {
    static let swedish = TeamTexts(
        teamTitle: "Mitt team",
        teamIntro: "Alla i ditt team ska få frågan om våld i nära relationer i medarbetarsamtalet, en gång per period. Här planerar du samtalen och registrerar att frågan ställdes – aldrig vad medarbetaren svarade.",
        readGuide: "Läs guiden för hur du ställer frågan",
        cyclesNavigation: "Perioder",
        cycleLink: { "Period \($0)" },
        cycleLine: { "Period \($0): \($1) – \($2)." },
        askedCount: { asked, due in "\(asked) av \(due) har fått frågan under perioden." },
        noReports: "Du har inga medarbetare som rapporterar direkt till dig just nu.",
        teamCaption: "Dina medarbetare",
        chooseColumn: "Välj",
        choose: { "Välj \($0)" },
        nameColumn: "Namn",
        unitColumn: "Enhet",
        dueColumn: "Ska ha fått frågan senast",
        statusColumn: "Läge",
        protectedTag: "Skyddade personuppgifter",
        protectedNote: "Personen har skyddade personuppgifter. Uppgifterna visas bara för dig som chef och nämns aldrig i påminnelser eller andra meddelanden. Var extra försiktig med var och hur ni träffas.",
        notDueThisCycle: "Inte under den här perioden",
        dueIn: { "\($0) (period \($1))" },
        status: { status in
            switch status {
            case .asked: "Frågan ställd"
            case .notDue: "Inte aktuell"
            case .overdue: "Försenad"
            case .planned: "Samtal planerat"
            case .notAsked: "Frågan inte ställd"
            case .notPlanned: "Inte planerat"
            }
        },
        plannedFor: { "Planerat: \($0)" },
        heldOn: { "Samtal \($0)" },
        notAskedBecause: { held, reason in "Samtal \(held), frågan inte ställd: \(reason)" },
        reason: { reason in
            switch reason {
            case .noPrivateSetting: "Det gick inte att prata ostört"
            case .interpreterPresent: "Tolk var med"
            case .employeeDeclinedTalk: "Medarbetaren tackade nej till samtalet"
            case .talkCancelled: "Samtalet ställdes in"
            case .onLeave: "Medarbetaren är tjänstledig eller frånvarande"
            case .other: "Annat skäl"
            }
        },
        planManyLegend: "Planera samtal för flera på en gång",
        planManyHint: "Kryssa i medarbetarna i tabellen och välj en dag. Ett redan planerat samtal flyttas till den nya tiden.",
        planManyButton: "Planera för de valda",
        chooseSomeone: "Kryssa i minst en medarbetare i tabellen.",
        dateLabel: "Datum",
        dateHint: "Skriv som år-månad-dag, till exempel 2026-12-01.",
        timeLabel: "Tid (valfritt)",
        timeHint: "Till exempel 14:00.",
        dateMissing: "Skriv ett datum.",
        dateInvalid: "Skriv datumet som år-månad-dag, till exempel 2026-12-01.",
        planDateInPast: "Datumet har redan passerat. Välj ett datum från och med i dag.",
        dateOutsideCycle: { start, end in "Datumet ligger utanför perioden. Välj ett datum mellan \(start) och \(end)." },
        timeInvalid: "Skriv tiden som timmar och minuter, till exempel 14:00.",
        backToTeam: "Tillbaka till Mitt team",
        backTo: { "Tillbaka till \($0)" },
        hiredLabel: "Anställd sedan",
        endsLabel: "Anställd till",
        planHeading: "Planera medarbetarsamtal",
        planButton: "Planera samtalet",
        moveButton: "Flytta samtalet",
        unplanButton: "Ta bort planeringen",
        recordHeading: "Efter samtalet",
        recordIntro: "Registrera när samtalet hölls och om du ställde frågan. Svaret skrivs aldrig ner.",
        recordLink: "Registrera samtalet",
        talksCaption: { "Hållna samtal under period \($0)" },
        heldColumn: "Samtalsdatum",
        questionColumn: "Frågan",
        correctionColumn: "Ändra",
        askedYes: "Ställd",
        askedNoBecause: { "Inte ställd: \($0)" },
        lockedSince: { "Låst sedan \($0)" },
        correctUntil: { "Rätta (går till \($0))" },
        outcomeHeading: "Stöd efter samtalet",
        outcomeIntro: "Om medarbetaren själv vill ha kontakt med stödfunktionen eller skyddsåtgärder på arbetsplatsen kan du föreslå det här, tillsammans med medarbetaren. Hen bekräftar själv.",
        outcomeLink: "Föreslå stöd tillsammans med medarbetaren",
        recordTitle: { "Registrera samtal med \($0)" },
        recordExplanation: "Du registrerar bara datum och om frågan ställdes. Om den inte ställdes väljer du ett skäl i listan. Det finns ingen plats för fritext, och vad medarbetaren svarade ska aldrig skrivas ner.",
        lockNote: { "Du kan rätta registreringen i \($0) dagar. Sedan låses den. Alla ändringar loggas." },
        correctingNote: { "Du rättar en registrering. Den går att ändra till och med \($0), sedan låses den." },
        heldOnLabel: "Datum för samtalet",
        askedLegend: "Ställde du frågan om våld i nära relationer?",
        askedYesChoice: "Ja, jag ställde frågan",
        askedNoChoice: "Nej, frågan ställdes inte",
        reasonLegend: "Om frågan inte ställdes: varför?",
        reasonHint: "Välj det skäl som stämmer bäst. Skriv inget om medarbetarens situation någonstans.",
        saveRecord: "Spara registreringen",
        heldInFuture: "Datumet ligger i framtiden. Registrera samtalet när det har hållits.",
        askedMissing: "Välj om du ställde frågan.",
        reasonMissing: "Välj varför frågan inte ställdes.",
        lockedTitle: "Registreringen är låst",
        lockedText: { "Registreringen gick att rätta till och med \($0). Nu är den låst och kan inte ändras. Kontakta systemförvaltaren om något blivit fel." },
        outcomeTitle: "Föreslå stöd efter samtalet",
        outcomeExplanation: { days in [
            "Gör det här bara när medarbetaren är med och själv vill det.",
            "Förslaget visas för medarbetaren när hen loggar in. Ingenting skickas vidare förrän medarbetaren själv har bekräftat och valt hur och när hen vill bli kontaktad. Bekräftar hen inte inom \(days) dagar tas förslaget bort.",
            "Du får inte veta om medarbetaren bekräftar förslaget. Det är medarbetarens sak.",
        ] },
        outcomeKindLegend: { "Vad vill \($0)?" },
        outcomeKind: { kind in
            switch kind {
            case .supportContact: "Bli kontaktad av stödfunktionen"
            case .workplaceSafety: "Få skyddsåtgärder på arbetsplatsen, till exempel ändrade tider eller arbetsplats"
            }
        },
        outcomePresentLegend: "Medarbetarens samtycke",
        outcomePresentChoice: "Medarbetaren är med nu och vill att jag gör förslaget",
        outcomeKindMissing: "Välj vad medarbetaren vill.",
        outcomePresentMissing: "Kryssa i att medarbetaren är med och vill det. Annars ska du inte göra förslaget.",
        proposeButton: "Gör förslaget",
        proposedTitle: "Förslaget är gjort",
        proposedText: "Förslaget visas för medarbetaren när hen loggar in.",
        proposedMore: "Berätta för medarbetaren att hen bekräftar under Mina sidor och där själv väljer hur och när hen vill bli kontaktad. Du får ingen mer information om förslaget.",
        savedPlanned: "Samtalet är planerat.",
        savedPlannedMany: "Samtalen är planerade.",
        savedUnplanned: "Planeringen är borttagen.",
        savedRecorded: "Samtalet är registrerat."
    )
}
