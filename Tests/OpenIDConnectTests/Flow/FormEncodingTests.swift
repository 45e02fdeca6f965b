import Testing
@testable import OpenIDConnect

@Suite struct FormEncodingTests {
    @Test func leavesOnlyUnreservedCharactersUnencoded() {
        #expect(FormEncoding.component("AZaz09-._~") == "AZaz09-._~")
        #expect(FormEncoding.component(" +&=%/?#:") == "%20%2B%26%3D%25%2F%3F%23%3A")
        #expect(FormEncoding.component("å\u{0}\n") == "%C3%A5%00%0A")
    }

    @Test func joinsPairs() {
        #expect(FormEncoding.encode([("grant_type", "authorization_code"), ("code", "a&b=c")]) == "grant_type=authorization_code&code=a%26b%3Dc")
        #expect(FormEncoding.encode([]) == "")
    }
}
