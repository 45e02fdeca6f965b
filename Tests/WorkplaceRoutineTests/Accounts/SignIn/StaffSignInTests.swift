import Foundation
import Postgres
import Testing
import TestSupport
@testable import WorkplaceRoutine

/// The database's half of signing in through an organisation's provider (`auth.complete_staff_sign_in`
/// and the HR triggers), called as the service calls it: as wr_anonymous, after the token was checked.
@Suite struct StaffSignInTests {
    static let key = "test-content-key-0123456789abcdef0123456789"
    static let issuer = "https://login.example.test/tenant"

    /// An organisation imported from HR (OrganisationImportTests.base: D1 manages M1 and V1, M1 manages
    /// E1 and E2) with a staff provider; returns the organisation, its administrator's context and the provider.
    static func make(_ fixture: DatabaseFixture, slug: String = "inloggkommun") async throws -> (UUID, SessionContext, UUID) {
        let (organisation, admin) = try await OrganisationImportTests.makeOrganisation(fixture, slug: slug)
        _ = try await OrganisationImportTests.run(fixture, admin, OrganisationImportTests.csv(OrganisationImportTests.base))
        let (provider, created) = try await IdentityProviderSettings.set(
            .init(organisationSlug: slug, issuer: issuer, clientID: "wr-\(slug)", clientSecret: "client-secret-\(slug)",
                  employeeNumberClaim: "employeeid", label: nil),
            contentKey: key, environment: .production, in: fixture.owner)
        #expect(created)
        return (organisation, admin, provider)
    }

    struct Outcome {
        let status: String
        let account: UUID?
        let token: [UInt8]
    }

    static func signIn(_ fixture: DatabaseFixture, _ provider: UUID, subject: String, number: String?, several: Bool = false,
                       idToken: String = "header.payload.signature") async throws -> Outcome {
        let token = Secrets.randomBytes(32)
        return try await fixture.app.transaction(as: SessionContext(role: "wr_anonymous")) { transaction in
            let row = try await transaction.query("""
                SELECT status, account_id FROM auth.complete_staff_sign_in(\(provider), \(subject), \(number), \(several),
                    \(idToken), \(key), \(Data(token)), \(Secrets.token()), '12 hours'::interval)
                """).first!
            let (status, account) = try row.decode((String, UUID?).self)
            return Outcome(status: status, account: account, token: token)
        }
    }

    /// Accounts, sessions and pins in the whole database: what a refused sign-in must leave unchanged.
    static func footprint(_ fixture: DatabaseFixture) async throws -> [Int] {
        let row = try await fixture.owner.query("""
            SELECT (SELECT count(*) FROM auth.account)::int, (SELECT count(*) FROM auth.session)::int,
                   (SELECT count(*) FROM auth.external_identity)::int, (SELECT count(*) FROM auth.account_role)::int
            """).first!.decode((Int, Int, Int, Int).self)
        return [row.0, row.1, row.2, row.3]
    }

    static func roles(_ fixture: DatabaseFixture, _ account: UUID) async throws -> [String] {
        try await fixture.owner.query("SELECT role FROM auth.account_role WHERE account_id = \(account) ORDER BY role")
            .map { try $0.decode(String.self, column: 0) }
    }

    static func resolves(_ fixture: DatabaseFixture, _ token: [UInt8]) async throws -> Bool {
        try await fixture.app.transaction(as: SessionContext(role: "wr_anonymous")) { transaction in
            try await !transaction.query("SELECT account_id FROM auth.resolve_session(\(Data(token)), '30 minutes'::interval)").isEmpty
        }
    }

    @Test func theFirstSignInCreatesThePersonsAccountPinsItAndDerivesRolesFromHR() async throws {
        let fixture = try await DatabaseFixture.make(demo: false)
        defer { Task { await fixture.close() } }
        let (organisation, _, provider) = try await Self.make(fixture)
        let manager = try await Self.signIn(fixture, provider, subject: "sub-mats", number: "m1")
        #expect(manager.status == "ok")
        let account = try #require(manager.account)
        let row = try await fixture.owner.query("""
            SELECT a.organisation_id, p.hr_id, a.display_name, a.password_hash IS NULL, e.issuer, e.subject
            FROM auth.account a JOIN org.person p ON p.id = a.person_id JOIN auth.external_identity e ON e.account_id = a.id
            WHERE a.id = \(account)
            """).first!.decode((UUID, String, String, Bool, String, String).self)
        #expect(row.0 == organisation && row.1 == "M1" && row.2 == "Mats Chef" && row.3)
        #expect(row.4 == Self.issuer && row.5 == "sub-mats")
        #expect(try await Self.roles(fixture, account) == ["employee", "manager"])
        #expect(try await Self.resolves(fixture, manager.token))

        let employee = try await Self.signIn(fixture, provider, subject: "sub-erik", number: "E1")
        #expect(try await Self.roles(fixture, try #require(employee.account)) == ["employee"])
        let audit = try await fixture.owner.query("""
            SELECT action FROM audit.event WHERE object_id = \(account) ORDER BY id
            """).map { try $0.decode(String.self, column: 0) }
        #expect(audit == ["account.created_by_sign_in", "account.linked_to_provider"])
    }

