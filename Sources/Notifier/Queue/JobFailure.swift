import Foundation
import Postgres

/// A failed attempt as the queue records it in the job's error history (dead letters keep it):
/// a code, how it is classified, and a few numbers — never a message text, an address or a
/// server's reply text, so the history is safe to show an administrator.
///
/// `{"error": "smtp.temporaryFailure", "class": "temporary", "stage": "recipient", "reply": 451}`
public struct JobFailure: Sendable, Equatable {
    /// `smtp.temporaryFailure`, `sms.rateLimited`, `job.unknownKind`, `db.server`, …
    public let code: String
    /// Whether and how the job is retried.
    public let kind: DeliveryFailureKind
    /// Extra codes and numbers (SMTP stage and reply code, HTTP status, SQLSTATE).
    public let details: [String: String]
    /// The shortest wait the other side asked for (an SMS gateway's `Retry-After`).
    public let retryAfter: Duration?

    /// Creates a record directly.
    public init(code: String, kind: DeliveryFailureKind, details: [String: String] = [:], retryAfter: Duration? = nil) {
        self.code = code
        self.kind = kind
        self.details = details
        self.retryAfter = retryAfter
    }

    /// The record of any error a handler threw.
    public init(_ error: any Error) {
        switch error {
        case let smtp as SMTPError:
            var details = ["stage": smtp.stage.description]
            if let reply = smtp.replyCode { details["reply"] = String(reply) }
            self.init(code: "smtp.\(smtp.code)", kind: smtp.failureKind, details: details)
        case let sms as SMSGatewayError:
            var details: [String: String] = [:]
            if let status = sms.statusCode { details["status"] = String(status) }
            self.init(code: "sms.\(sms.code)", kind: sms.failureKind, details: details, retryAfter: sms.retryAfter)
        case let channel as NotificationChannelError:
            self.init(code: "channel.\(channel.code)", kind: channel.failureKind, details: ["channel": channel.channel])
        case let job as JobError:
            self.init(code: "job.\(job.code)", kind: job.failureKind)
        case let database as PostgresError:
            var details: [String: String] = [:]
            if let state = database.sqlState { details["sqlstate"] = state }
            // A database error while preparing a notice (the server restarting) passes; retry.
            self.init(code: "db.\(database.code)", kind: .temporary, details: details)
        case let delivery as any DeliveryError:
            self.init(code: "delivery.\(String(describing: type(of: delivery)))", kind: delivery.failureKind)
        default:
            self.init(code: "error.\(String(describing: type(of: error)))", kind: .temporary)
        }
    }

    /// The history entry (the queue adds the time and the attempt number).
    var json: [String: String] {
        var entry = details
        entry["error"] = code
        entry["class"] = kind.rawValue
        return entry
    }
}
