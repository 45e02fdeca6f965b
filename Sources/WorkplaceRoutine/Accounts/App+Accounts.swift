import Foundation
import HTML
import HTTP
import Postgres

/// Logging in and out, and the start page.
extension App {
    func registerAccounts(_ router: inout Router) {
        router.get("/", public_ { [self] context, transaction in
            // A valid session gets its start page; everyone else the neutral landing page.
            if let session = try await resolveSession(context.request, in: transaction) {
                let language = context.request.cookies[App.languageCookieName].flatMap(Language.init(code:)) ?? session.language
                let signedIn = RequestContext(request: context.request, language: language, session: session, form: nil,
                                              publicFormToken: nil, assets: context.assets)
                return HomePage.signedIn(signedIn)
            }
            return HomePage.landing(context)
        })

        router.get("/login", public_ { context, transaction in
            let options = try await LoginOptions.load(slug: nil, in: transaction)
            return LoginPage.render(context, form: context.formState(), next: context.request.queryValue("next"), options: options)
        })

        router.post("/login", bodyLimit: 8 * 1024, public_ { [self] context, transaction in
            try await logIn(context, transaction)
        })

        router.post("/logout", bodyLimit: 8 * 1024, authenticated(nil) { [self] context, transaction in
            let everywhere = context.form?["everywhere"] == "1"
            guard let session = context.session else { return .redirect(to: "/") }
            let ended = try await transaction.query("""
                SELECT issuer, client_id, id_token_hint
                FROM auth.end_session(\(Data(session.token)), \(everywhere), \(configuration.contentKey))
                """).first.map { try $0.decode((String, String, String?).self) }
            var response = try await loggedOutPage(context, providerSession: ended)
            if let expired = expiring(sessionCookieName) { response.setCookie(expired) }
            return response
        })
    }

    /// After our session ended: where the provider signed the session in and offers
    /// `end_session_endpoint`, RP-initiated logout continues there with `id_token_hint` and our
    /// post-logout URL (by the page's own navigation: a form's redirect to another site would break
    /// `form-action 'self'`); otherwise a plain confirmation.
    private func loggedOutPage(_ context: RequestContext, providerSession: (issuer: String, clientID: String, hint: String?)?)
        async throws -> HTTPResponse {
        let accounts = context.texts.accounts
        guard let providerSession,
              let metadata = try? await identity.metadata(issuer: providerSession.issuer),
              let endpoint = metadata.endSessionEndpoint,
              var components = URLComponents(url: endpoint, resolvingAgainstBaseURL: false) else {
            return context.message(accounts.loggedOut, accounts.loggedOut)
        }
        var items = components.queryItems ?? []
        if let hint = providerSession.hint { items.append(URLQueryItem(name: "id_token_hint", value: hint)) }
        items.append(URLQueryItem(name: "post_logout_redirect_uri", value: postLogoutURL))
        items.append(URLQueryItem(name: "client_id", value: providerSession.clientID))
        components.percentEncodedQuery = items.map { item in
            Self.formEncode(item.name) + "=" + Self.formEncode(item.value ?? "")
        }.joined(separator: "&")
        guard let url = components.url?.absoluteString else { return context.message(accounts.loggedOut, accounts.loggedOut) }
        let texts = context.texts.signIn
        // Signed out here already: the page is rendered as for nobody.
        let signedOut = RequestContext(request: context.request, language: context.language, session: nil, form: nil,
                                       publicFormToken: nil, assets: context.assets)
        return signedOut.page(texts.providerLogoutTitle, refresh: url) {
            Node.h1(texts.providerLogoutTitle)
            Node.p(texts.providerLogoutText)
            Node.p { Node.a(.href(url), text: texts.providerLogoutLink) }
        }
    }

