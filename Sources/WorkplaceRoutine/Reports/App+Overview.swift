import Foundation
import HTML
import HTTP
import Postgres

/// The director's compliance view: the dashboard, and the same suppressed rows as CSV and JSON.
/// Every handler acts as wr_director, which can call the report functions and nothing else: the
/// figures are suppressed inside the database before this code sees them, and a cycle or unit of
/// another organisation simply does not exist here (404).
extension App {
    func registerOverview(_ router: inout Router) {
        router.get("/overview", authenticated(.director) { context, transaction in
            do {
                let overview = try await Overview.load(try OverviewFilter(context.request), withTrend: true, in: transaction)
                return OverviewPage.render(context, overview)
            } catch is OverviewFilter.Problem {
                throw HTTPError(.notFound, code: "overview.filter")
            } catch is Overview.Problem {
                throw HTTPError(.notFound, code: "overview.filter")
            }
        })

        router.get("/overview.csv", authenticated(.director) { context, transaction in
            do {
                let overview = try await Overview.load(try OverviewFilter(context.request), in: transaction)
                let csv = OverviewCSV(overview: overview, texts: context.texts.report, language: context.language)
                return HTTPResponse(status: .ok, headers: HTTPHeaders([
                    ("Content-Type", "text/csv; charset=utf-8"),
                    ("Content-Disposition", "attachment; filename=\"\(csv.filename)\""),
                ]), body: csv.render())
            } catch is OverviewFilter.Problem {
                throw HTTPError(.notFound, code: "overview.filter")
            } catch is Overview.Problem {
                throw HTTPError(.notFound, code: "overview.filter")
            }
        })

        router.get("/api/overview", authenticated(.director) { context, transaction in
            do {
                let overview = try await Overview.load(try OverviewFilter(context.request), in: transaction)
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys]
                return try .json(OverviewJSON(overview: overview), encoder: encoder)
            } catch is OverviewFilter.Problem {
                return try .json(["error": "not_found"], status: .notFound)
            } catch is Overview.Problem {
                return try .json(["error": "not_found"], status: .notFound)
            }
        })
    }
}
