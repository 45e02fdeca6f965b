import Foundation
import HTTP
import Postgres

/// Operations endpoints and the routes every page relies on: assets, quick exit, language switch.
extension App {
    func registerOperations(_ router: inout Router) {
        // Process alive; touches nothing else.
        router.get("/healthz") { _ in .text("ok") }

        // Database reachable and every migration this build knows applied.
        router.get("/readyz") { [self] _ in
            do {
                let applied = try await pool.transaction(as: SessionContext(role: "wr_anonymous")) { transaction in
                    try await transaction.query("SELECT name FROM public.schema_migrations").map { try $0.decode(String.self, column: 0) }
                }
                let pending = expectedMigrations.subtracting(applied)
                if !pending.isEmpty { return .text("not ready: \(pending.count) migrations pending", status: .serviceUnavailable) }
                return .text("ready: database reachable, \(applied.count) migrations applied")
            } catch {
                return .text("not ready: database unreachable", status: .serviceUnavailable)
            }
        }

        router.get("/metrics") { [self] _ in
            var response = HTTPResponse.text(metrics.render())
            response.headers.set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
            return response
        }

        for asset in assets.all {
            router.get(asset.path) { _ in
                var response = HTTPResponse(status: .ok, body: asset.body)
                response.headers.set("Content-Type", asset.contentType)
                response.markCacheable(maxAge: 31_536_000, immutable: true)
                return response
            }
        }

        // Quick exit: end the session (if any), clear cookies and storage, leave for a neutral site.
        router.get("/exit") { [self] request in
            if let cookie = request.cookies[sessionCookieName], let token = Secrets.fromBase64URL(cookie), token.count == 32 {
                _ = try? await pool.transaction(as: SessionContext(role: "wr_anonymous")) { transaction in
                    try await transaction.query("SELECT auth.logout(\(Data(token)), false)")
                }
            }
            // The anonymous door's receipt session ends too.
            if let cookie = request.cookies[receiptCookieName], let token = Secrets.fromBase64URL(cookie), token.count == 32 {
                _ = try? await pool.transaction(as: SessionContext(role: "wr_anonymous")) { transaction in
                    try await ReceiptSessions.close(token: token, in: transaction)
                }
            }
            var response = HTTPResponse.redirect(to: configuration.quickExitURL, status: .seeOther)
            response.headers.set("Clear-Site-Data", "\"cookies\", \"storage\"")
            for name in [sessionCookieName, App.languageCookieName, formCookieName, receiptCookieName] {
                if let expired = expiring(name) { response.setCookie(expired) }
            }
            return response
        }

        // The language switch: a session cookie (no lasting trace), then back to the same page.
        router.get("/language") { [self] request in
            let language = request.queryValue("to").flatMap(Language.init(code:)) ?? .swedish
            let back = LanguageSwitch.safeReturnPath(request.queryValue("return") ?? "/")
            var response = HTTPResponse.redirect(to: back, status: .seeOther)
            if let cookie = try? SetCookie(name: App.languageCookieName, value: language.code, secure: configuration.usesTLS,
                                           httpOnly: true, sameSite: .lax) {
                response.setCookie(cookie)
            }
            return response
        }
    }
}
