extension ReportTexts {
    static let swedish = ReportTexts(
        title: "Översikt",
        intro: "Här ser du hur rutinen följs: hur många som ska få frågan om våld i nära relationer i medarbetarsamtalet, hur många som har fått den, hur många som har utbildats och hur snabbt stödet svarar. Alla siffror gäller grupper, aldrig enskilda personer.",
        hiddenMark: "dold",
        hiddenExplanation: { k in "Siffror som gäller färre än \(k) personer visas inte, och inte heller siffror som skulle göra det möjligt att räkna fram dem; båda är markerade ”dold”, så att ingen enskild person kan pekas ut." },
        publishedAt: { "Siffrorna räknades fram \($0)." },
        noFigures: "Det finns inga publicerade siffror ännu. Siffrorna räknas fram regelbundet – titta in igen senare.",
        filterLegend: "Välj vad som visas",
        cycleLabel: "Period",
        unitLabel: "Enhet",
        monthLabel: "Månad",
        wholeOrganisation: "Hela organisationen",
        wholeCycle: "Hela perioden",
        show: "Visa",
        monthName: { year, month in "\(swedishMonths[month - 1]) \(year)" },
        shortMonth: { swedishShortMonths[$0 - 1] },
        breadcrumbsLabel: "Var i organisationen",
        downloadHeading: "Ladda ner",
        downloadCSV: "Tabellerna som CSV-fil (för Excel)",
        downloadJSON: "Samma siffror som JSON",
        questionHeading: "Frågan i medarbetarsamtalet",
        unitsHeading: "Per enhet",
        reasonsHeading: "Skäl till att frågan inte ställdes",
        newHiresHeading: "Nyanställda",
        trainingHeading: "Utbildning",
        timeHeading: "Över tid",
        supportHeading: "Stödärenden",
        glossaryHeading: "Vad siffrorna betyder",
        measureColumn: "Uppgift",
        countColumn: "Antal",
        shareColumn: "Andel",
        unitColumn: "Enhet",
        monthColumn: "Månad",
        cycleColumn: "Period",
        measure: { code in
            switch code {
            case "due": "Ska få frågan"
            case "held": "Samtal hållna"
            case "asked": "Har fått frågan"
            case "not_asked": "Samtal hållet, frågan inte ställd"
            case "reason_no_private_setting": "Det gick inte att prata ostört"
            case "reason_interpreter_present": "Tolk var med"
            case "reason_employee_declined_talk": "Medarbetaren tackade nej till samtalet"
            case "reason_talk_cancelled": "Samtalet ställdes in"
            case "reason_on_leave": "Medarbetaren var ledig"
            case "reason_other": "Annat skäl"
            case "not_yet": "Inget samtal ännu"
            case "new_hires_due": "Nyanställda som ska få frågan"
            case "new_hires_asked_in_time": "Fått frågan inom tiden för nyanställda"
            case "new_hires_not_in_time": "Inte fått frågan inom tiden"
            case "intro_trained": "Nyanställda som gått introduktionen"
            case "intro_untrained": "Nyanställda som inte gått introduktionen"
            case "staff": "Anställda"
            case "half_day_trained": "Gått halvdagsutbildningen"
            case "half_day_untrained": "Inte gått halvdagsutbildningen"
            case "web_course_trained": "Gått webbkursen"
            case "web_course_untrained": "Inte gått webbkursen"
            case "managers_recording": "Chefer som registrerat samtal"
            case "managers_trained": "Chefer som registrerat samtal och gått chefsutbildningen"
            case "managers_untrained": "Chefer som registrerat samtal utan chefsutbildningen"
            case "requests": "Stödärenden"
            case "kind_exposed": "Gäller: utsatt för våld"
            case "kind_worried": "Gäller: orolig för någon"
            case "kind_uses_violence": "Gäller: använder våld och vill sluta"
            case "kind_talk_referral": "Gäller: kontakt efter medarbetarsamtal"
            case "door_identified": "Med namn"
            case "door_anonymous": "Anonymt, med kvittokod"
            case "deadline_passed_or_contacted": "Kontaktade eller med passerad tidsgräns"
            case "contacted_within_deadline": "Kontaktade inom tidsgränsen"
            case "contacted_late_or_not": "Kontaktade för sent eller inte alls"
            case "waiting_within_deadline": "Väntar, tidsgränsen inte passerad"
            case "median_hours_to_first_contact": "Mediantid till första kontakt"
            default: nil
            }
        },
        measureHint: { code in
            switch code {
            case "due": "Anställda som ska få frågan under perioden: alla som är anställda då, och nyanställda inom den tid som gäller för dem."
            case "held": "Av dem som ska få frågan: de som har haft sitt medarbetarsamtal och där chefen har registrerat det."
            case "asked": "De som har fått frågan om våld i nära relationer i samtalet. Bara att frågan ställdes registreras, aldrig svaret."
            case "not_asked": "Samtal där frågan inte ställdes, med ett av de fasta skälen. Skälen visas för hela organisationen och förvaltningarna."
            case "not_yet": "De som ska få frågan men ännu inte har haft något registrerat samtal under perioden."
            case "new_hires_due": "Nyanställda under perioden; de ska få frågan inom en viss tid efter anställningen."
            case "staff": "Anställda under perioden, som grund för andelarna som gått halvdagsutbildningen och webbkursen."
            case "managers_recording": "Chefer som har registrerat minst ett samtal under perioden; andelen som gått chefsutbildningen (heldag) visas bredvid."
            case "requests": "Ärenden till stödfunktionen under perioden, med namn eller anonymt. Visas bara för hela organisationen."
            case "contacted_within_deadline": "Andel av ärendena som kontaktades inom 24 timmar räknat på helgfria vardagar, av dem som har kontaktats eller vars tidsgräns har passerat."
            case "median_hours_to_first_contact": "Hälften av de kontaktade ärendena fick sin första kontakt inom så här många timmar. Visas bara när den bygger på tillräckligt många ärenden."
            default: nil
            }
        },
        directUnit: { "\($0) (direkt i enheten)" },
        noChildren: "Enheten har inga underenheter.",
        depthNote: "Skäl, nyanställda och chefers utbildning visas för hela organisationen och förvaltningarna, inte längre ned: i små enheter skulle de nästan alltid behöva döljas.",
        monthsOnlyOrganisation: "Siffror per månad finns bara för hela organisationen.",
        monthNote: "För en enskild månad visas hur många samtal som hölls och hur många stödärenden som kom in. Övriga siffror gäller hela perioden.",
        supportOnlyOrganisation: "Stödärenden redovisas bara för hela organisationen.",
        hours: { "\($0) timmar" },
        summaryCaption: { "Frågan i medarbetarsamtalet – \($0)" },
        chartByUnitTitle: { "Andel som har fått frågan, per enhet i \($0)" },
        chartByUnitDescription: "Liggande staplar, en per enhet. Dolda siffror visas som ett randigt fält med texten ”dold”. Samma siffror finns i tabellen under diagrammet.",
        unitsCaption: { "Frågan per enhet i \($0)" },
        trainingCaption: { "Utbildning per enhet i \($0)" },
        chartMonthsTitle: { "Hållna samtal per månad, \($0)" },
        chartMonthsDescription: "Stående staplar, en per månad. Dolda siffror visas som ett randigt fält med texten ”dold”. Samma siffror finns i tabellen under diagrammet.",
        chartTrendTitle: { "Andel som har fått frågan, per period – \($0)" },
        chartTrendDescription: "Stående staplar, en per period. Dolda siffror visas som ett randigt fält med texten ”dold”. Samma siffror finns i tabellen under diagrammet.",
        supportCaption: "Stödärenden i hela organisationen",
        noShare: "–",
        trainingColumn: { code in
            switch code {
            case "staff": "Anställda"
            case "half_day_trained": "Halvdag"
            case "web_course_trained": "Webbkurs"
            case "managers_recording": "Chefer med samtal"
            case "managers_trained": "Chefsutbildade"
            default: code
            }
        },
        organisationsTitle: "Alla organisationer",
        organisationsIntro: "Varje organisations egna siffror för hela organisationen, sida vid sida, för den period som börjar det valda året. Inga siffror för enheter visas här.",
        organisationsHidden: "Siffrorna är dolda på samma sätt som i varje organisations egen översikt. En summa för alla tillsammans visas bara där alla organisationers siffror visas.",
        yearLabel: "År",
        yearChoice: { year, count in "\(year) (\(count) organisationer)" },
        organisationColumn: "Organisation",
        allTogether: "Alla tillsammans",
        organisationsCaption: { "Frågan och utbildning per organisation, perioder som börjar \($0)" },
        organisationsSupportCaption: { "Stödärenden per organisation, perioder som börjar \($0)" }
    )

    static let swedishMonths = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
                                "november", "december"]
    static let swedishShortMonths = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
}
