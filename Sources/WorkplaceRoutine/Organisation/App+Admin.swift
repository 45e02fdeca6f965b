import Foundation
import HTML
import HTTP
import Observability
import Postgres

/// The administrator's pages: the HR import (upload with progress, and the JSON API), the import
/// runs with their per-row reports, the routine's settings, support resources and cycles. Every
/// handler acts as wr_admin of the administrator's organisation; people are read only through the
/// masked directory and written only through `org.import_people`.
extension App {
    /// Body limit of the import routes: room for well over 100,000 rows.
    static let importBodyLimit = 64 * 1024 * 1024

    func registerAdmin(_ router: inout Router) {
        router.get("/admin", authenticated(.admin) { context, transaction in
            try await AdminPage.render(context, transaction, importForm: AdminRequests.defaultImportForm(context))
        })

        // Without script the upload posts here; with script it goes by XMLHttpRequest and follows
        // the redirect. A GET (after a failed script upload) just shows the form again.
        router.get("/admin/import", authenticated(.admin) { _, _ in .redirect(to: "/admin") })

        router.post("/admin/import", bodyLimit: App.importBodyLimit, authenticated(.admin) { [self] context, transaction in
            var form = context.formState()
            let file = try context.request.multipart().first { $0.name == "file" && $0.filename != nil }
            guard let file, !file.body.isEmpty else {
                form.fail("file", context.texts.admin.fileMissing)
                return try await AdminPage.render(context, transaction, importForm: form, status: .unprocessableContent)
            }
            let source: ImportSource = (file.filename ?? "").lowercased().hasSuffix(".json") || file.contentType?.contains("json") == true
                ? .json : .csv
            let outcome = try await runImport(file.body, source: source, dryRun: form.value("dry_run") == "1",
                                              full: form.value("full") == "1", context: context, transaction)
            return .redirect(to: "/admin/import/\(outcome.runID.lowercased)")
        })

        router.get("/admin/import/:id", authenticated(.admin) { context, transaction in
            guard let id = context.request.pathParameters["id"].flatMap(UUID.init(uuidString:)),
                  let run = try await OrganisationImport.load(id, in: transaction) else {
                throw HTTPError(.notFound, code: "admin.importRun")
            }
            return ImportRunPage.render(context, run: run)
        })

        // The same import for scripts: a JSON document, the session's CSRF token in X-CSRF-Token.
        router.post("/admin/api/import", bodyLimit: App.importBodyLimit, authenticated(.admin) { [self] context, transaction in
            let options = AdminRequests.apiOptions(context.request)
            let outcome = try await runImport(context.request.body, source: .json, dryRun: options.dryRun, full: options.full,
                                              context: context, transaction)
            return try ImportAPIResponse(outcome, texts: context.texts.admin).response()
        })

        router.get("/admin/settings", authenticated(.admin) { context, transaction in
            SettingsPage.render(context, form: try await AdminRequests.settingsForm(context, transaction), notice: AdminRequests.notice(context))
        })
        router.post("/admin/settings", authenticated(.admin) { context, transaction in
            try await AdminRequests.saveSettings(context, transaction)
        })

        router.get("/admin/resources", authenticated(.admin) { context, transaction in
            ResourcesPage.render(context, resources: try await SupportContact.all(in: transaction), form: ResourceForm.empty(context),
                                 notice: AdminRequests.notice(context))
        })
        router.post("/admin/resources", authenticated(.admin) { context, transaction in
            try await AdminRequests.saveResource(nil, context, transaction)
        })
        router.get("/admin/resources/:id", authenticated(.admin) { context, transaction in
            let resource = try await AdminRequests.resource(context, transaction)
            return ResourcePage.render(context, resource: resource, form: ResourceForm.filled(context, resource))
        })
        router.post("/admin/resources/:id", authenticated(.admin) { context, transaction in
            try await AdminRequests.saveResource(try await AdminRequests.resource(context, transaction), context, transaction)
        })
        router.post("/admin/resources/:id/delete", authenticated(.admin) { context, transaction in
            let resource = try await AdminRequests.resource(context, transaction)
            _ = try await transaction.query("DELETE FROM org.support_resource WHERE id = \(resource.id)")
            _ = try await transaction.query("SELECT audit.record('support_resource.deleted', 'support_resource', \(resource.id), '{}')")
            return .redirect(to: "/admin/resources?saved=deleted")
        })

        router.get("/admin/cycles", authenticated(.admin) { context, transaction in
            CyclesPage.render(context, cycles: try await Cycle.all(in: transaction), form: context.formState(), notice: AdminRequests.notice(context))
        })
        router.post("/admin/cycles", authenticated(.admin) { context, transaction in
            try await AdminRequests.addCycle(context, transaction)
        })
    }

