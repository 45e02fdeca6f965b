import Foundation
import HTML
import HTTP

/// The manager's team in a cycle: who is due the question, by when, and where each person stands;
/// and the form that plans one date for many at once. Page titles stay neutral (they show up in
/// browser history); names appear only in the page body.
enum TeamPage {
    static func render(_ context: RequestContext, cycle: Cycle, cycles: [Cycle], team: [TeamMember], form: FormState,
                       notice: String?, status: HTTPStatus = .ok) -> HTTPResponse {
        let texts = context.texts.team
        let due = team.filter { $0.status != .notDue }
        let asked = team.filter { $0.status == .asked }
        return context.page(texts.teamTitle, status: status) {
            Node.h1(texts.teamTitle)
            if let notice { Notice(message: notice) }
            ErrorSummary(errors: form.errors, texts: context.texts.common)
            Node.p(.class("lead"), text: texts.teamIntro)
            Node.p { Node.a(.href("/guide"), text: texts.readGuide) }
            CycleSwitch(cycles: cycles, current: cycle, path: "/team", texts: texts)
            Node.p(texts.cycleLine(cycle.name, cycle.startsOn.description, cycle.endsOn.description))
            Node.p(.class("panel"), text: texts.askedCount(asked.count, due.count))
            if team.isEmpty {
                Node.p(texts.noReports)
            } else {
                Node.form(.method("post"), .action("/team/plan"), Attribute("novalidate", nil)) {
                    CSRFField(token: context.csrfToken)
                    Node.input(.type("hidden"), .name("cycle"), .value(cycle.id.lowercased))
                    Node.div(.class("table-wrap"), .role("region"), .tabindex(0), .aria("label", texts.teamCaption)) {
                        Node.table {
                            Node.caption(texts.teamCaption)
                            Node.thead {
                                Node.tr {
                                    Node.th(.scope("col")) { Node.span(.class("visually-hidden"), text: texts.chooseColumn) }
                                    Node.th(.scope("col"), text: texts.nameColumn)
                                    Node.th(.scope("col"), text: texts.unitColumn)
                                    Node.th(.scope("col"), text: texts.dueColumn)
                                    Node.th(.scope("col"), text: texts.statusColumn)
                                }
                            }
                            Node.tbody {
                                for (index, member) in team.enumerated() {
                                    row(member, index: index, form: form, cycle: cycle, texts: texts)
                                }
                            }
                        }
                    }
                    Node.fieldset(.class("fieldset panel")) {
                        Node.legend(.class("field__legend"), text: texts.planManyLegend)
                        Node.p(.class("field__hint"), text: texts.planManyHint)
                        PlanFields(form: form, texts: texts)
                        Node.div(.class("button-row")) {
                            Node.button(.type("submit"), .class("button"), text: texts.planManyButton)
                        }
                    }
                }
            }
        }
    }

    private static func row(_ member: TeamMember, index: Int, form: FormState, cycle: Cycle, texts: TeamTexts) -> Node {
        let id = index == 0 ? "person" : "person-\(index + 1)"
        let plannable = member.status != .asked && member.status != .notDue
        return Node.tr {
            Node.td {
                if plannable {
                    Node.div(.class("choice")) {
                        Node.void(name: "input", attributes: [.id(id), .name("person"), .type("checkbox"), .value(member.personID.lowercased),
                                                              .class("choice__input")]
                                  + (form.all("person").contains(member.personID.lowercased) ? [.checked] : []))
                        Node.label(.for(id), .class("choice__label")) {
                            Node.span(.class("visually-hidden"), text: texts.choose(member.name))
                        }
                    }
                }
            }
            Node.th(.scope("row")) {
                Node.a(.href("/team/\(member.personID.lowercased)?cycle=\(cycle.id.lowercased)"), text: member.name)
                if member.protectedIdentity {
                    " "
                    Node.span(.class("tag tag--neutral"), text: texts.protectedTag)
                }
            }
            Node.td(member.unitName)
            Node.td(member.dueOn?.description ?? texts.notDueThisCycle)
            Node.td { StatusCell(member: member, texts: texts) }
        }
    }
}

