extension CommonTexts {
    static let swedish = CommonTexts(
        serviceName: "Medarbetarstöd",
        skipToContent: "Gå direkt till innehållet",
        quickExit: "Lämna sidan snabbt",
        quickExitHint: "Du kan också trycka på Skift-tangenten tre gånger för att lämna sidan.",
        otherLanguageName: "English",
        mainNavigation: "Huvudmeny",
        logOut: "Logga ut",
        logOutEverywhere: "Logga ut på alla enheter",
        errorSummaryTitle: "Det finns något att rätta till",
        errorPrefix: "Fel:",
        safetyAdvice: "Råd för att vara säker på nätet",
        footerNote: "Tjänsten sparar bara en inloggningskaka och en språkinställning. Sidorna sparas inte i webbläsarens cache.",
        notFoundTitle: "Sidan finns inte",
        notFoundText: "Sidan du letar efter finns inte, eller så har du inte tillgång till den.",
        forbiddenTitle: "Du har inte tillgång till sidan",
        forbiddenText: "Ditt konto har inte behörighet till den här delen av tjänsten.",
        serverErrorTitle: "Något gick fel",
        serverErrorText: "Något gick fel hos oss. Det du skrev har inte sparats. Försök igen om en stund.",
        staleFormTitle: "Formuläret har gått ut",
        staleFormText: "Formuläret var för gammalt eller kom inte från den här tjänsten. Ladda om sidan och försök igen.",
        tooManyTitle: "För många försök",
        tooManyText: "Du har gjort för många försök på kort tid. Vänta en stund och försök igen.",
        backToStart: "Till startsidan",
        navTeam: "Mitt team",
        navGuide: "Guide för frågan",
        navMine: "Mina sidor",
        navInbox: "Inkorg",
        navOverview: "Översikt",
        navAdmin: "Administration",
        navContact: "Kontakt och stöd",
        signedInAs: { "Inloggad som \($0)" },
        save: "Spara",
        cancel: "Avbryt",
        yes: "Ja",
        no: "Nej",
        required: "Fyll i det här fältet."
    )
}

extension AccountTexts {
    static let swedish = AccountTexts(
        loginTitle: "Logga in",
        loginIntro: "Logga in med ditt konto i Medarbetarstöd.",
        username: "Användarnamn",
        password: "Lösenord",
        logIn: "Logga in",
        invalidCredentials: "Användarnamnet eller lösenordet stämmer inte. Kontrollera och försök igen.",
        locked: "För många misslyckade försök. Kontot är låst en kort stund. Försök igen senare.",
        throttled: "För många inloggningsförsök från den här enheten. Vänta en minut och försök igen.",
        usernameMissing: "Skriv ditt användarnamn.",
        passwordMissing: "Skriv ditt lösenord.",
        loggedOut: "Du är utloggad.",
        welcome: { "Välkommen, \($0)" },
        homeIntro: "Välj vad du vill göra.",
        contactWithoutLogin: "Vill du ha kontakt utan att logga in? Gå till Kontakt och stöd."
    )
}