    /// Runs an import as the acting administrator and logs its outcome (counts only, never values).
    func runImport(_ bytes: [UInt8], source: ImportSource, dryRun: Bool, full: Bool, context: RequestContext,
                   _ transaction: PostgresTransaction) async throws -> ImportOutcome {
        let started = ContinuousClock.now
        let outcome = try await OrganisationImport.run(bytes, source: source, dryRun: dryRun, full: full, in: transaction)
        let elapsed = ContinuousClock.now - started
        logger.notice("organisation import", metadata: [
            "request.id": context.request.requestID, "import.run": outcome.runID.lowercased, "import.status": outcome.status.rawValue,
            "import.source": source.rawValue, "import.rows": String(outcome.totalRows), "import.added": String(outcome.added),
            "import.updated": String(outcome.updated), "import.deactivated": String(outcome.deactivated),
            "import.errors": String(outcome.errorCount),
            "duration.ms": String(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000),
        ])
        return outcome
    }
}

/// The JSON answer of the import API: the run, its counts and its problems with a readable text.
struct ImportAPIResponse: Encodable {
    struct Problem: Encodable {
        let line: Int
        let field: String
        let reason: String
        let message: String
    }

    let runId: String
    let status: String
    let totalRows: Int
    let added: Int
    let updated: Int
    let deactivated: Int
    let reactivated: Int
    let errorCount: Int
    let problems: [Problem]

    init(_ outcome: ImportOutcome, texts: AdminTexts) {
        runId = outcome.runID.lowercased
        status = outcome.status.rawValue
        totalRows = outcome.totalRows
        added = outcome.added
        updated = outcome.updated
        deactivated = outcome.deactivated
        reactivated = outcome.reactivated
        errorCount = outcome.errorCount
        problems = outcome.problems.map {
            Problem(line: $0.line, field: $0.field, reason: $0.reason.rawValue, message: texts.reason($0.reason))
        }
    }

    /// 200 when applied or previewed, 422 when the file was rejected.
    func response() throws -> HTTPResponse {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys]
        return try .json(self, status: status == ImportOutcome.Status.rejected.rawValue ? .unprocessableContent : .ok, encoder: encoder)
    }
}

/// The work behind the admin routes.
enum AdminRequests {
    /// The import form as it first appears: a full import, applied (not a dry run).
    static func defaultImportForm(_ context: RequestContext) -> FormState {
        var form = context.formState()
        form.values["full"] = ["1"]
        return form
    }