/// A status tag with its detail in words (a date, a reason), so colour never carries meaning alone.
struct StatusCell: Component {
    let member: TeamMember
    let texts: TeamTexts

    var body: [Node] {
        Node.span(.class("tag", member.status.tagClass), text: texts.status(member.status))
        if let planned = member.plannedAt, member.status == .planned || member.status == .overdue {
            Node.br()
            texts.plannedFor(Stockholm.dateAndTime(planned))
        }
        if member.status == .asked, let held = member.heldOn {
            Node.br()
            texts.heldOn(held.description)
        }
        if member.questionAsked == false, let reason = member.notAskedReason, member.status != .asked {
            Node.br()
            texts.notAskedBecause(member.heldOn?.description ?? "", texts.reason(reason))
        }
    }
}

/// Links to the organisation's other cycles.
struct CycleSwitch: Component {
    let cycles: [Cycle]
    let current: Cycle
    let path: String
    let texts: TeamTexts

    var body: [Node] {
        if cycles.count > 1 {
            Node.nav(.aria("label", texts.cyclesNavigation)) {
                Node.ul(.class("choices--inline")) {
                    for cycle in cycles {
                        Node.li {
                            Node.a(.href("\(path)?cycle=\(cycle.id.lowercased)"),
                                   cycle.id == current.id ? .aria("current", "page") : Attribute("data-cycle", cycle.name),
                                   text: texts.cycleLink(cycle.name))
                        }
                    }
                }
            }
        }
    }
}

/// Date and optional time of a planned talk.
struct PlanFields: Component {
    let form: FormState
    let texts: TeamTexts

    var body: [Node] {
        TextField(id: "date", name: "date", label: texts.dateLabel, hint: texts.dateHint, value: form.value("date"),
                  error: form.error(for: "date"), autocomplete: "off", inputmode: "numeric", maxlength: 10, extraClass: "field--short")
        TextField(id: "time", name: "time", label: texts.timeLabel, hint: texts.timeHint, value: form.value("time"),
                  error: form.error(for: "time"), autocomplete: "off", inputmode: "numeric", maxlength: 5, extraClass: "field--short")
    }
}

