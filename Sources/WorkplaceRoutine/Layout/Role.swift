/// A role an account can hold. Each maps to a PostgreSQL group role that the request's transaction
/// switches into, so the database decides what the role may read.
public enum Role: String, Sendable, CaseIterable, Codable, Comparable {
    /// Medarbetare.
    case employee
    /// Chef.
    case manager
    /// Stödfunktion / behandlare.
    case support
    /// Kommundirektör.
    case director
    /// Systemförvaltare.
    case admin
    /// Samordnare of several organisations run as one installation: every organisation's top-level
    /// figures side by side (granted by the operator only, never by an organisation's administrator).
    case overview

    /// The PostgreSQL role a transaction switches into for this role.
    public var databaseRole: String { "wr_" + rawValue }

    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
