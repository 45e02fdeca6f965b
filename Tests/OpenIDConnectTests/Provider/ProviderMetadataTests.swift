import Foundation
import Testing
@testable import OpenIDConnect

@Suite struct ProviderMetadataTests {
    static let issuer = "https://login.example.test/tenant/v2.0"

    static func document(_ change: [String: Any] = [:]) -> Data {
        var members: [String: Any] = [
            "issuer": issuer,
            "authorization_endpoint": "https://login.example.test/tenant/oauth2/v2.0/authorize",
            "token_endpoint": "https://login.example.test/tenant/oauth2/v2.0/token",
            "jwks_uri": "https://login.example.test/tenant/discovery/v2.0/keys",
            "end_session_endpoint": "https://login.example.test/tenant/oauth2/v2.0/logout",
            "id_token_signing_alg_values_supported": ["RS256"],
            "code_challenge_methods_supported": ["plain", "S256"],
            "token_endpoint_auth_methods_supported": ["client_secret_post", "client_secret_basic"],
            "response_types_supported": ["code"],
        ]
        for (name, value) in change { members[name] = value is TokenFactory.Absent ? nil : value }
        return try! JSONSerialization.data(withJSONObject: members)
    }

    func parse(_ json: Data, issuer: String = issuer, loopback: Bool = false) -> Result<ProviderMetadata, OIDCError> {
        do {
            return .success(try ProviderMetadata.parse(json, issuer: issuer, policy: ProviderHTTPPolicy(allowInsecureLoopback: loopback)))
        } catch {
            return .failure(error)
        }
    }

    func refusal(_ json: Data, issuer: String = issuer, loopback: Bool = false) -> OIDCError.Code? {
        if case .failure(let error) = parse(json, issuer: issuer, loopback: loopback) { return error.code }
        return nil
    }

    @Test func readsADiscoveryDocument() throws {
        let metadata = try parse(Self.document()).get()
        #expect(metadata.issuer == Self.issuer)
        #expect(metadata.tokenEndpoint.absoluteString == "https://login.example.test/tenant/oauth2/v2.0/token")
        #expect(metadata.jwksURI.absoluteString == "https://login.example.test/tenant/discovery/v2.0/keys")
        #expect(metadata.endSessionEndpoint?.absoluteString == "https://login.example.test/tenant/oauth2/v2.0/logout")
        #expect(metadata.codeChallengeMethodsSupported == ["plain", "S256"])
        #expect(metadata.tokenEndpointAuthMethodsSupported == ["client_secret_post", "client_secret_basic"])
        let minimal = try parse(Self.document([
            "end_session_endpoint": TokenFactory.absent, "id_token_signing_alg_values_supported": TokenFactory.absent,
            "code_challenge_methods_supported": TokenFactory.absent, "token_endpoint_auth_methods_supported": TokenFactory.absent,
        ])).get()
        #expect(minimal.endSessionEndpoint == nil)
    }

    @Test func refusesAnIssuerOtherThanTheConfiguredOneExactly() {
        #expect(refusal(Self.document(["issuer": Self.issuer + "/"])) == .issuerMismatchInDiscovery)
        #expect(refusal(Self.document(), issuer: "https://login.example.test/other/v2.0") == .issuerMismatchInDiscovery)
        #expect(refusal(Self.document(["issuer": "https://LOGIN.example.test/tenant/v2.0"])) == .issuerMismatchInDiscovery)
    }

    @Test func refusesEndpointsThatAreNotHTTPS() {
        for member in ["authorization_endpoint", "token_endpoint", "jwks_uri", "end_session_endpoint"] {
            #expect(refusal(Self.document([member: "http://login.example.test/x"])) == .insecureTransport, "\(member)")
            #expect(refusal(Self.document([member: "http://127.0.0.1:9/x"])) == .insecureTransport, "\(member) loopback not allowed")
            #expect(refusal(Self.document([member: "http://127.0.0.1:9/x"]), loopback: true) == nil, "\(member) loopback allowed")
        }
    }

    @Test func refusesADocumentMissingARequiredMemberOrOfTheWrongShape() {
        for member in ["issuer", "authorization_endpoint", "token_endpoint", "jwks_uri"] {
            #expect(refusal(Self.document([member: TokenFactory.absent])) == .malformedDiscovery, "no \(member)")
            #expect(refusal(Self.document([member: 42])) == .malformedDiscovery, "\(member) a number")
        }
        #expect(refusal(Self.document(["code_challenge_methods_supported": "S256"])) == .malformedDiscovery)
        #expect(refusal(Data("<html>".utf8)) == .malformedDiscovery)
        // Two issuer members: JSONDecoder alone would take the first and never see the second.
        let twice = String(decoding: Self.document(["issuer": "https://evil.example.test"]), as: UTF8.self).dropLast() + #","issuer":"\#(Self.issuer)"}"#
        #expect(refusal(Data(twice.utf8)) == .malformedDiscovery)
        #expect(refusal(Data("[]".utf8)) == .malformedDiscovery)
    }

    @Test func derivesTheDiscoveryURLFromTheIssuer() throws {
        let policy = ProviderHTTPPolicy(allowInsecureLoopback: false)
        #expect(try ProviderDirectory.discoveryURL(issuer: "https://a.test/tenant/v2.0", policy: policy).absoluteString
            == "https://a.test/tenant/v2.0/.well-known/openid-configuration")
        #expect(try ProviderDirectory.discoveryURL(issuer: "https://a.test/", policy: policy).absoluteString
            == "https://a.test/.well-known/openid-configuration")
        for issuer in ["http://a.test", "https://a.test/?x=1", "https://a.test/#f", "not a url", ""] {
            #expect(throws: OIDCError.self, "\(issuer)") { try ProviderDirectory.discoveryURL(issuer: issuer, policy: policy) }
        }
    }
}
