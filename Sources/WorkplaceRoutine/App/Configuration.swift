public import Foundation

/// Everything the service reads from its environment, with development defaults.
///
/// The table in README.md ("Configuration") lists the same variables; keep them in step. In
/// production (`WR_ENV=production`) the service refuses to start while any secret still has its
/// development default, and refuses an http:// public URL.
public struct Configuration: Sendable {
    /// `development` or `production`.
    public enum Environment: String, Sendable { case development, production }

    /// Where the service runs.
    public var environment: Environment
    /// Address to listen on.
    public var host: String
    /// Port to listen on.
    public var port: Int
    /// The URL people use to reach the service (links in notifications; https in production).
    public var publicURL: String
    /// Connection URL of the web service's login role (wr_app).
    public var databaseURL: String?
    /// Connection URL of the migration owner (may be the same as `databaseURL` in development).
    public var migrationDatabaseURL: String?
    /// Connection URL of the Notifier's login role (wr_worker).
    public var notifierDatabaseURL: String?
    /// Connections in the web service's pool.
    public var poolSize: Int
    /// The key that encrypts support content. Never stored in the database.
    public var contentKey: String
    /// Minutes a session may be idle.
    public var sessionIdleMinutes: Int
    /// Hours a session may live at most.
    public var sessionAbsoluteHours: Int
    /// Whether `X-Forwarded-For`/`X-Forwarded-Proto` from the proxy in front are trusted.
    public var trustProxy: Bool
    /// Where the quick exit leads (a neutral, non-personalised site).
    public var quickExitURL: String
    /// Folder holding `NNNN_name.sql` migrations.
    public var migrationsDirectory: String
    /// Minimum log level.
    public var logLevel: String
    /// SMTP relay host (loopback or a trusted network; see OPERATIONS.md).
    public var smtpHost: String
    /// SMTP relay port.
    public var smtpPort: Int
    /// Envelope and header sender of notifications.
    public var smtpFrom: String
    /// Optional SMTP user (AUTH).
    public var smtpUser: String?
    /// Optional SMTP password (AUTH).
    public var smtpPassword: String?
    /// SMS gateway URL (empty: SMS is not configured).
    public var smsGatewayURL: String
    /// SMS gateway bearer token.
    public var smsGatewayToken: String
    /// Sender name shown on SMS (empty: the gateway's default).
    public var smsSender: String
    /// Connections in the Notifier's pool.
    public var notifierPoolSize: Int
    /// Jobs the Notifier claims per statement.
    public var notifierBatchSize: Int
    /// Jobs one Notifier process runs at once.
    public var notifierMaximumRunning: Int
    /// Seconds a claimed job is leased before another Notifier may rescue it.
    public var notifierLeaseSeconds: Int
    /// Milliseconds between polls when no NOTIFY arrives.
    public var notifierPollMilliseconds: Int
    /// Seconds running jobs may take to finish after SIGTERM before they are given back.
    public var notifierShutdownGraceSeconds: Int
    /// Milliseconds of one backoff step (attempt⁴ steps between retries).
    public var notifierBackoffUnitMilliseconds: Int
    /// Whether the Notifier schedules the recurring jobs (retention, digests, deadline scans).
    public var notifierRecurring: Bool
    /// Seconds a call to an identity provider (discovery, key set, token endpoint) may take.
    public var oidcTimeoutSeconds: Int

    /// The development default of the content key. Refused in production.
    public static let developmentContentKey = "development-only-content-key-do-not-use-in-production"

