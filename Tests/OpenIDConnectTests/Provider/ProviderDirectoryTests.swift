import Foundation
import Synchronization
import Testing
@testable import OpenIDConnect

/// The directory against a real HTTP provider on loopback (`Support/provider.py`): caching, the
/// rate-limited refetch on an unknown `kid`, the code exchange, and every way a provider can fail.
@Suite struct ProviderDirectoryTests {
    /// The continuous clock plus an offset the test moves forward.
    final class TestClock: Sendable {
        private let offset = Mutex<Duration>(.zero)
        func now() -> ContinuousClock.Instant { ContinuousClock.now + offset.withLock { $0 } }
        func advance(by duration: Duration) { offset.withLock { $0 += duration } }
    }

    static let loopback = ProviderHTTPPolicy(allowInsecureLoopback: true, timeout: 5)

    func makeDirectory(
        policy: ProviderHTTPPolicy = loopback, clock: TestClock = TestClock(), keysLifetime: Duration = .seconds(3600),
        refetchInterval: Duration = .seconds(30)
    ) -> ProviderDirectory {
        ProviderDirectory(
            policy: policy, metadataLifetime: .seconds(3600), keysLifetime: keysLifetime, refetchInterval: refetchInterval,
            now: { clock.now() })
    }

    /// A provider serving discovery and the RSA and EC test keys.
    func makeProvider() async throws -> ProviderProcess {
        let provider = try await ProviderProcess.start()
        try provider.serveDiscovery()
        try provider.serveKeys([.rsa, .ec])
        return provider
    }

    /// The error `body` throws; nil (and an issue) when it throws none or another type.
    func failure(_ body: () async throws -> Void) async -> OIDCError? {
        do {
            try await body()
            Issue.record("no error thrown")
        } catch let error as OIDCError {
            return error
        } catch {
            Issue.record("not an OIDCError: \(error)")
        }
        return nil
    }

    // MARK: Discovery and keys

    @Test func fetchesDiscoveryOnceAndServesItFromTheCache() async throws {
        let provider = try await makeProvider()
        let directory = makeDirectory()
        let first = try await directory.metadata(issuer: provider.issuer)
        let second = try await directory.metadata(issuer: provider.issuer)
        #expect(first == second)
        #expect(first.tokenEndpoint.absoluteString == "\(provider.issuer)/token")
        #expect(try provider.requests("GET /.well-known/openid-configuration").count == 1)
        let request = try #require(try provider.requests().first)
        #expect(request.headers["cookie"] == nil)
        #expect(request.headers["accept"] == "application/json")
    }

    @Test func fetchesKeysOnceWhileTheyHaveTheKid() async throws {
        let provider = try await makeProvider()
        let directory = makeDirectory()
        let keys = try await directory.keys(issuer: provider.issuer, needing: "rsa-1")
        #expect(keys.keys.map(\.keyID) == ["rsa-1", "ec-1"])
        _ = try await directory.keys(issuer: provider.issuer, needing: "ec-1")
        _ = try await directory.keys(issuer: provider.issuer, needing: nil)
        #expect(try provider.requests("GET /jwks").count == 1)
    }

    @Test func refetchesOnAnUnknownKidAtMostOncePerInterval() async throws {
        let provider = try await makeProvider()
        let clock = TestClock()
        let directory = makeDirectory(clock: clock, refetchInterval: .seconds(30))
        _ = try await directory.keys(issuer: provider.issuer, needing: "rsa-1")
        try provider.serveKeys([.rotated, .ec])  // the provider rotates

        // A fetch a moment ago (the set was missing) does not hold a rotation back: the first unknown
        // kid refetches at once and finds the new key.
        clock.advance(by: .seconds(1))
        let rotated = try await directory.keys(issuer: provider.issuer, needing: "rsa-2")
        #expect(rotated.keys.map(\.keyID) == ["rsa-2", "ec-1"])
        #expect(try provider.requests("GET /jwks").count == 2)

        // Further unknown kids within the interval of that forced refetch: no further fetch; the cached
        // set comes back without them.
        clock.advance(by: .seconds(29))
        for invented in ["rsa-3", "rsa-4", "x"] {
            let early = try await directory.keys(issuer: provider.issuer, needing: invented)
            #expect(!early.keys.contains { $0.keyID == invented })
        }
        #expect(try provider.requests("GET /jwks").count == 2)

        // After it: one more.
        clock.advance(by: .seconds(2))
        _ = try await directory.keys(issuer: provider.issuer, needing: "rsa-5")
        _ = try await directory.keys(issuer: provider.issuer, needing: "rsa-6")
        #expect(try provider.requests("GET /jwks").count == 3)
    }

