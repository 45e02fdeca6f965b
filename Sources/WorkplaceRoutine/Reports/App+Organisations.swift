import Foundation
import HTTP
import Postgres

/// The coordinator's view of all organisations (account role `overview`): each transaction acts as
/// wr_overview, which can call report.overview_years() and report.overview() and nothing else.
extension App {
    func registerOrganisations(_ router: inout Router) {
        router.get("/organisations", authenticated(.overview) { context, transaction in
            do {
                return OrganisationsPage.render(context, try await AllOrganisations.load(year: context.request.queryValue("year"), in: transaction))
            } catch is AllOrganisations.Problem {
                throw HTTPError(.notFound, code: "organisations.year")
            }
        })

        router.get("/api/organisations", authenticated(.overview) { context, transaction in
            do {
                let view = try await AllOrganisations.load(year: context.request.queryValue("year"), in: transaction)
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys]
                return try .json(AllOrganisationsJSON(view: view), encoder: encoder)
            } catch is AllOrganisations.Problem {
                return try .json(["error": "not_found"], status: .notFound)
            }
        })
    }
}
