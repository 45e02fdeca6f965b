import Foundation
import Notifier
import Postgres
import WorkplaceRoutine

/// Builds the Notifier's configuration from the service's `WR_*` configuration.
enum NotifierSetup {
    static func configuration(from configuration: Configuration) throws -> NotifierConfiguration {
        guard let url = configuration.notifierDatabaseURL ?? (configuration.environment == .development ? configuration.databaseURL : nil) else {
            throw ConfigurationError(variable: "WR_NOTIFIER_DATABASE_URL", problem: "must be set (the Notifier logs in as wr_worker)")
        }
        let database = try PostgresConfiguration(url: url)
        guard let publicURL = URL(string: configuration.publicURL), let links = ServiceLinks(base: publicURL) else {
            throw ConfigurationError(variable: "WR_PUBLIC_URL", problem: "must be an https:// URL (http:// only on loopback) for links in notifications")
        }
        guard let from = EmailAddress(configuration.smtpFrom) else {
            throw ConfigurationError(variable: "WR_SMTP_FROM", problem: "must be a plain address like medarbetarstod@kommun.se")
        }
        guard let port = UInt16(exactly: configuration.smtpPort) else {
            throw ConfigurationError(variable: "WR_SMTP_PORT", problem: "must be a port number")
        }
        var credentials: SMTPCredentials?
        if let user = configuration.smtpUser, let password = configuration.smtpPassword {
            credentials = SMTPCredentials(username: user, password: password)
        }
        let smtp = SMTPConfiguration(host: configuration.smtpHost, port: port, clientName: clientName(publicURL), credentials: credentials)
        var sms: SMSGatewayConfiguration?
        if !configuration.smsGatewayURL.isEmpty {
            guard let url = URL(string: configuration.smsGatewayURL) else {
                throw ConfigurationError(variable: "WR_SMS_GATEWAY_URL", problem: "is not a URL")
            }
            sms = SMSGatewayConfiguration(url: url, token: configuration.smsGatewayToken,
                                          sender: configuration.smsSender.isEmpty ? nil : configuration.smsSender)
        }
        let worker = QueueWorkerConfiguration(
            batchSize: configuration.notifierBatchSize,
            maximumRunning: configuration.notifierMaximumRunning,
            lease: .seconds(configuration.notifierLeaseSeconds),
            pollInterval: .milliseconds(configuration.notifierPollMilliseconds),
            rescueInterval: .seconds(max(1, min(15, configuration.notifierLeaseSeconds / 2))),
            shutdownGrace: .seconds(configuration.notifierShutdownGraceSeconds),
            backoff: Backoff(unit: .milliseconds(configuration.notifierBackoffUnitMilliseconds))
        )
        let jobs = NotifierJobs.Settings(sessionIdleTimeout: .seconds(configuration.sessionIdleMinutes * 60))
        return NotifierConfiguration(
            database: database, poolSize: configuration.notifierPoolSize, worker: worker, smtp: smtp,
            sender: Mailbox(from, displayName: "Medarbetarstöd"), sms: sms, links: links, contentKey: configuration.contentKey,
            jobs: jobs, schedulesRecurringJobs: configuration.notifierRecurring)
    }

    /// The database configuration acting as the Notifier's role, for the operator commands.
    static func acting(_ database: PostgresConfiguration) -> PostgresConfiguration {
        var configuration = database
        configuration.sessionRole = NotifierConfiguration.actingRole
        return configuration
    }

    /// The EHLO name: the public host name, or an address literal when the host is an address.
    static func clientName(_ publicURL: URL) -> String {
        guard let host = publicURL.host, !host.isEmpty else { return "localhost" }
        if host.allSatisfy({ $0.isNumber || $0 == "." }) { return "[\(host)]" }
        return host
    }
}