    @Test func refetchesKeysAndDiscoveryWhenTheyExpire() async throws {
        let provider = try await makeProvider()
        let clock = TestClock()
        let directory = makeDirectory(clock: clock, keysLifetime: .seconds(600))
        _ = try await directory.keys(issuer: provider.issuer, needing: nil)
        clock.advance(by: .seconds(601))
        _ = try await directory.keys(issuer: provider.issuer, needing: nil)
        #expect(try provider.requests("GET /jwks").count == 2)
        #expect(try provider.requests("GET /.well-known/openid-configuration").count == 1)
        clock.advance(by: .seconds(3000))
        _ = try await directory.metadata(issuer: provider.issuer)
        #expect(try provider.requests("GET /.well-known/openid-configuration").count == 2)
    }

    @Test func sharesOneFetchBetweenConcurrentCallers() async throws {
        let provider = try await makeProvider()
        try provider.serveKeys([.rsa, .ec], route: ProviderProcess.Route(delay: 0.3))
        let directory = makeDirectory()
        let issuer = provider.issuer
        try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<8 {
                group.addTask { try await directory.keys(issuer: issuer, needing: "rsa-1").keys.count }
            }
            for try await count in group { #expect(count == 2) }
        }
        #expect(try provider.requests("GET /jwks").count == 1)
        #expect(try provider.requests("GET /.well-known/openid-configuration").count == 1)
    }

    @Test func forgetsAnIssuer() async throws {
        let provider = try await makeProvider()
        let directory = makeDirectory()
        _ = try await directory.keys(issuer: provider.issuer, needing: nil)
        await directory.forget(issuer: provider.issuer)
        _ = try await directory.keys(issuer: provider.issuer, needing: nil)
        #expect(try provider.requests("GET /jwks").count == 2)
        #expect(try provider.requests("GET /.well-known/openid-configuration").count == 2)
    }

    // MARK: A provider that fails

    @Test func refusesADiscoveryDocumentForAnotherIssuer() async throws {
        let provider = try await makeProvider()
        try provider.serveDiscovery(claimedIssuer: "https://evil.example.test")
        let error = await failure { _ = try await makeDirectory().metadata(issuer: provider.issuer) }
        #expect(error?.code == .issuerMismatchInDiscovery)
        #expect(error?.isProviderFailure == true)
    }

    @Test func refusesPlainHTTPToAHostThatIsNotLoopbackWithoutConnecting() async throws {
        let provider = try await makeProvider()
        let directory = makeDirectory()
        // "localhost" would reach the provider, but only address literals count as loopback.
        let error = await failure { _ = try await directory.metadata(issuer: "http://localhost:\(provider.port)") }
        #expect(error?.code == .insecureTransport)
        let strict = makeDirectory(policy: ProviderHTTPPolicy(allowInsecureLoopback: false))
        #expect(await failure { _ = try await strict.metadata(issuer: provider.issuer) }?.code == .insecureTransport)
        #expect(try provider.requests().isEmpty)
    }

    @Test func refusesDiscoveryNamingAPlainHTTPEndpoint() async throws {
        let provider = try await makeProvider()
        try provider.serveDiscovery(change: ["jwks_uri": "http://keys.example.test/jwks"])
        #expect(await failure { _ = try await makeDirectory().metadata(issuer: provider.issuer) }?.code == .insecureTransport)
    }

    @Test func neverFollowsARedirect() async throws {
        let provider = try await makeProvider()
        try provider.route("GET /jwks", ProviderProcess.Route(status: 302, headers: ["Location": "\(provider.issuer)/elsewhere"]))
        try provider.route("GET /elsewhere", ProviderProcess.Route(body: String(decoding: TokenFactory.keySetJSON([TestKey.rsa.jwk()]), as: UTF8.self)))
        let error = await failure { _ = try await makeDirectory().keys(issuer: provider.issuer, needing: nil) }
        #expect(error?.code == .providerRedirected)
        #expect(error?.httpStatus == 302)
        #expect(try provider.requests("GET /elsewhere").isEmpty)
    }

