import Foundation
import Testing
@testable import OpenIDConnect

@Suite struct IDTokenClaimsTests {
    func claims(_ extra: [String: Any]) throws -> IDTokenClaims {
        try IDTokenVerifier(expectations: TokenFactory.expectations()).verify(TokenFactory.make(change: extra), keys: TokenFactory.keySet())
    }

    @Test func readsAnIntegerEmployeeNumberAsItsDecimalText() throws {
        let claims = try claims(["employeeid": 40_117, "big": 9_007_199_254_740_993, "negative": -7, "one": 1, "zero": 0])
        #expect(claims.string("one") == "1")
        #expect(claims.string("zero") == "0")
        #expect(claims.string("employeeid") == "40117")
        #expect(claims.string("big") == "9007199254740993")
        #expect(claims.string("negative") == "-7")
        #expect(!claims.isMultiValued("employeeid"))
    }

    @Test func readsAStringClaimAsItIs() throws {
        let claims = try claims(["employeeid": "0040117", "name": "Åsa Öberg"])
        #expect(claims.string("employeeid") == "0040117")
        #expect(claims.string("name") == "Åsa Öberg")
        #expect(claims.string("sub") == "AAAAAAAAAAAAAAAAAAAAAIkzqFVrSaSaFHy782bbtaQ")
    }

    @Test func readsASingleElementArrayAsItsElement() throws {
        let claims = try claims(["employeeid": ["40117"], "number": [40_117]])
        #expect(claims.string("employeeid") == "40117")
        #expect(claims.string("number") == "40117")
        #expect(!claims.isMultiValued("employeeid"))
    }

    @Test func reportsAnArrayOfSeveralValuesAsMultiValuedAndNoString() throws {
        let claims = try claims(["employeeid": ["40117", "40118"]])
        #expect(claims.isMultiValued("employeeid"))
        #expect(claims.string("employeeid") == nil)
    }

    @Test func givesNoStringForAbsentNullBooleanFractionalOrObjectClaims() throws {
        let claims = try claims(["null": NSNull(), "flag": true, "fraction": 1.5, "object": ["a": "b"], "empty": [String](), "nested": [["x"]]])
        for name in ["absent", "null", "flag", "fraction", "object", "empty", "nested"] {
            #expect(claims.string(name) == nil, "\(name)")
            #expect(!claims.isMultiValued(name), "\(name)")
        }
    }

    @Test func refusesAPayloadNamingAClaimTwice() throws {
        // RFC 7519 section 4 allows the last or a refusal; Foundation's JSONDecoder kept the first.
        let header = TokenFactory.encodeJSON(["alg": "RS256", "kid": TestKey.rsa.id])
        var claims = TokenFactory.claims()
        claims["sub"] = "first"
        let json = String(decoding: try JSONSerialization.data(withJSONObject: claims, options: [.sortedKeys]), as: UTF8.self)
        let duplicated = json.dropLast() + #","sub":"last"}"#
        let input = header + "." + Base64URL.encode(Array(duplicated.utf8))
        let token = input + "." + Base64URL.encode(TestKey.rsa.sign(Array(input.utf8)))
        #expect(throws: OIDCError.self) {
            try IDTokenVerifier(expectations: TokenFactory.expectations()).verify(token, keys: TokenFactory.keySet())
        }
    }
}
