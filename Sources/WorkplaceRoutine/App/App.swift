public import Foundation
public import HTTP
import OpenIDConnect
public import Observability
public import Postgres

/// The web service: configuration, the database pool, and the routes of every feature.
///
/// Each request runs in one database transaction that acts as the person's role (`SET LOCAL ROLE`
/// plus `app.*` settings), so row-level security decides what a page can read; the Swift code is the
/// second line, not the first.
public final class App: Sendable {
    /// What the service was started with.
    public let configuration: Configuration
    /// Connections of the login role `wr_app`.
    public let pool: PostgresPool
    /// The service's logger (never given bodies, cookies, bound values or free text).
    public let logger: Logger
    /// Prometheus metrics.
    public let metrics: MetricsRegistry
    /// Compiled-in CSS and JS.
    let assets = Assets.bundled
    /// The names of the migration files this build expects to be applied (for `/readyz`).
    let expectedMigrations: Set<String>
    /// Login attempts per client address, in memory only.
    let loginLimiter = RateLimiter(limit: 10, window: .seconds(300))
    /// Receipt look-ups (anonymous door), in memory only: 5 a minute per client address, a ceiling on
    /// failures across all clients, and a fixed delay on every failure.
    let receiptGuard = ReceiptGuard()
    /// Sign-ins started through a provider, per client address, in memory only: each leaves a pending
    /// row for ten minutes, so a flood is bounded. Generous, because a whole municipality's staff may
    /// reach us from one address (its NAT) at eight in the morning.
    let signInLimiter = RateLimiter(limit: 300, window: .seconds(60))
    /// Organisations' OpenID Connect providers: discovery and key sets, cached with an expiry; an
    /// unknown key id refetches the key set at most once per interval (a provider's key rotation needs
    /// no restart). Plain http only to a loopback issuer, in development.
    let identity: ProviderDirectory

    /// Makes the service around an open pool.
    public init(configuration: Configuration, pool: PostgresPool, logger: Logger, metrics: MetricsRegistry) {
        self.configuration = configuration
        self.pool = pool
        self.logger = logger
        self.metrics = metrics
        self.identity = ProviderDirectory(policy: ProviderHTTPPolicy(
            allowInsecureLoopback: configuration.environment == .development, timeout: TimeInterval(configuration.oidcTimeoutSeconds)))
        let files = (try? FileManager.default.contentsOfDirectory(atPath: configuration.migrationsDirectory)) ?? []
        self.expectedMigrations = Set(files.filter { $0.hasSuffix(".sql") })
    }

    /// Every route of the service.
    public func makeRouter() -> Router {
        var router = Router(defaultBodyLimit: 64 * 1024)
        registerOperations(&router)
        registerAccounts(&router)
        registerSignIn(&router)
        registerSupport(&router)
        registerTeam(&router)
        registerGuide(&router)
        registerMine(&router)
        registerAdmin(&router)
        registerNotifications(&router)
        registerOverview(&router)
        registerOrganisations(&router)
        return router
    }
}
