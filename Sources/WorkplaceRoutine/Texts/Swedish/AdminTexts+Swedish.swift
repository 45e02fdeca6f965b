extension AdminTexts {
    static let swedish = AdminTexts(
        title: "Administration",
        organisationCounts: { active, inactive, units in "\(active) aktiva personer, \(inactive) inaktiva, \(units) aktiva enheter." },
        importHeading: "Importera organisationen från HR-systemet",
        importIntro: ["Ladda upp en fil med alla anställda från HR-systemet. Befintliga personer uppdateras utifrån anställningsnumret, nya läggs till. Ingenting skickas någonsin tillbaka till HR.", "Om någon rad är fel sparas ingenting, och du får en lista över vad som behöver rättas, rad för rad. Gör gärna en provkörning först."],
        columnsSummary: "Vilka kolumner ska filen ha?",
        columnLine: { code, name, required in "\(code) – \(name)" + (required ? " (måste finnas)" : " (valfri)") },
        columnsNote: "Rubrikerna kan också skrivas på svenska, till exempel Anställningsnummer, Namn, E-post, Enhetskod, Enhet, Överordnad enhet, Chef, Anställningsdatum, Slutdatum, Skyddade personuppgifter. Semikolon eller komma mellan fälten. Datum skrivs ÅÅÅÅ-MM-DD, ja/nej-fält som ja, nej, 1 eller 0. Andra kolumner hoppas över och sparas inte.",
        fileLabel: "Fil från HR-systemet",
        fileHint: "CSV (semikolon- eller kommaseparerad, UTF-8) eller JSON.",
        fileMissing: "Välj en fil att importera.",
        optionsLegend: "Omfattning",
        fullChoice: "Hela organisationen",
        fullHint: "Personer som saknas i filen blir inaktiva. De tas aldrig bort.",
        partialMode: "Bara personerna i filen",
        dryRunLegend: "Provkörning",
        dryRunChoice: "Visa bara vad som skulle ändras",
        dryRunHint: "Ingenting sparas. Du ser hur många som skulle läggas till, ändras och bli inaktiva.",
        uploadProgress: "Uppladdning",
        importButton: "Importera",
        runsHeading: "Senaste importerna",
        noRuns: "Ingen import har gjorts ännu.",
        runsCaption: "De tio senaste importerna",
        startedColumn: "Startad",
        outcomeColumn: "Resultat",
        rowsColumn: "Rader",
        addedLabel: "Nya",
        updatedLabel: "Ändrade",
        deactivatedLabel: "Inaktiverade",
        reactivatedLabel: "Aktiva igen",
        wouldAddLabel: "Skulle läggas till",
        wouldUpdateLabel: "Skulle ändras",
        wouldDeactivateLabel: "Skulle bli inaktiva",
        status: { status, errors in switch status { case "applied": "Genomförd"; case "previewed": "Provkörning"; case "rejected": "Avvisad (\(errors) fel)"; default: "Avbruten" } },
        runTitle: "Import från HR-systemet",
        backToAdmin: "Tillbaka till Administration",
        appliedText: "Importen är genomförd.",
        previewedText: "Provkörning: ingenting har sparats. Så här skulle organisationen ändras.",
        rejectedText: { "Filen innehöll \($0) fel. Ingenting har sparats. Rätta raderna nedan och importera igen." },
        sourceLabel: "Filformat",
        modeLabel: "Omfattning",
        problemsHeading: "Fel per rad",
        problemsTruncated: { shown, all in "De första \(shown) av \(all) fel visas." },
        problemsCaption: "Rader att rätta",
        lineColumn: "Rad",
        fieldColumn: "Fält",
        problemColumn: "Fel",
        importAgain: "Importera en ny fil",
        fieldName: { code in switch code { case "hr_id": "Anställningsnummer"; case "name": "Namn"; case "work_email": "E-post i arbetet"; case "unit_code": "Enhetskod"; case "unit_name": "Enhetens namn"; case "parent_unit_code": "Överordnad enhets kod"; case "manager_hr_id": "Chefens anställningsnummer"; case "hire_date": "Anställningsdatum"; case "end_date": "Slutdatum"; case "protected_identity": "Skyddade personuppgifter"; case "row": "Hela raden"; case "file": "Hela filen"; default: code } },
        reason: { reason in
            switch reason {
            case .missing: "Värde saknas."
            case .tooLong: "För långt (högst 200 tecken)."
            case .invalidFormat: "Fel format: bara bokstäver a–z, siffror och . _ - (för enhetskoder även /), högst 64 tecken."
            case .invalidEmail: "Ingen giltig e-postadress."
            case .notADate: "Inget datum. Skriv ÅÅÅÅ-MM-DD."
            case .beforeHireDate: "Slutdatumet ligger före anställningsdatumet."
            case .notAFlag: "Skriv ja eller nej (eller 1 eller 0)."
            case .invalidCharacters: "Innehåller otillåtna tecken, till exempel radbrytningar eller tabbar."
            case .duplicate: "Samma anställningsnummer finns på en tidigare rad."
            case .unitConflict: "Samma enhetskod har ett annat namn eller en annan överordnad enhet på en tidigare rad."
            case .unknownManager: "Chefen finns varken i filen eller i organisationen."
            case .managerInactive: "Chefen finns inte i filen och blir därför inaktiv."
            case .unknownParentUnit: "Den överordnade enheten finns varken i filen eller i organisationen."
            case .managerCycle: "Chefskedjan leder tillbaka till personen själv."
            case .unitCycle: "Enhetsträdet leder tillbaka till enheten själv."
            case .selfReference: "Pekar på sig själv."
            case .missingColumn: "Kolumnen saknas i rubrikraden."
            case .duplicateColumn: "Kolumnen finns två gånger i rubrikraden."
            case .wrongFieldCount: "Raden har fler eller färre fält än rubrikraden."
            case .unterminatedQuote: "Ett citattecken avslutas aldrig. Resten av filen kunde inte läsas."
            case .malformedQuotes: "Text efter ett avslutande citattecken."
            case .notUTF8: "Texten är inte UTF-8. Spara filen som CSV UTF-8."
            case .emptyFile: "Filen innehåller inga rader."
            case .notJSON: "Ingen JSON med en lista över personer."
            case .tooManyRows: "För många rader för en import (högst 500 000)."
            case .databaseRejected: "Databasen godtog inte uppgifterna. Ingenting har sparats. Kontakta support."
            }
        },
        settingsTitle: "Inställningar för rutinen",
        newHireDaysLabel: "Dagar för nyanställda",
        newHireDaysHint: "Nyanställda ska ha fått frågan inom så här många dagar från anställningen (7–365).",
        correctionDaysLabel: "Dagar att rätta en registrering",
        correctionDaysHint: "Så länge kan en chef rätta ett registrerat samtal. Sedan låses det (1–90).",
        expiryDaysLabel: "Dagar innan ett obekräftat förslag tas bort",
        expiryDaysHint: "Förslag om stöd som medarbetaren inte bekräftat tas bort efter så här många dagar (1–90).",
        numberBetween: { "Skriv ett heltal mellan \($0) och \($1)." },
        savedSettings: "Inställningarna är sparade.",
        resourcesTitle: "Stödkontakter",
        resourcesIntro: "Stödkontakterna visas i chefernas guide och på sidorna om stöd, i den här ordningen.",
        editResource: { "Ändra \($0)" },
        addResourceHeading: "Lägg till en stödkontakt",
        addResourceButton: "Lägg till",
        backToResources: "Tillbaka till Stödkontakter",
        deleteResource: "Ta bort stödkontakten",
        resourceKindLabel: "Typ av stöd",
        resourceKind: { kind in switch kind { case .ownTeam: "Organisationens eget stöd"; case .outOfHours: "Utanför kontorstid"; case .emergency: "Akut fara"; case .helpline: "Stödlinje"; case .perpetrator: "För den som utövar våld"; case .other: "Annat" } },
        nameSwedishLabel: "Namn på svenska",
        nameEnglishLabel: "Namn på engelska",
        phoneLabel: "Telefonnummer (valfritt)",
        phoneHint: "Till exempel 020-50 50 50.",
        descriptionSwedishLabel: "Beskrivning på svenska (valfritt)",
        descriptionEnglishLabel: "Beskrivning på engelska (valfritt)",
        urlLabel: "Webbadress (valfritt)",
        urlHint: "Måste börja med https://.",
        positionLabel: "Plats i listan",
        positionHint: "Lägre nummer visas först.",
        resourceFieldMissing: "Fyll i det här fältet.",
        resourceKindMissing: "Välj typ av stöd.",
        resourceDuplicate: "Det finns redan en stödkontakt med samma namn på samma plats i listan.",
        phoneInvalid: "Skriv bara siffror, mellanslag och + ( ) -.",
        urlInvalid: "Skriv en webbadress som börjar med https://.",
        tooLong: { "Högst \($0) tecken." },
        savedResource: "Stödkontakten är sparad.",
        deletedResource: "Stödkontakten är borttagen.",
        cyclesTitle: "Perioder",
        cyclesIntro: "Under varje period ska alla få frågan en gång. Om ingen period gäller i dag skapas kalenderåret automatiskt.",
        addCycleHeading: "Lägg till en period",
        cycleNameLabel: "Namn",
        cycleNameHint: "Till exempel 2027 eller 2027/28.",
        startsOnLabel: "Första dag",
        endsOnLabel: "Sista dag",
        addCycleButton: "Lägg till perioden",
        cycleNameMissing: "Skriv ett namn.",
        cycleNameTooLong: "Högst 50 tecken.",
        cycleEndsBeforeStart: "Sista dagen måste komma efter första dagen.",
        cycleOverlaps: { "Perioden överlappar period \($0)." },
        savedCycle: "Perioden är tillagd."
    )
}
