import Foundation
import HTML
import HTTP
import Postgres

/// The confidential support journey: public pages, both doors, the person's own view, and the
/// support team's inbox. Every response here is `Cache-Control: no-store` (the server's default for
/// everything but static assets) and no handler reads or stores the client's address, apart from
/// the in-memory receipt throttle.
extension App {
    func registerSupport(_ router: inout Router) {
        registerSupportPublic(&router)
        registerSupportAnonymous(&router)
        registerSupportIdentified(&router)
        registerInbox(&router)
    }

    /// The anonymous door's receipt-session cookie. Over TLS it uses the `__Host-` prefix.
    var receiptCookieName: String { configuration.usesTLS ? "__Host-wr_receipt" : "wr_receipt" }

    /// The public start page and the safety advice. A logged-in person keeps their navigation here.
    func registerSupportPublic(_ router: inout Router) {
        router.get("/stod", public_ { [self] context, transaction in
            let context = try await withOptionalSession(context, transaction)
            let organisations = try await SupportOrganisation.all(in: transaction)
            let chosen = SupportOrganisation.chosen(context.request.queryValue("org"), among: organisations)
            var resources: [SupportResource] = []
            if let chosen {
                try await chosen.act(in: transaction)
                resources = try await SupportResource.list(language: context.language, in: transaction)
            }
            return StartPage.render(context, organisations: organisations, chosen: chosen, resources: resources)
        })

        router.get("/stod/sakerhet", public_ { [self] context, transaction in
            SafetyPage.render(try await withOptionalSession(context, transaction))
        })
    }

    /// The context of a public page as seen by a logged-in person, if the visitor has a session (so
    /// the navigation stays theirs); otherwise the public context unchanged. Only for pages without
    /// forms of their own: a public form's token is the double-submit cookie, not the session's.
    func withOptionalSession(_ context: RequestContext, _ transaction: PostgresTransaction) async throws -> RequestContext {
        guard let session = try await resolveSession(context.request, in: transaction) else { return context }
        let language = context.request.cookies[App.languageCookieName].flatMap(Language.init(code:)) ?? session.language
        return RequestContext(request: context.request, language: language, session: session, form: nil,
                              publicFormToken: nil, assets: context.assets)
    }

    /// The id in a `:id` path segment; 404 for anything that is not a UUID.
    func requestID(_ context: RequestContext) throws -> UUID {
        guard let text = context.request.pathParameters["id"], let id = UUID(uuidString: text) else {
            throw HTTPError(.notFound, code: "support.request.unknown")
        }
        return id
    }
}