    /// `dry_run` and `full` of an API call: from the JSON object, else the query (`?dry_run=true`).
    static func apiOptions(_ request: HTTPRequest) -> (dryRun: Bool, full: Bool) {
        var dryRun = ImportValidator.flag(request.queryValue("dry_run") ?? "") ?? false
        var full = ImportValidator.flag(request.queryValue("full") ?? "") ?? true
        if let object = try? JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any] {
            if let value = object["dry_run"] as? Bool { dryRun = value }
            if let value = object["full"] as? Bool { full = value }
        }
        return (dryRun, full)
    }

    static func notice(_ context: RequestContext) -> String? {
        let texts = context.texts.admin
        switch context.request.queryValue("saved") {
        case "settings": return texts.savedSettings
        case "resource": return texts.savedResource
        case "deleted": return texts.deletedResource
        case "cycle": return texts.savedCycle
        default: return nil
        }
    }

    // MARK: Settings

    static let settingFields = ["new_hire_days", "correction_days", "proposal_expiry_days"]

    static func settingsForm(_ context: RequestContext, _ transaction: PostgresTransaction) async throws -> FormState {
        let row = try await transaction.query("""
            SELECT new_hire_days, correction_days, proposal_expiry_days FROM org.organisation WHERE id = (SELECT app.organisation_id())
            """).first!
        let (newHire, correction, expiry) = try row.decode((Int32, Int32, Int32).self)
        var form = context.formState()
        form.values = ["new_hire_days": [String(newHire)], "correction_days": [String(correction)], "proposal_expiry_days": [String(expiry)]]
        return form
    }

    static func saveSettings(_ context: RequestContext, _ transaction: PostgresTransaction) async throws -> HTTPResponse {
        let texts = context.texts.admin
        var form = context.formState()
        func number(_ name: String, _ range: ClosedRange<Int>) -> Int? {
            guard let value = Int(form.value(name).trimmingCharacters(in: .whitespaces)), range.contains(value) else {
                form.fail(name, texts.numberBetween(range.lowerBound, range.upperBound))
                return nil
            }
            return value
        }
        let newHire = number("new_hire_days", 7...365)
        let correction = number("correction_days", 1...90)
        let expiry = number("proposal_expiry_days", 1...90)
        guard form.isValid, let newHire, let correction, let expiry else {
            return SettingsPage.render(context, form: form, notice: nil, status: .unprocessableContent)
        }
        _ = try await transaction.query("""
            UPDATE org.organisation SET new_hire_days = \(Int32(newHire)), correction_days = \(Int32(correction)),
                   proposal_expiry_days = \(Int32(expiry))
            WHERE id = (SELECT app.organisation_id())
            """)
        _ = try await transaction.query("""
            SELECT audit.record('organisation.settings_changed', 'organisation', (SELECT app.organisation_id()),
                                jsonb_build_object('fields', \(settingFields)::text[]))
            """)
        return .redirect(to: "/admin/settings?saved=settings")
    }

    // MARK: Support resources

    static func resource(_ context: RequestContext, _ transaction: PostgresTransaction) async throws -> SupportContact {
        guard let id = context.request.pathParameters["id"].flatMap(UUID.init(uuidString:)),
              let resource = try await SupportContact.all(in: transaction).first(where: { $0.id == id }) else {
            throw HTTPError(.notFound, code: "admin.resource")
        }
        return resource
    }

    static func saveResource(_ existing: SupportContact?, _ context: RequestContext, _ transaction: PostgresTransaction) async throws -> HTTPResponse {
        var form = context.formState()
        guard let value = ResourceForm.validate(&form, texts: context.texts.admin) else {
            if let existing { return ResourcePage.render(context, resource: existing, form: form, status: .unprocessableContent) }
            return ResourcesPage.render(context, resources: try await SupportContact.all(in: transaction), form: form, notice: nil,
                                        status: .unprocessableContent)
        }
        do {
            try await transaction.transaction { savepoint in
                let id: UUID
                if let existing {
                    id = existing.id
                    _ = try await savepoint.query("""
                        UPDATE org.support_resource SET position = \(Int32(value.position)), kind = \(value.kind.rawValue),
                               name_sv = \(value.nameSwedish), name_en = \(value.nameEnglish), phone = \(value.phone),
                               description_sv = \(value.descriptionSwedish), description_en = \(value.descriptionEnglish), url = \(value.url)
                        WHERE id = \(existing.id)
                        """)
                } else {
                    id = try await savepoint.query("""
                        INSERT INTO org.support_resource (organisation_id, position, kind, name_sv, name_en, phone, description_sv, description_en, url)
                        VALUES ((SELECT app.organisation_id()), \(Int32(value.position)), \(value.kind.rawValue), \(value.nameSwedish),
                                \(value.nameEnglish), \(value.phone), \(value.descriptionSwedish), \(value.descriptionEnglish), \(value.url))
                        RETURNING id
                        """).first!.decode(UUID.self, column: 0)
                }
                _ = try await savepoint.query("""
                    SELECT audit.record(\(existing == nil ? "support_resource.created" : "support_resource.changed"), 'support_resource', \(id), '{}')
                    """)
            }
        } catch let error as PostgresError where error.sqlState == "23505" {
            form.fail("name_sv", context.texts.admin.resourceDuplicate)
            if let existing { return ResourcePage.render(context, resource: existing, form: form, status: .conflict) }
            return ResourcesPage.render(context, resources: try await SupportContact.all(in: transaction), form: form, notice: nil, status: .conflict)
        }
        return .redirect(to: "/admin/resources?saved=resource")
    }

    // MARK: Cycles

    static func addCycle(_ context: RequestContext, _ transaction: PostgresTransaction) async throws -> HTTPResponse {
        let texts = context.texts.admin
        let teamTexts = context.texts.team
        var form = context.formState()
        let cycles = try await Cycle.all(in: transaction)
        let name = form.value("name").trimmingCharacters(in: .whitespaces)
        if name.isEmpty { form.fail("name", texts.cycleNameMissing) } else if name.count > 50 { form.fail("name", texts.cycleNameTooLong) }
        func day(_ field: String) -> CalendarDay? {
            let text = form.value(field).trimmingCharacters(in: .whitespaces)
            if text.isEmpty { form.fail(field, teamTexts.dateMissing); return nil }
            guard let day = CalendarDay(iso: text) else { form.fail(field, teamTexts.dateInvalid); return nil }
            return day
        }
        let starts = day("starts_on")
        let ends = day("ends_on")
        if let starts, let ends {
            if ends <= starts {
                form.fail("ends_on", texts.cycleEndsBeforeStart)
            } else if let clash = cycles.first(where: { $0.startsOn <= ends && starts <= $0.endsOn }) {
                form.fail("starts_on", texts.cycleOverlaps(clash.name))
            }
        }
        guard form.isValid, let starts, let ends else {
            return CyclesPage.render(context, cycles: cycles, form: form, notice: nil, status: .unprocessableContent)
        }
        let id = try await transaction.query("""
            INSERT INTO routine.cycle (organisation_id, name, starts_on, ends_on)
            VALUES ((SELECT app.organisation_id()), \(name), \(starts.postgresDate), \(ends.postgresDate)) RETURNING id
            """).first!.decode(UUID.self, column: 0)
        _ = try await transaction.query("SELECT audit.record('cycle.created', 'cycle', \(id), '{}')")
        return .redirect(to: "/admin/cycles?saved=cycle")
    }
}

