import Foundation
import Postgres
import TestSupport
@testable import WorkplaceRoutine

/// A migrated database with the demo organisation, and pools for the owner and the login roles.
struct DatabaseFixture: Sendable {
    let database: TestDatabase
    /// The migration owner (bypasses row-level security, as migrations and the demo loader do).
    let owner: PostgresPool
    /// The web service's login role, which can only SET ROLE into group roles.
    let app: PostgresPool

    static func make(demo: Bool = true) async throws -> DatabaseFixture {
        let database = try await TestDatabase.make()
        let owner = database.makePool(user: TestDatabase.productOwner)
        let app = database.makePool(user: "wr_app")
        if demo { _ = try await DemoOrganisation.load(into: owner, password: "test-password-2026") }
        return DatabaseFixture(database: database, owner: owner, app: app)
    }

    func close() async {
        await owner.close()
        await app.close()
        try? await database.drop()
    }

    /// The id of a demo person by HR id.
    func person(_ hrID: String) async throws -> UUID {
        try await owner.query("SELECT id FROM org.person WHERE hr_id = \(hrID)").first!.decode(UUID.self, column: 0)
    }

    /// The acting context of a demo account (by login) in `role`.
    func context(login: String, role: Role) async throws -> SessionContext {
        let row = try await owner.query("SELECT id, organisation_id, person_id FROM auth.account WHERE login = \(login)").first!
        let (account, organisation, person) = try row.decode((UUID, UUID, UUID?).self)
        var settings = ["app.organisation_id": organisation.uuidString.lowercased(), "app.account_id": account.uuidString.lowercased(),
                        "app.role": role.rawValue]
        if let person { settings["app.person_id"] = person.uuidString.lowercased() }
        return SessionContext(role: role.databaseRole, settings: settings)
    }
}
