import Foundation
import HTML
import HTTP
import Postgres

/// The anonymous door: the request form, the receipt shown once, the receipt look-up (throttled),
/// and the person's view through a short-lived receipt session.
///
/// Like GlobaLeaks, the person's view stays at one address, `/stod/svar`, whatever they do there
/// (read, write, lock), so the browser's history shows nothing more than that they looked.
extension App {
    func registerSupportAnonymous(_ router: inout Router) {
        router.get("/stod/anonym", public_ { context, transaction in
            let organisations = try await SupportOrganisation.all(in: transaction)
            let chosen = SupportOrganisation.chosen(context.request.queryValue("org"), among: organisations)
            return RequestFormPage.render(context, door: .anonymous(organisations: organisations, chosen: chosen),
                                          form: RequestFormPage.initialState(context))
        })

        router.post("/stod/anonym", bodyLimit: 64 * 1024, public_ { [self] context, transaction in
            try await sendAnonymously(context, transaction)
        })

        router.get("/stod/svar", public_ { [self] context, transaction in
            let notice = context.request.queryValue("skickat") == "1" ? context.texts.support.messageSent : nil
            return try await receiptView(context, transaction, form: context.formState(FormData(pairs: [])), notice: notice)
        })

        // A failed look-up is answered only after the guard's fixed delay, outside the database
        // transaction, so a slow answer never holds a connection.
        let lookup = public_ { [self] context, transaction in
            try await lookUpReceipt(context, transaction)
        }
        router.post("/stod/svar", bodyLimit: 8 * 1024) { [self] request in
            let started = ContinuousClock.now
            let response = try await lookup(request)
            if response.status == .unauthorized {
                try? await Task.sleep(for: receiptGuard.remainingDelay(after: ContinuousClock.now - started))
            }
            return response
        }

        router.post("/stod/svar/meddelande", bodyLimit: 64 * 1024, public_ { [self] context, transaction in
            guard let token = receiptToken(context) else { return try await expiredLookup(context, transaction) }
            var form = context.formState()
            guard let body = PersonCasePage.validateText(&form, field: PersonCasePage.bodyField, texts: context.texts.support) else {
                return try await receiptView(context, transaction, form: form, status: .unprocessableContent)
            }
            do {
                try await ReceiptSessions.write(token: token, body: body, contentKey: configuration.contentKey, in: transaction)
            } catch let error as SupportCaseError where error.code == .notFound {
                return try await expiredLookup(context, transaction)
            }
            return .redirect(to: "/stod/svar?skickat=1")
        })

        router.get("/stod/svar/radera", public_ { [self] context, transaction in
            guard receiptToken(context) != nil else { return try await expiredLookup(context, transaction) }
            return DeleteConfirmPage.render(context, action: "/stod/svar/radera", back: "/stod/svar")
        })

        router.post("/stod/svar/radera", bodyLimit: 8 * 1024, public_ { [self] context, transaction in
            guard let token = receiptToken(context) else { return try await expiredLookup(context, transaction) }
            do {
                try await ReceiptSessions.delete(token: token, in: transaction)
            } catch let error as SupportCaseError where error.code == .notFound {
                return try await expiredLookup(context, transaction)
            }
            var response = context.message(context.texts.support.deletedTitle, context.texts.support.deletedText)
            expireReceiptCookie(&response)
            return response
        })

        router.post("/stod/svar/las", bodyLimit: 8 * 1024, public_ { [self] context, transaction in
            if let token = receiptToken(context) { try await ReceiptSessions.close(token: token, in: transaction) }
            let organisations = try await SupportOrganisation.all(in: transaction)
            var response = LookupPage.render(context, form: context.formState(FormData(pairs: [])), organisations: organisations,
                                             chosen: SupportOrganisation.chosen(nil, among: organisations),
                                             notice: context.texts.support.locked)
            expireReceiptCookie(&response)
            return response
        })
    }

    /// Creates the anonymous request and answers with the receipt, shown this once.
    private func sendAnonymously(_ context: RequestContext, _ transaction: PostgresTransaction) async throws -> HTTPResponse {
        let texts = context.texts.support
        let organisations = try await SupportOrganisation.all(in: transaction)
        var form = context.formState()
        let chosen = SupportOrganisation.chosen(form.value(RequestFormPage.Field.organisation), among: organisations)
        if chosen == nil { form.fail("org", texts.organisationMissing) }
        let validated = RequestFormPage.validate(&form, texts: context.texts.intake)
        guard let chosen, let validated else {
            return RequestFormPage.render(context, door: .anonymous(organisations: organisations, chosen: chosen), form: form,
                                          status: .unprocessableContent)
        }
        let (kind, wishes) = validated
        try await chosen.act(in: transaction)
        let receipt = Receipt.generate()
        let now = Date()
        do {
            _ = try await SupportSavepoint.run(transaction) {
                try await SupportIntake.create(kind: kind, wishes: wishes, door: .anonymous(organisation: chosen.id, receipt: receipt),
                                               organisation: chosen.id, contentKey: configuration.contentKey, now: now, in: transaction)
            }
        } catch let error as SupportCaseError where error.code == .noTeam {
            return context.message(texts.newTitle, texts.noTeam, status: .serviceUnavailable)
        }
        let deadline = ContactDeadline(received: now, calendar: try await SupportIntake.calendar(for: chosen.id, in: transaction))
        return ReceiptPage.render(context, receipt: receipt, deadline: deadline.due, channel: wishes.channel)
    }