    /// Percent-encodes a query component strictly (unreserved characters only).
    static func formEncode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    private func logIn(_ context: RequestContext, _ transaction: PostgresTransaction) async throws -> HTTPResponse {
        let texts = context.texts.accounts
        let options = try await LoginOptions.load(slug: nil, in: transaction)
        var form = context.formState()
        let username = form.value("username").trimmingCharacters(in: .whitespaces).lowercased()
        let password = form.value("password")
        // The password is never shown again, whatever happens.
        form.values["password"] = nil
        if username.isEmpty { form.fail("username", texts.usernameMissing) }
        if password.isEmpty { form.fail("password", texts.passwordMissing) }
        guard form.isValid else { return LoginPage.render(context, form: form, next: context.form?["next"], options: options, status: .unprocessableContent) }

        guard loginLimiter.allow(context.request.clientAddress) else {
            form.fail("username", texts.throttled)
            return LoginPage.render(context, form: form, next: context.form?["next"], options: options, status: .tooManyRequests)
        }

        let token = Secrets.randomBytes(32)
        let csrf = Secrets.token()
        let lifetime = "\(configuration.sessionAbsoluteHours) hours"
        let rows = try await transaction.query("""
            SELECT status FROM auth.login(\(username), \(password), \(Data(token)), \(csrf), \(lifetime)::interval)
            """)
        let status = try rows.first?.decode(String.self, column: 0) ?? "invalid"
        switch status {
        case "ok":
            loginLimiter.reset(context.request.clientAddress)
            let next = LanguageSwitch.safeReturnPath(context.form?["next"] ?? "/")
            var response = HTTPResponse.redirect(to: next.hasPrefix("/login") ? "/" : next, status: .seeOther)
            let cookie = try SetCookie(name: sessionCookieName, value: Secrets.base64URL(token), secure: configuration.usesTLS,
                                       httpOnly: true, sameSite: .strict)
            response.setCookie(cookie)
            return response
        case "locked":
            form.fail("username", texts.locked)
            return LoginPage.render(context, form: form, next: context.form?["next"], options: options, status: .tooManyRequests)
        default:
            form.fail("username", texts.invalidCredentials)
            return LoginPage.render(context, form: form, next: context.form?["next"], options: options, status: .unauthorized)
        }
    }
}

/// The login page: a button per staff provider, and the password form where an organisation allows it.
enum LoginPage {
    static func render(_ context: RequestContext, form: FormState, next: String?, options: LoginOptions,
                       status: HTTPStatus = .ok) -> HTTPResponse {
        let texts = context.texts.accounts
        let signIn = context.texts.signIn
        let returnPath = LanguageSwitch.safeReturnPath(next ?? "/")
        let showsBoth = !options.providers.isEmpty && options.passwordLogin
        return context.page(texts.loginTitle, status: status) {
            Node.h1(texts.loginTitle)
            ErrorSummary(errors: form.errors, texts: context.texts.common)
            if options.providers.isEmpty && !options.passwordLogin {
                Node.p(signIn.noSignInText)
            }
            if !options.providers.isEmpty {
                if showsBoth { Node.h2(signIn.providersHeading) }
                Node.ul(.class("sign-in-providers")) {
                    for provider in options.providers {
                        Node.li {
                            Node.a(.class("button"),
                                   .href("/auth/oidc/start/\(provider.id.uuidString.lowercased())" +
                                         (returnPath == "/" ? "" : "?next=" + LanguageSwitch.percentEncode(returnPath))),
                                   text: provider.label)
                        }
                    }
                }
            }
            if options.passwordLogin {
                if showsBoth { Node.h2(signIn.passwordHeading) } else { Node.p(texts.loginIntro) }
                Node.form(.method("post"), .action("/login"), Attribute("novalidate", nil)) {
                    CSRFField(token: context.csrfToken)
                    Node.input(.type("hidden"), .name("next"), .value(returnPath))
                    TextField(id: "username", name: "username", label: texts.username, value: form.value("username"),
                              error: form.error(for: "username"), autocomplete: "username", maxlength: 254)
                    TextField(id: "password", name: "password", label: texts.password, value: "",
                              error: form.error(for: "password"), type: "password", autocomplete: "current-password", maxlength: 200)
                    Node.div(.class("button-row")) {
                        Node.button(.type("submit"), .class("button"), text: texts.logIn)
                    }
                }
            }
            Node.p { Node.a(.href("/stod"), text: texts.contactWithoutLogin) }
        }
    }
}

/// The start page.
enum HomePage {
    static func landing(_ context: RequestContext) -> HTTPResponse {
        let texts = context.texts
        return context.page(texts.common.serviceName) {
            Node.h1(texts.common.serviceName)
            Node.p(.class("lead"), text: texts.accounts.homeIntro)
            Node.ul {
                Node.li { Node.a(.href("/login"), text: texts.accounts.logIn) }
                Node.li { Node.a(.href("/stod"), text: texts.common.navContact) }
            }
        }
    }

    static func signedIn(_ context: RequestContext) -> HTTPResponse {
        let texts = context.texts
        let roles = context.session?.roles ?? []
        return context.page(texts.common.serviceName) {
            Node.h1(texts.accounts.welcome(context.session?.displayName ?? ""))
            Node.p(.class("lead"), text: texts.accounts.homeIntro)
            Node.ul {
                for item in Page.navigation(for: roles, texts: texts.common) {
                    Node.li { Node.a(.href(item.href), text: item.label) }
                }
            }
        }
    }
}
