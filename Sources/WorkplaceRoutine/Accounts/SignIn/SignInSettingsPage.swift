import Foundation
import HTML
import HTTP
import Postgres

/// The administrator's read-only view of how the organisation signs in (`/admin/sign-in`): the
/// providers the operator configured (never the secret: the column privilege leaves it out), the URIs
/// to register at a provider, and whether passwords are allowed.
enum SignInSettingsPage {
    struct Provider {
        let label: String
        let kind: String
        let issuer: String
        let clientID: String
        let claim: String?
    }

    static func render(_ context: RequestContext, _ transaction: PostgresTransaction, callbackURL: String,
                       postLogoutURL: String) async throws -> HTTPResponse {
        let texts = context.texts.signIn
        let providers = try await transaction.query("""
            SELECT label, kind, issuer, client_id, employee_number_claim FROM auth.identity_provider ORDER BY kind DESC, label, issuer
            """).map { row in
            let (label, kind, issuer, client, claim) = try row.decode((String, String, String, String, String?).self)
            return Provider(label: label, kind: kind, issuer: issuer, clientID: client, claim: claim)
        }
        let passwordLogin = try await transaction.query("""
            SELECT password_login FROM org.organisation WHERE id = (SELECT app.organisation_id())
            """).first?.decode(Bool.self, column: 0) ?? true
        return context.page(texts.adminTitle) {
            Node.h1(texts.adminTitle)
            Node.p(texts.adminIntro)
            Node.dl(.class("summary-list")) {
                Node.dt(texts.redirectURILabel)
                Node.dd { Node.code(callbackURL) }
                Node.dt(texts.postLogoutURILabel)
                Node.dd { Node.code(postLogoutURL) }
            }
            Node.p(passwordLogin ? texts.passwordLoginOn : texts.passwordLoginOff)
            if providers.isEmpty {
                Node.p(texts.noProviders)
            } else {
                Node.div(.class("table-wrap"), .role("region"), .tabindex(0), .aria("label", texts.providersCaption)) {
                    Node.table {
                        Node.caption(texts.providersCaption)
                        Node.thead {
                            Node.tr {
                                Node.th(.scope("col"), text: texts.labelColumn)
                                Node.th(.scope("col"), text: texts.kindColumn)
                                Node.th(.scope("col"), text: texts.issuerColumn)
                                Node.th(.scope("col"), text: texts.clientColumn)
                                Node.th(.scope("col"), text: texts.claimColumn)
                            }
                        }
                        Node.tbody {
                            for provider in providers {
                                Node.tr {
                                    Node.td(provider.label)
                                    Node.td(provider.kind == "eid" ? texts.kindEID : texts.kindStaff)
                                    Node.td { Node.code(provider.issuer) }
                                    Node.td { Node.code(provider.clientID) }
                                    Node.td(provider.claim ?? "–")
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
