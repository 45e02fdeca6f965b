extension CommonTexts {
    static let english = CommonTexts(
        serviceName: "Medarbetarstöd",
        skipToContent: "Skip to main content",
        quickExit: "Leave this page quickly",
        quickExitHint: "You can also press the Shift key three times to leave the page.",
        otherLanguageName: "Svenska",
        mainNavigation: "Main menu",
        logOut: "Log out",
        logOutEverywhere: "Log out on all devices",
        errorSummaryTitle: "There is something to correct",
        errorPrefix: "Error:",
        safetyAdvice: "Advice for staying safe online",
        footerNote: "The service stores only a login cookie and a language setting. Pages are not kept in the browser's cache.",
        notFoundTitle: "Page not found",
        notFoundText: "The page you are looking for does not exist, or you do not have access to it.",
        forbiddenTitle: "You do not have access to this page",
        forbiddenText: "Your account is not permitted to use this part of the service.",
        serverErrorTitle: "Something went wrong",
        serverErrorText: "Something went wrong on our side. What you wrote has not been saved. Please try again shortly.",
        staleFormTitle: "The form has expired",
        staleFormText: "The form was too old or did not come from this service. Reload the page and try again.",
        tooManyTitle: "Too many attempts",
        tooManyText: "You have made too many attempts in a short time. Wait a while and try again.",
        backToStart: "Back to the start page",
        navTeam: "My team",
        navGuide: "Guide to asking",
        navMine: "My pages",
        navInbox: "Inbox",
        navOverview: "Overview",
        navAdmin: "Administration",
        navContact: "Contact and support",
        signedInAs: { "Signed in as \($0)" },
        save: "Save",
        cancel: "Cancel",
        yes: "Yes",
        no: "No",
        required: "Fill in this field."
    )
}

extension AccountTexts {
    static let english = AccountTexts(
        loginTitle: "Log in",
        loginIntro: "Log in with your Medarbetarstöd account.",
        username: "Username",
        password: "Password",
        logIn: "Log in",
        invalidCredentials: "The username or password is not correct. Check them and try again.",
        locked: "Too many failed attempts. The account is locked for a short while. Try again later.",
        throttled: "Too many login attempts from this device. Wait a minute and try again.",
        usernameMissing: "Enter your username.",
        passwordMissing: "Enter your password.",
        loggedOut: "You have logged out.",
        welcome: { "Welcome, \($0)" },
        homeIntro: "Choose what you want to do.",
        contactWithoutLogin: "Want to make contact without logging in? Go to Contact and support."
    )
}
