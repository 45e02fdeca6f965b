import Foundation
import HTML
import HTTP

/// The employee's start page: proposals waiting for them, what they agreed to, their talks.
enum MinePage {
    static func render(_ context: RequestContext, talks: [Talk], outcomes: [ProposedOutcome], notice: String?) -> HTTPResponse {
        let texts = context.texts.mine
        let pending = outcomes.filter { $0.confirmedAt == nil }
        let confirmed = outcomes.filter { $0.confirmedAt != nil }
        return context.page(texts.title) {
            Node.h1(texts.title)
            if let notice { Notice(message: notice) }
            if !pending.isEmpty {
                Node.h2(texts.pendingHeading)
                Node.p(texts.pendingIntro)
                Node.ul {
                    for outcome in pending {
                        Node.li {
                            Node.strong(texts.outcomeKind(outcome.kind))
                            Node.br()
                            texts.proposedOn(Stockholm.day(outcome.proposedAt).description, Stockholm.day(outcome.expiresAt).description)
                            Node.br()
                            Node.a(.href("/mine/proposals/\(outcome.id.lowercased)"), text: texts.answerLink)
                        }
                    }
                }
            }
            if !confirmed.isEmpty {
                Node.h2(texts.confirmedHeading)
                Node.ul {
                    for outcome in confirmed {
                        Node.li {
                            Node.strong(texts.outcomeKind(outcome.kind))
                            Node.br()
                            texts.confirmedOn(Stockholm.day(outcome.confirmedAt ?? outcome.proposedAt).description)
                            Node.br()
                            Node.a(.href("/mine/outcomes/\(outcome.id.lowercased)/withdraw"), text: texts.withdrawLink)
                        }
                    }
                }
            }
            Node.h2(texts.talksHeading)
            if talks.isEmpty {
                Node.p(texts.noTalks)
            } else {
                Node.div(.class("table-wrap"), .role("region"), .tabindex(0), .aria("label", texts.talksCaption)) {
                    Node.table {
                        Node.caption(texts.talksCaption)
                        Node.thead {
                            Node.tr {
                                Node.th(.scope("col"), text: texts.periodColumn)
                                Node.th(.scope("col"), text: texts.talkColumn)
                                Node.th(.scope("col"), text: texts.questionColumn)
                            }
                        }
                        Node.tbody {
                            for talk in talks {
                                Node.tr {
                                    Node.td(talk.cycleName)
                                    Node.td(talk.heldOn.map { texts.heldOn($0.description) }
                                            ?? talk.plannedAt.map { texts.plannedFor(Stockholm.dateAndTime($0)) } ?? "")
                                    Node.td(talk.heldOn == nil ? texts.notHeldYet : (talk.questionAsked == true ? texts.recordedAsked : texts.recordedNotAsked))
                                }
                            }
                        }
                    }
                }
            }
            Node.p(texts.answerIsYours)
            Node.h2(texts.storedHeading)
            Node.p(texts.storedIntro)
            Node.ul {
                Node.li { Node.a(.href("/mine/data"), text: texts.storedLink) }
                Node.li { Node.a(.href("/mine/data.json"), Attribute("download", "mina-uppgifter.json"), text: texts.downloadLink) }
            }
            Node.h2(texts.supportHeading)
            Node.p { texts.supportText + " "; Node.a(.href("/stod"), text: context.texts.common.navContact) }
        }
    }

    static func noPerson(_ context: RequestContext) -> HTTPResponse {
        context.message(context.texts.mine.title, context.texts.mine.noPerson)
    }
}

/// Confirming (with contact wishes) or declining a proposed outcome.
enum ConfirmPage {
    static func render(_ context: RequestContext, outcome: ProposedOutcome, form: FormState, status: HTTPStatus = .ok) -> HTTPResponse {
        let texts = context.texts.mine
        let base = "/mine/proposals/\(outcome.id.lowercased)"
        return context.page(texts.title, status: status) {
            Node.p { Node.a(.href("/mine"), text: texts.backToMine) }
            Node.h1(texts.confirmTitle)
            ErrorSummary(errors: form.errors, texts: context.texts.common)
            Node.p(.class("lead"), text: texts.confirmIntro(texts.outcomeKind(outcome.kind)))
            for paragraph in texts.confirmExplanation { Node.p(paragraph) }
            Node.form(.method("post"), .action(base + "/confirm"), Attribute("novalidate", nil)) {
                CSRFField(token: context.csrfToken)
                ContactWishesFields(form: form, texts: context.texts.intake, asksForMessage: false)
                Node.div(.class("button-row")) {
                    Node.button(.type("submit"), .class("button"), text: texts.confirmButton)
                }
            }
            Node.h2(texts.declineHeading)
            Node.p(texts.declineText)
            Node.form(.method("post"), .action(base + "/decline")) {
                CSRFField(token: context.csrfToken)
                Node.div(.class("button-row")) {
                    Node.button(.type("submit"), .class("button button--secondary"), text: texts.declineButton)
                }
            }
        }
    }
}

