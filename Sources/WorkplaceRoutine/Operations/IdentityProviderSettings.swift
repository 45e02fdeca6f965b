public import Foundation
public import Postgres

/// The operator's configuration of an organisation's OpenID Connect providers
/// (`workplace-routine identity-provider set|list|remove`), of password sign-in
/// (`organisation password-login`) and of pins (`account unlink`).
///
/// Runs as the migration owner. The client secret arrives from a file and is sealed in the database
/// under the content key, like support content; it is never printed, logged or shown.
public enum IdentityProviderSettings {
    /// A provider as the operator sets it.
    public struct Provider: Sendable, Equatable {
        /// The organisation's slug.
        public var organisationSlug: String
        /// `staff` (employees sign in; matched to HR) or `eid` (the identified support door; never matched).
        public var kind: String
        /// The issuer URL, exactly as the provider's discovery document names it.
        public var issuer: String
        /// Our client id at the provider.
        public var clientID: String
        /// Our client secret at the provider.
        public var clientSecret: String
        /// The ID token claim carrying the HR employee number (staff providers only).
        public var employeeNumberClaim: String?
        /// The button's text.
        public var label: String
        /// `client_secret_post` or `client_secret_basic`.
        public var clientAuthentication: String

        /// Describes a provider.
        public init(organisationSlug: String, kind: String = "staff", issuer: String, clientID: String, clientSecret: String,
                    employeeNumberClaim: String?, label: String?, clientAuthentication: String = "client_secret_post") {
            self.organisationSlug = organisationSlug
            self.kind = kind
            self.issuer = issuer
            self.clientID = clientID
            self.clientSecret = clientSecret
            self.employeeNumberClaim = employeeNumberClaim
            self.label = label ?? ""
            self.clientAuthentication = clientAuthentication
        }

