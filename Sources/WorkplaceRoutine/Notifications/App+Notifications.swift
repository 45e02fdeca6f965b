import Foundation
import HTML
import HTTP
import Postgres

/// The administrator's view of notifications that were not delivered, with retry and remove. Only
/// the organisation's own jobs, through definer functions that check the acting role and log each
/// action; the administrator has no privilege on the queue table itself.
extension App {
    func registerNotifications(_ router: inout Router) {
        router.get("/admin/notifications", authenticated(.admin) { context, transaction in
            let letters = try await transaction.query("""
                SELECT id, kind, state, attempt, max_attempts, error_codes, finalized_at, attempted_at, run_at
                FROM notify.admin_dead_letters(200)
                """).map { row in
                let (id, kind, state, attempt, maxAttempts, codes, finalized, attempted, runAt) =
                    try row.decode((Int64, String, String, Int, Int, [String], Date?, Date?, Date).self)
                return DeadLetter(id: id, kind: kind, state: state, attempt: attempt, maxAttempts: maxAttempts,
                                  errorCodes: codes, finalizedAt: finalized, attemptedAt: attempted, runAt: runAt)
            }
            let texts = context.texts.notificationAdmin
            let notice: String? = switch context.request.queryValue("done") {
            case "retried": texts.retried
            case "discarded": texts.discarded
            case "unchanged": texts.notChanged
            default: nil
            }
            return NotificationsPage.render(context, letters: letters, notice: notice)
        })

        for action in ["retry", "discard"] {
            router.post("/admin/notifications/:id/\(action)", bodyLimit: 8 * 1024, authenticated(.admin) { context, transaction in
                guard let id = context.request.pathParameters["id"].flatMap(Int64.init) else { throw HTTPError(.notFound, code: "no_such_notification") }
                let changed = try await transaction.query(action == "retry"
                    ? "SELECT notify.admin_retry(\(id))" : "SELECT notify.admin_discard(\(id))").first?.decode(Bool.self, column: 0) ?? false
                let done = changed ? (action == "retry" ? "retried" : "discarded") : "unchanged"
                return .redirect(to: "/admin/notifications?done=\(done)", status: .seeOther)
            })
        }
    }
}

/// The page: an explanation, then a table of notifications with their buttons.
enum NotificationsPage {
    static func render(_ context: RequestContext, letters: [DeadLetter], notice: String?) -> HTTPResponse {
        let texts = context.texts.notificationAdmin
        return context.page(texts.title) {
            Node.h1(texts.title)
            if let notice { Notice(message: notice) }
            Node.p(texts.intro)
            if letters.isEmpty {
                Node.p(texts.empty)
            } else {
                Node.div(.class("table-wrap"), .role("region"), .tabindex(0), .aria("label", texts.caption)) {
                    Node.table {
                        Node.caption(texts.caption)
                        Node.thead {
                            Node.tr {
                                Node.th(.scope("col"), text: texts.columnNotification)
                                Node.th(.scope("col"), text: texts.columnState)
                                Node.th(.scope("col"), .class("number"), text: texts.columnAttempts)
                                Node.th(.scope("col"), text: texts.columnError)
                                Node.th(.scope("col"), text: texts.columnTime)
                                Node.th(.scope("col"), text: texts.columnActions)
                            }
                        }
                        Node.tbody {
                            for letter in letters { row(letter, context) }
                        }
                    }
                }
            }
        }
    }

    static func row(_ letter: DeadLetter, _ context: RequestContext) -> Node {
        let texts = context.texts.notificationAdmin
        let last = letter.finalizedAt ?? letter.attemptedAt
        return Node.tr {
            Node.th(.scope("row")) {
                Node.text(kind(letter, texts) + " ")
                Node.span(.class("tag tag--neutral"), text: "#\(letter.id)")
            }
            Node.td {
                if letter.state == "discarded" {
                    Node.span(.class("tag tag--overdue"), text: texts.stateDiscarded)
                } else {
                    Node.span(.class("tag tag--planned"), text: texts.stateRetrying(format(letter.runAt)))
                }
            }
            Node.td(.class("number"), text: texts.attempts(letter.attempt, letter.maxAttempts))
            Node.td {
                let code = letter.errorCodes.last ?? ""
                Node.text(explain(code, texts) + " ")
                Node.code(code)
            }
            Node.td {
                if let last { Node.time(.datetime(ISO8601DateFormatter().string(from: last)), text: format(last)) }
            }
            Node.td {
                Node.form(.method("post"), .action("/admin/notifications/\(letter.id)/retry"), .class("inline-form")) {
                    CSRFField(token: context.csrfToken)
                    Node.button(.type("submit"), .class("button button--secondary")) {
                        Node.text(texts.retry)
                        Node.span(.class("visually-hidden"), text: " " + texts.rowName(letter.id))
                    }
                }
                Node.text(" ")
                Node.form(.method("post"), .action("/admin/notifications/\(letter.id)/discard"), .class("inline-form")) {
                    CSRFField(token: context.csrfToken)
                    Node.button(.type("submit"), .class("button button--warning")) {
                        Node.text(texts.discard)
                        Node.span(.class("visually-hidden"), text: " " + texts.rowName(letter.id))
                    }
                }
            }
        }
    }

    static func kind(_ letter: DeadLetter, _ texts: NotificationAdminTexts) -> String {
        switch letter.audience {
        case .employee: texts.kindEmployee
        case .team: texts.kindTeam
        case .manager: texts.kindManager
        case .other: texts.kindOther
        }
    }

    static func explain(_ code: String, _ texts: NotificationAdminTexts) -> String {
        switch code {
        case let code where code.hasPrefix("smtp."): texts.errorMail
        case let code where code.hasPrefix("sms."): texts.errorSMS
        case "lease_expired": texts.errorInterrupted
        case "discarded_by_operator": texts.errorRemoved
        case "job.channelNotConfigured", "job.contentKeyRejected", "job.unknownKind": texts.errorConfiguration
        default: texts.errorOther
        }
    }

    /// Swedish local time, to the minute.
    static func format(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "sv_SE")
        formatter.timeZone = TimeZone(identifier: "Europe/Stockholm")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}