/// Withdrawing consent to a confirmed outcome.
enum WithdrawPage {
    static func render(_ context: RequestContext, outcome: ProposedOutcome) -> HTTPResponse {
        let texts = context.texts.mine
        return context.page(texts.title) {
            Node.p { Node.a(.href("/mine"), text: texts.backToMine) }
            Node.h1(texts.withdrawTitle)
            Node.p(.class("lead"), text: texts.withdrawIntro(texts.outcomeKind(outcome.kind)))
            Node.p(texts.withdrawText)
            Node.form(.method("post"), .action("/mine/outcomes/\(outcome.id.lowercased)/withdraw")) {
                CSRFField(token: context.csrfToken)
                Node.div(.class("button-row")) {
                    Node.button(.type("submit"), .class("button button--warning"), text: texts.withdrawButton)
                    Node.a(.href("/mine"), text: context.texts.common.cancel)
                }
            }
        }
    }
}

/// "What is stored about me": every row, readable, with the JSON download.
enum StoredDataPage {
    static func render(_ context: RequestContext, data: StoredData) -> HTTPResponse {
        let texts = context.texts.mine
        let common = context.texts.common
        func yesNo(_ value: Bool) -> String { value ? common.yes : common.no }
        func time(_ date: Date?) -> String { date.map(Stockholm.dateAndTime) ?? "–" }
        return context.page(texts.storedTitle) {
            Node.p { Node.a(.href("/mine"), text: texts.backToMine) }
            Node.h1(texts.storedTitle)
            Node.p(.class("lead"), text: texts.storedLead)
            Node.p { Node.a(.href("/mine/data.json"), Attribute("download", "mina-uppgifter.json"), .class("button"), text: texts.downloadLink) }

            Node.h2(texts.personHeading)
            if let person = data.person {
                Node.dl(.class("summary-list")) {
                    Node.dt(texts.hrIDLabel); Node.dd(person.hrID)
                    Node.dt(texts.nameLabel); Node.dd(person.name)
                    Node.dt(texts.emailLabel); Node.dd(person.workEmail ?? "–")
                    Node.dt(texts.unitLabel); Node.dd(person.unit)
                    Node.dt(texts.managerLabel); Node.dd(yesNo(person.hasManager))
                    Node.dt(texts.hireLabel); Node.dd(person.hireDate)
                    Node.dt(texts.endLabel); Node.dd(person.endDate ?? "–")
                    Node.dt(texts.protectedLabel); Node.dd(yesNo(person.protectedIdentity))
                    Node.dt(texts.activeLabel); Node.dd(yesNo(person.active))
                    Node.dt(texts.updatedLabel); Node.dd(time(person.updatedAt))
                }
                Node.p(texts.personSource)
            } else {
                Node.p(texts.nothing)
            }

            Node.h2(texts.accountHeading)
            if let account = data.account {
                Node.dl(.class("summary-list")) {
                    Node.dt(texts.loginLabel); Node.dd(account.login)
                    Node.dt(texts.displayNameLabel); Node.dd(account.displayName)
                    Node.dt(texts.languageLabel); Node.dd(account.language)
                    Node.dt(texts.rolesLabel); Node.dd(account.roles.joined(separator: ", "))
                    Node.dt(texts.createdLabel); Node.dd(time(account.createdAt))
                    Node.dt(texts.failedLoginsLabel); Node.dd(String(account.failedLogins))
                    Node.dt(texts.passwordLabel); Node.dd(texts.passwordNote(account.hasPassword))
                }
            }
            Node.h3(texts.sessionsHeading)
            Node.ul {
                for session in data.sessions {
                    Node.li(texts.session(time(session.createdAt), time(session.lastSeenAt), time(session.expiresAt)))
                }
            }

            Node.h2(texts.talksHeading)
            if data.talks.isEmpty { Node.p(texts.nothing) }
            Node.ul {
                for talk in data.talks {
                    Node.li(texts.talkLine(talk.period, talk.plannedAt.map(Stockholm.dateAndTime), talk.heldOn, talk.questionAsked,
                                           talk.notAskedReason.flatMap(NotAskedReason.init(rawValue:)).map(context.texts.team.reason)))
                }
            }

            Node.h2(texts.outcomesHeading)
            if data.proposals.isEmpty { Node.p(texts.nothing) }
            Node.ul {
                for proposal in data.proposals {
                    Node.li(texts.proposalLine(OutcomeKind(rawValue: proposal.kind).map(texts.outcomeKind) ?? proposal.kind,
                                               time(proposal.proposedAt), proposal.confirmedAt.map(time)))
                }
            }

            Node.h2(texts.requestsHeading)
            if data.supportRequests.isEmpty { Node.p(texts.nothing) }
            Node.ul {
                for request in data.supportRequests {
                    Node.li(texts.requestLine(time(request.receivedAt), request.status, request.channel, request.messages))
                }
            }
            if !data.supportRequests.isEmpty { Node.p(texts.requestsNote) }

            Node.h2(texts.auditHeading)
            Node.p(texts.auditIntro)
            if data.auditEvents.isEmpty { Node.p(texts.nothing) }
            Node.ul(.class("report-list")) {
                for event in data.auditEvents {
                    Node.li(texts.auditLine(time(event.at), event.action, event.byMe, event.actorRole ?? "–"))
                }
            }
        }
    }
}
