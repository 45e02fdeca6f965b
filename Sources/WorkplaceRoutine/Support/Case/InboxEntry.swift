public import Foundation

/// One line of the support team's inbox: metadata only, never content, so listing the inbox needs no
/// key and reads nothing sealed (row-level security limits it to the worker's teams).
public struct InboxEntry: Sendable {
    /// The request.
    public let id: UUID
    /// What it is about.
    public let kind: RequestKind
    /// Which door it came through.
    public let door: RequestDoor
    /// Where it stands.
    public let status: RequestStatus
    /// When it arrived.
    public let receivedAt: Date
    /// The contact deadline.
    public let deadlineAt: Date
    /// The first successful contact, if any.
    public let firstContactAt: Date?
    /// When it was closed, if it is.
    public let closedAt: Date?
    /// The team it is routed to.
    public let teamName: String
    /// Messages from the person the team has not read yet.
    public let unreadMessages: Int
    /// The channel the person chose (shown so the worker knows what kind of contact to plan).
    public let channel: ContactWishes.Channel
}
