import Foundation
public import Postgres

/// Roles the operator of the installation grants or removes from the command line
/// (`workplace-routine account role LOGIN ROLE [--revoke]`), connected as the migration owner.
/// `overview` (every organisation's top-level figures) can be granted only this way: an
/// organisation's administrator can neither see nor change it (restrictive policy, 0090).
public enum OperatorRoles {
    /// Why a change could not be made.
    public enum Problem: Error, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
        /// No account has that login.
        case unknownLogin
        /// The account is disabled: granting it a role would do nothing visible and be forgotten.
        case disabledAccount

        public var description: String {
            switch self {
            case .unknownLogin: "no account with that login"
            case .disabledAccount: "the account is disabled"
            }
        }

        public var debugDescription: String { "OperatorRoles.Problem.\(self)" }
    }

    /// Grants (`granted: true`) or removes `role` of the account `login`, in `transaction` (which must
    /// act as the migration owner), and writes an audit entry with the role's code. Returns whether
    /// anything changed (granting a role the account holds, or removing one it lacks, changes nothing).
    @discardableResult
    public static func set(_ role: Role, granted: Bool, login: String, in transaction: PostgresTransaction) async throws -> Bool {
        guard let row = try await transaction.query("""
            SELECT id, organisation_id, disabled_at IS NOT NULL FROM auth.account WHERE login = \(login) FOR UPDATE
            """).first else { throw Problem.unknownLogin }
        let (account, organisation, disabled) = try row.decode((UUID, UUID, Bool).self)
        if granted && disabled { throw Problem.disabledAccount }
        let changed: Bool
        if granted {
            changed = try await !transaction.query("""
                INSERT INTO auth.account_role (account_id, role) VALUES (\(account), \(role.rawValue)) ON CONFLICT DO NOTHING RETURNING 1
                """).isEmpty
        } else {
            changed = try await !transaction.query("""
                DELETE FROM auth.account_role WHERE account_id = \(account) AND role = \(role.rawValue) RETURNING 1
                """).isEmpty
        }
        if changed {
            // The entry is the organisation's (its auditor sees who holds what); the actor is the
            // operator, who has no account.
            _ = try await transaction.query("""
                SELECT set_config('app.organisation_id', \(organisation.uuidString.lowercased()), true),
                       set_config('app.role', 'operator', true)
                """)
            _ = try await transaction.query("""
                SELECT audit.record(\(granted ? "account.role_granted" : "account.role_removed"), 'account', \(account),
                                    jsonb_build_object('role', \(role.rawValue)::text))
                """)
        }
        return changed
    }
}
