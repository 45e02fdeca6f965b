public import Foundation
public import Postgres

/// An account to create in a real installation: the first administrator, a support worker, a
/// director, or anyone whose account the HR import does not create.
///
/// `workplace-routine account create --organisation ostersund --login olof.admin --name "Olof Olsson"
/// --roles admin --password-file FILE` runs this as the migration owner. The password is hashed with
/// bcrypt inside the database (pgcrypto in `ext`, reachable only by the owner); it travels as a bound
/// value, which the server never logs.
public struct NewAccount: Sendable {
    /// The roles an account may hold.
    public static let allowedRoles: Set<String> = ["employee", "manager", "support", "director", "admin"]

    /// The organisation's slug.
    public var organisationSlug: String
    /// The login (lowercase; letters, digits and `._@-`).
    public var login: String
    /// The name shown in the page header.
    public var displayName: String
    /// A subset of ``allowedRoles``.
    public var roles: Set<String>
    /// The password (at least 12 characters).
    public var password: String
    /// The HR id of the person the account acts as (needed for employee and manager).
    public var personHRID: String?
    /// For support accounts: whether they lead the default team (receive deadline warnings).
    public var teamLead: Bool

    /// Describes an account to create.
    public init(organisationSlug: String, login: String, displayName: String, roles: Set<String>, password: String,
                personHRID: String? = nil, teamLead: Bool = false) {
        self.organisationSlug = organisationSlug
        self.login = login
        self.displayName = displayName
        self.roles = roles
        self.password = password
        self.personHRID = personHRID
        self.teamLead = teamLead
    }

    /// Checks what can be checked without the database.
    public func validate() throws {
        if roles.isEmpty || !roles.isSubset(of: Self.allowedRoles) {
            throw OperationsError(.invalidRoles, "roles must be some of: \(Self.allowedRoles.sorted().joined(separator: ", "))")
        }
        if personHRID == nil, !roles.isDisjoint(with: ["employee", "manager"]) {
            throw OperationsError(.personRequired, "employee and manager accounts act as a person: give --person <HR id>")
        }
        if password.count < 12 {
            throw OperationsError(.passwordTooShort, "the password must have at least 12 characters")
        }
    }

    /// Creates the account, its roles and (for support) its membership of the default team, in one
    /// transaction; returns the account's id. `pool` must be the migration owner's.
    public func create(in pool: PostgresPool) async throws -> UUID {
        try validate()
        do {
            return try await pool.transaction { transaction in
                guard let organisation = try await transaction.query(
                    "SELECT id FROM org.organisation WHERE slug = \(organisationSlug)").first?.decode(UUID.self, column: 0)
                else { throw OperationsError(.unknownOrganisation, "no organisation has this slug") }
                var person: UUID?
                if let personHRID {
                    guard let found = try await transaction.query("""
                        SELECT id FROM org.person WHERE organisation_id = \(organisation) AND hr_id = \(personHRID)
                        """).first?.decode(UUID.self, column: 0)
                    else { throw OperationsError(.unknownPerson, "no person of this organisation has this HR id") }
                    person = found
                }
                let account = try await transaction.query("""
                    INSERT INTO auth.account (organisation_id, login, display_name, password_hash, person_id)
                    VALUES (\(organisation), \(login.lowercased()), \(displayName),
                            ext.crypt(\(password), ext.gen_salt('bf', 12)), \(person))
                    RETURNING id
                    """).first!.decode(UUID.self, column: 0)
                for role in roles.sorted() {
                    _ = try await transaction.query("INSERT INTO auth.account_role (account_id, role) VALUES (\(account), \(role))")
                }
                if roles.contains("support") {
                    _ = try await transaction.query("""
                        INSERT INTO support.team_member (team_id, account_id, is_lead)
                        SELECT t.id, \(account), \(teamLead) FROM support.team t
                        WHERE t.organisation_id = \(organisation) AND t.is_default
                        """)
                }
                _ = try await transaction.query("""
                    INSERT INTO audit.event (organisation_id, action, object_kind, object_id, detail)
                    VALUES (\(organisation), 'account.created_by_operator', 'account', \(account),
                            jsonb_build_object('roles', \(roles.sorted())::text[]))
                    """)
                return account
            }
        } catch let error as PostgresError {
            switch (error.conditionName, error.constraintName) {
            case ("unique_violation", "account_person_unique"):
                throw OperationsError(.personHasAccount, "this person has an account already", underlying: error)
            case ("unique_violation", _):
                throw OperationsError(.loginTaken, "this login is taken", underlying: error)
            case ("check_violation", _):
                throw OperationsError(.invalidValue, "the login (3–254 of a-z, 0-9, ._@-) or the name (1–200 characters) is not valid",
                                      underlying: error)
            default:
                throw error
            }
        }
    }
}
