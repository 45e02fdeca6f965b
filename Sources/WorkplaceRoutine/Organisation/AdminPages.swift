import Foundation
import HTML
import HTTP
import Postgres

/// The administration start page: the organisation at a glance, the HR import and recent runs.
enum AdminPage {
    struct Run {
        let id: UUID
        let startedAt: Date
        let status: String
        let dryRun: Bool
        let total: Int
        let added: Int
        let updated: Int
        let deactivated: Int
        let errors: Int
    }

    static func render(_ context: RequestContext, _ transaction: PostgresTransaction, importForm form: FormState,
                       status: HTTPStatus = .ok) async throws -> HTTPResponse {
        let texts = context.texts.admin
        let (active, inactive, units) = try await transaction.query("""
            SELECT (SELECT count(*) FROM org.person_directory WHERE active)::bigint,
                   (SELECT count(*) FROM org.person_directory WHERE NOT active)::bigint,
                   (SELECT count(*) FROM org.unit WHERE organisation_id = (SELECT app.organisation_id()) AND active)::bigint
            """).first!.decode((Int, Int, Int).self)
        let runs = try await transaction.query("""
            SELECT id, started_at, status, dry_run, total_rows, added, updated, deactivated, error_count
            FROM org.import_run ORDER BY started_at DESC LIMIT 10
            """).map { row in
            let (id, started, status, dryRun, total, added, updated, deactivated, errors) =
                try row.decode((UUID, Date, String, Bool, Int32, Int32, Int32, Int32, Int32).self)
            return Run(id: id, startedAt: started, status: status, dryRun: dryRun, total: Int(total), added: Int(added),
                       updated: Int(updated), deactivated: Int(deactivated), errors: Int(errors))
        }
        return context.page(texts.title, status: status) {
            Node.h1(texts.title)
            Node.p(.class("panel"), text: texts.organisationCounts(active, inactive, units))
            Node.ul {
                Node.li { Node.a(.href("/admin/settings"), text: texts.settingsTitle) }
                Node.li { Node.a(.href("/admin/resources"), text: texts.resourcesTitle) }
                Node.li { Node.a(.href("/admin/cycles"), text: texts.cyclesTitle) }
                Node.li { Node.a(.href("/admin/sign-in"), text: context.texts.signIn.adminTitle) }
            }

            Node.h2(texts.importHeading)
            ErrorSummary(errors: form.errors, texts: context.texts.common)
            for paragraph in texts.importIntro { Node.p(paragraph) }
            Node.details {
                Node.summary(texts.columnsSummary)
                Node.ul {
                    for field in ImportField.allCases {
                        Node.li(texts.columnLine(field.rawValue, texts.fieldName(field.rawValue), field.isRequired))
                    }
                }
                Node.p(texts.columnsNote)
            }
            Node.form(.method("post"), .action("/admin/import"), .enctype("multipart/form-data"), .data("upload", "")) {
                CSRFField(token: context.csrfToken)
                Node.div(.class("field", form.error(for: "file") == nil ? "" : "field--error")) {
                    Node.label(.for("file"), .class("field__label"), text: texts.fileLabel)
                    Node.p(.id("file-hint"), .class("field__hint"), text: texts.fileHint)
                    if let error = form.error(for: "file") { FieldErrorMessage(id: "file", error: error) }
                    Node.void(name: "input", attributes: [.id("file"), .name("file"), .type("file"), .accept(".csv,.json,text/csv,application/json"),
                                                          .required, .class("input")] + describedBy(id: "file", hint: true, error: form.error(for: "file") != nil))
                }
                ChoiceGroup(id: "full", name: "full", legend: texts.optionsLegend,
                            choices: [Choice(value: "1", label: texts.fullChoice, hint: texts.fullHint)],
                            selected: form.all("full"), kind: .checkbox)
                ChoiceGroup(id: "dry_run", name: "dry_run", legend: texts.dryRunLegend,
                            choices: [Choice(value: "1", label: texts.dryRunChoice, hint: texts.dryRunHint)],
                            selected: form.all("dry_run"), kind: .checkbox)
                Node.progress(.id("upload-progress"), .value("0"), .max("100"), .hidden, .aria("label", texts.uploadProgress)) {}
                Node.p(.class("field__hint"), .data("upload-status", ""), .aria("live", "polite")) {}
                Node.div(.class("button-row")) {
                    Node.button(.type("submit"), .class("button"), text: texts.importButton)
                }
            }

            Node.h2(texts.runsHeading)
            if runs.isEmpty {
                Node.p(texts.noRuns)
            } else {
                Node.div(.class("table-wrap"), .role("region"), .tabindex(0), .aria("label", texts.runsCaption)) {
                    Node.table {
                        Node.caption(texts.runsCaption)
                        Node.thead {
                            Node.tr {
                                Node.th(.scope("col"), text: texts.startedColumn)
                                Node.th(.scope("col"), text: texts.outcomeColumn)
                                Node.th(.scope("col"), .class("number"), text: texts.rowsColumn)
                                Node.th(.scope("col"), .class("number"), text: texts.addedLabel)
                                Node.th(.scope("col"), .class("number"), text: texts.updatedLabel)
                                Node.th(.scope("col"), .class("number"), text: texts.deactivatedLabel)
                            }
                        }
                        Node.tbody {
                            for run in runs {
                                Node.tr {
                                    Node.td { Node.a(.href("/admin/import/\(run.id.lowercased)"), text: Stockholm.dateAndTime(run.startedAt)) }
                                    Node.td(texts.status(run.status, run.errors))
                                    Node.td(.class("number"), text: String(run.total))
                                    Node.td(.class("number"), text: String(run.added))
                                    Node.td(.class("number"), text: String(run.updated))
                                    Node.td(.class("number"), text: String(run.deactivated))
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// One import run: its outcome, counts, and the per-row report (codes turned into words).
enum ImportRunPage {
    static func render(_ context: RequestContext,
                       run: (outcome: ImportOutcome, startedAt: Date, dryRun: Bool, full: Bool, source: ImportSource)) -> HTTPResponse {
        let texts = context.texts.admin
        let outcome = run.outcome
        return context.page(texts.runTitle) {
            Node.p { Node.a(.href("/admin"), text: texts.backToAdmin) }
            Node.h1(texts.runTitle)
            switch outcome.status {
            case .applied: Notice(message: texts.appliedText)
            case .previewed: Node.p(.class("panel panel--important"), text: texts.previewedText)
            default: Node.p(.class("panel panel--important"), text: texts.rejectedText(outcome.errorCount))
            }
            Node.dl(.class("summary-list")) {
                Node.dt(texts.startedColumn); Node.dd(Stockholm.dateAndTime(run.startedAt))
                Node.dt(texts.sourceLabel); Node.dd(run.source.rawValue.uppercased())
                Node.dt(texts.modeLabel); Node.dd(run.full ? texts.fullChoice : texts.partialMode)
                Node.dt(texts.rowsColumn); Node.dd(String(outcome.totalRows))
                if outcome.status != .rejected {
                    Node.dt(outcome.status == .previewed ? texts.wouldAddLabel : texts.addedLabel); Node.dd(String(outcome.added))
                    Node.dt(outcome.status == .previewed ? texts.wouldUpdateLabel : texts.updatedLabel); Node.dd(String(outcome.updated))
                    Node.dt(outcome.status == .previewed ? texts.wouldDeactivateLabel : texts.deactivatedLabel); Node.dd(String(outcome.deactivated))
                    Node.dt(texts.reactivatedLabel); Node.dd(String(outcome.reactivated))
                }
            }
            if !outcome.problems.isEmpty {
                Node.h2(texts.problemsHeading)
                if outcome.errorCount > outcome.problems.count {
                    Node.p(texts.problemsTruncated(outcome.problems.count, outcome.errorCount))
                }
                Node.div(.class("table-wrap"), .role("region"), .tabindex(0), .aria("label", texts.problemsCaption)) {
                    Node.table {
                        Node.caption(texts.problemsCaption)
                        Node.thead {
                            Node.tr {
                                Node.th(.scope("col"), .class("number"), text: texts.lineColumn)
                                Node.th(.scope("col"), text: texts.fieldColumn)
                                Node.th(.scope("col"), text: texts.problemColumn)
                            }
                        }
                        Node.tbody {
                            for problem in outcome.problems {
                                Node.tr(.data("reason", problem.reason.rawValue)) {
                                    Node.td(.class("number"), text: problem.line == 0 ? "–" : String(problem.line))
                                    Node.td(texts.fieldName(problem.field))
                                    Node.td(texts.reason(problem.reason))
                                }
                            }
                        }
                    }
                }
            }
            Node.p { Node.a(.href("/admin"), text: texts.importAgain) }
        }
    }
}

/// The routine's settings of the organisation.
enum SettingsPage {
    static func render(_ context: RequestContext, form: FormState, notice: String?, status: HTTPStatus = .ok) -> HTTPResponse {
        let texts = context.texts.admin
        return context.page(texts.settingsTitle, status: status) {
            Node.p { Node.a(.href("/admin"), text: texts.backToAdmin) }
            Node.h1(texts.settingsTitle)
            if let notice { Notice(message: notice) }
            ErrorSummary(errors: form.errors, texts: context.texts.common)
            Node.form(.method("post"), .action("/admin/settings"), Attribute("novalidate", nil)) {
                CSRFField(token: context.csrfToken)
                TextField(id: "new_hire_days", name: "new_hire_days", label: texts.newHireDaysLabel, hint: texts.newHireDaysHint,
                          value: form.value("new_hire_days"), error: form.error(for: "new_hire_days"), inputmode: "numeric", maxlength: 3,
                          extraClass: "field--short")
                TextField(id: "correction_days", name: "correction_days", label: texts.correctionDaysLabel, hint: texts.correctionDaysHint,
                          value: form.value("correction_days"), error: form.error(for: "correction_days"), inputmode: "numeric", maxlength: 2,
                          extraClass: "field--short")
                TextField(id: "proposal_expiry_days", name: "proposal_expiry_days", label: texts.expiryDaysLabel, hint: texts.expiryDaysHint,
                          value: form.value("proposal_expiry_days"), error: form.error(for: "proposal_expiry_days"), inputmode: "numeric",
                          maxlength: 2, extraClass: "field--short")
                Node.div(.class("button-row")) { Node.button(.type("submit"), .class("button"), text: context.texts.common.save) }
            }
        }
    }
}

/// The support resources shown in the guide, with a form to add one.
enum ResourcesPage {
    static func render(_ context: RequestContext, resources: [SupportContact], form: FormState, notice: String?,
                       status: HTTPStatus = .ok) -> HTTPResponse {
        let texts = context.texts.admin
        return context.page(texts.resourcesTitle, status: status) {
            Node.p { Node.a(.href("/admin"), text: texts.backToAdmin) }
            Node.h1(texts.resourcesTitle)
            if let notice { Notice(message: notice) }
            Node.p(texts.resourcesIntro)
            Node.ul(.class("resource-list")) {
                for resource in resources {
                    Node.li {
                        Node.strong(resource.name(context.language))
                        if let phone = resource.phone { " – " + phone }
                        Node.br()
                        Node.a(.href("/admin/resources/\(resource.id.lowercased)"), text: texts.editResource(resource.name(context.language)))
                    }
                }
            }
            Node.h2(texts.addResourceHeading)
            ErrorSummary(errors: form.errors, texts: context.texts.common)
            Node.form(.method("post"), .action("/admin/resources"), Attribute("novalidate", nil)) {
                CSRFField(token: context.csrfToken)
                ResourceFields(form: form, texts: texts)
                Node.div(.class("button-row")) { Node.button(.type("submit"), .class("button"), text: texts.addResourceButton) }
            }
        }
    }
}

/// Editing or deleting one support resource.
enum ResourcePage {
    static func render(_ context: RequestContext, resource: SupportContact, form: FormState, status: HTTPStatus = .ok) -> HTTPResponse {
        let texts = context.texts.admin
        let path = "/admin/resources/\(resource.id.lowercased)"
        return context.page(texts.resourcesTitle, status: status) {
            Node.p { Node.a(.href("/admin/resources"), text: texts.backToResources) }
            Node.h1(resource.name(context.language))
            ErrorSummary(errors: form.errors, texts: context.texts.common)
            Node.form(.method("post"), .action(path), Attribute("novalidate", nil)) {
                CSRFField(token: context.csrfToken)
                ResourceFields(form: form, texts: texts)
                Node.div(.class("button-row")) { Node.button(.type("submit"), .class("button"), text: context.texts.common.save) }
            }
            Node.form(.method("post"), .action(path + "/delete")) {
                CSRFField(token: context.csrfToken)
                Node.div(.class("button-row")) {
                    Node.button(.type("submit"), .class("button button--warning"), text: texts.deleteResource)
                }
            }
        }
    }
}

/// The fields of a support resource.
struct ResourceFields: Component {
    let form: FormState
    let texts: AdminTexts

    var body: [Node] {
        SelectField(id: "kind", name: "kind", label: texts.resourceKindLabel,
                    choices: SupportContact.Kind.allCases.map { Choice(value: $0.rawValue, label: texts.resourceKind($0)) },
                    selected: form.value("kind"), error: form.error(for: "kind"))
        TextField(id: "name_sv", name: "name_sv", label: texts.nameSwedishLabel, value: form.value("name_sv"),
                  error: form.error(for: "name_sv"), maxlength: 200)
        TextField(id: "name_en", name: "name_en", label: texts.nameEnglishLabel, value: form.value("name_en"),
                  error: form.error(for: "name_en"), maxlength: 200)
        TextField(id: "phone", name: "phone", label: texts.phoneLabel, hint: texts.phoneHint, value: form.value("phone"),
                  error: form.error(for: "phone"), type: "tel", maxlength: 30)
        TextArea(id: "description_sv", name: "description_sv", label: texts.descriptionSwedishLabel, value: form.value("description_sv"),
                 error: form.error(for: "description_sv"), maxlength: 2000, rows: 3)
        TextArea(id: "description_en", name: "description_en", label: texts.descriptionEnglishLabel, value: form.value("description_en"),
                 error: form.error(for: "description_en"), maxlength: 2000, rows: 3)
        TextField(id: "url", name: "url", label: texts.urlLabel, hint: texts.urlHint, value: form.value("url"),
                  error: form.error(for: "url"), type: "url", maxlength: 500)
        TextField(id: "position", name: "position", label: texts.positionLabel, hint: texts.positionHint, value: form.value("position"),
                  error: form.error(for: "position"), inputmode: "numeric", maxlength: 4, extraClass: "field--short")
    }
}

/// The organisation's cycles, with a form to add one.
enum CyclesPage {
    static func render(_ context: RequestContext, cycles: [Cycle], form: FormState, notice: String?, status: HTTPStatus = .ok) -> HTTPResponse {
        let texts = context.texts.admin
        let team = context.texts.team
        return context.page(texts.cyclesTitle, status: status) {
            Node.p { Node.a(.href("/admin"), text: texts.backToAdmin) }
            Node.h1(texts.cyclesTitle)
            if let notice { Notice(message: notice) }
            Node.p(texts.cyclesIntro)
            Node.ul {
                for cycle in cycles { Node.li(team.cycleLine(cycle.name, cycle.startsOn.description, cycle.endsOn.description)) }
            }
            Node.h2(texts.addCycleHeading)
            ErrorSummary(errors: form.errors, texts: context.texts.common)
            Node.form(.method("post"), .action("/admin/cycles"), Attribute("novalidate", nil)) {
                CSRFField(token: context.csrfToken)
                TextField(id: "name", name: "name", label: texts.cycleNameLabel, hint: texts.cycleNameHint, value: form.value("name"),
                          error: form.error(for: "name"), maxlength: 50, extraClass: "field--short")
                TextField(id: "starts_on", name: "starts_on", label: texts.startsOnLabel, hint: team.dateHint, value: form.value("starts_on"),
                          error: form.error(for: "starts_on"), inputmode: "numeric", maxlength: 10, extraClass: "field--short")
                TextField(id: "ends_on", name: "ends_on", label: texts.endsOnLabel, hint: team.dateHint, value: form.value("ends_on"),
                          error: form.error(for: "ends_on"), inputmode: "numeric", maxlength: 10, extraClass: "field--short")
                Node.div(.class("button-row")) { Node.button(.type("submit"), .class("button"), text: texts.addCycleButton) }
            }
        }
    }
}
