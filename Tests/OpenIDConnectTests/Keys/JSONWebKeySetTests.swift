import Foundation
import Testing
@testable import OpenIDConnect

@Suite struct JSONWebKeySetTests {
    func set(_ keys: [[String: Any]]) throws -> JSONWebKeySet {
        try JSONWebKeySet(json: TokenFactory.keySetJSON(keys))
    }

    @Test func readsRSAAndP256Keys() throws {
        let keys = try set([TestKey.rsa.jwk(extra: ["alg": "RS256", "use": "sig"]), TestKey.ec.jwk()])
        #expect(keys.keys.map(\.keyID) == ["rsa-1", "ec-1"])
        #expect(keys.keys.map(\.keyType) == ["RSA", "EC"])
        #expect(keys.keys.first?.algorithm == "RS256")
        #expect(keys.keys.first?.use == "sig")
        #expect(keys.key(id: "rsa-1", algorithm: .rs256)?.keyID == "rsa-1")
        #expect(keys.key(id: "ec-1", algorithm: .es256)?.keyID == "ec-1")
        #expect(keys.key(id: "ec-1", algorithm: .rs256) == nil)
        #expect(keys.key(id: nil, algorithm: .es256)?.keyID == "ec-1")
        #expect(keys.key(id: "other", algorithm: .rs256) == nil)
    }

    @Test func skipsKeysItCannotUseAndKeepsTheOthers() throws {
        let rsa = TestKey.rsa.jwk()
        let ec = TestKey.ec.jwk()
        var offCurve = ec
        offCurve["kid"] = "off-curve"
        offCurve["y"] = Base64URL.encode([UInt8](repeating: 7, count: 32))
        let skipped: [[String: Any]] = [
            ["kty": "oct", "kid": "hmac", "k": "c2VjcmV0"],
            ["kty": "OKP", "kid": "ed", "crv": "Ed25519", "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"],
            ["kty": "EC", "kid": "p384", "crv": "P-384", "x": ec["x"]!, "y": ec["y"]!],
            offCurve,
            ["kty": "EC", "kid": "short", "crv": "P-256", "x": "AQ", "y": ec["y"]!],
            ["kty": "RSA", "kid": "small", "n": Base64URL.encode([0xC1] + [UInt8](repeating: 0x35, count: 127)), "e": "AQAB"],
            ["kty": "RSA", "kid": "no-e", "n": rsa["n"]!],
            ["kty": "RSA", "kid": "padded", "n": (rsa["n"] as! String) + "=", "e": "AQAB"],
            ["kty": "RSA", "kid": 5, "n": rsa["n"]!, "e": "AQAB"],
            ["kid": "no-kty"],
        ]
        let keys = try set(skipped + [rsa])
        #expect(keys.keys.map(\.keyID) == ["rsa-1"])
    }

    @Test func refusesADocumentWithoutAKeysArray() {
        for json in [#"{"keys":{}}"#, #"{"key":[]}"#, "[]", "", "null", #"{"keys":"#] {
            let error = #expect(throws: OIDCError.self) { try JSONWebKeySet(json: Data(json.utf8)) }
            #expect(error?.code == .malformedKeySet, "\(json)")
        }
        #expect((try? JSONWebKeySet(json: Data(#"{"keys":[1,"x",null]}"#.utf8)))?.keys.isEmpty == true)
    }
}
