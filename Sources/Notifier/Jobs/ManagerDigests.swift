import Foundation
import Observability
import Postgres

/// The daily reminder to managers (*daglig påminnelse*): the recurring job finds every manager with
/// something to be reminded of today and queues one `routine.manager_digest_send` per manager, keyed
/// by manager and date, so no manager ever gets two digests for a day.
struct ManagerDigestFanOut: JobHandler {
    let queue: JobQueue
    let logger: Logger

    func handle(_ job: Job) async throws -> JobOutcome {
        let day = PostgresDate(job.runAt, in: SwedishTime.calendar.timeZone)
        let managers = try await queue.pool.query("""
            SELECT manager_id, organisation_id FROM notify.manager_digest_counts(\(day))
            """).map { try $0.decode((UUID, UUID).self) }
        try await queue.pool.transaction { transaction in
            for (manager, organisation) in managers {
                try await JobQueue.enqueue(JobRequest(
                    kind: JobKind.managerDigestSend, payload: try JobPayload(ManagerDigestPayload(managerID: manager, day: day)),
                    uniqueKey: "routine.manager_digest:\(manager.uuidString.lowercased()):\(day)", priority: 3,
                    organisationID: organisation), on: transaction)
            }
        }
        logger.info("manager digests queued", metadata: ["digest.day": day.description, "digest.managers": String(managers.count)])
        return .completed
    }
}

/// One manager's digest: counts only, to their work e-mail, in their language.
struct ManagerDigestDelivery: JobHandler {
    let pool: PostgresPool
    let email: any NotificationChannel

    func handle(_ job: Job) async throws -> JobOutcome {
        let payload = try job.payload.decode(ManagerDigestPayload.self)
        let rows = try await pool.query("""
            SELECT address, language, display_name, talks_within_seven_days, talks_held_not_recorded, new_hires_due, \
            employees_not_yet_planned, days_until_cycle_ends FROM notify.manager_digest_counts(\(payload.day), \(payload.managerID))
            """)
        guard let row = rows.first else { return .completed }  // nothing left to say, or no longer a manager
        let (address, language, name, soon, unrecorded, newHires, unplanned, daysLeft) =
            try row.decode((String, String, String?, Int, Int, Int, Int, Int?).self)
        let digest = ManagerDigest(talksWithinSevenDays: soon, talksHeldNotRecorded: unrecorded, newHiresDue: newHires,
                                   employeesNotYetPlanned: unplanned, daysUntilCycleEnds: daysLeft)
        if digest.isEmpty { return .completed }
        guard let mailbox = EmailAddress(address) else { throw JobError(.invalidAddress, detail: "manager work e-mail") }
        try await email.deliver(OutgoingNotification(
            jobID: job.id, recipient: .email(mailbox), template: .managerDigest(digest),
            language: Language(rawValue: language) ?? .swedish, recipientDisplayName: name, created: job.created))
        return .completed
    }
}
