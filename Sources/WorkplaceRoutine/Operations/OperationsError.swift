/// Why an operator command (`organisation create`, `account create`, `rotate-content-key`) refused
/// to do what it was asked.
///
/// `description` names the rule that was broken, never a value (no password, no key, no name), so
/// it may be printed and logged.
public struct OperationsError: Error, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// What went wrong.
    public enum Code: String, Sendable {
        /// Another organisation already uses the slug.
        case organisationExists = "organisation_exists"
        /// No organisation has the given slug.
        case unknownOrganisation = "unknown_organisation"
        /// Another account already uses the login.
        case loginTaken = "login_taken"
        /// No person of the organisation has the given HR id.
        case unknownPerson = "unknown_person"
        /// That person already has an account.
        case personHasAccount = "person_has_account"
        /// A role outside employee, manager, support, director, admin; or none.
        case invalidRoles = "invalid_roles"
        /// Employee and manager accounts act as a person: they need `--person`.
        case personRequired = "person_required"
        /// Passwords have at least 12 characters (as `auth.set_password` requires).
        case passwordTooShort = "password_too_short"
        /// A name, slug, login or e-mail address the database would refuse.
        case invalidValue = "invalid_value"
        /// Content keys have at least 32 characters.
        case keyTooShort = "key_too_short"
        /// The new content key equals the current one.
        case sameKey = "same_key"
        /// The web service or the Notifier is still connected; rotation needs them stopped.
        case serviceConnected = "service_connected"
        /// The current key does not open the sealed content (wrong key file).
        case wrongKey = "wrong_key"
        /// No account has the given login.
        case unknownAccount = "unknown_account"
    }

    /// What went wrong.
    public let code: Code
    /// The rule, in words an operator can act on (no values).
    public let reason: String
    /// The database error behind it, if any (for `debugDescription` only).
    public var underlying: (any Error)?

    /// An error with its code and reason.
    public init(_ code: Code, _ reason: String, underlying: (any Error)? = nil) {
        self.code = code
        self.reason = reason
        self.underlying = underlying
    }

    /// The reason only.
    public var description: String { reason }

    /// Code, reason and the underlying error.
    public var debugDescription: String {
        var text = "OperationsError(\(code.rawValue)): \(reason)"
        if let underlying { text += " — \(String(reflecting: underlying))" }
        return text
    }
}
