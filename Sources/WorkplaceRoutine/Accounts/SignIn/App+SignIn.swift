import Foundation
import HTML
import HTTP
import OpenIDConnect
import Postgres

/// Signing in through the organisation's own OpenID Connect provider: the authorization code flow
/// with PKCE (S256), `state` and `nonce` bound to a short-lived pre-login cookie, and the ID token
/// checked in full (OpenIDConnect's `IDTokenVerifier`) before the database decides who the person is
/// (`auth.complete_staff_sign_in`).
///
/// No database transaction is held open while the provider is called: each step reads or writes in a
/// short transaction of its own, and the network calls happen between them.
extension App {
    /// The pre-login cookie: 256 random bits whose SHA-256 keys the pending sign-in. `SameSite=Lax`,
    /// because the provider's redirect back to us is a cross-site navigation and a Strict cookie would
    /// not be sent with it; `HttpOnly`, ten minutes at most, removed by the callback.
    var signInCookieName: String { configuration.usesTLS ? "__Host-wr_signin" : "wr_signin" }

    /// Every organisation's redirect URI: `<WR_PUBLIC_URL>/auth/oidc/callback`.
    var signInCallbackURL: String { publicBase + "/auth/oidc/callback" }

    /// Every organisation's post-logout URI: `<WR_PUBLIC_URL>/`.
    var postLogoutURL: String { publicBase + "/" }

    private var publicBase: String {
        var base = configuration.publicURL
        while base.hasSuffix("/") { base.removeLast() }
        return base
    }

    /// How long a sign-in may wait at the provider.
    static let signInLifetimeSeconds = 600

    func registerSignIn(_ router: inout Router) {
        // An organisation's own address for its intranet: straight to its provider when it has one.
        router.get("/login/:organisation") { [self] request in
            await loginForOrganisation(request)
        }
        router.get("/auth/oidc/start/:provider") { [self] request in
            guard let provider = request.pathParameters["provider"].flatMap(UUID.init(uuidString:)) else {
                return notFoundPage(request)
            }
            return await startSignIn(request, provider: provider)
        }
        router.get("/auth/oidc/callback") { [self] request in
            await completeSignIn(request)
        }
        router.get("/admin/sign-in", authenticated(.admin) { [self] context, transaction in
            try await SignInSettingsPage.render(context, transaction, callbackURL: signInCallbackURL, postLogoutURL: postLogoutURL)
        })
    }

    // MARK: Starting

    private func loginForOrganisation(_ request: HTTPRequest) async -> HTTPResponse {
        let slug = request.pathParameters["organisation"] ?? ""
        do {
            let options = try await pool.transaction(as: SessionContext(role: "wr_anonymous")) { transaction in
                try await LoginOptions.load(slug: slug, in: transaction)
            }
            guard !options.organisations.isEmpty else { return notFoundPage(request) }
            if options.providers.count == 1, !options.passwordLogin {
                return await startSignIn(request, provider: options.providers[0].id)
            }
            if options.providers.count == 1, request.queryValue("password") == nil {
                // One provider and passwords allowed too: the provider is what the intranet link means;
                // `?password` shows the form (break-glass accounts).
                return await startSignIn(request, provider: options.providers[0].id)
            }
            let context = publicContext(request)
            return LoginPage.render(context, form: context.formState(), next: request.queryValue("next"), options: options)
        } catch {
            return failure(error, request: request, language: language(of: request))
        }
    }

    private func startSignIn(_ request: HTTPRequest, provider: UUID) async -> HTTPResponse {
        let context = publicContext(request)
        let texts = context.texts.signIn
        guard signInLimiter.allow(request.clientAddress) else {
            return context.message(context.texts.common.tooManyTitle, context.texts.common.tooManyText, status: .tooManyRequests)
        }
        do {
            let configured = try await pool.transaction(as: SessionContext(role: "wr_anonymous")) { transaction in
                try await ConfiguredProvider.load(provider, contentKey: configuration.contentKey, in: transaction)
            }
            guard let configured, configured.kind == .staff else { return notFoundPage(request) }
            let metadata: ProviderMetadata
            do {
                metadata = try await identity.metadata(issuer: configured.issuer)
            } catch {
                logSignInFailure(error, request: request)
                return signInFailurePage(context, title: texts.providerFailedTitle, text: texts.providerFailedText, status: .badGateway)
            }
            let token = Secrets.randomBytes(32)
            let state = Randomness.token()
            let nonce = Randomness.token()
            let pkce = PKCE.make()
            let returnTo = LanguageSwitch.safeReturnPath(request.queryValue("next") ?? "/")
            try await pool.transaction(as: SessionContext(role: "wr_anonymous")) { transaction in
                _ = try await transaction.query("""
                    SELECT auth.begin_sign_in(\(provider), \(Data(token)), \(state), \(nonce), \(pkce.verifier),
                                              \(returnTo.hasPrefix("/login") ? "/" : returnTo), \("\(Self.signInLifetimeSeconds) seconds")::interval)
                    """)
            }
            let authorization = AuthorizationRequest(
                metadata: metadata, clientID: configured.clientID, redirectURI: signInCallbackURL, state: state, nonce: nonce,
                codeChallenge: pkce.challenge)
            var response = HTTPResponse.redirect(to: authorization.url.absoluteString, status: .seeOther)
            if let cookie = try? SetCookie(name: signInCookieName, value: Secrets.base64URL(token), maxAge: Self.signInLifetimeSeconds,
                                           secure: configuration.usesTLS, httpOnly: true, sameSite: .lax) {
                response.setCookie(cookie)
            }
            return response
        } catch {
            return failure(error, request: request, language: context.language)
        }
    }