    @Test func refusesAnAnswerLargerThanTheLimit() async throws {
        let provider = try await makeProvider()
        let small = ProviderHTTPPolicy(allowInsecureLoopback: true, timeout: 5, maximumResponseBytes: 4096)
        let keys = String(decoding: TokenFactory.keySetJSON([TestKey.rsa.jwk()]), as: UTF8.self)
        let padding = 4096 - keys.utf8.count
        // Exactly at the limit: read.
        try provider.route("GET /jwks", ProviderProcess.Route(body: keys, pad: padding))
        #expect(try await makeDirectory(policy: small).keys(issuer: provider.issuer, needing: nil).keys.count == 1)
        // One byte over, with Content-Length and without (chunked).
        for chunked in [false, true] {
            try provider.route("GET /jwks", ProviderProcess.Route(body: keys, pad: padding + 1, chunked: chunked))
            let error = await failure { _ = try await makeDirectory(policy: small).keys(issuer: provider.issuer, needing: nil) }
            #expect(error?.code == .providerResponseTooLarge, "chunked: \(chunked)")
            // Far over: the transfer stops early.
            try provider.route("GET /jwks", ProviderProcess.Route(body: keys, pad: 50_000_000, chunked: chunked))
            let huge = await failure { _ = try await makeDirectory(policy: small).keys(issuer: provider.issuer, needing: nil) }
            #expect(huge?.code == .providerResponseTooLarge, "chunked: \(chunked)")
        }
    }

    @Test func reportsAnHTTPStatusOtherThan200() async throws {
        let provider = try await makeProvider()
        for status in [201, 204, 404, 500, 503] {
            try provider.route("GET /jwks", ProviderProcess.Route(status: status, body: "{\"keys\":[]}"))
            let error = await failure { _ = try await makeDirectory().keys(issuer: provider.issuer, needing: nil) }
            #expect(error?.code == .providerHTTPStatus, "\(status)")
            #expect(error?.httpStatus == status)
        }
    }

    @Test func refusesAKeySetThatIsNotOne() async throws {
        let provider = try await makeProvider()
        try provider.route("GET /jwks", ProviderProcess.Route(body: "<html>maintenance</html>"))
        #expect(await failure { _ = try await makeDirectory().keys(issuer: provider.issuer, needing: nil) }?.code == .malformedKeySet)
    }

    @Test func givesUpOnASlowProvider() async throws {
        let provider = try await makeProvider()
        try provider.route("GET /.well-known/openid-configuration", ProviderProcess.Route(body: "{}", delay: 4))
        let policy = ProviderHTTPPolicy(allowInsecureLoopback: true, timeout: 1)
        let error = await failure { _ = try await makeDirectory(policy: policy).metadata(issuer: provider.issuer) }
        #expect(error?.code == .providerTimeout)
    }

    @Test func reportsAProviderThatIsNotThere() async throws {
        let port = try ProviderProcess.unusedPort()
        let error = await failure { _ = try await makeDirectory().metadata(issuer: "http://127.0.0.1:\(port)") }
        #expect(error?.code == .providerUnreachable)
        #expect(error?.isProviderFailure == true)
    }

    // MARK: The code exchange

    func exchange(
        _ directory: ProviderDirectory, _ provider: ProviderProcess, authentication: ClientAuthentication, secret: String = "s3cret&=+"
    ) async throws(OIDCError) -> TokenResponse {
        let metadata = try await directory.metadata(issuer: provider.issuer)
        return try await directory.exchange(
            code: "code/1+2", verifier: "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk", redirectURI: "https://wr.example.test/auth/oidc/callback",
            clientID: "workplace-routine", clientSecret: secret, authentication: authentication, metadata: metadata)
    }

    /// The form fields of a request body.
    func form(_ body: String) -> [String: String] {
        var components = URLComponents()
        components.percentEncodedQuery = body
        return Dictionary(uniqueKeysWithValues: (components.queryItems ?? []).map { ($0.name, $0.value ?? "") })
    }

