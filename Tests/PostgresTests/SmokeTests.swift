import Foundation
import Postgres
import TestSupport
import Testing

@Test func smoke() async throws {
    let pool = PostgresPool(configuration: try TestCluster.superuser(), maximumConnections: 2, logger: .disabled)
    let rows = try await pool.query("SELECT 1, \("héllo"), \(Int64.max), now()")
    let (one, text, big, now) = try rows.first!.decode((Int, String, Int64, Date).self)
    #expect(one == 1)
    #expect(text == "héllo")
    #expect(big == .max)
    print(now)
    try await pool.transaction(as: SessionContext(role: "postgres", settings: ["app.x": "y"])) { tx in
        let v = try await tx.query("SELECT current_setting('app.x'), current_user::text")
        print(try v.first!.decode((String, String).self))
    }
    let db = try await TestDatabase.make(migrations: nil)
    print(db.name)
    try await db.drop()
}