/// One person of the team: their status, planning, recording and the consented-outcome link.
enum PersonPage {
    static func render(_ context: RequestContext, cycle: Cycle, member: TeamMember, talks: [Talk], form: FormState,
                       notice: String?, status: HTTPStatus = .ok) -> HTTPResponse {
        let texts = context.texts.team
        let base = "/team/\(member.personID.lowercased)"
        let query = "?cycle=\(cycle.id.lowercased)"
        let held = talks.filter { $0.heldOn != nil }
        return context.page(texts.teamTitle, status: status) {
            Node.p { Node.a(.href("/team" + query), text: texts.backToTeam) }
            Node.h1(member.name)
            if member.protectedIdentity {
                Node.p(.class("panel panel--important"), text: texts.protectedNote)
            }
            if let notice { Notice(message: notice) }
            ErrorSummary(errors: form.errors, texts: context.texts.common)
            Node.dl(.class("summary-list")) {
                Node.dt(texts.unitColumn)
                Node.dd(member.unitName)
                Node.dt(texts.hiredLabel)
                Node.dd(member.hireDate.description)
                if let end = member.endDate {
                    Node.dt(texts.endsLabel)
                    Node.dd(end.description)
                }
                Node.dt(texts.dueColumn)
                Node.dd(member.dueOn.map { texts.dueIn($0.description, cycle.name) } ?? texts.notDueThisCycle)
                Node.dt(texts.statusColumn)
                Node.dd { StatusCell(member: member, texts: texts) }
            }

            Node.h2(texts.planHeading)
            if let planned = member.plannedAt {
                Node.p(texts.plannedFor(Stockholm.dateAndTime(planned)))
            }
            Node.form(.method("post"), .action(base + "/plan"), Attribute("novalidate", nil)) {
                CSRFField(token: context.csrfToken)
                Node.input(.type("hidden"), .name("cycle"), .value(cycle.id.lowercased))
                PlanFields(form: form, texts: texts)
                Node.div(.class("button-row")) {
                    Node.button(.type("submit"), .class("button"), text: member.openTalkID == nil ? texts.planButton : texts.moveButton)
                }
            }
            if member.openTalkID != nil {
                Node.form(.method("post"), .action(base + "/unplan")) {
                    CSRFField(token: context.csrfToken)
                    Node.input(.type("hidden"), .name("cycle"), .value(cycle.id.lowercased))
                    Node.div(.class("button-row")) {
                        Node.button(.type("submit"), .class("button button--secondary"), text: texts.unplanButton)
                    }
                }
            }

            Node.h2(texts.recordHeading)
            Node.p(texts.recordIntro)
            Node.p { Node.a(.href(base + "/record" + query), .class("button"), text: texts.recordLink) }

            if !held.isEmpty {
                Node.div(.class("table-wrap"), .role("region"), .tabindex(0), .aria("label", texts.talksCaption(cycle.name))) {
                    Node.table {
                        Node.caption(texts.talksCaption(cycle.name))
                        Node.thead {
                            Node.tr {
                                Node.th(.scope("col"), text: texts.heldColumn)
                                Node.th(.scope("col"), text: texts.questionColumn)
                                Node.th(.scope("col"), text: texts.correctionColumn)
                            }
                        }
                        Node.tbody {
                            for talk in held {
                                Node.tr {
                                    Node.td(talk.heldOn?.description ?? "")
                                    Node.td(talk.questionAsked == true ? texts.askedYes
                                            : texts.askedNoBecause(talk.notAskedReason.map(texts.reason) ?? ""))
                                    Node.td {
                                        if talk.isLocked() {
                                            texts.lockedSince(talk.locksAt.map(Stockholm.day)?.description ?? "")
                                        } else {
                                            Node.a(.href(base + "/record" + query + "&talk=\(talk.id.lowercased)"),
                                                   text: texts.correctUntil(talk.locksAt.map(Stockholm.dateAndTime) ?? ""))
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }

            Node.h2(texts.outcomeHeading)
            Node.p(texts.outcomeIntro)
            Node.p { Node.a(.href(base + "/outcome" + query), text: texts.outcomeLink) }
            Node.p { Node.a(.href("/guide"), text: texts.readGuide) }
        }
    }
}

/// Recording a held talk: the date, whether the question was asked, and if not, why — from a
/// fixed list. There is no text field on this page, by design.
enum RecordPage {
    static func render(_ context: RequestContext, cycle: Cycle, member: TeamMember, talk: Talk?, correctionDays: Int,
                       form: FormState, status: HTTPStatus = .ok) -> HTTPResponse {
        let texts = context.texts.team
        let base = "/team/\(member.personID.lowercased)"
        return context.page(texts.teamTitle, status: status) {
            Node.p { Node.a(.href(base + "?cycle=\(cycle.id.lowercased)"), text: texts.backTo(member.name)) }
            Node.h1(texts.recordTitle(member.name))
            ErrorSummary(errors: form.errors, texts: context.texts.common)
            Node.p(texts.recordExplanation)
            if let talk, talk.heldOn != nil, let locks = talk.locksAt {
                Node.p(.class("panel"), text: texts.correctingNote(Stockholm.dateAndTime(locks)))
            } else {
                Node.p(texts.lockNote(correctionDays))
            }
            Node.form(.method("post"), .action(base + "/record"), Attribute("novalidate", nil)) {
                CSRFField(token: context.csrfToken)
                Node.input(.type("hidden"), .name("cycle"), .value(cycle.id.lowercased))
                if let talk { Node.input(.type("hidden"), .name("talk"), .value(talk.id.lowercased)) }
                TextField(id: "held_on", name: "held_on", label: texts.heldOnLabel, hint: texts.dateHint, value: form.value("held_on"),
                          error: form.error(for: "held_on"), autocomplete: "off", inputmode: "numeric", maxlength: 10, extraClass: "field--short")
                ChoiceGroup(id: "asked", name: "asked", legend: texts.askedLegend,
                            choices: [Choice(value: "yes", label: texts.askedYesChoice), Choice(value: "no", label: texts.askedNoChoice)],
                            selected: form.all("asked"), error: form.error(for: "asked"))
                ChoiceGroup(id: "reason", name: "reason", legend: texts.reasonLegend, hint: texts.reasonHint,
                            choices: NotAskedReason.allCases.map { Choice(value: $0.rawValue, label: texts.reason($0)) },
                            selected: form.all("reason"), error: form.error(for: "reason"))
                Node.div(.class("button-row")) {
                    Node.button(.type("submit"), .class("button"), text: texts.saveRecord)
                    Node.a(.href("/guide"), text: texts.readGuide)
                }
            }
        }
    }

    static func locked(_ context: RequestContext, member: TeamMember, talk: Talk, status: HTTPStatus = .ok) -> HTTPResponse {
        let texts = context.texts.team
        return context.page(texts.teamTitle, status: status) {
            Node.p { Node.a(.href("/team/\(member.personID.lowercased)"), text: texts.backTo(member.name)) }
            Node.h1(texts.lockedTitle)
            Node.p(texts.lockedText(talk.locksAt.map(Stockholm.dateAndTime) ?? ""))
        }
    }
}

/// Proposing a consented outcome, with the employee present. After proposing the manager sees only
/// a neutral confirmation — never whether the employee confirmed, declined or let it expire.
enum OutcomePage {
    static func render(_ context: RequestContext, cycle: Cycle, member: TeamMember, expiryDays: Int, form: FormState,
                       status: HTTPStatus = .ok) -> HTTPResponse {
        let texts = context.texts.team
        let base = "/team/\(member.personID.lowercased)"
        return context.page(texts.teamTitle, status: status) {
            Node.p { Node.a(.href(base + "?cycle=\(cycle.id.lowercased)"), text: texts.backTo(member.name)) }
            Node.h1(texts.outcomeTitle)
            ErrorSummary(errors: form.errors, texts: context.texts.common)
            for paragraph in texts.outcomeExplanation(expiryDays) { Node.p(paragraph) }
            Node.form(.method("post"), .action(base + "/outcome"), Attribute("novalidate", nil)) {
                CSRFField(token: context.csrfToken)
                Node.input(.type("hidden"), .name("cycle"), .value(cycle.id.lowercased))
                ChoiceGroup(id: "kind", name: "kind", legend: texts.outcomeKindLegend(member.name),
                            choices: OutcomeKind.allCases.map { Choice(value: $0.rawValue, label: texts.outcomeKind($0)) },
                            selected: form.all("kind"), error: form.error(for: "kind"))
                ChoiceGroup(id: "present", name: "present", legend: texts.outcomePresentLegend,
                            choices: [Choice(value: "1", label: texts.outcomePresentChoice)],
                            selected: form.all("present"), error: form.error(for: "present"), kind: .checkbox)
                Node.div(.class("button-row")) {
                    Node.button(.type("submit"), .class("button"), text: texts.proposeButton)
                }
            }
        }
    }

    static func proposed(_ context: RequestContext, member: TeamMember, cycle: Cycle) -> HTTPResponse {
        let texts = context.texts.team
        return context.page(texts.teamTitle) {
            Node.h1(texts.proposedTitle)
            Notice(message: texts.proposedText)
            Node.p(texts.proposedMore)
            Node.p { Node.a(.href("/team/\(member.personID.lowercased)?cycle=\(cycle.id.lowercased)"), text: texts.backTo(member.name)) }
        }
    }
}
