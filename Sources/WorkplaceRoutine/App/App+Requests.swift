import Foundation
import HTML
import HTTP
import Postgres

/// How every handler runs: the session is resolved, the CSRF token of a state-changing request is
/// checked, and the work happens in one transaction acting as the person's role.
extension App {
    /// Cookie names. Over TLS the session cookie uses the `__Host-` prefix (Secure, Path=/, no Domain).
    var sessionCookieName: String { configuration.usesTLS ? "__Host-wr_session" : "wr_session" }
    static let languageCookieName = "wr_lang"
    var formCookieName: String { configuration.usesTLS ? "__Host-wr_form" : "wr_form" }

    /// The page language: the language cookie, else Swedish.
    func language(of request: HTTPRequest) -> Language {
        request.cookies[App.languageCookieName].flatMap(Language.init(code:)) ?? .swedish
    }

    /// The role context of a session acting as `role` (nil: stay anonymous).
    func sessionContext(_ session: Session?, acting role: Role?) -> SessionContext {
        guard let session, let role else { return SessionContext(role: "wr_anonymous") }
        var settings = [
            "app.organisation_id": session.organisationID.uuidString.lowercased(),
            "app.account_id": session.accountID.uuidString.lowercased(),
            "app.role": role.rawValue,
        ]
        if let person = session.personID { settings["app.person_id"] = person.uuidString.lowercased() }
        return SessionContext(role: role.databaseRole, settings: settings)
    }

    /// Switches an open transaction to act as `context` (the same statement `BEGIN` uses).
    func act(_ transaction: PostgresTransaction, as context: SessionContext) async throws {
        var parts: [String] = []
        var query = PostgresQuery(unsafeSQL: "")
        var bindings = PostgresBindings()
        if let role = context.role {
            bindings.append(role)
            parts.append("set_config('role', $\(bindings.count), true)")
        }
        for name in context.settings.keys.sorted() {
            bindings.append(name)
            bindings.append(context.settings[name]!)
            parts.append("set_config($\(bindings.count - 1), $\(bindings.count), true)")
        }
        query = PostgresQuery(unsafeSQL: "SELECT " + parts.joined(separator: ", "), bindings: bindings)
        _ = try await transaction.query(query)
    }

    /// Resolves the session cookie inside `transaction` (acting as wr_anonymous).
    func resolveSession(_ request: HTTPRequest, in transaction: PostgresTransaction) async throws -> Session? {
        guard let cookie = request.cookies[sessionCookieName], let token = Secrets.fromBase64URL(cookie), token.count == 32 else {
            return nil
        }
        let idle = "\(configuration.sessionIdleMinutes) minutes"
        let rows = try await transaction.query("""
            SELECT account_id, organisation_id, person_id, display_name, language, roles, csrf_token
            FROM auth.resolve_session(\(Data(token)), \(idle)::interval)
            """)
        guard let row = rows.first else { return nil }
        let (account, organisation, person, name, language, roles, csrf) =
            try row.decode((UUID, UUID, UUID?, String, String, [String], String).self)
        return Session(token: token, accountID: account, organisationID: organisation, personID: person,
                       displayName: name, language: Language(code: language) ?? .swedish,
                       roles: Set(roles.compactMap(Role.init(rawValue:))), csrfToken: csrf)
    }

    /// A handler for logged-in people holding `role` (nil: any logged-in person). The body runs in
    /// one transaction acting as that role. People without a session are sent to the login page;
    /// people without the role get 403. A POST must carry the session's CSRF token.
    func authenticated(
        _ role: Role?,
        _ body: @escaping @Sendable (RequestContext, PostgresTransaction) async throws -> HTTPResponse
    ) -> Handler {
        { [self] request in
            let started = ContinuousClock.now
            defer { _ = started }
            let language = language(of: request)
            do {
                return try await pool.transaction(as: SessionContext(role: "wr_anonymous")) { transaction in
                    guard let session = try await resolveSession(request, in: transaction) else {
                        var response = HTTPResponse.redirect(to: "/login?next=" + LanguageSwitch.percentEncode(LanguageSwitch.safeReturnPath(request.target)))
                        if request.cookies[sessionCookieName] != nil, let expired = expiring(sessionCookieName) {
                            response.setCookie(expired)
                        }
                        return response
                    }
                    let pageLanguage = request.cookies[App.languageCookieName].flatMap(Language.init(code:)) ?? session.language
                    var context = RequestContext(request: request, language: pageLanguage, session: session, form: nil,
                                                 publicFormToken: nil, assets: assets.urls)
                    if request.method != .get && request.method != .head {
                        let form = try parseForm(request)
                        guard let sent = form?[CSRFField.fieldName] ?? request.headers["x-csrf-token"],
                              Secrets.constantTimeEquals(sent, session.csrfToken) else {
                            return context.message(context.texts.common.staleFormTitle, context.texts.common.staleFormText, status: .forbidden)
                        }
                        context = RequestContext(request: request, language: pageLanguage, session: session, form: form,
                                                 publicFormToken: nil, assets: assets.urls)
                    }
                    if let role, !session.roles.contains(role) {
                        return context.message(context.texts.common.forbiddenTitle, context.texts.common.forbiddenText, status: .forbidden)
                    }
                    try await act(transaction, as: sessionContext(session, acting: role))
                    return try await body(context, transaction)
                }
            } catch {
                return failure(error, request: request, language: language)
            }
        }
    }

