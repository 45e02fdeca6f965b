import Foundation
import Testing
@testable import OpenIDConnect

@Suite struct ClientAuthenticationTests {
    @Test func postPutsBothInTheForm() {
        let credentials = ClientAuthentication.post.credentials(clientID: "id", clientSecret: "s3cret")
        #expect(credentials.form.map { "\($0.0)=\($0.1)" } == ["client_id=id", "client_secret=s3cret"])
        #expect(credentials.headers.isEmpty)
    }

    @Test func basicURLEncodesEachSideBeforeBase64AsRFC6749Says() throws {
        let credentials = ClientAuthentication.basic.credentials(clientID: "app:1", clientSecret: "p@ss word/+")
        #expect(credentials.form.isEmpty)
        let header = try #require(credentials.headers["Authorization"])
        #expect(header.hasPrefix("Basic "))
        let decoded = try #require(Data(base64Encoded: String(header.dropFirst(6))))
        #expect(String(decoding: decoded, as: UTF8.self) == "app%3A1:p%40ss%20word%2F%2B")
    }
}
