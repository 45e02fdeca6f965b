import HTTP
import Testing

@Suite("HTTPServer with forms, uploads and cookies over a real socket")
struct HTTPServerBodyTests {
    private func makeRouter() -> Router {
        var router = Router()
        router.post("/login") { request in
            let form = try request.form()
            var response = HTTPResponse.redirect(to: "/start")
            response.setCookie(try SetCookie(name: "sid", value: "s-\(form["user"] ?? "")"))
            return response
        }
        router.get("/whoami") { request in .text(request.cookies["sid"] ?? "nobody") }
        router.post("/import", bodyLimit: 64 * 1024 * 1024) { request in
            let parts = try request.multipart()
            let file = parts.first { $0.name == "file" }
            return .text("\(file?.filename ?? "-"):\(file?.body.count ?? 0)")
        }
        return router
    }

    @Test func postsAFormAndSetsAndReadsACookie() async throws {
        try await withServer(router: makeRouter()) { _, port in
            let client = try RawClient(port: port)
            try client.send(makeRequest("POST", "/login", headers: ["Content-Type: application/x-www-form-urlencoded"], body: "user=anna&x=%41"))
            let login = try client.readResponse()
            #expect(login.status == 303)
            #expect(login.header("Location") == "/start")
            #expect(login.header("Set-Cookie") == "sid=s-anna; Path=/; Secure; HttpOnly; SameSite=Lax")
            try client.send(makeRequest("GET", "/whoami", headers: ["Cookie: theme=dark; sid=s-anna"]))
            #expect(try client.readResponse().bodyText == "s-anna")
            try client.send(makeRequest("POST", "/login", headers: ["Content-Type: application/x-www-form-urlencoded"], body: "user=%FF"))
            #expect(try client.readResponse().status == 400)
        }
    }

    @Test func acceptsALargeMultipartUploadOnItsRoute() async throws {
        try await withServer(router: makeRouter()) { _, port in
            let client = try RawClient(port: port, timeoutMilliseconds: 20_000)
            let csv = String(repeating: "1;Anna Andersson;Enhet 4\r\n", count: 40_000)  // ≈1 MB, over the 64 KiB default
            let body = "--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"org.csv\"\r\nContent-Type: text/csv\r\n\r\n"
                + csv + "\r\n--b0undary--\r\n"
            try client.send(makeRequest("POST", "/import", headers: ["Content-Type: multipart/form-data; boundary=b0undary"], body: body))
            let response = try client.readResponse()
            #expect(response.bodyText == "org.csv:\(csv.utf8.count)")
        }
    }
}
