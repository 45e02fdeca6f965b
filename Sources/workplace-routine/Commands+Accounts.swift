import Foundation
import Postgres
import WorkplaceRoutine

/// The operator's account commands. They connect with WR_MIGRATION_DATABASE_URL (the migration
/// owner, outside the service's roles), which is what lets them grant `overview`: no role the
/// service acts as can.
extension Commands {
    /// `account role LOGIN ROLE [--revoke]`: grants (or removes) one account role; prints what changed.
    static func accountRole(_ arguments: [String]) async throws -> Int32 {
        guard arguments.count >= 3, arguments[0] == "role", !arguments[1].hasPrefix("--"), !arguments[2].hasPrefix("--"),
              arguments.dropFirst(3).allSatisfy({ $0 == "--revoke" }) else {
            throw UsageError(message: "account needs: role LOGIN ROLE [--revoke]")
        }
        let login = arguments[1]
        guard let role = Role(rawValue: arguments[2]) else {
            throw UsageError(message: "account role: ROLE is one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let granted = !arguments.contains("--revoke")
        let configuration = try Configuration.fromEnvironment()
        guard let url = configuration.migrationDatabaseURL else {
            throw UsageError(message: "account role connects as the migration owner: set WR_MIGRATION_DATABASE_URL")
        }
        let logger = logger(configuration, label: "account")
        let pool = try pool(url: url, size: 1, name: "account", logger: logger, metrics: nil)
        let changed: Bool
        do {
            changed = try await pool.transaction { transaction in
                try await OperatorRoles.set(role, granted: granted, login: login, in: transaction)
            }
        } catch let problem as OperatorRoles.Problem {
            await pool.close()
            throw UsageError(message: "account role: \(problem.description)")
        } catch {
            await pool.close()
            throw error
        }
        await pool.close()
        switch (granted, changed) {
        case (true, true): print("granted \(role.rawValue) to \(login)")
        case (true, false): print("\(login) already holds \(role.rawValue)")
        case (false, true): print("removed \(role.rawValue) from \(login)")
        case (false, false): print("\(login) does not hold \(role.rawValue)")
        }
        return 0
    }
}