    /// Reads the configuration from `environment` (the process environment by default).
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Configuration {
        func string(_ name: String, _ fallback: String) -> String {
            guard let value = environment[name], !value.isEmpty else { return fallback }
            return value
        }
        func optional(_ name: String) -> String? {
            guard let value = environment[name], !value.isEmpty else { return nil }
            return value
        }
        func integer(_ name: String, _ fallback: Int, _ range: ClosedRange<Int>) throws -> Int {
            guard let text = optional(name) else { return fallback }
            guard let value = Int(text), range.contains(value) else {
                throw ConfigurationError(variable: name, problem: "must be a whole number in \(range.lowerBound)...\(range.upperBound)")
            }
            return value
        }
        func boolean(_ name: String, _ fallback: Bool) throws -> Bool {
            guard let text = optional(name)?.lowercased() else { return fallback }
            switch text {
            case "1", "true", "yes", "on": return true
            case "0", "false", "no", "off": return false
            default: throw ConfigurationError(variable: name, problem: "must be true or false")
            }
        }

        guard let mode = Environment(rawValue: string("WR_ENV", "development")) else {
            throw ConfigurationError(variable: "WR_ENV", problem: "must be development or production")
        }
        var contentKey = string("WR_CONTENT_KEY", developmentContentKey)
        if let file = optional("WR_CONTENT_KEY_FILE") {
            guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
                throw ConfigurationError(variable: "WR_CONTENT_KEY_FILE", problem: "cannot be read")
            }
            contentKey = text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let port = try integer("WR_PORT", 8080, 1...65535)
        let configuration = Configuration(
            environment: mode,
            host: string("WR_HOST", "127.0.0.1"),
            port: port,
            publicURL: string("WR_PUBLIC_URL", "http://127.0.0.1:\(port)"),
            databaseURL: optional("WR_DATABASE_URL"),
            migrationDatabaseURL: optional("WR_MIGRATION_DATABASE_URL"),
            notifierDatabaseURL: optional("WR_NOTIFIER_DATABASE_URL"),
            poolSize: try integer("WR_POOL_SIZE", 10, 1...200),
            contentKey: contentKey,
            sessionIdleMinutes: try integer("WR_SESSION_IDLE_MINUTES", 30, 5...480),
            sessionAbsoluteHours: try integer("WR_SESSION_ABSOLUTE_HOURS", 12, 1...72),
            trustProxy: try boolean("WR_TRUST_PROXY", false),
            quickExitURL: string("WR_QUICK_EXIT_URL", "https://www.smhi.se/"),
            migrationsDirectory: string("WR_MIGRATIONS_DIR", Configuration.defaultMigrationsDirectory()),
            logLevel: string("WR_LOG_LEVEL", "info"),
            smtpHost: string("WR_SMTP_HOST", "127.0.0.1"),
            smtpPort: try integer("WR_SMTP_PORT", 25, 1...65535),
            smtpFrom: string("WR_SMTP_FROM", "medarbetarstod@localhost"),
            smtpUser: optional("WR_SMTP_USER"),
            smtpPassword: optional("WR_SMTP_PASSWORD"),
            smsGatewayURL: string("WR_SMS_GATEWAY_URL", ""),
            smsGatewayToken: string("WR_SMS_GATEWAY_TOKEN", ""),
            smsSender: string("WR_SMS_SENDER", ""),
            notifierPoolSize: try integer("WR_NOTIFIER_POOL_SIZE", 8, 2...100),
            notifierBatchSize: try integer("WR_NOTIFIER_BATCH_SIZE", 100, 1...1000),
            notifierMaximumRunning: try integer("WR_NOTIFIER_MAX_RUNNING", 32, 1...1000),
            notifierLeaseSeconds: try integer("WR_NOTIFIER_LEASE_SECONDS", 300, 1...3600),
            notifierPollMilliseconds: try integer("WR_NOTIFIER_POLL_MS", 1000, 10...60_000),
            notifierShutdownGraceSeconds: try integer("WR_NOTIFIER_SHUTDOWN_GRACE_SECONDS", 20, 0...600),
            notifierBackoffUnitMilliseconds: try integer("WR_NOTIFIER_BACKOFF_UNIT_MS", 1000, 1...60_000),
            notifierRecurring: try boolean("WR_NOTIFIER_RECURRING", true),
            oidcTimeoutSeconds: try integer("WR_OIDC_TIMEOUT_SECONDS", 10, 1...60)
        )
        try configuration.validate()
        return configuration
    }

    /// Checks the rules that keep production safe.
    public func validate() throws {
        if contentKey.utf8.count < 32 {
            throw ConfigurationError(variable: "WR_CONTENT_KEY", problem: "must be at least 32 characters (use: openssl rand -base64 48)")
        }
        guard environment == .production else { return }
        if contentKey == Configuration.developmentContentKey {
            throw ConfigurationError(variable: "WR_CONTENT_KEY", problem: "still has its development default; production needs its own secret")
        }
        if !publicURL.hasPrefix("https://") {
            throw ConfigurationError(variable: "WR_PUBLIC_URL", problem: "must be an https:// URL in production")
        }
        if databaseURL == nil {
            throw ConfigurationError(variable: "WR_DATABASE_URL", problem: "must be set in production")
        }
    }

    /// `Migrations/` next to the working directory, else the installed location.
    static func defaultMigrationsDirectory() -> String {
        let local = FileManager.default.currentDirectoryPath + "/Migrations"
        if FileManager.default.fileExists(atPath: local) { return local }
        return "/usr/share/workplace-routine/migrations"
    }

    /// Whether cookies must be `Secure` (the public URL is https).
    public var usesTLS: Bool { publicURL.hasPrefix("https://") }
}

/// A configuration variable with a value the service cannot run with.
public struct ConfigurationError: Error, CustomStringConvertible {
    /// The environment variable.
    public let variable: String
    /// What is wrong with it (never its value).
    public let problem: String

    /// Creates the error; `problem` must not contain the variable's value.
    public init(variable: String, problem: String) {
        self.variable = variable
        self.problem = problem
    }

    /// `WR_X must …`.
    public var description: String { "\(variable) \(problem)" }
}