        /// Checks what can be checked without the database; `environment` decides whether a plain
        /// http issuer on loopback is acceptable (development only).
        public func validate(environment: Configuration.Environment) throws {
            guard kind == "staff" || kind == "eid" else {
                throw OperationsError(.invalidValue, "--kind is staff or eid")
            }
            guard let url = URL(string: issuer), let scheme = url.scheme, let host = url.host, !host.isEmpty,
                  url.query == nil, url.fragment == nil, url.user == nil, issuer.utf8.count <= 500 else {
                throw OperationsError(.invalidValue, "--issuer must be an absolute URL without query or fragment")
            }
            switch scheme {
            case "https":
                break
            case "http" where environment == .development && ProviderAddress.isLoopback(host):
                break
            default:
                throw OperationsError(.invalidValue, "--issuer must use https (plain http only to a loopback address in development)")
            }
            guard !clientID.isEmpty, clientID.utf8.count <= 255, clientID.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
                throw OperationsError(.invalidValue, "--client-id must be 1–255 printable characters without spaces")
            }
            guard clientSecret.utf8.count >= 8, clientSecret.utf8.count <= 1024,
                  clientSecret.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else {
                throw OperationsError(.invalidValue, "the client secret file must hold 8–1024 printable characters on one line")
            }
            switch (kind, employeeNumberClaim) {
            case ("staff", nil):
                throw OperationsError(.invalidValue, "a staff provider needs --employee-number-claim (e.g. employeeid)")
            case ("eid", .some):
                throw OperationsError(.invalidValue,
                                      "an e-ID provider is never matched with HR: leave out --employee-number-claim")
            case (_, .some(let claim)):
                guard claim.range(of: "^[A-Za-z0-9_.:/-]{1,100}$", options: .regularExpression) != nil else {
                    throw OperationsError(.invalidValue, "--employee-number-claim must be a claim name (letters, digits, _.:/-)")
                }
            default:
                break
            }
            guard label.isEmpty || label.count <= 200 else {
                throw OperationsError(.invalidValue, "--label has at most 200 characters")
            }
            guard clientAuthentication == "client_secret_post" || clientAuthentication == "client_secret_basic" else {
                throw OperationsError(.invalidValue, "--client-authentication is client_secret_post or client_secret_basic")
            }
        }
    }

    /// A configured provider as `list` prints it (never the secret).
    public struct Listed: Sendable {
        /// Its id.
        public var id: UUID
        /// The organisation's slug.
        public var organisationSlug: String
        /// `staff` or `eid`.
        public var kind: String
        /// The issuer.
        public var issuer: String
        /// Our client id.
        public var clientID: String
        /// The employee-number claim (staff only).
        public var employeeNumberClaim: String?
        /// The button's text.
        public var label: String
        /// How we authenticate at the token endpoint.
        public var clientAuthentication: String
    }

    /// Adds the provider, or changes the one the organisation already has for this issuer. Returns
    /// its id and whether it was new.
    public static func set(_ provider: Provider, contentKey: String, environment: Configuration.Environment,
                           in pool: PostgresPool) async throws -> (id: UUID, created: Bool) {
        try provider.validate(environment: environment)
        return try await pool.transaction { transaction in
            let organisation = try await organisationID(provider.organisationSlug, in: transaction)
            let label = provider.label.isEmpty ? try await defaultLabel(organisation, kind: provider.kind, in: transaction) : provider.label
            let row = try await transaction.query("""
                INSERT INTO auth.identity_provider AS p (organisation_id, kind, issuer, client_id, client_secret_enc,
                                                         client_authentication, employee_number_claim, label)
                VALUES (\(organisation), \(provider.kind), \(provider.issuer), \(provider.clientID),
                        support.seal(\(provider.clientSecret), \(contentKey)), \(provider.clientAuthentication),
                        \(provider.employeeNumberClaim), \(label))
                ON CONFLICT (organisation_id, issuer) DO UPDATE SET
                    kind = EXCLUDED.kind, client_id = EXCLUDED.client_id, client_secret_enc = EXCLUDED.client_secret_enc,
                    client_authentication = EXCLUDED.client_authentication,
                    employee_number_claim = EXCLUDED.employee_number_claim, label = EXCLUDED.label, updated_at = now()
                RETURNING p.id, (p.xmax = 0)
                """).first!
            let (id, created) = try row.decode((UUID, Bool).self)
            _ = try await transaction.query("""
                INSERT INTO audit.event (organisation_id, actor_role, action, object_kind, object_id, detail)
                VALUES (\(organisation), 'operator', 'identity_provider.set_by_operator', 'identity_provider', \(id),
                        jsonb_build_object('kind', \(provider.kind)::text, 'created', \(created)))
                """)
            return (id, created)
        }
    }

    /// Every provider, or those of one organisation.
    public static func list(organisationSlug: String?, in pool: PostgresPool) async throws -> [Listed] {
        try await pool.transaction { transaction in
            if let organisationSlug { _ = try await organisationID(organisationSlug, in: transaction) }
            return try await transaction.query("""
                SELECT p.id, o.slug, p.kind, p.issuer, p.client_id, p.employee_number_claim, p.label, p.client_authentication
                FROM auth.identity_provider p JOIN org.organisation o ON o.id = p.organisation_id
                WHERE \(organisationSlug)::text IS NULL OR o.slug = \(organisationSlug)
                ORDER BY o.slug, p.kind, p.label, p.issuer
                """).map { row in
                let (id, slug, kind, issuer, client, claim, label, authentication) =
                    try row.decode((UUID, String, String, String, String, String?, String, String).self)
                return Listed(id: id, organisationSlug: slug, kind: kind, issuer: issuer, clientID: client,
                              employeeNumberClaim: claim, label: label, clientAuthentication: authentication)
            }
        }
    }

    /// Removes the organisation's provider for `issuer`. Sessions it signed in stay until they end;
    /// pins stay too, so re-adding the same issuer finds the same people again.
    public static func remove(organisationSlug: String, issuer: String, in pool: PostgresPool) async throws -> Bool {
        try await pool.transaction { transaction in
            let organisation = try await organisationID(organisationSlug, in: transaction)
            let removed = try await transaction.query("""
                DELETE FROM auth.identity_provider WHERE organisation_id = \(organisation) AND issuer = \(issuer) RETURNING id
                """).first?.decode(UUID.self, column: 0)
            if let removed {
                _ = try await transaction.query("""
                    INSERT INTO audit.event (organisation_id, actor_role, action, object_kind, object_id)
                    VALUES (\(organisation), 'operator', 'identity_provider.removed_by_operator', 'identity_provider', \(removed))
                    """)
            }
            return removed != nil
        }
    }

    /// Switches password sign-in for the organisation on or off. Off ends every password session of
    /// the organisation at once (they are refused from the next request on).
    public static func setPasswordLogin(organisationSlug: String, allowed: Bool, in pool: PostgresPool) async throws -> Bool {
        try await pool.transaction { transaction in
            let organisation = try await organisationID(organisationSlug, in: transaction)
            let changed = try await transaction.execute("""
                UPDATE org.organisation SET password_login = \(allowed) WHERE id = \(organisation) AND password_login <> \(allowed)
                """) > 0
            if changed {
                if !allowed {
                    _ = try await transaction.query("""
                        DELETE FROM auth.session s USING auth.account a
                        WHERE s.account_id = a.id AND a.organisation_id = \(organisation) AND s.identity_provider_id IS NULL
                        """)
                }
                _ = try await transaction.query("""
                    INSERT INTO audit.event (organisation_id, actor_role, action, object_kind, object_id, detail)
                    VALUES (\(organisation), 'operator', 'organisation.password_login_set_by_operator', 'organisation',
                            \(organisation), jsonb_build_object('allowed', \(allowed)))
                    """)
            }
            return changed
        }
    }

    /// Removes an account's pin to its provider subject and ends its sessions: the next sign-in
    /// through the provider matches the HR employee number again. Returns whether there was a pin.
    public static func unlink(login: String, in pool: PostgresPool) async throws -> Bool {
        try await pool.transaction { transaction in
            guard let row = try await transaction.query(
                "SELECT id, organisation_id FROM auth.account WHERE login = \(login.lowercased())").first else {
                throw OperationsError(.unknownAccount, "no account has this login")
            }
            let (account, organisation) = try row.decode((UUID, UUID).self)
            let removed = try await transaction.execute("DELETE FROM auth.external_identity WHERE account_id = \(account)") > 0
            if removed {
                _ = try await transaction.query("""
                    DELETE FROM auth.session WHERE account_id = \(account) AND identity_provider_id IS NOT NULL
                    """)
                _ = try await transaction.query("""
                    INSERT INTO audit.event (organisation_id, actor_role, action, object_kind, object_id)
                    VALUES (\(organisation), 'operator', 'account.unlinked_by_operator', 'account', \(account))
                    """)
            }
            return removed
        }
    }

    private static func organisationID(_ slug: String, in transaction: PostgresTransaction) async throws -> UUID {
        guard let id = try await transaction.query("SELECT id FROM org.organisation WHERE slug = \(slug)").first?
            .decode(UUID.self, column: 0) else {
            throw OperationsError(.unknownOrganisation, "no organisation has this slug")
        }
        return id
    }

    private static func defaultLabel(_ organisation: UUID, kind: String, in transaction: PostgresTransaction) async throws -> String {
        let name = try await transaction.query("SELECT name FROM org.organisation WHERE id = \(organisation)").first!
            .decode(String.self, column: 0)
        return kind == "eid" ? "Logga in med e-legitimation" : "Logga in med ditt konto i \(name)"
    }
}

/// Whether a host names this machine: 127.0.0.0/8 or ::1 written as an address (a name such as
/// `localhost` is not trusted, since it resolves through configuration).
public enum ProviderAddress {
    /// `true` for a literal loopback address.
    public static func isLoopback(_ host: String) -> Bool {
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        if bare == "::1" { return true }
        let parts = bare.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts.allSatisfy({ !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isASCII) && UInt8($0) != nil }) else {
            return false
        }
        return parts[0] == "127"
    }
}
