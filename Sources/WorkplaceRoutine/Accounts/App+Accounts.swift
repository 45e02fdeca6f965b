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

        router.get("/login", public_ { context, _ in
            LoginPage.render(context, form: context.formState(), next: context.request.queryValue("next"))
        })

        router.post("/login", bodyLimit: 8 * 1024, public_ { [self] context, transaction in
            try await logIn(context, transaction)
        })

        router.post("/logout", bodyLimit: 8 * 1024, authenticated(nil) { [self] context, transaction in
            let everywhere = context.form?["everywhere"] == "1"
            guard let session = context.session else { return .redirect(to: "/") }
            _ = try await transaction.query("SELECT auth.logout(\(Data(session.token)), \(everywhere))")
            var response = context.message(context.texts.accounts.loggedOut, context.texts.accounts.loggedOut)
            if let expired = expiring(sessionCookieName) { response.setCookie(expired) }
            return response
        })
    }

    private func logIn(_ context: RequestContext, _ transaction: PostgresTransaction) async throws -> HTTPResponse {
        let texts = context.texts.accounts
        var form = context.formState()
        let username = form.value("username").trimmingCharacters(in: .whitespaces).lowercased()
        let password = form.value("password")
        // The password is never shown again, whatever happens.
        form.values["password"] = nil
        if username.isEmpty { form.fail("username", texts.usernameMissing) }
        if password.isEmpty { form.fail("password", texts.passwordMissing) }
        guard form.isValid else { return LoginPage.render(context, form: form, next: context.form?["next"], status: .unprocessableContent) }

        guard loginLimiter.allow(context.request.clientAddress) else {
            form.fail("username", texts.throttled)
            return LoginPage.render(context, form: form, next: context.form?["next"], status: .tooManyRequests)
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
            return LoginPage.render(context, form: form, next: context.form?["next"], status: .tooManyRequests)
        default:
            form.fail("username", texts.invalidCredentials)
            return LoginPage.render(context, form: form, next: context.form?["next"], status: .unauthorized)
        }
    }
}

/// The login form.
enum LoginPage {
    static func render(_ context: RequestContext, form: FormState, next: String?, status: HTTPStatus = .ok) -> HTTPResponse {
        let texts = context.texts.accounts
        return context.page(texts.loginTitle, status: status) {
            Node.h1(texts.loginTitle)
            ErrorSummary(errors: form.errors, texts: context.texts.common)
            Node.p(texts.loginIntro)
            Node.form(.method("post"), .action("/login"), Attribute("novalidate", nil)) {
                CSRFField(token: context.csrfToken)
                Node.input(.type("hidden"), .name("next"), .value(LanguageSwitch.safeReturnPath(next ?? "/")))
                TextField(id: "username", name: "username", label: texts.username, value: form.value("username"),
                          error: form.error(for: "username"), autocomplete: "username", maxlength: 254)
                TextField(id: "password", name: "password", label: texts.password, value: "",
                          error: form.error(for: "password"), type: "password", autocomplete: "current-password", maxlength: 200)
                Node.div(.class("button-row")) {
                    Node.button(.type("submit"), .class("button"), text: texts.logIn)
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