    @Test func sendsClientSecretPostInTheBody() async throws {
        let provider = try await makeProvider()
        try provider.serveToken("a.b.c")
        let response = try await exchange(makeDirectory(), provider, authentication: .post)
        #expect(response.idToken == "a.b.c")
        #expect(response.accessToken == "at-1")
        let request = try #require(try provider.requests("POST /token").first)
        #expect(request.headers["content-type"] == "application/x-www-form-urlencoded")
        #expect(request.headers["authorization"] == nil)
        #expect(form(request.body) == [
            "grant_type": "authorization_code", "code": "code/1+2", "redirect_uri": "https://wr.example.test/auth/oidc/callback",
            "code_verifier": "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk", "client_id": "workplace-routine", "client_secret": "s3cret&=+",
        ])
    }

    @Test func sendsClientSecretBasicInTheAuthorizationHeader() async throws {
        let provider = try await makeProvider()
        try provider.serveToken("a.b.c")
        _ = try await exchange(makeDirectory(), provider, authentication: .basic)
        let request = try #require(try provider.requests("POST /token").first)
        let header = try #require(request.headers["authorization"])
        #expect(header.hasPrefix("Basic "))
        let pair = String(decoding: try #require(Data(base64Encoded: String(header.dropFirst(6)))), as: UTF8.self)
        #expect(pair == "workplace-routine:s3cret%26%3D%2B")
        let fields = form(request.body)
        #expect(fields["client_secret"] == nil)
        #expect(fields["client_id"] == nil)
        #expect(fields["code"] == "code/1+2")
    }

    @Test func reportsARefusedExchangeWithTheOAuthErrorButNoSecret() async throws {
        let provider = try await makeProvider()
        try provider.route("POST /token", ProviderProcess.Route(
            status: 400, body: #"{"error":"invalid_grant","error_description":"code code/1+2 was already used"}"#))
        let error = await failure { _ = try await exchange(makeDirectory(), provider, authentication: .post) }
        #expect(error?.code == .tokenEndpointRefused)
        #expect(error?.httpStatus == 400)
        let text = error?.debugDescription ?? ""
        #expect(text.contains("invalid_grant"))
        for secret in ["code/1+2", "s3cret", "dBjftJeZ4CVP"] { #expect(!text.contains(secret)) }

        try provider.route("POST /token", ProviderProcess.Route(status: 401, body: #"{"error":"invalid_client"}"#))
        #expect(await failure { _ = try await exchange(makeDirectory(), provider, authentication: .basic) }?.code == .tokenEndpointRefused)
        try provider.route("POST /token", ProviderProcess.Route(status: 502, body: "bad gateway"))
        #expect(await failure { _ = try await exchange(makeDirectory(), provider, authentication: .post) }?.code == .providerHTTPStatus)
    }

    @Test func refusesATokenAnswerWithoutIDToken() async throws {
        let provider = try await makeProvider()
        try provider.route("POST /token", ProviderProcess.Route(body: #"{"token_type":"Bearer","access_token":"at"}"#))
        #expect(await failure { _ = try await exchange(makeDirectory(), provider, authentication: .post) }?.code == .malformedTokenResponse)
    }

    // MARK: The whole callback

    func completeSignIn(_ directory: ProviderDirectory, _ provider: ProviderProcess) async throws(OIDCError) -> (claims: IDTokenClaims, idToken: String) {
        try await directory.completeSignIn(
            code: "code-1", verifier: "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk", redirectURI: "https://wr.example.test/auth/oidc/callback",
            clientID: TokenFactory.clientID, clientSecret: "s3cret", authentication: .basic, issuer: provider.issuer, nonce: TokenFactory.nonce,
            now: TokenFactory.now)
    }

    @Test func completesASignInAndPicksUpARotatedKey() async throws {
        let provider = try await makeProvider()
        let clock = TestClock()
        let directory = makeDirectory(clock: clock)
        let token = TokenFactory.make(key: .rsa, change: ["iss": provider.issuer, "employeeid": 40_117])
        try provider.serveToken(token)
        let signIn = try await completeSignIn(directory, provider)
        #expect(signIn.idToken == token)
        #expect(signIn.claims.issuer == provider.issuer)
        #expect(signIn.claims.string("employeeid") == "40117")

        // The provider rotates to a key we have not seen; the next sign-in refetches and succeeds
        // without a restart (the first fetch was not forced by an unknown kid, so nothing waits).
        try provider.serveKeys([.rotated])
        try provider.serveToken(TokenFactory.make(key: .rotated, change: ["iss": provider.issuer]))
        _ = try await completeSignIn(directory, provider)
        #expect(try provider.requests("GET /jwks").count == 2)
    }

    @Test func refusesASignInWhoseTokenFailsACheck() async throws {
        let provider = try await makeProvider()
        let directory = makeDirectory()
        try provider.serveToken(TokenFactory.make(change: ["iss": provider.issuer, "nonce": "another"]))
        #expect(await failure { _ = try await completeSignIn(directory, provider) }?.code == .wrongNonce)
        try provider.serveToken(TokenFactory.make(key: .rotated, change: ["iss": provider.issuer]))
        let unknown = await failure { _ = try await completeSignIn(directory, provider) }
        #expect(unknown?.code == .unknownKey)
        #expect(unknown?.isProviderFailure == false)
    }
}
