import Foundation
import Observability
import Postgres

/// The neutral notice to an employee that the support team replied (*nytt meddelande*), only on the
/// channel they chose and only inside their safe hours:
///
/// - `sms` / `email`: to their own number or private address, decrypted (and the read audited) by
///   `notify.support_employee_address` right before sending, never earlier;
/// - `dialogue`: to their inbox in the service, if they came through the identified door and have
///   an account; an anonymous person is reached only when they come back with their receipt;
/// - `phone`: nothing automatic — the team calls, as the person asked.
///
/// Outside the safe hours the job is snoozed to the start of the next safe window without counting
/// an attempt.
struct EmployeeNoticeDelivery: JobHandler {
    let pool: PostgresPool
    let channels: NotificationChannels
    let contentKey: String
    let clock: @Sendable () -> Date
    let logger: Logger

    /// What `notify.support_employee_contact_plan` says about a request.
    struct ContactPlan {
        var channel: String
        var safeHours: SafeHours?
        var language: Language
        var accountID: UUID?
    }

    func handle(_ job: Job) async throws -> JobOutcome {
        let payload = try job.payload.decode(RequestPayload.self)
        guard let plan = try await contactPlan(payload.requestID) else {
            logger.info("request gone; no notice", metadata: ["job.id": String(job.id)])
            return .completed
        }
        switch plan.channel {
        case "phone":
            return .completed
        case "dialogue" where plan.accountID == nil:
            return .completed
        default:
            break
        }
        let now = clock()
        if let safeHours = plan.safeHours, !safeHours.contains(now) {
            return .snoozed(until: safeHours.earliestDelivery(from: now))
        }
        let recipient: NotificationRecipient
        let channel: any NotificationChannel
        switch plan.channel {
        case "dialogue":
            recipient = .inService(accountID: plan.accountID!)
            channel = channels.inService
        case "email", "sms":
            guard let chosen = plan.channel == "email" ? channels.email : channels.sms else {
                throw JobError(.channelNotConfigured, detail: "sms")
            }
            guard let address = try await contactAddress(payload.requestID) else { return .completed }
            if plan.channel == "email" {
                guard let email = EmailAddress(address) else { throw JobError(.invalidAddress, detail: "employee e-mail") }
                recipient = .email(email)
            } else {
                guard let number = PhoneNumber(address) else { throw JobError(.invalidAddress, detail: "employee number") }
                recipient = .sms(number)
            }
            channel = chosen
        default:
            throw JobError(.malformedPayload, detail: "unknown channel")
        }
        try await channel.deliver(OutgoingNotification(
            jobID: job.id, recipient: recipient, template: .newMessageForEmployee, language: plan.language, created: job.created))
        return .completed
    }

    func contactPlan(_ request: UUID) async throws -> ContactPlan? {
        let rows = try await pool.query("""
            SELECT channel, safe_weekdays, \
            (extract(hour FROM safe_from) * 60 + extract(minute FROM safe_from))::integer, \
            (extract(hour FROM safe_until) * 60 + extract(minute FROM safe_until))::integer, \
            language, account_id FROM notify.support_employee_contact_plan(\(request))
            """)
        guard let row = rows.first else { return nil }
        let (channel, weekdays, from, until, language, account) = try row.decode((String, [Int16], Int, Int, String, UUID?).self)
        return ContactPlan(channel: channel, safeHours: SafeHours(weekdays: weekdays.map(Int.init), fromMinute: from, untilMinute: until),
                           language: Language(rawValue: language) ?? .swedish, accountID: account)
    }

    /// The decrypted number or address; the read is audited in the database.
    func contactAddress(_ request: UUID) async throws -> String? {
        do {
            return try await pool.query("SELECT address FROM notify.support_employee_address(\(request), \(contentKey))")
                .first?.decode(String?.self, column: 0)
        } catch let error as PostgresError where error.sqlState == "39000" {
            // pgcrypto: "Wrong key or corrupt data" — the configured content key is not the one used.
            throw JobError(.contentKeyRejected)
        }
    }
}