    @Test func laterSignInsUseThePinAloneWhateverTheClaimSaysAndSurviveAChangedEmail() async throws {
        let fixture = try await DatabaseFixture.make(demo: false)
        defer { Task { await fixture.close() } }
        let (_, admin, provider) = try await Self.make(fixture)
        let first = try await Self.signIn(fixture, provider, subject: "sub-erik", number: "E1")
        // HR changes Erik's e-mail; the claim disappears or names someone else: the pin decides.
        var lines = OrganisationImportTests.base
        lines[3] = "E1;Erik Medarbetare;erik.ny@kommun.se;HTN;Hemtjänst Norr;VOF;M1;2021-04-12;;nej"
        _ = try await OrganisationImportTests.run(fixture, admin, OrganisationImportTests.csv(lines))
        for number in [nil, "E2", "E1"] as [String?] {
            let later = try await Self.signIn(fixture, provider, subject: "sub-erik", number: number)
            #expect(later.status == "ok")
            #expect(later.account == first.account)
        }
        #expect(try await fixture.owner.query("SELECT count(*)::int FROM auth.account WHERE person_id IS NOT NULL")
            .first!.decode(Int.self, column: 0) == 1)
    }

    @Test(arguments: [
        ("nobody-here", false, "unknown_person"),
        (nil, false, "missing_claim"),
        ("", false, "missing_claim"),
        ("E1", true, "ambiguous_person"),
    ] as [(String?, Bool, String)])
    func aSignInThatMatchesNoOneOrSeveralCreatesNothing(number: String?, several: Bool, reason: String) async throws {
        let fixture = try await DatabaseFixture.make(demo: false)
        defer { Task { await fixture.close() } }
        let (organisation, _, provider) = try await Self.make(fixture)
        let before = try await Self.footprint(fixture)
        let outcome = try await Self.signIn(fixture, provider, subject: "sub-x", number: number, several: several)
        #expect(outcome.status == reason)
        #expect(outcome.account == nil)
        #expect(try await Self.footprint(fixture) == before)
        // Counted, without who: no actor, no object, only the reason.
        let events = try await fixture.owner.query("""
            SELECT actor_account_id IS NULL AND object_id IS NULL, detail FROM audit.event
            WHERE organisation_id = \(organisation) AND action = 'auth.sso_refused'
            """).map { try $0.decode((Bool, String).self) }
        #expect(events.count == 1)
        #expect(events.first?.0 == true)
        #expect(events.first?.1 == "{\"reason\": \"\(reason)\"}")
    }

    @Test func twoPeopleWhoseNumbersDifferOnlyInCaseAreAmbiguous() async throws {
        let fixture = try await DatabaseFixture.make(demo: false)
        defer { Task { await fixture.close() } }
        let (_, admin, provider) = try await Self.make(fixture)
        _ = try await OrganisationImportTests.run(fixture, admin, OrganisationImportTests.csv(OrganisationImportTests.base + [
            "e1;Eva Annan;eva@kommun.se;HTN;Hemtjänst Norr;VOF;M1;2022-01-01;;nej",
        ]))
        let before = try await Self.footprint(fixture)
        #expect(try await Self.signIn(fixture, provider, subject: "sub-e", number: "E1").status == "ambiguous_person")
        #expect(try await Self.footprint(fixture) == before)
    }

    @Test func anInactivePersonADisabledAccountAndAPersonPinnedToAnotherSubjectAreRefused() async throws {
        let fixture = try await DatabaseFixture.make(demo: false)
        defer { Task { await fixture.close() } }
        let (_, admin, provider) = try await Self.make(fixture)
        let erik = try await Self.signIn(fixture, provider, subject: "sub-erik", number: "E1")
        var before = try await Self.footprint(fixture)
        #expect(try await Self.signIn(fixture, provider, subject: "sub-imposter", number: "E1").status == "already_linked")
        #expect(try await Self.footprint(fixture) == before)

        _ = try await fixture.owner.query("UPDATE auth.account SET disabled_at = now() WHERE id = \(erik.account!)")
        before = try await Self.footprint(fixture)
        #expect(try await Self.signIn(fixture, provider, subject: "sub-erik", number: "E1").status == "disabled_account")
        #expect(try await Self.footprint(fixture) == before)

        // Vera leaves (absent from a full import): neither her first sign-in nor a pinned one gets in.
        let vera = try await Self.signIn(fixture, provider, subject: "sub-vera", number: "V1")
        #expect(vera.status == "ok")
        _ = try await OrganisationImportTests.run(fixture, admin, OrganisationImportTests.csv(
            OrganisationImportTests.base.filter { !$0.hasPrefix("V1;") && !$0.hasPrefix("E2;") }))
        before = try await Self.footprint(fixture)
        #expect(try await Self.signIn(fixture, provider, subject: "sub-vera", number: "V1").status == "inactive_person")
        #expect(try await Self.signIn(fixture, provider, subject: "sub-e2", number: "E2").status == "inactive_person")
        #expect(try await Self.footprint(fixture) == before)
    }

    @Test func anImportThatDeactivatesAPersonEndsTheirSessions() async throws {
        let fixture = try await DatabaseFixture.make(demo: false)
        defer { Task { await fixture.close() } }
        let (_, admin, provider) = try await Self.make(fixture)
        let erik = try await Self.signIn(fixture, provider, subject: "sub-erik", number: "E1")
        let mats = try await Self.signIn(fixture, provider, subject: "sub-mats", number: "M1")
        #expect(try await Self.resolves(fixture, erik.token))
        _ = try await OrganisationImportTests.run(fixture, admin, OrganisationImportTests.csv(
            OrganisationImportTests.base.filter { !$0.hasPrefix("E1;") }))
        let sessions = try await fixture.owner.query("SELECT count(*)::int FROM auth.session WHERE account_id = \(erik.account!)")
            .first!.decode(Int.self, column: 0)
        #expect(sessions == 0)
        #expect(try await !Self.resolves(fixture, erik.token))
        #expect(try await Self.roles(fixture, erik.account!) == [])
        // Others keep theirs.
        #expect(try await Self.resolves(fixture, mats.token))
    }

    @Test func managerFollowsWhoReportsToWhomAtEachImport() async throws {
        let fixture = try await DatabaseFixture.make(demo: false)
        defer { Task { await fixture.close() } }
        let (_, admin, provider) = try await Self.make(fixture)
        let mats = try await Self.signIn(fixture, provider, subject: "sub-mats", number: "M1")
        let erik = try await Self.signIn(fixture, provider, subject: "sub-erik", number: "E1")
        #expect(try await Self.roles(fixture, mats.account!) == ["employee", "manager"])
        // HR moves Mats' two reports to Erik: Mats is no longer a manager, Erik is, from the import on.
        var lines = OrganisationImportTests.base
        lines[3] = "E1;Erik Medarbetare;erik@kommun.se;HTN;Hemtjänst Norr;VOF;D1;2021-04-12;;nej"
        lines[4] = "E2;Skyddad Person;;HTN;Hemtjänst Norr;VOF;E1;2018-03-05;;ja"
        lines.append("E3;Ny Person;;HTN;Hemtjänst Norr;VOF;E1;2024-03-05;;nej")
        _ = try await OrganisationImportTests.run(fixture, admin, OrganisationImportTests.csv(lines))
        #expect(try await Self.roles(fixture, mats.account!) == ["employee"])
        #expect(try await Self.roles(fixture, erik.account!) == ["employee", "manager"])
        // Explicit grants are never touched by HR.
        _ = try await fixture.owner.query("INSERT INTO auth.account_role (account_id, role) VALUES (\(mats.account!), 'director')")
        _ = try await OrganisationImportTests.run(fixture, admin, OrganisationImportTests.csv(OrganisationImportTests.base))
        #expect(try await Self.roles(fixture, mats.account!) == ["director", "employee", "manager"])
        #expect(try await Self.roles(fixture, erik.account!) == ["employee"])
    }

    @Test func aPendingSignInIsTakenOnceAndNotAfterItExpired() async throws {
        let fixture = try await DatabaseFixture.make(demo: false)
        defer { Task { await fixture.close() } }
        let (_, _, provider) = try await Self.make(fixture)
        let token = Secrets.randomBytes(32)
        let state = Secrets.token(), nonce = Secrets.token(), verifier = Secrets.token() + "abcdefghijk"
        try await fixture.app.transaction(as: SessionContext(role: "wr_anonymous")) { transaction in
            _ = try await transaction.query("""
                SELECT auth.begin_sign_in(\(provider), \(Data(token)), \(state), \(nonce), \(verifier), '/team', '10 minutes'::interval)
                """)
        }
        let take = { @Sendable () async throws -> PendingSignIn? in
            try await fixture.app.transaction(as: SessionContext(role: "wr_anonymous")) { transaction in
                try await PendingSignIn.take(token, in: transaction)
            }
        }
        let taken = try #require(try await take())
        #expect((taken.providerID, taken.state, taken.nonce, taken.codeVerifier, taken.returnTo) == (provider, state, nonce, verifier, "/team"))
        #expect(try await take() == nil)

        try await fixture.app.transaction(as: SessionContext(role: "wr_anonymous")) { transaction in
            _ = try await transaction.query("""
                SELECT auth.begin_sign_in(\(provider), \(Data(token)), \(state), \(nonce), \(verifier), '/', '10 minutes'::interval)
                """)
        }
        _ = try await fixture.owner.query("UPDATE auth.oidc_pending SET expires_at = now() - interval '1 second'")
        #expect(try await take() == nil)
        #expect(try await fixture.owner.query("SELECT count(*)::int FROM auth.oidc_pending").first!.decode(Int.self, column: 0) == 0)
    }

    @Test func endingASessionReturnsTheUnsealedHintOnceAndTheSecretIsSealedAtRest() async throws {
        let fixture = try await DatabaseFixture.make(demo: false)
        defer { Task { await fixture.close() } }
        let (_, _, provider) = try await Self.make(fixture)
        let erik = try await Self.signIn(fixture, provider, subject: "sub-erik", number: "E1", idToken: "eyJhbGciOi.eyJzdWIi.c2ln")
        let stored = try await fixture.owner.query("""
            SELECT (SELECT client_secret_enc FROM auth.identity_provider), (SELECT id_token_hint_enc FROM auth.session)
            """).first!.decode((Data, Data).self)
        #expect(stored.0.range(of: Data("client-secret-inloggkommun".utf8)) == nil)
        #expect(stored.1.range(of: Data("eyJhbGciOi".utf8)) == nil)
        let end = { @Sendable () async throws -> [(String, String, String?)] in
            try await fixture.app.transaction(as: SessionContext(role: "wr_anonymous")) { transaction in
                try await transaction.query("""
                    SELECT issuer, client_id, id_token_hint FROM auth.end_session(\(Data(erik.token)), false, \(Self.key))
                    """).map { try $0.decode((String, String, String?).self) }
            }
        }
        let ended = try await end()
        #expect(ended.count == 1)
        #expect(ended.first?.0 == Self.issuer && ended.first?.1 == "wr-inloggkommun" && ended.first?.2 == "eyJhbGciOi.eyJzdWIi.c2ln")
        #expect(try await end().isEmpty)
        #expect(try await fixture.owner.query("SELECT count(*)::int FROM auth.session").first!.decode(Int.self, column: 0) == 0)
    }

    @Test func passwordsSwitchedOffRefuseTheFormAndEndPasswordSessionsButNotProviderOnes() async throws {
        let fixture = try await DatabaseFixture.make(demo: false)
        defer { Task { await fixture.close() } }
        let (organisation, _, provider) = try await Self.make(fixture)
        let erik = try await Self.signIn(fixture, provider, subject: "sub-erik", number: "E1")
        _ = try await fixture.owner.query("""
            INSERT INTO auth.account (organisation_id, login, display_name, password_hash)
            VALUES (\(organisation), 'brytglas.inlogg', 'Brytglas', ext.crypt('a-long-password-2026', ext.gen_salt('bf', 4)))
            """)
        let login = { @Sendable () async throws -> (String, [UInt8]) in
            let token = Secrets.randomBytes(32)
            let status = try await fixture.app.transaction(as: SessionContext(role: "wr_anonymous")) { transaction in
                try await transaction.query("""
                    SELECT status FROM auth.login('brytglas.inlogg', 'a-long-password-2026', \(Data(token)), \(Secrets.token()), '1 hour')
                    """).first!.decode(String.self, column: 0)
            }
            return (status, token)
        }
        let (status, passwordSession) = try await login()
        #expect(status == "ok")
        #expect(try await IdentityProviderSettings.setPasswordLogin(organisationSlug: "inloggkommun", allowed: false, in: fixture.owner))
        #expect(try await login().0 == "invalid")
        #expect(try await !Self.resolves(fixture, passwordSession))
        #expect(try await Self.resolves(fixture, erik.token))
    }

    @Test func administratorsSeeTheirOwnProvidersButNeverTheSecret() async throws {
        let fixture = try await DatabaseFixture.make(demo: false)
        defer { Task { await fixture.close() } }
        let (_, admin, _) = try await Self.make(fixture)
        _ = try await Self.make(fixture, slug: "annankommun")
        let seen = try await fixture.app.transaction(as: admin) { transaction in
            try await transaction.query("SELECT client_id FROM auth.identity_provider").map { try $0.decode(String.self, column: 0) }
        }
        #expect(seen == ["wr-inloggkommun"])
        await #expect(throws: PostgresError.self) {
            try await fixture.app.transaction(as: admin) { transaction in
                _ = try await transaction.query("SELECT client_secret_enc FROM auth.identity_provider")
            }
        }
    }
}