    /// A handler for pages anyone may open without logging in (the support start page, login). A POST
    /// must echo the double-submit token of the `wr_form` cookie (SameSite=Strict), which a form on
    /// another site cannot read or send. The body runs in one transaction acting as wr_anonymous.
    func public_(
        _ body: @escaping @Sendable (RequestContext, PostgresTransaction) async throws -> HTTPResponse
    ) -> Handler {
        { [self] request in
            let language = language(of: request)
            let existing = request.cookies[formCookieName].flatMap { Secrets.fromBase64URL($0) != nil ? $0 : nil }
            let token = existing ?? Secrets.token()
            var form: FormData? = nil
            if request.method != .get && request.method != .head {
                do { form = try parseForm(request) } catch { return failure(error, request: request, language: language) }
                guard let existing, let sent = form?[CSRFField.fieldName], Secrets.constantTimeEquals(sent, existing) else {
                    let context = RequestContext(request: request, language: language, session: nil, form: nil,
                                                 publicFormToken: token, assets: assets.urls)
                    var response = context.message(context.texts.common.staleFormTitle, context.texts.common.staleFormText, status: .forbidden)
                    setFormCookie(&response, token)
                    return response
                }
            }
            let context = RequestContext(request: request, language: language, session: nil, form: form,
                                         publicFormToken: token, assets: assets.urls)
            do {
                var response = try await pool.transaction(as: SessionContext(role: "wr_anonymous")) { transaction in
                    try await body(context, transaction)
                }
                if existing == nil { setFormCookie(&response, token) }
                return response
            } catch {
                return failure(error, request: request, language: language)
            }
        }
    }

    /// A cookie that removes `name`, with the same `Secure` setting it was set with.
    func expiring(_ name: String) -> SetCookie? {
        try? SetCookie(name: name, value: "", maxAge: 0, expires: Date(timeIntervalSince1970: 0), secure: configuration.usesTLS,
                       httpOnly: true, sameSite: .lax)
    }

    func setFormCookie(_ response: inout HTTPResponse, _ token: String) {
        if let cookie = try? SetCookie(name: formCookieName, value: token, secure: configuration.usesTLS, httpOnly: true, sameSite: .strict) {
            response.setCookie(cookie)
        }
    }

    /// Parses a urlencoded or multipart body into form pairs (multipart file parts are left out here).
    func parseForm(_ request: HTTPRequest) throws -> FormData? {
        guard !request.body.isEmpty || request.headers["content-type"] != nil else { return nil }
        switch request.mediaType {
        case "application/x-www-form-urlencoded":
            return try request.form()
        case "multipart/form-data":
            let parts = try request.multipart()
            let fields = parts.filter { $0.filename == nil }.map { part in
                (name: part.name, value: String(decoding: part.body, as: UTF8.self))
            }
            return FormData(pairs: fields)
        default:
            return nil
        }
    }

    /// Turns an unexpected error into a page without detail; the log gets the error's code only.
    func failure(_ error: any Error, request: HTTPRequest, language: Language) -> HTTPResponse {
        if let http = error as? HTTPError {
            let texts = Texts.of(language).common
            let context = RequestContext(request: request, language: language, session: nil, form: nil, publicFormToken: nil, assets: assets.urls)
            return context.message(http.status == .notFound ? texts.notFoundTitle : texts.serverErrorTitle,
                                   http.status == .notFound ? texts.notFoundText : texts.staleFormText, status: http.status)
        }
        if let database = error as? PostgresError {
            logger.error("request failed", metadata: ["request.id": request.requestID, "route": request.routePattern,
                                                     "db.code": database.code.description, "db.sqlstate": database.sqlState ?? "-"])
        } else {
            logger.error("request failed", metadata: ["request.id": request.requestID, "route": request.routePattern,
                                                     "error.type": String(describing: type(of: error))])
        }
        let context = RequestContext(request: request, language: language, session: nil, form: nil, publicFormToken: nil, assets: assets.urls)
        let texts = context.texts.common
        return context.message(texts.serverErrorTitle, texts.serverErrorText, status: .internalServerError)
    }
}
