import Foundation
import HTML
import HTTP
import Postgres

/// The identified door, for a logged-in employee (in production a private e-ID): the request form,
/// their own requests, the dialogue, and deleting a request with everything in it.
extension App {
    func registerSupportIdentified(_ router: inout Router) {
        router.get("/stod/ny", authenticated(.employee) { context, _ in
            RequestFormPage.render(context, door: .identified, form: RequestFormPage.initialState(context))
        })

        router.post("/stod/ny", bodyLimit: 64 * 1024, authenticated(.employee) { [self] context, transaction in
            var form = context.formState()
            guard let validated = RequestFormPage.validate(&form, texts: context.texts.intake) else {
                return RequestFormPage.render(context, door: .identified, form: form, status: .unprocessableContent)
            }
            let (kind, wishes) = validated
            guard let session = context.session, session.personID != nil else {
                return context.message(context.texts.common.forbiddenTitle, context.texts.common.forbiddenText, status: .forbidden)
            }
            let id: UUID
            do {
                id = try await SupportSavepoint.run(transaction) {
                    try await SupportIntake.create(kind: kind, wishes: wishes, door: .identified, organisation: session.organisationID,
                                                   contentKey: configuration.contentKey, in: transaction)
                }
            } catch let error as SupportCaseError where error.code == .noTeam {
                return context.message(context.texts.support.newTitle, context.texts.support.noTeam, status: .serviceUnavailable)
            }
            return .redirect(to: "/stod/mina/\(id.uuidString.lowercased())?ny=1")
        })

        router.get("/stod/mina", authenticated(.employee) { context, transaction in
            OwnRequestsPage.render(context, entries: try await OwnRequests.list(in: transaction))
        })

        router.get("/stod/mina/:id", authenticated(.employee) { [self] context, transaction in
            let id = try requestID(context)
            var notice: String?
            if context.request.queryValue("skickat") == "1" { notice = context.texts.support.messageSent }
            return try await ownRequestPage(context, transaction, id: id, form: context.formState(FormData(pairs: [])), notice: notice,
                                            announcesNew: context.request.queryValue("ny") == "1")
        })

        router.post("/stod/mina/:id/meddelande", bodyLimit: 64 * 1024, authenticated(.employee) { [self] context, transaction in
            let id = try requestID(context)
            var form = context.formState()
            guard let body = PersonCasePage.validateText(&form, field: PersonCasePage.bodyField, texts: context.texts.support) else {
                return try await ownRequestPage(context, transaction, id: id, form: form, status: .unprocessableContent)
            }
            do {
                try await OwnRequests.write(id, body: body, contentKey: configuration.contentKey, in: transaction)
            } catch let error as SupportCaseError where error.code == .notFound {
                throw HTTPError(.notFound, code: "support.request.unknown")
            }
            return .redirect(to: "/stod/mina/\(id.uuidString.lowercased())?skickat=1")
        })

        router.get("/stod/mina/:id/radera", authenticated(.employee) { [self] context, transaction in
            let id = try requestID(context)
            // Metadata through row-level security: is it theirs? (No content is read here.)
            guard !(try await transaction.query("SELECT 1 FROM support.request WHERE id = \(id)").isEmpty) else {
                throw HTTPError(.notFound, code: "support.request.unknown")
            }
            let path = "/stod/mina/\(id.uuidString.lowercased())"
            return DeleteConfirmPage.render(context, action: path + "/radera", back: path)
        })

        router.post("/stod/mina/:id/radera", bodyLimit: 8 * 1024, authenticated(.employee) { [self] context, transaction in
            let id = try requestID(context)
            do {
                try await OwnRequests.delete(id, in: transaction)
            } catch let error as SupportCaseError where error.code == .notFound {
                throw HTTPError(.notFound, code: "support.request.unknown")
            }
            return context.message(context.texts.support.deletedTitle, context.texts.support.deletedText)
        })
    }

    private func ownRequestPage(_ context: RequestContext, _ transaction: PostgresTransaction, id: UUID, form: FormState,
                                notice: String? = nil, announcesNew: Bool = false, status: HTTPStatus = .ok) async throws -> HTTPResponse {
        guard let supportCase = try await OwnRequests.read(id, contentKey: configuration.contentKey, in: transaction) else {
            throw HTTPError(.notFound, code: "support.request.unknown")
        }
        let path = "/stod/mina/\(id.uuidString.lowercased())"
        let texts = context.texts.support
        let shown = announcesNew ? texts.requestSent(SupportTime.long(supportCase.deadlineAt, texts)) : notice
        return PersonCasePage.render(context, supportCase: supportCase,
                                     paths: .init(write: path + "/meddelande", delete: path + "/radera", lock: nil),
                                     form: form, notice: shown, status: status)
    }
}
