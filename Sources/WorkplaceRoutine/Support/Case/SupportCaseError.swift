import Postgres

/// Why a change to a support case was refused. `description` names only the code; the database's
/// own message stays in `debugDescription`.
public struct SupportCaseError: Error, Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    /// What went wrong.
    public enum Code: String, Sendable {
        /// The request does not exist, or is not the caller's to see (the two are never told apart).
        case notFound
        /// The request is closed and must be opened again first.
        case closed
        /// The request is open (it cannot be opened again).
        case open
        /// The target team does not exist in the organisation, or already has the request.
        case team
        /// The text is empty or too long.
        case text
        /// The organisation has no default support team to route to.
        case noTeam
    }

    /// What went wrong.
    public let code: Code
    /// The SQLSTATE the database answered with, if the database refused.
    public let sqlState: String?

    /// The code only.
    public var description: String { "SupportCaseError(\(code.rawValue))" }
    /// The code and the SQLSTATE.
    public var debugDescription: String { "SupportCaseError(\(code.rawValue), sqlstate: \(sqlState ?? "-"))" }

    /// Maps what the case functions raise to a code; nil for anything else (a real failure).
    static func from(_ error: any Error) -> SupportCaseError? {
        guard let database = error as? PostgresError, let state = database.sqlState else { return nil }
        let hint = database.server?.hint
        switch (state, hint) {
        case ("P0002", _): return SupportCaseError(code: .notFound, sqlState: state)
        case ("P0001", "closed"): return SupportCaseError(code: .closed, sqlState: state)
        case ("P0001", "open"): return SupportCaseError(code: .open, sqlState: state)
        case ("P0001", "no_team"): return SupportCaseError(code: .noTeam, sqlState: state)
        case ("22023", "team"), ("22023", "same_team"): return SupportCaseError(code: .team, sqlState: state)
        case ("22023", "empty"), ("22001", "too_long"): return SupportCaseError(code: .text, sqlState: state)
        default: return nil
        }
    }
}
