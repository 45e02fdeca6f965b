public import Foundation

/// One support request as a reader may see it, unsealed by one of the audited reader functions
/// (`support.read_case`, `support.read_own_request`, `support.read_by_receipt`). The team's notes,
/// contact attempts and case log are empty when the person themself reads it.
///
/// Holds what a person wrote: never log it, never put it in an error.
public struct SupportCase: Sendable {
    /// One message of the two-way dialogue.
    public struct Message: Sendable, Decodable {
        /// Who wrote a message.
        public enum Author: String, Sendable, Decodable {
            /// The person who asked for support.
            case employee
            /// Someone in the support team.
            case support
        }

        /// The message.
        public let id: UUID
        /// Who wrote it.
        public let author: Author
        /// The support worker's name, shown to the team only.
        public let authorName: String?
        /// When it was written.
        public let createdAt: Date
        /// When the other side first read it (nil: unread).
        public let readAt: Date?
        /// The text.
        public let body: String

        enum CodingKeys: String, CodingKey {
            case id, author, body
            case authorName = "author_name", createdAt = "created_at", readAt = "read_at"
        }

        /// Decodes one entry of the case document.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = try c.decode(UUID.self, forKey: .id)
            author = try c.decode(Author.self, forKey: .author)
            authorName = try c.decodeIfPresent(String.self, forKey: .authorName)
            createdAt = try c.epoch(.createdAt)
            readAt = try c.epochIfPresent(.readAt)
            body = try c.decode(String.self, forKey: .body)
        }
    }

    /// An internal note of the team.
    public struct Note: Sendable, Decodable {
        /// Who wrote it.
        public let authorName: String?
        /// When.
        public let createdAt: Date
        /// The text.
        public let body: String

        enum CodingKeys: String, CodingKey {
            case body
            case authorName = "author_name", createdAt = "created_at"
        }

        /// Decodes one entry of the case document.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            authorName = try c.decodeIfPresent(String.self, forKey: .authorName)
            createdAt = try c.epoch(.createdAt)
            body = try c.decode(String.self, forKey: .body)
        }
    }

    /// A logged contact attempt.
    public struct Attempt: Sendable, Decodable {
        /// What came of it.
        public let result: ContactResult
        /// Who tried.
        public let authorName: String?
        /// When.
        public let attemptedAt: Date

        enum CodingKeys: String, CodingKey {
            case result
            case authorName = "author_name", attemptedAt = "attempted_at"
        }

        /// Decodes one entry of the case document.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            result = try c.decode(ContactResult.self, forKey: .result)
            authorName = try c.decodeIfPresent(String.self, forKey: .authorName)
            attemptedAt = try c.epoch(.attemptedAt)
        }
    }

    /// One line of the case log (what happened, never content).
    public struct Event: Sendable, Decodable {
        /// The action code (`created`, `contacted`, `replied`, …).
        public let action: String
        /// Who did it; nil for the person or the system.
        public let authorName: String?
        /// When.
        public let at: Date

        enum CodingKeys: String, CodingKey {
            case action, at
            case authorName = "author_name"
        }

        /// Decodes one entry of the case document.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            action = try c.decode(String.self, forKey: .action)
            authorName = try c.decodeIfPresent(String.self, forKey: .authorName)
            at = try c.epoch(.at)
        }
    }

    /// The request.
    public let id: UUID
    /// What it is about.
    public let kind: RequestKind
    /// The door it came through.
    public let door: RequestDoor
    /// Where it stands.
    public let status: RequestStatus
    /// When it arrived.
    public let receivedAt: Date
    /// When the team lead is warned (75 % of the working time).
    public let warningAt: Date
    /// The contact deadline (24 hours counted on working days).
    public let deadlineAt: Date
    /// The first successful contact, which stopped the clock.
    public let firstContactAt: Date?
    /// When it was closed.
    public let closedAt: Date?
    /// Why it was closed.
    public let closeOutcome: CloseOutcome?
    /// The team it is routed to.
    public let teamID: UUID
    /// That team's name.
    public let teamName: String
    /// How, when and in which language the person wants contact; their name and free text.
    public let wishes: ContactWishes
    /// The dialogue, oldest first.
    public let messages: [Message]
    /// The team's notes (team only).
    public let notes: [Note]
    /// Contact attempts (team only).
    public let attempts: [Attempt]
    /// The case log (team only).
    public let events: [Event]

    /// Whether the request is closed.
    public var isClosed: Bool { status == .closed }
}

extension SupportCase: Decodable {
    enum CodingKeys: String, CodingKey {
        case id, kind, door, status, channel, contact, language, name, message, messages, notes, attempts, events
        case receivedAt = "received_at", warningAt = "warning_at", deadlineAt = "deadline_at"
        case firstContactAt = "first_contact_at", closedAt = "closed_at", closeOutcome = "close_outcome"
        case teamID = "team_id", teamName = "team_name"
        case safeWeekdays = "safe_weekdays", safeFrom = "safe_from", safeUntil = "safe_until"
        case voiceMessageOK = "voice_message_ok", writtenMessageOK = "written_message_ok"
        case interpreterLanguage = "interpreter_language"
    }

    /// Decodes the case document a reader function returned.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(UUID.self, forKey: .id)
        kind = try c.decode(RequestKind.self, forKey: .kind)
        door = try c.decode(RequestDoor.self, forKey: .door)
        status = try c.decode(RequestStatus.self, forKey: .status)
        receivedAt = try c.epoch(.receivedAt)
        warningAt = try c.epoch(.warningAt)
        deadlineAt = try c.epoch(.deadlineAt)
        firstContactAt = try c.epochIfPresent(.firstContactAt)
        closedAt = try c.epochIfPresent(.closedAt)
        closeOutcome = try c.decodeIfPresent(CloseOutcome.self, forKey: .closeOutcome)
        teamID = try c.decode(UUID.self, forKey: .teamID)
        teamName = try c.decode(String.self, forKey: .teamName)
        wishes = ContactWishes(
            channel: try c.decode(ContactWishes.Channel.self, forKey: .channel),
            address: try c.decodeIfPresent(String.self, forKey: .contact),
            safeWeekdays: try c.decode([Int].self, forKey: .safeWeekdays),
            safeFrom: try c.decode(String.self, forKey: .safeFrom),
            safeUntil: try c.decode(String.self, forKey: .safeUntil),
            voiceMessageOK: try c.decode(Bool.self, forKey: .voiceMessageOK),
            writtenMessageOK: try c.decode(Bool.self, forKey: .writtenMessageOK),
            language: try c.decode(String.self, forKey: .language),
            interpreterLanguage: try c.decodeIfPresent(String.self, forKey: .interpreterLanguage),
            name: try c.decodeIfPresent(String.self, forKey: .name),
            message: try c.decodeIfPresent(String.self, forKey: .message))
        messages = try c.decode([Message].self, forKey: .messages)
        notes = try c.decode([Note].self, forKey: .notes)
        attempts = try c.decode([Attempt].self, forKey: .attempts)
        events = try c.decode([Event].self, forKey: .events)
    }
}

extension RequestKind: Decodable {}
extension ContactWishes.Channel: Decodable {}

extension KeyedDecodingContainer {
    /// A time the database sent as seconds since the epoch (exact, and free of format questions).
    func epoch(_ key: Key) throws -> Date {
        Date(timeIntervalSince1970: try decode(Double.self, forKey: key))
    }

    func epochIfPresent(_ key: Key) throws -> Date? {
        try decodeIfPresent(Double.self, forKey: key).map(Date.init(timeIntervalSince1970:))
    }
}