    /// Checks a receipt and, when it matches, opens a receipt session and goes to `/stod/svar`.
    private func lookUpReceipt(_ context: RequestContext, _ transaction: PostgresTransaction) async throws -> HTTPResponse {
        let texts = context.texts.support
        let organisations = try await SupportOrganisation.all(in: transaction)
        var form = context.formState()
        let typed = form.value(LookupPage.Field.receipt)
        form.values[LookupPage.Field.receipt] = nil
        let picked = SupportOrganisation.chosen(form.value(LookupPage.Field.organisation), among: organisations)
        if picked == nil { form.fail("org", texts.organisationMissing) }
        // Keep the organisation as a hidden field only where it was not a choice on the page.
        let shown = organisations.count == 1 ? picked : nil
        var receipt: Receipt?
        if typed.trimmingCharacters(in: .whitespaces).isEmpty {
            form.fail("receipt", texts.receiptMissing)
        } else if let parsed = Receipt(typed: typed) {
            receipt = parsed
        } else {
            form.fail("receipt", texts.receiptMalformed)
        }
        guard let chosen = picked, let receipt, form.isValid else {
            return LookupPage.render(context, form: form, organisations: organisations, chosen: shown, status: .unprocessableContent)
        }
        switch receiptGuard.admit(context.request.clientAddress) {
        case .allowed:
            break
        case .clientLimited:
            form.fail("receipt", texts.receiptThrottled)
            return LookupPage.render(context, form: form, organisations: organisations, chosen: shown, status: .tooManyRequests)
        case .globallyLimited:
            form.fail("receipt", texts.receiptBusy)
            return LookupPage.render(context, form: form, organisations: organisations, chosen: shown, status: .tooManyRequests)
        }
        let token = Secrets.randomBytes(32)
        guard try await ReceiptSessions.open(organisation: chosen.id, receipt: receipt, token: token, in: transaction) else {
            receiptGuard.recordFailure()
            form.fail("receipt", texts.receiptWrong)
            return LookupPage.render(context, form: form, organisations: organisations, chosen: shown, status: .unauthorized)
        }
        var response = HTTPResponse.redirect(to: "/stod/svar")
        // A session cookie (no Max-Age): it goes when the browser closes, and the database ends it
        // sooner (15 minutes idle, an hour at most).
        response.setCookie(try SetCookie(name: receiptCookieName, value: Secrets.base64URL(token), secure: configuration.usesTLS,
                                         httpOnly: true, sameSite: .strict))
        return response
    }

    /// `/stod/svar`: the person's view when their receipt session is alive, else the look-up form.
    private func receiptView(_ context: RequestContext, _ transaction: PostgresTransaction, form: FormState, notice: String? = nil,
                             status: HTTPStatus = .ok) async throws -> HTTPResponse {
        guard let token = receiptToken(context) else {
            let organisations = try await SupportOrganisation.all(in: transaction)
            let chosen = SupportOrganisation.chosen(context.request.queryValue("org"), among: organisations)
            return LookupPage.render(context, form: FormState(errorPrefix: context.texts.common.errorPrefix), organisations: organisations,
                                     chosen: chosen)
        }
        guard let supportCase = try await ReceiptSessions.read(token: token, contentKey: configuration.contentKey, in: transaction) else {
            return try await expiredLookup(context, transaction)
        }
        return PersonCasePage.render(context, supportCase: supportCase,
                                     paths: .init(write: "/stod/svar/meddelande", delete: "/stod/svar/radera", lock: "/stod/svar/las"),
                                     form: form, notice: notice, status: status)
    }

    /// The look-up form saying the page was locked (the session ended), and the cookie removed.
    private func expiredLookup(_ context: RequestContext, _ transaction: PostgresTransaction) async throws -> HTTPResponse {
        let organisations = try await SupportOrganisation.all(in: transaction)
        var response = LookupPage.render(context, form: FormState(errorPrefix: context.texts.common.errorPrefix), organisations: organisations,
                                         chosen: SupportOrganisation.chosen(nil, among: organisations),
                                         notice: context.texts.support.lookupExpired)
        expireReceiptCookie(&response)
        return response
    }

    func receiptToken(_ context: RequestContext) -> [UInt8]? {
        guard let cookie = context.request.cookies[receiptCookieName], let token = Secrets.fromBase64URL(cookie), token.count == 32 else {
            return nil
        }
        return token
    }

    func expireReceiptCookie(_ response: inout HTTPResponse) {
        if let cookie = try? SetCookie(name: receiptCookieName, value: "", maxAge: 0, expires: Date(timeIntervalSince1970: 0),
                                       secure: configuration.usesTLS, httpOnly: true, sameSite: .strict) {
            response.setCookie(cookie)
        }
    }
}
