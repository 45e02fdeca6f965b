/// Every text of the interface in one language.
///
/// Each feature declares its own group of texts (a struct of `String`s and small functions); the
/// values for each language live together under `Texts/Swedish/` and `Texts/English/`, one place per
/// language. Because every group is built with its memberwise initialiser, a text missing in one
/// language is a compile error, not a blank on a page.
public struct Texts: Sendable {
    /// Which language these are.
    public let language: Language
    /// Layout, navigation, errors shared by every page.
    public let common: CommonTexts
    /// Logging in and out.
    public let accounts: AccountTexts
    /// Signing in through an organisation's provider.
    public let signIn: SignInTexts
    /// The contact-wishes form of every support request.
    public let intake: IntakeTexts
    /// The confidential support journey: start page, doors, receipt, inbox, case page.
    public let support: SupportTexts
    /// The manager's team, planning, recording and proposing outcomes.
    public let team: TeamTexts
    /// The guide for asking the question.
    public let guide: GuideTexts
    /// The employee's own pages.
    public let mine: MineTexts
    /// Administration and the HR import.
    public let admin: AdminTexts
    /// The administrator's page about notifications that were not delivered.
    public let notificationAdmin: NotificationAdminTexts
    /// The director's compliance view.
    public let report: ReportTexts

    /// The texts for `language`.
    public static func of(_ language: Language) -> Texts {
        switch language {
        case .swedish: return swedish
        case .english: return english
        }
    }

    static let swedish = Texts(language: .swedish, common: .swedish, accounts: .swedish, signIn: .swedish, intake: .swedish, support: .swedish,
                               team: .swedish, guide: .swedish, mine: .swedish, admin: .swedish,
                               notificationAdmin: .swedish, report: .swedish)
    static let english = Texts(language: .english, common: .english, accounts: .english, signIn: .english, intake: .english, support: .english,
                               team: .english, guide: .english, mine: .english, admin: .english,
                               notificationAdmin: .english, report: .english)
}

/// Texts shared by every page.
public struct CommonTexts: Sendable {
    /// The service's neutral name, shown in titles and notifications.
    public let serviceName: String
    /// Skip link to the main content.
    public let skipToContent: String
    /// The quick-exit button.
    public let quickExit: String
    /// How to leave with the keyboard.
    public let quickExitHint: String
    /// The label of the link to the other language, written in that language.
    public let otherLanguageName: String
    /// `aria-label` of the main navigation.
    public let mainNavigation: String
    /// Log out.
    public let logOut: String
    /// Log out on every device.
    public let logOutEverywhere: String
    /// Heading of the error summary above a form.
    public let errorSummaryTitle: String
    /// Prefix read before each field error by screen readers.
    public let errorPrefix: String
    /// Link to the safety advice page in the footer.
    public let safetyAdvice: String
    /// Footer note about cookies and storage.
    public let footerNote: String
    /// Not found.
    public let notFoundTitle: String
    /// Not found, explained.
    public let notFoundText: String
    /// Not allowed.
    public let forbiddenTitle: String
    /// Not allowed, explained.
    public let forbiddenText: String
    /// Something went wrong on our side.
    public let serverErrorTitle: String
    /// Something went wrong, explained.
    public let serverErrorText: String
    /// The form was stale or forged (CSRF check failed).
    public let staleFormTitle: String
    /// Stale form, explained.
    public let staleFormText: String
    /// Too many requests.
    public let tooManyTitle: String
    /// Too many requests, explained.
    public let tooManyText: String
    /// Back to the start page.
    public let backToStart: String
    /// Navigation: the manager's team.
    public let navTeam: String
    /// Navigation: the guide for asking the question.
    public let navGuide: String
    /// Navigation: the employee's own page.
    public let navMine: String
    /// Navigation: support inbox.
    public let navInbox: String
    /// Navigation: director's overview.
    public let navOverview: String
    /// Navigation: administration.
    public let navAdmin: String
    /// Navigation: all organisations (the coordinator's overview).
    public let navOrganisations: String
    /// Navigation: contact support (the confidential journey).
    public let navContact: String
    /// "Signed in as …" for the header.
    public let signedInAs: @Sendable (String) -> String
    /// Save button.
    public let save: String
    /// Cancel link.
    public let cancel: String
    /// Yes.
    public let yes: String
    /// No.
    public let no: String
    /// Shown for a required field left empty.
    public let required: String
}

/// Texts for logging in and out.
public struct AccountTexts: Sendable {
    /// Title of the login page.
    public let loginTitle: String
    /// Introduction on the login page.
    public let loginIntro: String
    /// Username field.
    public let username: String
    /// Password field.
    public let password: String
    /// Submit button.
    public let logIn: String
    /// Wrong username or password (never says which).
    public let invalidCredentials: String
    /// Account temporarily locked after repeated failures.
    public let locked: String
    /// Too many attempts from this device.
    public let throttled: String
    /// Empty username.
    public let usernameMissing: String
    /// Empty password.
    public let passwordMissing: String
    /// Shown after logging out.
    public let loggedOut: String
    /// Start page heading for a logged-in person.
    public let welcome: @Sendable (String) -> String
    /// Start page: what you can do here.
    public let homeIntro: String
    /// Link to the confidential support journey from the login page.
    public let contactWithoutLogin: String
}
