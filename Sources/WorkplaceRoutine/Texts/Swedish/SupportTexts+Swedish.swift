extension SupportTexts {
    static let swedish = SupportTexts(
        startTitle: "Kontakt och stöd",
        startLead: "Här kan du som arbetar hos oss be om stöd – när som helst, och utan att din chef får veta något. Du bestämmer själv hur, när och hur mycket.",
        chooseOrganisation: "Var arbetar du?",
        chooseOrganisationHint: "Välj din arbetsgivare, så visar vi rätt kontaktvägar.",
        chosenOrganisation: { "Du ser stödet hos \($0)." },
        changeOrganisation: "Välj en annan arbetsgivare",
        whoTitle: "Vem kan få stöd?",
        whoText: [
            "Du kan höra av dig om någon som står dig nära gör dig illa, hotar eller kontrollerar dig. Du kan också höra av dig om du är orolig för någon annan, eller om du själv använder våld och vill ha hjälp att sluta.",
            "Våld är inte bara slag. Det kan också vara hot, kränkningar, att någon bestämmer över dig eller dina pengar, att du blir isolerad, sexuellt våld och våld i hederns namn.",
        ],
        doorsTitle: "Två sätt att höra av dig",
        identifiedTitle: "Med inloggning",
        identifiedText: "Logga in med ditt konto. Stödteamet ser vem du är, men ingen annan på arbetsplatsen gör det. Du läser svar och skriver mer under Mina kontakter.",
        identifiedButton: "Logga in och skriv till oss",
        anonymousTitle: "Utan att säga vem du är",
        anonymousText: "Du behöver inte logga in eller lämna ditt namn. Du får en kod med 16 siffror som du använder för att läsa svar.",
        anonymousButton: "Skriv till oss utan inloggning",
        haveReceipt: "Har du redan en kod? Läs svar och skriv mer",
        nextTitle: "Vad händer sedan?",
        nextText: "Stödteamet kontaktar dig på det sätt och vid de tider du väljer, inom 24 timmar räknat på vardagar som inte är helgdagar. Skriver du till oss en fredag eftermiddag hör vi av oss senast måndag eftermiddag.",
        confidentialityText: "Alla i stödteamet har sekretess. Din chef, HR och andra på arbetsplatsen kan inte se att du har hört av dig eller vad du skriver.",
        nowTitle: "Behöver du hjälp nu?",
        emergencyText: "Är du i akut fara? Ring 112.",
        safetyLink: "Råd för att vara säker när du använder tjänsten",
        noOrganisations: "Det finns ingen arbetsgivare i tjänsten ännu. Ring 112 vid akut fara, eller Kvinnofridslinjen på 020-50 50 50.",
        myRequestsLink: "Mina kontakter",
        phoneLabel: "Telefon:",

        safetyTitle: "Råd för att vara säker på nätet",
        safetyLead: "Om någon kan se din telefon eller dator kan de ibland se vilka sidor du har besökt. Här är några sätt att skydda dig.",
        safetySections: [
            TextSection(heading: "Lämna sidan snabbt", paragraphs: [
                "Knappen Lämna sidan snabbt finns överst på varje sida. Den tömmer sidan direkt, loggar ut dig och öppnar en vanlig webbplats om väder.",
                "Du kan också trycka på Skift-tangenten tre gånger. Det fungerar utan mus.",
            ]),
            TextSection(heading: "Webbläsarens historik raderas inte", paragraphs: [
                "Att lämna sidan snabbt tar inte bort sidan ur webbläsarens historik. Den som ser historiken kan se att du har varit här.",
                "Du kan ta bort just de här sidorna ur historiken i webbläsarens inställningar. Att radera all historik kan i stället väcka frågor hos den som brukar se den.",
            ]),
            TextSection(heading: "Privat surfning", paragraphs: [
                "Använd ett privat fönster (inkognito). Då sparas varken historik eller kakor när du stänger fönstret.",
            ]),
            TextSection(heading: "Välj en säker enhet", paragraphs: [
                "En dator på jobbet kan vara säkrare än en dator eller telefon som ni delar hemma. Använd helst en enhet som den du är rädd för inte kommer åt.",
            ]),
            TextSection(heading: "Meddelanden från oss", paragraphs: [
                "Vi kontaktar dig bara på det sätt och vid de tider du väljer. Ett SMS eller e-brev från oss säger bara att det finns ett nytt meddelande – aldrig vad det gäller.",
                "Har du fått en kod med 16 siffror, spara den där ingen annan ser den, till exempel som ett telefonnummer bland dina kontakter.",
            ]),
            TextSection(heading: "Vid akut fara", paragraphs: [
                "Ring 112.",
            ]),
        ],

        newTitle: "Ny kontakt",
        newHeading: "Skriv till stödteamet",
        newIntroIdentified: "Du är inloggad. Stödteamet ser vem du är, men ingen annan på arbetsplatsen gör det.",
        newIntroAnonymous: "Du behöver inte skriva ditt namn. När du har skickat får du en kod som du behöver för att läsa svar.",
        anonymousChannelNote: "Väljer du telefon, SMS eller e-post vet stödteamet hur de når dig, men inte vem du är. Väljer du meddelanden här i tjänsten läser du svaren med din kod.",
        send: "Skicka",
        organisationLabel: "Var arbetar du?",
        organisationMissing: "Välj var du arbetar.",
        noTeam: "Det går inte att skicka något härifrån just nu. Ring i stället något av numren på sidan Kontakt och stöd.",

        receiptTitle: "Din kod",
        receiptHeading: "Skriv ner din kod",
        receiptLead: "Tack. Vi har tagit emot det du skickade.",
        receiptExplain: "Koden är det enda sättet att läsa svar och skriva mer. Den visas bara nu och kan inte tas fram igen – inte ens av oss.",
        receiptKeep: "Skriv ner den eller spara den där ingen annan ser den, till exempel som ett telefonnummer bland dina kontakter.",
        receiptLabel: "Din kod",
        receiptNext: { "Stödteamet hör av sig på det sätt du valde, senast \($0)." },
        receiptNextDialogue: { "Stödteamet svarar här i tjänsten senast \($0). Läs svaret med din kod under Läs svar." },
        receiptReadLink: "Läs svar med din kod",

        lookupTitle: "Läs svar",
        lookupIntro: "Skriv koden med 16 siffror som du fick när du skrev till oss.",
        receiptFieldLabel: "Kod (16 siffror)",
        receiptFieldHint: "Mellanslag gör inget.",
        receiptMissing: "Skriv din kod.",
        receiptMalformed: "Koden har 16 siffror. Kontrollera att alla siffror är med.",
        receiptWrong: "Koden stämmer inte. Kontrollera siffrorna och försök igen.",
        receiptThrottled: "Du har försökt många gånger på kort tid. Vänta en minut och försök igen.",
        receiptBusy: "Just nu kan vi inte ta emot fler försök. Vänta en minut och försök igen.",
        lookupButton: "Visa svar",
        lookupExpired: "Sidan har låsts eftersom den inte använts på en stund. Skriv koden igen för att fortsätta.",

        personCaseTitle: "Din kontakt",
        personStatusNew: { "Stödteamet kontaktar dig senast \($0)." },
        personStatusContacted: "Stödteamet har tagit kontakt med dig.",
        personStatusClosed: "Ärendet är avslutat. Skriver du igen öppnas det, och stödteamet ser ditt meddelande.",
        sentAt: { "Skickat \($0)." },
        yourWishesTitle: "Så vill du bli kontaktad",
        yourMessageTitle: "Det här skrev du",
        youWroteNothing: "Du skrev inget meddelande.",
        dialogueTitle: "Meddelanden",
        noMessagesYet: "Inga meddelanden ännu.",
        authorYou: "Du",
        authorTeam: "Stödteamet",
        writeLabel: "Skriv ett meddelande",
        writeHint: "Bara stödteamet kan läsa det.",
        writeButton: "Skicka meddelandet",
        textMissing: "Skriv något innan du skickar.",
        textTooLong: { "Texten är för lång. Skriv högst \($0) tecken; det du skrev finns kvar så att du kan korta det." },
        messageSent: "Ditt meddelande är skickat.",
        requestSent: { "Tack. Vi har tagit emot det du skickade. Stödteamet kontaktar dig senast \($0)." },
        lockButton: "Lås sidan",
        lockHint: "Sidan låses också av sig själv efter 15 minuter utan att användas.",
        locked: "Sidan är låst. Du behöver koden för att öppna den igen.",
        deleteLink: "Radera min kontakt",
        deleteTitle: "Radera din kontakt?",
        deleteText: "Allt du har skrivit och alla svar raderas direkt och kan inte tas fram igen. Stödteamet ser inte längre ärendet.",
        deleteButton: "Ja, radera allt",
        deleteCancel: "Nej, gå tillbaka",
        deletedTitle: "Raderad",
        deletedText: "Din kontakt och allt i den är raderad. Du är välkommen att höra av dig igen när du vill.",

        mineTitle: "Mina kontakter",
        mineEmpty: "Du har inte skrivit till stödteamet.",
        mineNew: "Skriv till stödteamet",
        columnSent: "Skickat",
        columnKind: "Gäller",
        columnStatus: "Status",
        unreadReplies: { $0 == 1 ? "1 nytt svar" : "\($0) nya svar" },
        openOwn: { "Öppna kontakten från \($0)" },

        statusLabel: { status in
            switch status {
            case .new: "Väntar på kontakt"
            case .contacted: "Kontakt tagen"
            case .closed: "Avslutat"
            }
        },
        doorLabel: { $0 == .identified ? "Inloggad" : "Anonym" },
        channelLabel: { channel in
            switch channel {
            case .phone: "Telefon"
            case .sms: "SMS"
            case .email: "E-post"
            case .dialogue: "Meddelanden i tjänsten"
            }
        },
        attemptLabel: { result in
            switch result {
            case .reached: "Nådde personen"
            case .notReached: "Nådde inte personen"
            case .noMessageLeft: "Nådde inte personen och lämnade inget meddelande"
            }
        },
        outcomeLabel: { outcome in
            switch outcome {
            case .adviceGiven: "Råd och stöd gavs"
            case .referredSocialServices: "Hänvisad till socialtjänsten"
            case .counselling: "Samtalsstöd"
            case .workplaceSafetyMeasures: "Skyddsåtgärder på arbetsplatsen"
            case .noFurtherContact: "Personen ville inte ha mer kontakt"
            }
        },
        eventLabel: { action in
            switch action {
            case "created": "Ärendet kom in"
            case "contact_attempt": "Kontaktförsök"
            case "contacted": "Första kontakt – klockan stoppades"
            case "replied": "Svar skickat"
            case "note": "Anteckning"
            case "closed": "Avslutat"
            case "reopened": "Öppnat igen"
            case "employee_replied": "Personen skrev"
            case "moved": "Flyttat till ett annat team"
            default: action
            }
        },

        inboxTitle: "Inkorg",
        inboxIntro: "Ärenden till dina team. Tiden räknas på vardagar som inte är helgdagar. Innehållet visas först när du öppnar ett ärende, och varje gång loggas.",
        waitingCaption: "Väntar på första kontakt – kortast tid kvar först",
        ongoingCaption: "Pågående",
        closedCaption: "Avslutade (de senaste 50)",
        nothingWaiting: "Inga ärenden väntar på kontakt.",
        nothingOngoing: "Inga pågående ärenden.",
        nothingClosed: "Inga avslutade ärenden.",
        columnReceived: "Inkom",
        columnDoor: "Väg in",
        columnChannel: "Kanal",
        columnTimeLeft: "Tid kvar",
        columnTeam: "Team",
        timeLeft: { "\($0) tim \($1) min kvar" },
        overdue: { "Försenat \($0) tim \($1) min" },
        contactedAt: { "Kontakt \($0)" },
        closedAt: { "Avslutat \($0)" },
        newMessages: { $0 == 1 ? "1 nytt meddelande" : "\($0) nya meddelanden" },
        openCase: { "Ärende från \($0)" },

        caseTitle: "Ärende",
        caseHeading: { "Ärende från \($0)" },
        caseWaiting: { "Väntar på första kontakt. Tidsgräns \($0) (\($1))." },
        contactOnTime: { "Första kontakt \($0), inom tidsgränsen." },
        contactLate: { "Första kontakt \($0), efter tidsgränsen." },
        wishesTitle: "Så vill personen bli kontaktad",
        calledLabel: "Vill bli kallad",
        theirMessageTitle: "Det här skrev personen",
        theyWroteNothing: "Personen valde att inte skriva något.",
        authorPerson: "Personen",
        replyLabel: "Svara personen",
        replyHint: "Svaret visas här i tjänsten. Personen får bara ett kort besked utan innehåll, på sin valda kanal och inom de säkra tiderna.",
        replyButton: "Skicka svaret",
        replied: "Svaret är skickat.",
        notesTitle: "Anteckningar (syns bara för teamet)",
        noNotes: "Inga anteckningar.",
        noteLabel: "Ny anteckning",
        noteButton: "Spara anteckningen",
        noteSaved: "Anteckningen är sparad.",
        attemptsTitle: "Kontaktförsök",
        noAttempts: "Inga kontaktförsök ännu.",
        attemptLegend: "Hur gick kontaktförsöket?",
        attemptMissing: "Välj hur kontaktförsöket gick.",
        attemptButton: "Spara kontaktförsöket",
        attemptSaved: "Kontaktförsöket är sparat.",
        closeTitle: "Avsluta ärendet",
        outcomeLegend: "Hur avslutas ärendet?",
        outcomeMissing: "Välj hur ärendet avslutas.",
        closeButton: "Avsluta ärendet",
        closedNotice: "Ärendet är avslutat.",
        closedWith: { "Avslutat \($0): \($1)." },
        reopenButton: "Öppna ärendet igen",
        reopened: "Ärendet är öppnat igen.",
        moveTitle: "Flytta till ett annat team",
        moveLabel: "Team",
        moveHint: "Det andra teamet får ett besked. Är du inte med i det teamet ser du inte ärendet längre.",
        moveButton: "Flytta ärendet",
        moveMissing: "Välj ett annat team än det nuvarande.",
        moved: "Ärendet är flyttat.",
        logTitle: "Händelser",
        closedCannotChange: "Ärendet är avslutat. Öppna det igen för att svara eller logga kontaktförsök.",
        changedMeanwhile: "Ärendet har ändrats under tiden, så ingenting sparades. Titta på det igen och försök på nytt.",
        teamLine: { "Team: \($0)." },

        channelPhrase: { channel, address in
            switch channel {
            case .phone: "bara telefonsamtal till \(address ?? "")"
            case .sms: "bara SMS till \(address ?? "")"
            case .email: "bara e-post till \(address ?? "")"
            case .dialogue: "bara meddelanden här i tjänsten – ring, sms:a eller mejla inte"
            }
        },
        weekdayNames: ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"],
        everyDay: "alla dagar",
        and: "och",
        voicePhrase: { $0 ? "röstmeddelande går bra" : "inga röstmeddelanden" },
        writtenPhrase: { $0 ? "skriftligt meddelande går bra" : "inga skriftliga meddelanden" },
        languagePhrase: { "språk: \($0)" },
        interpreterPhrase: { $0.map { "tolk: \($0)" } ?? "ingen tolk" },

        monthNames: ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"],
        longTime: { weekday, day, month, clock in "\(weekday) \(day) \(month) kl. \(clock)" },
        shortTime: { day, month, year, clock in "\(day) \(month.prefix(3)) \(year) \(clock)" }
    )
}