    // MARK: The callback

    private func completeSignIn(_ request: HTTPRequest) async -> HTTPResponse {
        let context = publicContext(request)
        let texts = context.texts.signIn
        var response = await callback(request, context: context, texts: texts)
        // The pre-login cookie is spent whatever happened.
        if request.cookies[signInCookieName] != nil, let expired = expiring(signInCookieName) {
            response.setCookie(expired)
        }
        return response
    }

    private func callback(_ request: HTTPRequest, context: RequestContext, texts: SignInTexts) async -> HTTPResponse {
        let expired = signInFailurePage(context, title: texts.expiredTitle, text: texts.expiredText, status: .badRequest)
        guard let cookie = request.cookies[signInCookieName], let token = Secrets.fromBase64URL(cookie), token.count == 32 else {
            return expired
        }
        do {
            // 1. Take the pending sign-in: once, whatever happens next.
            let taken = try await pool.transaction(as: SessionContext(role: "wr_anonymous")) { transaction -> (PendingSignIn, ConfiguredProvider)? in
                guard let pending = try await PendingSignIn.take(token, in: transaction),
                      let provider = try await ConfiguredProvider.load(pending.providerID, contentKey: configuration.contentKey,
                                                                       in: transaction)
                else { return nil }
                return (pending, provider)
            }
            guard let taken else { return expired }
            let (pending, provider) = taken

            // 2. What came back: an error, or a code with our state.
            if request.queryValue("error") != nil {
                try await recordRefusal(provider, reason: "provider_error")
                return signInFailurePage(context, title: texts.cancelledTitle, text: texts.cancelledText, status: .forbidden)
            }
            guard let state = request.queryValue("state"), Secrets.constantTimeEquals(state, pending.state) else {
                try await recordRefusal(provider, reason: "state_mismatch")
                return signInFailurePage(context, title: texts.refusedTitle, text: texts.refusedText, status: .forbidden)
            }
            guard let code = request.queryValue("code"), !code.isEmpty, code.utf8.count <= 4096 else {
                try await recordRefusal(provider, reason: "missing_code")
                return signInFailurePage(context, title: texts.refusedTitle, text: texts.refusedText, status: .forbidden)
            }

            // 3. The code for tokens, and the ID token checked in full (no transaction is open).
            let claims: IDTokenClaims
            let idToken: String
            do {
                (claims, idToken) = try await identity.completeSignIn(
                    code: code, verifier: pending.codeVerifier, redirectURI: signInCallbackURL, clientID: provider.clientID,
                    clientSecret: provider.clientSecret, authentication: provider.clientAuthentication, issuer: provider.issuer,
                    nonce: pending.nonce)
            } catch {
                logSignInFailure(error, request: request)
                try await recordRefusal(provider, reason: Self.refusalCode(error))
                if error.isProviderFailure {
                    return signInFailurePage(context, title: texts.providerFailedTitle, text: texts.providerFailedText, status: .badGateway)
                }
                return signInFailurePage(context, title: texts.refusedTitle, text: texts.refusedText, status: .forbidden)
            }

            switch provider.kind {
            case .staff:
                return try await completeStaffSignIn(request, context: context, provider: provider, claims: claims,
                                                     idToken: idToken, returnTo: pending.returnTo)
            case .eid:
                return try await completeEIDSignIn(request, context: context, provider: provider, claims: claims,
                                                   returnTo: pending.returnTo)
            }
        } catch {
            return failure(error, request: request, language: context.language)
        }
    }

