/// Texts for signing in through an organisation's provider (OpenID Connect): the choice on the login
/// page, the way back, and a clear page for every way a sign-in can fail. None of them names what the
/// service is for beyond its neutral name, and none repeats anything the provider sent.
public struct SignInTexts: Sendable {
    /// Heading above the password form when buttons for providers are shown too.
    public let passwordHeading: String
    /// Heading above the providers' buttons.
    public let providersHeading: String
    /// No way to sign in is configured for the organisation.
    public let noSignInTitle: String
    /// No way to sign in, explained.
    public let noSignInText: String
    /// The page shown for a moment after a successful sign-in, on the way on.
    public let continueTitle: String
    /// The link on that page.
    public let continueLink: String
    /// The way to try again after a failure.
    public let tryAgain: String
    /// The person is not in the staff register (no match for the employee number).
    public let notFoundTitle: String
    /// Not in the register, explained: who to contact; nothing was stored.
    public let notFoundText: String
    /// The person's employment is not active.
    public let inactiveTitle: String
    /// Inactive, explained.
    public let inactiveText: String
    /// The employee number matched several people, or the provider sent several.
    public let ambiguousTitle: String
    /// Ambiguous, explained.
    public let ambiguousText: String
    /// The account is disabled.
    public let disabledTitle: String
    /// Disabled, explained.
    public let disabledText: String
    /// The person's account is tied to another identity at the provider.
    public let alreadyLinkedTitle: String
    /// Already linked, explained.
    public let alreadyLinkedText: String
    /// The provider's answer failed our checks (signature, issuer, audience, time, nonce, state).
    public let refusedTitle: String
    /// Refused, explained.
    public let refusedText: String
    /// The provider could not be reached, was too slow or answered wrongly.
    public let providerFailedTitle: String
    /// Provider failure, explained.
    public let providerFailedText: String
    /// The sign-in was cancelled or denied at the provider.
    public let cancelledTitle: String
    /// Cancelled, explained.
    public let cancelledText: String
    /// The sign-in took too long, or was started in another window.
    public let expiredTitle: String
    /// Expired, explained.
    public let expiredText: String
    /// After logging out here, on the way to the provider's logout.
    public let providerLogoutTitle: String
    /// On the way to the provider's logout, explained.
    public let providerLogoutText: String
    /// The link to the provider's logout.
    public let providerLogoutLink: String
    /// The administrator's read-only page about sign-in: its title (also the link on /admin).
    public let adminTitle: String
    /// What the page shows and who changes it.
    public let adminIntro: String
    /// Label of the redirect URI to register at the provider.
    public let redirectURILabel: String
    /// Label of the post-logout URI to register at the provider.
    public let postLogoutURILabel: String
    /// Password sign-in allowed.
    public let passwordLoginOn: String
    /// Password sign-in switched off.
    public let passwordLoginOff: String
    /// Caption of the providers' table.
    public let providersCaption: String
    /// Column: the button's text.
    public let labelColumn: String
    /// Column: staff or e-ID.
    public let kindColumn: String
    /// Column: issuer.
    public let issuerColumn: String
    /// Column: client id.
    public let clientColumn: String
    /// Column: the employee-number claim.
    public let claimColumn: String
    /// Kind `staff`, in words.
    public let kindStaff: String
    /// Kind `eid`, in words.
    public let kindEID: String
    /// No provider configured.
    public let noProviders: String
}
