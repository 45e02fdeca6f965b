import Foundation
import OpenIDConnect
import Postgres

/// An organisation's provider as a sign-in needs it, secret unsealed (`auth.provider_for_sign_in`).
/// Lives only for one request; never logged or rendered.
struct ConfiguredProvider: Sendable {
    /// What the provider is for.
    enum Kind: String, Sendable {
        /// Employees sign in; matched with HR.
        case staff
        /// The identified support door with a private e-ID; never matched with HR or an account.
        case eid
    }

    let id: UUID
    let organisationID: UUID
    let kind: Kind
    let issuer: String
    let clientID: String
    let clientSecret: String
    let clientAuthentication: ClientAuthentication
    let employeeNumberClaim: String?

    /// The provider `id`, or nil when there is none.
    static func load(_ id: UUID, contentKey: String, in transaction: PostgresTransaction) async throws -> ConfiguredProvider? {
        guard let row = try await transaction.query("""
            SELECT organisation_id, kind, issuer, client_id, client_secret, client_authentication, employee_number_claim
            FROM auth.provider_for_sign_in(\(id), \(contentKey))
            """).first else { return nil }
        let (organisation, kind, issuer, client, secret, authentication, claim) =
            try row.decode((UUID, String, String, String, String, String, String?).self)
        guard let kind = Kind(rawValue: kind) else { return nil }
        return ConfiguredProvider(id: id, organisationID: organisation, kind: kind, issuer: issuer, clientID: client,
                                  clientSecret: secret, clientAuthentication: ClientAuthentication(rawValue: authentication) ?? .post,
                                  employeeNumberClaim: claim)
    }
}

/// A sign-in under way, as the callback takes it (`auth.take_sign_in`): once.
struct PendingSignIn: Sendable {
    let providerID: UUID
    let state: String
    let nonce: String
    let codeVerifier: String
    let returnTo: String

    /// The pending sign-in of the pre-login cookie's `token`, removed as it is read; nil when there is
    /// none or it expired.
    static func take(_ token: [UInt8], in transaction: PostgresTransaction) async throws -> PendingSignIn? {
        guard let row = try await transaction.query("""
            SELECT provider_id, state, nonce, code_verifier, return_to FROM auth.take_sign_in(\(Data(token)))
            """).first else { return nil }
        let (provider, state, nonce, verifier, returnTo) = try row.decode((UUID, String, String, String, String).self)
        return PendingSignIn(providerID: provider, state: state, nonce: nonce, codeVerifier: verifier, returnTo: returnTo)
    }
}

/// What the login page offers: organisations, whether any allows passwords, and staff providers.
struct LoginOptions: Sendable {
    /// A provider's button.
    struct Provider: Sendable, Equatable {
        let id: UUID
        let label: String
        let organisationName: String
    }

    /// The organisations the options are for (one for /login/<slug>).
    let organisations: [String]
    /// Whether the password form is shown: some organisation of these allows passwords.
    let passwordLogin: Bool
    /// Buttons, in the organisations' order.
    let providers: [Provider]

    /// Options for one organisation (`slug`), or every organisation (nil).
    static func load(slug: String?, in transaction: PostgresTransaction) async throws -> LoginOptions {
        var organisations: [String] = []
        var passwordLogin = false
        var providers: [Provider] = []
        for row in try await transaction.query("SELECT organisation_slug, organisation_name, password_login, provider_id, label FROM auth.login_options(\(slug))") {
            let (organisationSlug, name, password, provider, label) = try row.decode((String, String, Bool, UUID?, String?).self)
            if organisations.last != organisationSlug { organisations.append(organisationSlug) }
            passwordLogin = passwordLogin || password
            if let provider, let label { providers.append(Provider(id: provider, label: label, organisationName: name)) }
        }
        return LoginOptions(organisations: organisations, passwordLogin: passwordLogin, providers: providers)
    }
}