/// The support-resource form's values, validated.
struct ResourceForm {
    let position: Int
    let kind: SupportContact.Kind
    let nameSwedish: String
    let nameEnglish: String
    let phone: String?
    let descriptionSwedish: String
    let descriptionEnglish: String
    let url: String?

    static func empty(_ context: RequestContext) -> FormState {
        var form = context.formState()
        form.values = ["position": ["10"], "kind": ["other"]]
        return form
    }

    static func filled(_ context: RequestContext, _ resource: SupportContact) -> FormState {
        var form = context.formState()
        form.values = ["position": [String(resource.position)], "kind": [resource.kind.rawValue], "name_sv": [resource.nameSwedish],
                       "name_en": [resource.nameEnglish], "phone": [resource.phone ?? ""], "description_sv": [resource.descriptionSwedish],
                       "description_en": [resource.descriptionEnglish], "url": [resource.url ?? ""]]
        return form
    }

    static func validate(_ form: inout FormState, texts: AdminTexts) -> ResourceForm? {
        func text(_ name: String, limit: Int, required: Bool) -> String? {
            let value = form.value(name).trimmingCharacters(in: .whitespacesAndNewlines)
            if value.isEmpty {
                if required { form.fail(name, texts.resourceFieldMissing) }
                return nil
            }
            if value.unicodeScalars.count > limit { form.fail(name, texts.tooLong(limit)); return nil }
            return value
        }
        let position = Int(form.value("position").trimmingCharacters(in: .whitespaces))
        if position == nil || !(0...1000).contains(position!) { form.fail("position", texts.numberBetween(0, 1000)) }
        let kind = SupportContact.Kind(rawValue: form.value("kind"))
        if kind == nil { form.fail("kind", texts.resourceKindMissing) }
        let nameSV = text("name_sv", limit: 200, required: true)
        let nameEN = text("name_en", limit: 200, required: true)
        let phone = text("phone", limit: 30, required: false)
        if let phone, phone.range(of: "^[0-9 +()-]{2,30}$", options: .regularExpression) == nil { form.fail("phone", texts.phoneInvalid) }
        let descriptionSV = text("description_sv", limit: 2000, required: false) ?? ""
        let descriptionEN = text("description_en", limit: 2000, required: false) ?? ""
        let url = text("url", limit: 500, required: false)
        if let url, !url.hasPrefix("https://") || url.contains(where: { $0.isWhitespace }) { form.fail("url", texts.urlInvalid) }
        guard form.isValid, let position, let kind, let nameSV, let nameEN else { return nil }
        return ResourceForm(position: position, kind: kind, nameSwedish: nameSV, nameEnglish: nameEN, phone: phone,
                            descriptionSwedish: descriptionSV, descriptionEnglish: descriptionEN, url: url)
    }
}
