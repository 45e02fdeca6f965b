import HTTP
import Testing

@Suite("Router")
struct RouterTests {
    private func makeHead(_ method: HTTPMethod, _ target: String) -> HTTPRequestHead { HTTPRequestHead(method: method, target: target) }

    private func run(_ router: Router, _ method: HTTPMethod, _ target: String) async throws -> (HTTPRoute, HTTPResponse) {
        let route = router.route(for: makeHead(method, target))
        let response = try await route.handler(HTTPRequest(head: makeHead(method, target), pathParameters: route.pathParameters))
        return (route, response)
    }

    private func makeRouter() -> Router {
        var router = Router(defaultBodyLimit: 1000)
        router.get("/talks") { _ in .text("list") }
        router.get("/talks/new") { _ in .text("new") }
        router.get("/talks/:id") { request in .text("talk \(request.pathParameters["id"]!)") }
        router.post("/talks/:id/record", bodyLimit: 16) { request in .text("record \(request.pathParameters["id"]!)") }
        router.post("/import", bodyLimit: 64 * 1024 * 1024) { _ in .text("imported") }
        return router
    }

    @Test func matchesLiteralsBeforeParametersInRegistrationOrder() async throws {
        let router = makeRouter()
        #expect(try await run(router, .get, "/talks").1.body == Array("list".utf8))
        #expect(try await run(router, .get, "/talks/new").1.body == Array("new".utf8))
        let (route, response) = try await run(router, .get, "/talks/42?x=1")
        #expect(route.pattern == "/talks/:id")
        #expect(route.pathParameters == ["id": "42"])
        #expect(response.body == Array("talk 42".utf8))
    }

    @Test func decodesEachParameterOnItsOwn() {
        let route = makeRouter().route(for: makeHead(.get, "/talks/a%2Fb%20c"))
        #expect(route.pathParameters == ["id": "a/b c"])
    }

    @Test func answers404ForUnknownPathsAndEmptyParameters() async throws {
        let router = makeRouter()
        for target in ["/nothing", "/talks/", "/talks/1/2", "/Talks"] {
            let (route, response) = try await run(router, .get, target)
            #expect(response.status == .notFound, "\(target)")
            #expect(route.pattern == "unmatched")
        }
    }

    @Test func answers405WithAllowListingTheRoutesMethods() async throws {
        let (_, response) = try await run(makeRouter(), .delete, "/talks/5/record")
        #expect(response.status == .methodNotAllowed)
        #expect(response.headers["Allow"] == "POST")
        let (_, getOnly) = try await run(makeRouter(), .post, "/talks")
        #expect(getOnly.headers["Allow"] == "GET, HEAD")
    }

    @Test func answersHeadWithTheGetRoute() {
        let route = makeRouter().route(for: makeHead(.head, "/talks/9"))
        #expect(route.pattern == "/talks/:id")
    }

    @Test func givesEachRouteItsBodyLimit() {
        let router = makeRouter()
        #expect(router.route(for: makeHead(.post, "/talks/1/record")).bodyLimit == 16)
        #expect(router.route(for: makeHead(.post, "/import")).bodyLimit == 64 * 1024 * 1024)
        #expect(router.route(for: makeHead(.get, "/talks")).bodyLimit == 1000)
        #expect(router.route(for: makeHead(.get, "/missing")).bodyLimit == 1000)
    }
}
