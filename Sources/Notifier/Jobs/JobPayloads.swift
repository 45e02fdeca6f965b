import Foundation
import Postgres

/// `{"request_id": "…"}`: the payload of every `support.*` event the product enqueues.
struct RequestPayload: Codable, Sendable {
    let requestID: UUID
    enum CodingKeys: String, CodingKey { case requestID = "request_id" }
}

/// `{"request_id", "recipient", "leads_only"}`: one team notice to one recipient.
struct TeamNoticePayload: Codable, Sendable {
    let requestID: UUID
    /// `team:<id>` or `account:<id>`, as `notify.support_team_recipients` names them.
    let recipient: String
    let leadsOnly: Bool
    enum CodingKeys: String, CodingKey {
        case requestID = "request_id"
        case recipient
        case leadsOnly = "leads_only"
    }
}

/// `{"manager_id", "day"}`: one manager's digest for one Stockholm date.
struct ManagerDigestPayload: Codable, Sendable {
    let managerID: UUID
    let day: PostgresDate
    enum CodingKeys: String, CodingKey {
        case managerID = "manager_id"
        case day
    }
}
