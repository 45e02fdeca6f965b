import HTTP
import Testing

@Suite("FormData and query parsing")
struct FormDataTests {
    private func makeRequest(body: String, contentType: String = "application/x-www-form-urlencoded", target: String = "/") -> HTTPRequest {
        HTTPRequest(head: HTTPRequestHead(method: .post, target: target, headers: HTTPHeaders([("Content-Type", contentType)])), body: Array(body.utf8))
    }

    @Test func decodesPlusPercentAndKeepsRepeatedKeysInOrder() throws {
        let form = try makeRequest(body: "name=%C3%85sa+Berg&unit=2&unit=1&empty=&flag").form()
        #expect(form["name"] == "Åsa Berg")
        #expect(form.values(for: "unit") == ["2", "1"])
        #expect(form["empty"] == "")
        #expect(form["flag"] == "")
        #expect(form.pairs.map(\.name) == ["name", "unit", "unit", "empty", "flag"])
    }

    @Test func acceptsAMediaTypeWithParameters() throws {
        #expect(try makeRequest(body: "a=1", contentType: "Application/X-WWW-Form-Urlencoded; charset=UTF-8").form()["a"] == "1")
    }

    @Test(arguments: ["a=%ZZ", "a=%C3", "a=%FF%FE", "%=1", "a=%2"])
    func rejectsMalformedEncodingOrInvalidUTF8(_ body: String) {
        #expect(throws: HTTPError.self) { try makeRequest(body: body).form() }
        do {
            _ = try makeRequest(body: body).form()
        } catch {
            #expect(error.status == .badRequest)
        }
    }

    @Test func refusesAnotherMediaTypeWith415() {
        do {
            _ = try makeRequest(body: "a=1", contentType: "text/plain").form()
            Issue.record("accepted text/plain as a form")
        } catch {
            #expect(error.status == .unsupportedMediaType)
        }
    }

    @Test func parsesQueryItemsLeniently() {
        let request = makeRequest(body: "", target: "/search?q=a+b&bad=%ZZ&q=c%26d")
        #expect(request.queryItems.map(\.name) == ["q", "q"])
        #expect(request.queryItems.map(\.value) == ["a b", "c&d"])
        #expect(request.queryValue("q") == "a b")
    }

    @Test func decodesJSONBodiesOfTheRightMediaType() throws {
        struct Payload: Decodable { var id: Int }
        #expect(try makeRequest(body: "{\"id\":7}", contentType: "application/json").decodeJSON(Payload.self).id == 7)
        do {
            _ = try makeRequest(body: "{\"id\":", contentType: "application/json").decodeJSON(Payload.self)
            Issue.record("decoded broken JSON")
        } catch {
            #expect(error.status == .badRequest)
        }
    }
}
