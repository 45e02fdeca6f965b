import Testing
@testable import OpenIDConnect

@Suite struct PKCETests {
    @Test func matchesTheExampleOfRFC7636AppendixB() {
        // The verifier from the octets [116, 24, 223, …, 121] and its S256 challenge, as printed in
        // RFC 7636 Appendix B.
        #expect(PKCE.challenge(for: "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk") == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")
    }

    @Test func makesA43CharacterVerifierOfUnreservedCharactersWithItsChallenge() {
        let pkce = PKCE.make()
        #expect(pkce.verifier.count == 43)
        #expect(pkce.verifier.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        #expect(pkce.challenge == PKCE.challenge(for: pkce.verifier))
        #expect(Base64URL.decode(pkce.verifier)?.count == 32)
    }

    @Test func makesADifferentVerifierEachTime() {
        let verifiers = Set((0..<100).map { _ in PKCE.make().verifier })
        #expect(verifiers.count == 100)
    }
}
