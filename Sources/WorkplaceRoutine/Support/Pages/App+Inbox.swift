import Foundation
import HTML
import HTTP
import Postgres

/// The support team's inbox and case page (support role; the worker's own teams only — a request of
/// another team, or another organisation, is answered 404 whatever its id).
extension App {
    func registerInbox(_ router: inout Router) {
        router.get("/inbox", authenticated(.support) { [self] context, transaction in
            let entries = try await SupportCases.inbox(in: transaction)
            _ = try await transaction.query("""
                SELECT audit.record('support.inbox_read', NULL, NULL, jsonb_build_object('requests', \(entries.count)))
                """)
            let calendar = try await organisationCalendar(context, transaction)
            return InboxPage.render(context, entries: entries, calendar: calendar, now: Date())
        })

        router.get("/inbox/:id", authenticated(.support) { [self] context, transaction in
            let id = try requestID(context)
            let notice = context.request.queryValue("done").flatMap { CaseNotice(rawValue: $0) }.map { $0.text(context.texts.support) }
            return try await casePage(context, transaction, id: id, form: context.formState(FormData(pairs: [])), notice: notice)
        })

        router.post("/inbox/:id/reply", bodyLimit: 64 * 1024, authenticated(.support) { [self] context, transaction in
            try await caseChange(context, transaction, done: .replied) { id, form in
                guard let body = PersonCasePage.validateText(&form, field: CasePage.Field.reply, texts: context.texts.support) else { return false }
                try await SupportCases.reply(id, body: body, contentKey: configuration.contentKey, in: transaction)
                return true
            }
        })

        router.post("/inbox/:id/note", bodyLimit: 64 * 1024, authenticated(.support) { [self] context, transaction in
            try await caseChange(context, transaction, done: .note) { id, form in
                guard let body = PersonCasePage.validateText(&form, field: CasePage.Field.note, texts: context.texts.support) else { return false }
                try await SupportCases.addNote(id, body: body, contentKey: configuration.contentKey, in: transaction)
                return true
            }
        })

        router.post("/inbox/:id/attempt", bodyLimit: 8 * 1024, authenticated(.support) { [self] context, transaction in
            try await caseChange(context, transaction, done: .attempt) { id, form in
                guard let result = ContactResult(rawValue: form.value(CasePage.Field.result)) else {
                    form.fail(CasePage.Field.result, context.texts.support.attemptMissing)
                    return false
                }
                try await SupportCases.logAttempt(id, result: result, in: transaction)
                return true
            }
        })

        router.post("/inbox/:id/close", bodyLimit: 8 * 1024, authenticated(.support) { [self] context, transaction in
            try await caseChange(context, transaction, done: .closed) { id, form in
                guard let outcome = CloseOutcome(rawValue: form.value(CasePage.Field.outcome)) else {
                    form.fail(CasePage.Field.outcome, context.texts.support.outcomeMissing)
                    return false
                }
                try await SupportCases.close(id, outcome: outcome, in: transaction)
                return true
            }
        })

        router.post("/inbox/:id/reopen", bodyLimit: 8 * 1024, authenticated(.support) { [self] context, transaction in
            try await caseChange(context, transaction, done: .reopened) { id, _ in
                try await SupportCases.reopen(id, in: transaction)
                return true
            }
        })

        router.post("/inbox/:id/move", bodyLimit: 8 * 1024, authenticated(.support) { [self] context, transaction in
            let id = try requestID(context)
            var form = context.formState()
            guard let team = UUID(uuidString: form.value(CasePage.Field.team)) else {
                form.fail(CasePage.Field.team, context.texts.support.moveMissing)
                return try await casePage(context, transaction, id: id, form: form, status: .unprocessableContent)
            }
            do {
                try await SupportCases.move(id, to: team, in: transaction)
            } catch let error as SupportCaseError where error.code == .team {
                form.fail(CasePage.Field.team, context.texts.support.moveMissing)
                return try await casePage(context, transaction, id: id, form: form, status: .unprocessableContent)
            } catch let error as SupportCaseError where error.code == .notFound {
                throw HTTPError(.notFound, code: "support.request.unknown")
            }
            // The worker may no longer see it (another team): back to the inbox, saying so.
            let visible = !(try await transaction.query("SELECT 1 FROM support.request WHERE id = \(id)").isEmpty)
            if visible { return .redirect(to: "/inbox/\(id.uuidString.lowercased())?done=\(CaseNotice.moved.rawValue)") }
            return context.message(context.texts.support.moved, context.texts.support.moved)
        })
    }

    /// What a case change's redirect says on the case page.
    enum CaseNotice: String {
        case replied, note, attempt, closed, reopened, moved

        func text(_ texts: SupportTexts) -> String {
            switch self {
            case .replied: texts.replied
            case .note: texts.noteSaved
            case .attempt: texts.attemptSaved
            case .closed: texts.closedNotice
            case .reopened: texts.reopened
            case .moved: texts.moved
            }
        }
    }

    /// One change to a case: `change` validates the form (adding errors) and makes the change,
    /// returning false when the form had errors. Errors re-show the case page with what was typed;
    /// a refusal because the case changed meanwhile says so; success goes back to the case page.
    private func caseChange(
        _ context: RequestContext, _ transaction: PostgresTransaction, done: CaseNotice,
        _ change: (UUID, inout FormState) async throws -> Bool
    ) async throws -> HTTPResponse {
        let id = try requestID(context)
        var form = context.formState()
        do {
            guard try await change(id, &form) else {
                return try await casePage(context, transaction, id: id, form: form, status: .unprocessableContent)
            }
        } catch let error as SupportCaseError {
            switch error.code {
            case .notFound:
                throw HTTPError(.notFound, code: "support.request.unknown")
            case .closed:
                return try await casePage(context, transaction, id: id, form: form, notice: context.texts.support.closedCannotChange,
                                          status: .conflict)
            default:
                return try await casePage(context, transaction, id: id, form: form, notice: context.texts.support.changedMeanwhile,
                                          status: .conflict)
            }
        }
        return .redirect(to: "/inbox/\(id.uuidString.lowercased())?done=\(done.rawValue)")
    }

    /// The worker's organisation's working calendar (time left is counted on it, as the deadline was).
    private func organisationCalendar(_ context: RequestContext, _ transaction: PostgresTransaction) async throws -> WorkingCalendar {
        guard let organisation = context.session?.organisationID else { return .swedishDefault }
        return try await SupportIntake.calendar(for: organisation, in: transaction)
    }

    private func casePage(_ context: RequestContext, _ transaction: PostgresTransaction, id: UUID, form: FormState,
                          notice: String? = nil, status: HTTPStatus = .ok) async throws -> HTTPResponse {
        guard let supportCase = try await SupportCases.read(id, contentKey: configuration.contentKey, in: transaction) else {
            throw HTTPError(.notFound, code: "support.request.unknown")
        }
        let teams = try await SupportCases.organisationTeams(in: transaction)
        let calendar = try await organisationCalendar(context, transaction)
        return CasePage.render(context, supportCase: supportCase, teams: teams, calendar: calendar, now: Date(), form: form,
                               notice: notice, status: status)
    }
}
