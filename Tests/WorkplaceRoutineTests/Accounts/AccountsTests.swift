import Foundation
import Postgres
import Testing
@testable import WorkplaceRoutine

/// Logging in and out over real HTTP against the real database.
@Suite struct AccountsTests {
    @Test func loginSetsAStrictHttpOnlySessionCookieAndStoresOnlyItsHash() async throws {
        let fixture = try await AppFixture.make()
        defer { Task { await fixture.close() } }
        let client = fixture.client()
        try await client.get("/login")
        let response = try await client.post("/login", [("username", "chef.anna"), ("password", AppFixture.demoPassword)])
        #expect(response.status == 303)
        let cookie = try #require(response.setCookies.first { $0.hasPrefix("wr_session=") })
        #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
        let token = try #require(client.cookies["wr_session"])
        #expect(Secrets.fromBase64URL(token)?.count == 32)
        // The database holds the SHA-256 of the token, never the token.
        let stored = try await fixture.database.owner.query("SELECT token_hash FROM auth.session").map { try $0.decode(Data.self, column: 0) }
        #expect(stored.count == 1)
        #expect(stored[0] != Data(Secrets.fromBase64URL(token)!))
        let home = try await client.get("/")
        #expect(home.body.contains("Välkommen, Anna Andersson"))
    }

    @Test func wrongPasswordAnswers401AndNamesNoDetail() async throws {
        let fixture = try await AppFixture.make()
        defer { Task { await fixture.close() } }
        let client = fixture.client()
        try await client.get("/login")
        let response = try await client.post("/login", [("username", "chef.anna"), ("password", "wrong-password")])
        #expect(response.status == 401)
        #expect(response.body.contains("Användarnamnet eller lösenordet stämmer inte"))
        #expect(response.body.contains("value=\"chef.anna\""))
        #expect(!response.body.contains("wrong-password"))
        #expect(client.cookies["wr_session"] == nil)
    }

    @Test func repeatedFailuresLockTheAccountInTheDatabase() async throws {
        let fixture = try await AppFixture.make()
        defer { Task { await fixture.close() } }
        let client = fixture.client()
        try await client.get("/login")
        for _ in 0..<5 { _ = try await client.post("/login", [("username", "medarbetare.erik"), ("password", "nope-nope-nope")]) }
        let locked = try await client.post("/login", [("username", "medarbetare.erik"), ("password", AppFixture.demoPassword)])
        #expect(locked.status == 429)
        #expect(locked.body.contains("låst"))
    }

    @Test func tooManyAttemptsFromOneClientAreRefusedBeforeTheDatabase() async throws {
        let fixture = try await AppFixture.make()
        defer { Task { await fixture.close() } }
        let client = fixture.client()
        try await client.get("/login")
        var statuses: [Int] = []
        for index in 0..<11 {
            statuses.append(try await client.post("/login", [("username", "nobody\(index)"), ("password", "x")]).status)
        }
        #expect(statuses.prefix(10).allSatisfy { $0 == 401 })
        #expect(statuses.last == 429)
    }

    @Test func aPostWithoutTheSessionsCSRFTokenIsRefused() async throws {
        let fixture = try await AppFixture.make()
        defer { Task { await fixture.close() } }
        let client = try await fixture.client(loggedInAs: "chef.anna")
        let forged = try await client.post("/logout", [], csrf: "not-the-token")
        #expect(forged.status == 403)
        #expect(try await client.get("/").body.contains("Välkommen"))
        let login = try await fixture.client().post("/login", [("username", "chef.anna"), ("password", AppFixture.demoPassword)], csrf: "forged")
        #expect(login.status == 403)
    }

    @Test func logoutEverywhereEndsEverySessionOfTheAccount() async throws {
        let fixture = try await AppFixture.make()
        defer { Task { await fixture.close() } }
        let first = try await fixture.client(loggedInAs: "chef.anna")
        let second = try await fixture.client(loggedInAs: "chef.anna")
        #expect(try await second.get("/").body.contains("Välkommen"))
        try await first.get("/")
        _ = try await first.post("/logout", [("everywhere", "1")])
        #expect(try await second.get("/").body.contains("Välkommen") == false)
        #expect(try await fixture.database.owner.query("SELECT count(*)::bigint FROM auth.session").first!.decode(Int.self, column: 0) == 0)
    }

    @Test func idleSessionsExpireInTheDatabase() async throws {
        let fixture = try await AppFixture.make()
        defer { Task { await fixture.close() } }
        let client = try await fixture.client(loggedInAs: "chef.anna")
        _ = try await fixture.database.owner.query("UPDATE auth.session SET last_seen_at = now() - interval '31 minutes'")
        let response = try await client.get("/")
        #expect(response.body.contains("Logga in"))
        #expect(!response.body.contains("Välkommen"))
    }

    @Test func pagesAreNeverCachedAndCarryTheSecurityHeaders() async throws {
        let fixture = try await AppFixture.make()
        defer { Task { await fixture.close() } }
        let response = try await fixture.client().get("/login")
        #expect(response.headers["cache-control"] == "no-store")
        #expect(response.headers["content-security-policy"]?.contains("script-src 'self'") == true)
        #expect(response.headers["content-security-policy"]?.contains("frame-ancestors 'none'") == true)
        #expect(response.headers["referrer-policy"] == "no-referrer")
        #expect(response.headers["x-content-type-options"] == "nosniff")
    }

    @Test func theLogNeverHoldsThePasswordOrTheSessionToken() async throws {
        let fixture = try await AppFixture.make()
        defer { Task { await fixture.close() } }
        let client = try await fixture.client(loggedInAs: "chef.anna")
        try await client.get("/login")
        _ = try await client.post("/login", [("username", "chef.anna"), ("password", "secret-wrong-password-123")])
        let token = try #require(client.cookies["wr_session"])
        let everything = fixture.logs.lines.joined(separator: "\n")
        #expect(!everything.contains("secret-wrong-password-123"))
        #expect(!everything.contains(AppFixture.demoPassword))
        #expect(!everything.contains(token))
        #expect(!fixture.logs.lines.isEmpty)
    }

    @Test func quickExitEndsTheSessionAndClearsSiteData() async throws {
        let fixture = try await AppFixture.make()
        defer { Task { await fixture.close() } }
        let client = try await fixture.client(loggedInAs: "medarbetare.erik")
        let exit = try await client.get("/exit")
        #expect(exit.status == 303)
        #expect(exit.location == "https://www.smhi.se/")
        #expect(exit.headers["clear-site-data"]?.contains("cookies") == true)
        #expect(try await fixture.database.owner.query("SELECT count(*)::bigint FROM auth.session").first!.decode(Int.self, column: 0) == 0)
    }

    @Test func readinessReportsTheDatabaseAndMigrations() async throws {
        let fixture = try await AppFixture.make()
        defer { Task { await fixture.close() } }
        let ready = try await fixture.client().get("/readyz")
        #expect(ready.status == 200)
        #expect(ready.body.hasPrefix("ready"))
        #expect(try await fixture.client().get("/healthz").body == "ok")
        let metrics = try await fixture.client().get("/metrics")
        #expect(metrics.body.contains("http_requests_total"))
    }
}
