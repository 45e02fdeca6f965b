import Foundation
import HTML
import HTTP

/// `/inbox/:id`: one request for the support team. The contact wishes come first, in plain words
/// ("Bara SMS till 070-123 45 67, måndag–onsdag 08:00–10:00, inga röstmeddelanden, …"), then what
/// the person wrote, the dialogue with a reply form, contact attempts, internal notes, closing or
/// reopening, moving to another team, and the case log.
enum CasePage {
    /// Field names (unique across the page's forms, so one form state can re-show any of them).
    enum Field {
        static let reply = "reply"
        static let note = "note"
        static let result = "result"
        static let outcome = "outcome"
        static let team = "team"
    }

    static func render(_ context: RequestContext, supportCase: SupportCase, teams: [SupportCases.Team], calendar: WorkingCalendar,
                       now: Date, form: FormState, notice: String? = nil, status: HTTPStatus = .ok) -> HTTPResponse {
        let texts = context.texts.support
        let intake = context.texts.intake
        let base = "/inbox/\(supportCase.id.uuidString.lowercased())"
        let summary = ContactWishesSummary(wishes: supportCase.wishes, texts: texts, intake: intake, language: context.language)
        return context.page(texts.caseTitle, status: status) {
            Node.p { Node.a(.href("/inbox"), text: texts.inboxTitle) }
            Node.h1(texts.caseHeading(SupportTime.long(supportCase.receivedAt, texts)))
            if let notice { Notice(message: notice) }
            ErrorSummary(errors: form.errors, texts: context.texts.common)
            Node.p(.class("case-facts")) {
                Node.span(.class("tag tag--planned"), text: SupportPageLabels.kind(supportCase.kind, intake))
                " "
                Node.span(.class("tag tag--neutral"), text: texts.doorLabel(supportCase.door))
                " "
                Node.span(.class("tag tag--neutral"), text: texts.statusLabel(supportCase.status))
            }
            Node.p(.class("lead")) { statusLine(supportCase, texts: texts, calendar: calendar, now: now) }
            Node.p(texts.teamLine(supportCase.teamName))

            Node.section(.class("panel panel--important"), .aria("labelledby", "wishes-heading")) {
                Node.h2(.id("wishes-heading"), text: texts.wishesTitle)
                Node.p(.class("wishes"), .data("wishes", ""), text: summary.sentence)
                if let name = supportCase.wishes.name {
                    Node.p { Node.strong(texts.calledLabel + ": "); name }
                }
            }

            Node.h2(texts.theirMessageTitle)
            if let message = supportCase.wishes.message {
                Node.p(.class("message__body"), text: message)
            } else {
                Node.p(texts.theyWroteNothing)
            }

            Node.h2(texts.dialogueTitle)
            DialogueList(messages: supportCase.messages, texts: texts, forTeam: true)
            if supportCase.isClosed {
                Node.p(texts.closedCannotChange)
                // A reply refused because the request closed meanwhile stays on the page, to copy.
                if !form.value(Field.reply).isEmpty {
                    TextArea(id: Field.reply, name: Field.reply, label: texts.replyLabel, value: form.value(Field.reply), rows: 5)
                }
            } else {
                Node.form(.method("post"), .action(base + "/reply"), Attribute("novalidate", nil)) {
                    CSRFField(token: context.csrfToken)
                    TextArea(id: Field.reply, name: Field.reply, label: texts.replyLabel, hint: texts.replyHint,
                             value: form.value(Field.reply), error: form.error(for: Field.reply), rows: 5)
                    Node.div(.class("button-row")) { Node.button(.type("submit"), .class("button"), text: texts.replyButton) }
                }
            }

            Node.h2(texts.attemptsTitle)
            if supportCase.attempts.isEmpty {
                Node.p(texts.noAttempts)
            } else {
                Node.ul(.class("attempts")) {
                    for attempt in supportCase.attempts {
                        Node.li {
                            Node.time(.datetime(SupportTime.machine(attempt.attemptedAt)), text: SupportTime.short(attempt.attemptedAt, texts))
                            ": " + texts.attemptLabel(attempt.result)
                            if let name = attempt.authorName { " (\(name))" }
                        }
                    }
                }
            }
            if !supportCase.isClosed {
                Node.form(.method("post"), .action(base + "/attempt"), Attribute("novalidate", nil)) {
                    CSRFField(token: context.csrfToken)
                    ChoiceGroup(id: Field.result, name: Field.result, legend: texts.attemptLegend,
                                choices: ContactResult.allCases.map { Choice(value: $0.rawValue, label: texts.attemptLabel($0)) },
                                selected: form.all(Field.result), error: form.error(for: Field.result))
                    Node.div(.class("button-row")) { Node.button(.type("submit"), .class("button"), text: texts.attemptButton) }
                }
            }

            Node.h2(texts.notesTitle)
            if supportCase.notes.isEmpty {
                Node.p(texts.noNotes)
            } else {
                Node.ul(.class("notes")) {
                    for note in supportCase.notes {
                        Node.li(.class("note")) {
                            Node.p(.class("message__meta")) {
                                Node.strong(note.authorName ?? "")
                                " · "
                                Node.time(.datetime(SupportTime.machine(note.createdAt)), text: SupportTime.short(note.createdAt, texts))
                            }
                            Node.p(.class("message__body"), text: note.body)
                        }
                    }
                }
            }
            Node.form(.method("post"), .action(base + "/note"), Attribute("novalidate", nil)) {
                CSRFField(token: context.csrfToken)
                TextArea(id: Field.note, name: Field.note, label: texts.noteLabel, value: form.value(Field.note),
                         error: form.error(for: Field.note), rows: 4)
                Node.div(.class("button-row")) { Node.button(.type("submit"), .class("button button--secondary"), text: texts.noteButton) }
            }

            Node.h2(texts.closeTitle)
            if let closedAt = supportCase.closedAt {
                Node.p(texts.closedWith(SupportTime.long(closedAt, texts), supportCase.closeOutcome.map(texts.outcomeLabel) ?? ""))
                Node.form(.method("post"), .action(base + "/reopen")) {
                    CSRFField(token: context.csrfToken)
                    Node.div(.class("button-row")) { Node.button(.type("submit"), .class("button button--secondary"), text: texts.reopenButton) }
                }
            } else {
                Node.form(.method("post"), .action(base + "/close"), Attribute("novalidate", nil)) {
                    CSRFField(token: context.csrfToken)
                    ChoiceGroup(id: Field.outcome, name: Field.outcome, legend: texts.outcomeLegend,
                                choices: CloseOutcome.allCases.map { Choice(value: $0.rawValue, label: texts.outcomeLabel($0)) },
                                selected: form.all(Field.outcome), error: form.error(for: Field.outcome))
                    Node.div(.class("button-row")) { Node.button(.type("submit"), .class("button button--secondary"), text: texts.closeButton) }
                }
            }

            let others = teams.filter { $0.id != supportCase.teamID }
            if !others.isEmpty {
                Node.h2(texts.moveTitle)
                Node.form(.method("post"), .action(base + "/move"), Attribute("novalidate", nil)) {
                    CSRFField(token: context.csrfToken)
                    ChoiceGroup(id: Field.team, name: Field.team, legend: texts.moveLabel, hint: texts.moveHint,
                                choices: others.map { Choice(value: $0.id.uuidString.lowercased(), label: $0.name) },
                                selected: form.all(Field.team), error: form.error(for: Field.team))
                    Node.div(.class("button-row")) { Node.button(.type("submit"), .class("button button--secondary"), text: texts.moveButton) }
                }
            }

            Node.h2(texts.logTitle)
            Node.ul(.class("case-log")) {
                for event in supportCase.events {
                    Node.li {
                        Node.time(.datetime(SupportTime.machine(event.at)), text: SupportTime.short(event.at, texts))
                        ": " + texts.eventLabel(event.action)
                        if let name = event.authorName { " (\(name))" }
                    }
                }
            }
        }
    }

    static func statusLine(_ supportCase: SupportCase, texts: SupportTexts, calendar: WorkingCalendar, now: Date) -> String {
        if let contact = supportCase.firstContactAt {
            let when = SupportTime.long(contact, texts)
            return contact <= supportCase.deadlineAt ? texts.contactOnTime(when) : texts.contactLate(when)
        }
        if supportCase.isClosed { return texts.statusLabel(.closed) }
        let left = WorkingTimeLeft(deadline: supportCase.deadlineAt, now: now, calendar: calendar)
        return texts.caseWaiting(SupportTime.long(supportCase.deadlineAt, texts), left.text(texts))
    }
}
