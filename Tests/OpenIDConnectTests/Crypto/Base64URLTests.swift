import Testing
@testable import OpenIDConnect

@Suite struct Base64URLTests {
    @Test func encodesWithoutPaddingInTheURLAlphabet() {
        #expect(Base64URL.encode([]) == "")
        #expect(Base64URL.encode([0xFB, 0xFF]) == "-_8")
        #expect(Base64URL.encode(Array("any carnal pleas".utf8)) == "YW55IGNhcm5hbCBwbGVhcw")
    }

    @Test func decodesWhatItEncodes() {
        for count in 0..<70 {
            let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            #expect(Base64URL.decode(Base64URL.encode(bytes)) == bytes)
        }
    }

    @Test func refusesAnythingButStrictBase64URL() {
        for text in ["YW55=", "YW55IGNhcm5hbCBwbGVhcw==", "-_8+", "a/b", "Y W5", "YW55\n", "A", "YW55IGNhcm5hbCBwbGVhcx", "é"] {
            #expect(Base64URL.decode(text) == nil, "\(text.debugDescription)")
        }
    }
}
