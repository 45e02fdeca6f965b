extension SignInTexts {
    static let swedish = SignInTexts(
        passwordHeading: "Logga in med användarnamn och lösenord",
        providersHeading: "Logga in med din organisations konto",
        noSignInTitle: "Inloggning är inte inställd",
        noSignInText: "Det går inte att logga in för den här organisationen ännu. Kontakta din organisations systemförvaltare.",
        continueTitle: "Du är inloggad",
        continueLink: "Fortsätt till Medarbetarstöd",
        tryAgain: "Försök logga in igen",
        notFoundTitle: "Vi hittade dig inte i personalregistret",
        notFoundText: "Inloggningen hos din organisation fungerade, men vi hittade dig inte bland de anställda i Medarbetarstöd. "
            + "Kontakta din chef eller HR så att de kan kontrollera att ditt anställningsnummer finns med. Inget om dig har sparats.",
        inactiveTitle: "Din anställning är inte aktiv",
        inactiveText: "Enligt personalregistret är din anställning inte aktiv, så du kan inte logga in i Medarbetarstöd. "
            + "Kontakta HR om det är fel. Inget om dig har sparats.",
        ambiguousTitle: "Vi kunde inte avgöra vem du är",
        ambiguousText: "Ditt anställningsnummer passar in på mer än en person i personalregistret, så vi loggade inte in dig. "
            + "Kontakta din organisations systemförvaltare. Inget om dig har sparats.",
        disabledTitle: "Kontot är avstängt",
        disabledText: "Ditt konto i Medarbetarstöd är avstängt. Kontakta din organisations systemförvaltare.",
        alreadyLinkedTitle: "Kontot hör till en annan inloggning",
        alreadyLinkedText: "Ditt konto i Medarbetarstöd är kopplat till en annan identitet hos inloggningstjänsten. "
            + "Kontakta din organisations systemförvaltare. Inget har ändrats.",
        refusedTitle: "Inloggningen kunde inte godkännas",
        refusedText: "Svaret från inloggningstjänsten klarade inte våra kontroller, så vi loggade inte in dig. "
            + "Försök igen. Inget om dig har sparats.",
        providerFailedTitle: "Inloggningstjänsten svarar inte",
        providerFailedText: "Vi kunde inte nå din organisations inloggningstjänst, eller så svarade den inte som den ska. "
            + "Försök igen om en stund. Inget om dig har sparats.",
        cancelledTitle: "Inloggningen avbröts",
        cancelledText: "Inloggningen avbröts hos inloggningstjänsten. Du kan försöka igen när du vill. Inget om dig har sparats.",
        expiredTitle: "Inloggningen har gått ut",
        expiredText: "Inloggningen tog för lång tid, eller så startades den i ett annat fönster. Börja om från början.",
        providerLogoutTitle: "Du är utloggad från Medarbetarstöd",
        providerLogoutText: "Du skickas vidare för att logga ut även hos din organisations inloggningstjänst.",
        providerLogoutLink: "Logga ut hos inloggningstjänsten",
        adminTitle: "Inloggning",
        adminIntro: "Så loggar organisationens anställda in. Inställningarna görs av driften (kommandot identity-provider); "
            + "klienthemligheten visas aldrig.",
        redirectURILabel: "Omdirigerings-URI att registrera hos inloggningstjänsten",
        postLogoutURILabel: "URI efter utloggning att registrera hos inloggningstjänsten",
        passwordLoginOn: "Inloggning med lösenord är tillåten för organisationen.",
        passwordLoginOff: "Inloggning med lösenord är avstängd för organisationen.",
        providersCaption: "Inloggningstjänster",
        labelColumn: "Knapptext",
        kindColumn: "Används för",
        issuerColumn: "Utfärdare (issuer)",
        clientColumn: "Klient-id",
        claimColumn: "Anspråk med anställningsnummer",
        kindStaff: "Anställdas inloggning",
        kindEID: "E-legitimation i stödkontakten",
        noProviders: "Ingen inloggningstjänst är inställd ännu."
    )
}
