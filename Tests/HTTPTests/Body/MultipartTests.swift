import HTTP
import Testing

@Suite("multipart/form-data")
struct MultipartTests {
    private func makeRequest(_ body: String, boundary: String = "XyZ") -> HTTPRequest {
        HTTPRequest(
            head: HTTPRequestHead(method: .post, target: "/import", headers: HTTPHeaders([("Content-Type", "multipart/form-data; boundary=\"\(boundary)\"")])),
            body: Array(body.utf8)
        )
    }

    @Test func parsesFieldsAndAFileUpload() throws {
        let body = "--XyZ\r\nContent-Disposition: form-data; name=\"unit\"\r\n\r\n42\r\n"
            + "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"people \\\"2026\\\".csv\"\r\nContent-Type: text/csv\r\n\r\n"
            + "id;name\r\n1;Åsa\r\n\r\n--XyZ--\r\n"
        let parts = try makeRequest(body).multipart()
        #expect(parts.count == 2)
        #expect(parts[0].name == "unit")
        #expect(parts[0].filename == nil)
        #expect(parts[0].body == Array("42".utf8))
        #expect(parts[1].name == "file")
        #expect(parts[1].filename == "people \"2026\".csv")
        #expect(parts[1].contentType == "text/csv")
        #expect(String(decoding: parts[1].body, as: UTF8.self) == "id;name\r\n1;Åsa\r\n")
    }

    @Test(arguments: [
        "preamble\r\n--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--XyZ--",
        "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1",
        "--XyZ\r\nContent-Type: text/plain\r\n\r\n1\r\n--XyZ--",
        "--XyZ\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\n1\r\n--XyZ--",
        "--XyZ\r\nContent-Disposition form-data\r\n\r\n1\r\n--XyZ--",
        "--XyZX\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--XyZ--",
    ])
    func rejectsMalformedBodies(_ body: String) {
        do {
            _ = try makeRequest(body).multipart()
            Issue.record("accepted a malformed multipart body")
        } catch {
            #expect(error.status == .badRequest)
        }
    }

    @Test func boundsTheNumberOfParts() {
        let body = (0..<5).map { "--XyZ\r\nContent-Disposition: form-data; name=\"f\($0)\"\r\n\r\nv\r\n" }.joined() + "--XyZ--"
        do {
            _ = try makeRequest(body).multipart(maximumParts: 4)
            Issue.record("accepted too many parts")
        } catch {
            #expect(error.status == .contentTooLarge)
        }
        #expect((try? makeRequest(body).multipart(maximumParts: 5).count) == 5)
    }
}
