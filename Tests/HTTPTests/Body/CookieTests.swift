import Foundation
import HTTP
import Testing

@Suite("Cookies")
struct CookieTests {
    private func makeRequest(cookies: [String]) -> HTTPRequest {
        HTTPRequest(head: HTTPRequestHead(method: .get, target: "/", headers: HTTPHeaders(cookies.map { ("Cookie", $0) })))
    }

    @Test func parsesCookiePairsFirstOccurrenceWinning() {
        let cookies = makeRequest(cookies: ["sid=abc; theme=\"dark\"; sid=later", "other=1;bad name=x; novalue; empty="]).cookies
        #expect(cookies == ["sid": "abc", "theme": "dark", "other": "1", "empty": ""])
    }

    @Test func skipsValuesOutsideCookieOctets() {
        #expect(makeRequest(cookies: ["a=b c; d=e\\f; ok=1"]).cookies == ["ok": "1"])
    }

    @Test func rendersSafeDefaultsAndEveryAttribute() throws {
        #expect(try SetCookie(name: "sid", value: "abc").headerValue == "sid=abc; Path=/; Secure; HttpOnly; SameSite=Lax")
        let full = try SetCookie(
            name: "sid", value: "v", path: "/app", domain: "example.org", maxAge: 3600, expires: Date(timeIntervalSince1970: 784_111_777),
            secure: true, httpOnly: true, sameSite: .strict
        )
        #expect(full.headerValue == "sid=v; Path=/app; Domain=example.org; Max-Age=3600; Expires=Sun, 06 Nov 1994 08:49:37 GMT; Secure; HttpOnly; SameSite=Strict")
        #expect(try SetCookie.deleting("sid").headerValue.contains("Max-Age=0"))
    }

    @Test(arguments: [("bad name", "v"), ("n", "semi;colon"), ("n", "new\r\nline"), ("", "v"), ("n", "quote\"d")])
    func refusesNamesAndValuesThatWouldBreakTheHeader(_ name: String, _ value: String) {
        #expect(throws: SetCookie.InvalidCookie.self) { try SetCookie(name: name, value: value) }
    }

    @Test func refusesSameSiteNoneWithoutSecure() {
        #expect(throws: SetCookie.InvalidCookie.self) { try SetCookie(name: "a", value: "b", secure: false, sameSite: SameSite.none) }
    }

    @Test func addsSetCookieFieldsToAResponse() throws {
        var response = HTTPResponse.redirect(to: "/talks")
        response.setCookie(try SetCookie(name: "a", value: "1"))
        response.setCookie(try SetCookie(name: "b", value: "2"))
        #expect(response.headers.values(for: "set-cookie").count == 2)
        #expect(response.status == .seeOther)
        #expect(response.headers["Location"] == "/talks")
    }
}

private typealias SameSite = SetCookie.SameSite
