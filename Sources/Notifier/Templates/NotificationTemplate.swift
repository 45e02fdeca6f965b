/// What a notification says, as a typed value (*meddelandemall*).
///
/// Employee- and support-side notifications have exactly one wording each language, the same
/// byte for byte whatever happened — a reply in the dialogue, a new request for the team, a deadline
/// warning — and therefore the same length (SecureDrop's rule: a notification must not tell, even by
/// its size, what it is about). They never contain a name, the kind of request or any word about the
/// subject; they say that there is something new and where to log in. Manager reminders may name the
/// routine, because every employee is asked; they come as one daily digest with counts and links.
public enum NotificationTemplate: Sendable, Hashable {
    /// To an employee: "Du har ett nytt meddelande i Medarbetarstöd", whatever happened.
    case newMessageForEmployee
    /// To a support worker or the support team: the same neutral message as to an employee, also for
    /// new requests and deadline warnings.
    case newMessageForSupport
    /// To a manager: the daily reminder about development talks in their team.
    case managerDigest(ManagerDigest)

    /// The stable name of the template, as stored in the queue and the in-service inbox.
    public var key: TemplateKey {
        switch self {
        case .newMessageForEmployee: .newMessageForEmployee
        case .newMessageForSupport: .newMessageForSupport
        case .managerDigest: .managerDigest
        }
    }

    /// Who the template is written for.
    public var audience: Audience { key.audience }

    /// Renders subject, e-mail body and SMS text in `language`.
    public func render(in language: Language, context: TemplateContext) -> RenderedMessage {
        switch self {
        case .newMessageForEmployee, .newMessageForSupport:
            // Deliberately nothing from the context but the start page: not the name, not the event.
            NeutralMessage.render(in: language, login: context.links.login)
        case .managerDigest(let digest):
            digest.render(in: language, context: context)
        }
    }
}

/// The stable name of a template, as stored in the queue and in the in-service inbox.
public enum TemplateKey: String, Sendable, Hashable, Codable, CaseIterable {
    /// ``NotificationTemplate/newMessageForEmployee``.
    case newMessageForEmployee = "new-message-employee"
    /// ``NotificationTemplate/newMessageForSupport``.
    case newMessageForSupport = "new-message-support"
    /// ``NotificationTemplate/managerDigest(_:)``.
    case managerDigest = "manager-digest"

    /// Who templates with this key are written for.
    public var audience: Audience {
        switch self {
        case .newMessageForEmployee: .employee
        case .newMessageForSupport: .support
        case .managerDigest: .manager
        }
    }
}

/// Who a template is written for.
public enum Audience: String, Sendable, Hashable, CaseIterable {
    /// An employee (*medarbetare*): neutral wording only.
    case employee
    /// A support worker (*stödfunktion*): neutral wording only.
    case support
    /// A manager (*chef*): may name the routine, never a person.
    case manager

    /// Whether templates for this audience must be neutral: no name, no subject, constant length.
    public var requiresNeutralWording: Bool { self != .manager }
}
