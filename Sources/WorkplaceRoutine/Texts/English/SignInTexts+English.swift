extension SignInTexts {
    static let english = SignInTexts(
        passwordHeading: "Log in with username and password",
        providersHeading: "Log in with your organisation's account",
        noSignInTitle: "Logging in is not set up",
        noSignInText: "It is not possible to log in for this organisation yet. Contact your organisation's system administrator.",
        continueTitle: "You are logged in",
        continueLink: "Continue to Medarbetarstöd",
        tryAgain: "Try to log in again",
        notFoundTitle: "We could not find you in the staff register",
        notFoundText: "Logging in at your organisation worked, but we could not find you among the employees in Medarbetarstöd. "
            + "Contact your manager or HR so they can check that your employee number is included. Nothing about you was stored.",
        inactiveTitle: "Your employment is not active",
        inactiveText: "According to the staff register your employment is not active, so you cannot log in to Medarbetarstöd. "
            + "Contact HR if this is wrong. Nothing about you was stored.",
        ambiguousTitle: "We could not tell who you are",
        ambiguousText: "Your employee number matches more than one person in the staff register, so we did not log you in. "
            + "Contact your organisation's system administrator. Nothing about you was stored.",
        disabledTitle: "The account is disabled",
        disabledText: "Your account in Medarbetarstöd is disabled. Contact your organisation's system administrator.",
        alreadyLinkedTitle: "The account belongs to another login",
        alreadyLinkedText: "Your account in Medarbetarstöd is linked to another identity at the login service. "
            + "Contact your organisation's system administrator. Nothing was changed.",
        refusedTitle: "The login could not be accepted",
        refusedText: "The answer from the login service did not pass our checks, so we did not log you in. "
            + "Try again. Nothing about you was stored.",
        providerFailedTitle: "The login service does not answer",
        providerFailedText: "We could not reach your organisation's login service, or it did not answer as it should. "
            + "Try again in a while. Nothing about you was stored.",
        cancelledTitle: "The login was cancelled",
        cancelledText: "The login was cancelled at the login service. You can try again whenever you like. Nothing about you was stored.",
        expiredTitle: "The login has expired",
        expiredText: "The login took too long, or it was started in another window. Start again from the beginning.",
        providerLogoutTitle: "You have logged out of Medarbetarstöd",
        providerLogoutText: "You are being sent on to log out of your organisation's login service too.",
        providerLogoutLink: "Log out of the login service",
        adminTitle: "Sign-in",
        adminIntro: "How the organisation's employees sign in. Operations changes these settings (the identity-provider "
            + "command); the client secret is never shown.",
        redirectURILabel: "Redirect URI to register at the login service",
        postLogoutURILabel: "Post-logout URI to register at the login service",
        passwordLoginOn: "Password sign-in is allowed for the organisation.",
        passwordLoginOff: "Password sign-in is switched off for the organisation.",
        providersCaption: "Login services",
        labelColumn: "Button text",
        kindColumn: "Used for",
        issuerColumn: "Issuer",
        clientColumn: "Client id",
        claimColumn: "Claim with the employee number",
        kindStaff: "Employees' sign-in",
        kindEID: "E-ID at the support door",
        noProviders: "No login service is set up yet."
    )
}
