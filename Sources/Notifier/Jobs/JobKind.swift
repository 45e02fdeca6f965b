/// The job kinds the Notifier knows. The product enqueues the `support.*` notices with
/// `notify.enqueue(kind, payload, …)` in the transaction of the change; payloads carry ids only.
public enum JobKind {
    /// `{"request_id"}`: a new request reached a team; the team gets the neutral notice.
    public static let supportNewRequest = "support.new_request"
    /// `{"request_id"}`: the employee wrote in the dialogue; the team gets the neutral notice.
    public static let supportNewMessageForTeam = "support.new_message_for_team"
    /// `{"request_id"}`: the team replied; the employee gets the neutral notice on the channel they
    /// chose, inside their safe hours.
    public static let supportNewReplyForEmployee = "support.new_reply_for_employee"
    /// `{"request_id"}`: 75 % of the contact deadline passed without contact; the team lead is told.
    public static let supportDeadlineWarning = "support.deadline_warning"
    /// `{"request_id"}`: the contact deadline passed without contact; the team lead is told.
    public static let supportDeadlineBreach = "support.deadline_breach"
    /// `{"request_id", "recipient", "leads_only"}`: one team notice to one recipient (fanned out by
    /// the four kinds above, so a failing address never resends to the others).
    public static let supportTeamNotice = "support.team_notice"
    /// `{"manager_id", "day"}`: one manager's digest for one day.
    public static let managerDigestSend = "routine.manager_digest_send"

    /// Recurring: the daily manager digest (fans out one job per manager).
    public static let managerDigest = "routine.manager_digest"
    /// Recurring: requests past their warning time or deadline.
    public static let deadlineScan = "support.deadline_scan"
    /// Recurring: retention deletion of support requests.
    public static let retention = "maintenance.retention"
    /// Recurring: expiring unconfirmed consent proposals.
    public static let expireProposals = "maintenance.expire_proposals"
    /// Recurring: pruning finished jobs, expired sessions and old inbox entries.
    public static let prune = "maintenance.prune"
    /// Recurring: refreshing the director's report figures (`report.refresh()`).
    public static let reportRefresh = "report.refresh"
}
