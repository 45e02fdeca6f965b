import Testing
@testable import OpenIDConnect

@Suite struct RandomnessTests {
    @Test func givesBase64URLOfTheRequestedNumberOfBytes() {
        for bytes in [1, 16, 32, 33, 64] {
            let token = Randomness.token(bytes: bytes)
            #expect(Base64URL.decode(token)?.count == bytes, "\(bytes) bytes")
            #expect(!token.contains("=") && !token.contains("+") && !token.contains("/"))
        }
        #expect(Randomness.token().count == 43)
    }

    @Test func neverRepeatsItself() {
        #expect(Set((0..<1000).map { _ in Randomness.token() }).count == 1000)
    }
}
