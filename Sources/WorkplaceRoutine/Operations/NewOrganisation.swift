public import Foundation
public import Postgres

/// A tenant (kommun, region, company) to create in a real installation, with the default support
/// team that requests from both doors are routed to.
///
/// `workplace-routine organisation create --name "Östersunds kommun" --slug ostersund` runs this as
/// the migration owner: the acting roles of the web service may not create organisations, and the
/// demo loader is refused in production. People and units come from the HR import afterwards.
public struct NewOrganisation: Sendable {
    /// The name shown in the page header.
    public var name: String
    /// Lowercase letters, digits and hyphens; unique in the installation.
    public var slug: String
    /// The default support team's name.
    public var supportTeamName: String
    /// The team's functional mailbox for the neutral "something new" notice (never a person's).
    public var supportTeamEmail: String?

    /// The default team name when none is given.
    public static let defaultSupportTeamName = "Stödteamet"

    /// Describes an organisation to create.
    public init(name: String, slug: String, supportTeamName: String = NewOrganisation.defaultSupportTeamName,
                supportTeamEmail: String? = nil) {
        self.name = name
        self.slug = slug
        self.supportTeamName = supportTeamName
        self.supportTeamEmail = supportTeamEmail
    }

    /// Creates the organisation and its default support team in one transaction; returns the
    /// organisation's id. `pool` must be the migration owner's.
    public func create(in pool: PostgresPool) async throws -> UUID {
        do {
            return try await pool.transaction { transaction in
                let id = try await transaction.query("""
                    INSERT INTO org.organisation (name, slug) VALUES (\(name), \(slug)) RETURNING id
                    """).first!.decode(UUID.self, column: 0)
                _ = try await transaction.query("""
                    INSERT INTO support.team (organisation_id, name, is_default, notify_email)
                    VALUES (\(id), \(supportTeamName), true, \(supportTeamEmail))
                    """)
                return id
            }
        } catch let error as PostgresError {
            switch error.conditionName {
            case "unique_violation":
                throw OperationsError(.organisationExists, "an organisation with this slug exists already", underlying: error)
            case "check_violation":
                throw OperationsError(.invalidValue, "the name (1–200 characters), slug (a-z, 0-9, -; 2–63) or team e-mail is not valid",
                                      underlying: error)
            default:
                throw error
            }
        }
    }
}
