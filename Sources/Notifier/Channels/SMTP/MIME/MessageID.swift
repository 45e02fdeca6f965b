/// The `Message-ID` of a notification e-mail, derived from the queue's job id:
/// `<wr-job-{jobID}@{domain}>`.
///
/// Because it depends on the job only, every attempt of a retried job sends the same id, and a
/// receiving system (or a person looking at two copies) can see that they are one message.
public struct MessageID: Sendable, Hashable, CustomStringConvertible {
    /// The id without angle brackets, e.g. `wr-job-42@ostersund.se`.
    public let value: String

    /// The id for job `jobID` under `domain` (usually the sender address's domain); `nil` when
    /// `domain` is not a plain host name.
    public init?(jobID: Int64, domain: String) {
        guard let checked = EmailAddress.checkedDomain(domain) else { return nil }
        value = "wr-job-\(jobID)@\(checked)"
    }

    /// The header form, with angle brackets.
    public var description: String { "<\(value)>" }
}
