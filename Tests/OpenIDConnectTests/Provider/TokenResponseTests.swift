import Foundation
import Testing
@testable import OpenIDConnect

@Suite struct TokenResponseTests {
    func parse(_ json: String) -> Result<TokenResponse, OIDCError> {
        do { return .success(try TokenResponse(json: Data(json.utf8))) } catch { return .failure(error) }
    }

    @Test func readsTheIDTokenAndAcceptsBearerInAnyCase() throws {
        for type in ["Bearer", "bearer", "BEARER"] {
            let response = try parse(#"{"token_type":"\#(type)","id_token":"a.b.c","access_token":"at","expires_in":3600}"#).get()
            #expect(response.idToken == "a.b.c")
            #expect(response.accessToken == "at")
        }
        #expect(try parse(#"{"token_type":"Bearer","id_token":"a.b.c"}"#).get().accessToken == nil)
    }

    @Test func refusesAnAnswerWithoutIDTokenOrBearer() {
        for json in [
            #"{"token_type":"Bearer","access_token":"at"}"#, #"{"token_type":"Bearer","id_token":""}"#,
            #"{"token_type":"Bearer","id_token":7}"#, #"{"token_type":"mac","id_token":"a.b.c"}"#, #"{"id_token":"a.b.c"}"#,
            #"{"token_type":"Bearer","id_token":"a.b.c","access_token":1}"#, "[]", "not json", "",
        ] {
            guard case .failure(let error) = parse(json) else { Issue.record("accepted \(json)"); continue }
            #expect(error.code == .malformedTokenResponse, "\(json)")
        }
    }

    @Test func keepsOnlyAPlainOAuthErrorCode() {
        #expect(TokenResponse.errorCode(in: Data(#"{"error":"invalid_grant","error_description":"code abc used"}"#.utf8)) == "invalid_grant")
        #expect(TokenResponse.errorCode(in: Data(#"{"error":"bad\ncode"}"#.utf8)) == nil)
        #expect(TokenResponse.errorCode(in: Data("<html>".utf8)) == nil)
    }
}
