import Foundation
import Testing
@testable import OpenIDConnect

@Suite struct AuthorizationRequestTests {
    static func metadata(authorization: String = "https://login.example.test/tenant/oauth2/authorize") -> ProviderMetadata {
        ProviderMetadata(
            issuer: "https://login.example.test/tenant", authorizationEndpoint: URL(string: authorization)!,
            tokenEndpoint: URL(string: "https://login.example.test/tenant/oauth2/token")!,
            jwksURI: URL(string: "https://login.example.test/tenant/keys")!)
    }

    /// The query of `url` as name → value, decoded, with every name once.
    func query(_ url: URL) throws -> [String: String] {
        let items = try #require(URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems)
        #expect(Set(items.map(\.name)).count == items.count, "a parameter appears twice")
        return Dictionary(uniqueKeysWithValues: items.map { ($0.name, $0.value ?? "") })
    }

    @Test func asksForACodeWithPKCES256() throws {
        let request = AuthorizationRequest(
            metadata: Self.metadata(), clientID: "workplace-routine", redirectURI: "https://wr.example.test/auth/oidc/callback",
            state: "state-1", nonce: "nonce-1", codeChallenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")
        let url = request.url
        #expect(url.absoluteString.hasPrefix("https://login.example.test/tenant/oauth2/authorize?"))
        #expect(try query(url) == [
            "response_type": "code", "client_id": "workplace-routine", "redirect_uri": "https://wr.example.test/auth/oidc/callback",
            "scope": "openid", "state": "state-1", "nonce": "nonce-1",
            "code_challenge": "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", "code_challenge_method": "S256",
        ])
    }

    @Test func percentEncodesEveryValueSoNoneCanAddAParameter() throws {
        let request = AuthorizationRequest(
            metadata: Self.metadata(), clientID: "a+b c&d=e", redirectURI: "https://wr.example.test/cb?x=1&y=2#f",
            state: "s/t?u", nonce: "ö", codeChallenge: "c", scope: "openid profile", prompt: "login&response_type=token")
        let url = request.url
        let text = url.absoluteString
        #expect(text.contains("client_id=a%2Bb%20c%26d%3De"))
        #expect(text.contains("redirect_uri=https%3A%2F%2Fwr.example.test%2Fcb%3Fx%3D1%26y%3D2%23f"))
        #expect(text.contains("nonce=%C3%B6"))
        #expect(!text.contains("#"))
        let parameters = try query(url)
        #expect(parameters["response_type"] == "code")
        #expect(parameters["prompt"] == "login&response_type=token")
        #expect(parameters["scope"] == "openid profile")
        #expect(parameters["client_id"] == "a+b c&d=e")
    }

    @Test func keepsAQueryTheEndpointAlreadyHas() throws {
        let request = AuthorizationRequest(
            metadata: Self.metadata(authorization: "https://login.example.test/authorize?p=b2c_1_signin"), clientID: "c",
            redirectURI: "https://wr.example.test/cb", state: "s", nonce: "n", codeChallenge: "x")
        let parameters = try query(request.url)
        #expect(parameters["p"] == "b2c_1_signin")
        #expect(parameters["client_id"] == "c")
    }
}