    private func completeStaffSignIn(_ request: HTTPRequest, context: RequestContext, provider: ConfiguredProvider,
                                     claims: IDTokenClaims, idToken: String, returnTo: String) async throws -> HTTPResponse {
        let texts = context.texts.signIn
        let claim = provider.employeeNumberClaim ?? ""
        let sessionToken = Secrets.randomBytes(32)
        let csrf = Secrets.token()
        let lifetime = "\(configuration.sessionAbsoluteHours) hours"
        let idle = "\(configuration.sessionIdleMinutes) minutes"
        let (status, roles) = try await pool.transaction(as: SessionContext(role: "wr_anonymous")) { transaction -> (String, [String]) in
            let status = try await transaction.query("""
                SELECT status FROM auth.complete_staff_sign_in(
                    \(provider.id), \(claims.subject), \(claims.string(claim)), \(claims.isMultiValued(claim)), \(idToken),
                    \(configuration.contentKey), \(Data(sessionToken)), \(csrf), \(lifetime)::interval)
                """).first?.decode(String.self, column: 0) ?? "unknown_person"
            guard status == "ok" else { return (status, []) }
            let roles = try await transaction.query("""
                SELECT roles FROM auth.resolve_session(\(Data(sessionToken)), \(idle)::interval)
                """).first?.decode([String].self, column: 0) ?? []
            return (status, roles)
        }
        switch status {
        case "ok":
            let landing = returnTo == "/" ? Self.landing(for: Set(roles.compactMap(Role.init(rawValue:)))) : returnTo
            var response = context.page(texts.continueTitle, refresh: landing) {
                Node.h1(texts.continueTitle)
                Node.p { Node.a(.href(landing), text: texts.continueLink) }
            }
            if let cookie = try? SetCookie(name: sessionCookieName, value: Secrets.base64URL(sessionToken), secure: configuration.usesTLS,
                                           httpOnly: true, sameSite: .strict) {
                response.setCookie(cookie)
            }
            return response
        case "inactive_person":
            return signInFailurePage(context, title: texts.inactiveTitle, text: texts.inactiveText, status: .forbidden)
        case "ambiguous_person":
            return signInFailurePage(context, title: texts.ambiguousTitle, text: texts.ambiguousText, status: .forbidden)
        case "disabled_account":
            return signInFailurePage(context, title: texts.disabledTitle, text: texts.disabledText, status: .forbidden)
        case "already_linked":
            return signInFailurePage(context, title: texts.alreadyLinkedTitle, text: texts.alreadyLinkedText, status: .forbidden)
        default:
            return signInFailurePage(context, title: texts.notFoundTitle, text: texts.notFoundText, status: .forbidden)
        }
    }

    /// Where a person lands after signing in without a page to return to: the first page their roles
    /// open (a manager's team, else their own page, …).
    static func landing(for roles: Set<Role>) -> String {
        if roles.contains(.manager) { return "/team" }
        if roles.contains(.employee) { return "/mine" }
        if roles.contains(.support) { return "/inbox" }
        if roles.contains(.director) { return "/overview" }
        if roles.contains(.admin) { return "/admin" }
        if roles.contains(.overview) { return "/organisations" }
        return "/"
    }

    // MARK: Helpers

    private func recordRefusal(_ provider: ConfiguredProvider, reason: String) async throws {
        try await pool.transaction(as: SessionContext(role: "wr_anonymous")) { transaction in
            _ = try await transaction.query("SELECT auth.record_sign_in_refusal(\(provider.organisationID), \(reason))")
        }
    }

    /// The audit code for a failed exchange or check: the library's code, never its detail.
    static func refusalCode(_ error: any Error) -> String {
        guard let error = error as? OIDCError else { return "provider_failure" }
        var code = ""
        for scalar in error.code.rawValue.unicodeScalars {
            if CharacterSet.uppercaseLetters.contains(scalar) {
                code += "_" + String(scalar).lowercased()
            } else {
                code.unicodeScalars.append(scalar)
            }
        }
        return code
    }

    private func logSignInFailure(_ error: any Error, request: HTTPRequest) {
        // The code only: never a token, a claim or the provider's own words.
        let code = (error as? OIDCError)?.code.rawValue ?? String(describing: type(of: error))
        logger.warning("sign-in through a provider failed", metadata: [
            "request.id": request.requestID, "route": request.routePattern, "oidc.error": code,
        ])
    }

    /// A context for a page without a session (sign-in pages).
    func publicContext(_ request: HTTPRequest) -> RequestContext {
        RequestContext(request: request, language: language(of: request), session: nil, form: nil, publicFormToken: nil,
                       assets: assets.urls)
    }

    private func notFoundPage(_ request: HTTPRequest) -> HTTPResponse {
        let context = publicContext(request)
        return context.message(context.texts.common.notFoundTitle, context.texts.common.notFoundText, status: .notFound)
    }

    func signInFailurePage(_ context: RequestContext, title: String, text: String, status: HTTPStatus) -> HTTPResponse {
        context.page(title, status: status) {
            Node.h1(title)
            Node.p(text)
            Node.ul {
                Node.li { Node.a(.href("/login"), text: context.texts.signIn.tryAgain) }
                Node.li { Node.a(.href("/stod"), text: context.texts.accounts.contactWithoutLogin) }
            }
        }
    }
}

extension App {
    /// The identified support door with a private e-ID (not built yet: `startSignIn` refuses e-ID
    /// providers, so no callback reaches this).
    func completeEIDSignIn(_ request: HTTPRequest, context: RequestContext, provider: ConfiguredProvider,
                           claims: IDTokenClaims, returnTo: String) async throws -> HTTPResponse {
        context.message(context.texts.common.notFoundTitle, context.texts.common.notFoundText, status: .notFound)
    }
}
