import Foundation
import Observability
import Postgres

/// Team-side events (a new request, the employee wrote, a deadline warning or breach): one
/// `support.team_notice` job per recipient, so that a refused address is retried alone and the
/// others are not sent the notice twice. The recipients come from `notify.support_team_recipients`:
/// the team's mailbox if it has one, else its members; for deadlines the team lead(s).
struct TeamNoticeFanOut: JobHandler {
    let queue: JobQueue
    let leadsOnly: Bool
    let logger: Logger

    func handle(_ job: Job) async throws -> JobOutcome {
        let payload = try job.payload.decode(RequestPayload.self)
        let recipients = try await queue.pool.query("""
            SELECT recipient FROM notify.support_team_recipients(\(payload.requestID), \(leadsOnly))
            """).map { try $0.decode(String.self, column: 0) }
        if recipients.isEmpty {
            // A deleted request, or a team with neither a mailbox nor a member with an address.
            logger.warning("no recipient for a team notice", metadata: ["job.id": String(job.id), "job.kind": job.kind])
            return .completed
        }
        try await queue.pool.transaction { transaction in
            for recipient in recipients {
                let notice = TeamNoticePayload(requestID: payload.requestID, recipient: recipient, leadsOnly: leadsOnly)
                try await JobQueue.enqueue(JobRequest(
                    kind: JobKind.supportTeamNotice, payload: try JobPayload(notice),
                    uniqueKey: "support.team_notice:\(job.id):\(recipient)", priority: leadsOnly ? 1 : 2,
                    maxAttempts: Int32(clamping: job.maxAttempts), organisationID: job.organisationID), on: transaction)
            }
        }
        return .completed
    }
}

/// One team notice: the neutral "new message" e-mail to one mailbox or member.
struct TeamNoticeDelivery: JobHandler {
    let pool: PostgresPool
    let email: any NotificationChannel
    let logger: Logger

    func handle(_ job: Job) async throws -> JobOutcome {
        let payload = try job.payload.decode(TeamNoticePayload.self)
        let rows = try await pool.query("""
            SELECT recipient, address, language FROM notify.support_team_recipients(\(payload.requestID), \(payload.leadsOnly))
            """)
        var target: (address: String, language: String)?
        for row in rows {
            let (recipient, address, language) = try row.decode((String, String, String).self)
            if recipient == payload.recipient { target = (address, language) }
        }
        guard let target else {
            // The member left the team, the mailbox changed, or the request was deleted meanwhile.
            logger.info("team notice recipient no longer there", metadata: ["job.id": String(job.id)])
            return .completed
        }
        guard let address = EmailAddress(target.address) else { throw JobError(.invalidAddress, detail: "team recipient") }
        try await email.deliver(OutgoingNotification(
            jobID: job.id, recipient: .email(address), template: .newMessageForSupport,
            language: Language(rawValue: target.language) ?? .swedish, created: job.created))
        return .completed
    }
}
