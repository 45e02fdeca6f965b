import Testing
@testable import OpenIDConnect

@Suite struct JSONParserTests {
    func parse(_ text: String) -> JSONValue? {
        JSONParser.parse(Array(text.utf8))
    }

    @Test func readsEveryKindOfValue() {
        #expect(parse(#" {"a": [1, -2, 0, 1.5, -1e3, 2E+2, true, false, null, "x"], "b": {}} "#) == .object([
            "a": .array([.integer(1), .integer(-2), .integer(0), .number(1.5), .number(-1000), .number(200), .bool(true), .bool(false), .null, .string("x")]),
            "b": .object([:]),
        ]))
        #expect(parse("[]") == .array([]))
        #expect(parse("9223372036854775807") == .integer(.max))
        #expect(parse("9223372036854775808") == .number(9_223_372_036_854_775_808))
        #expect(parse("-0") == .integer(0))
    }

    @Test func decodesEscapesAndUTF8() {
        #expect(parse(#""\"\\\/\b\f\n\r\t""#) == .string("\"\\/\u{8}\u{C}\n\r\t"))
        #expect(parse(#""\u00e5\u00C4 \ud83d\ude00 ö""#) == .string("åÄ 😀 ö"))
    }

    @Test func refusesADuplicateMemberAtAnyDepth() {
        #expect(parse(#"{"a":1,"a":2}"#) == nil)
        #expect(parse(#"{"x":{"a":1,"b":{"c":1,"c":1}}}"#) == nil)
        #expect(parse(#"{"a":1,"\u0061":2}"#) == nil)
        #expect(parse(#"{"é":1,"e\u0301":2}"#) == nil)
    }

    @Test func refusesWhatRFC8259Forbids() {
        for text in [
            "", " ", "{", "{]", #"{"a"}"#, #"{"a":}"#, #"{"a":1,}"#, "[1,]", "[1 2]", "{a:1}", "'a'", #""a"#, "01", "1.", ".5", "1e",
            "+1", "-", "--1", "0x10", "NaN", "Infinity", "1e999", "tru", "nul", "True", #""\x""#, #""\u12""#, #""\ud83d""#,
            #""\ude00""#, #""\ud83d\u0041""#, "\"a\u{1}b\"", "\"a\nb\"", "{} {}", "[] x", "\u{FEFF}{}",
        ] {
            #expect(parse(text) == nil, "\(text.debugDescription)")
        }
        #expect(JSONParser.parse([0x22, 0xC3, 0x28, 0x22]) == nil, "invalid UTF-8")
        #expect(JSONParser.parse([0x22, 0xED, 0xA0, 0x80, 0x22]) == nil, "encoded surrogate")
    }

    @Test func refusesNestingDeeperThanTheLimit() {
        let limit = JSONParser.maximumDepth
        #expect(parse(String(repeating: "[", count: limit) + String(repeating: "]", count: limit)) != nil)
        #expect(parse(String(repeating: "[", count: limit + 1) + String(repeating: "]", count: limit + 1)) == nil)
        #expect(parse(String(repeating: "[", count: 100_000)) == nil)
        #expect(parse(String(repeating: #"{"a":"#, count: limit + 1) + "1" + String(repeating: "}", count: limit + 1)) == nil)
    }
}
