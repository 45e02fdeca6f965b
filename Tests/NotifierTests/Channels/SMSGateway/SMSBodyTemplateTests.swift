import Foundation
import Testing
@testable import Notifier

@Suite struct SMSBodyTemplateTests {
    @Test func standardShapeCarriesNumberAndText() throws {
        let body = SMSBodyTemplate.standard.render(to: "+46701234567", text: "Hej", from: nil)
        #expect(String(decoding: body, as: UTF8.self) == #"{"to":"+46701234567","message":"Hej"}"#)
    }

    @Test func escapesValuesSoTheyCannotChangeTheDocument() throws {
        let hostile = #"", "to": "+4670000000", "x": ""# + "\n\u{0}\u{2028}\\"
        let body = SMSBodyTemplate.standard.render(to: "+46701234567", text: hostile, from: nil)
        let json = try #require(try JSONSerialization.jsonObject(with: body) as? [String: String])
        #expect(json == ["to": "+46701234567", "message": hostile])
    }

    @Test func escapesLikeRFC8259() {
        #expect(SMSBodyTemplate.escaped("a\"b\\c/d\n\r\t\u{1}\u{7F}\u{2028}\u{2029}åäö") == #"a\"b\\c\/d\n\r\t\u0001\u007f\u2028\u2029åäö"#)
    }

    @Test func acceptsNestedShapes() throws {
        let template = try SMSBodyTemplate(#"{"messages":[{"to":["tel:{{to}}"],"content":{"text":"{{text}}"}}],"from":"{{from}}"}"#)
        let body = template.render(to: "+46701234567", text: "Hej", from: "Kommunen")
        #expect(String(decoding: body, as: UTF8.self) == #"{"messages":[{"to":["tel:+46701234567"],"content":{"text":"Hej"}}],"from":"Kommunen"}"#)
        #expect(template.usesSender)
        #expect(!SMSBodyTemplate.standard.usesSender)
    }

    @Test(arguments: [
        #"{"message":"{{text}}"}"#,                        // no number
        #"{"to":"{{to}}"}"#,                               // no text
        #"{"to":{{to}},"message":"{{text}}"}"#,            // number outside a string
        #"{"to":"{{to}}","message":"{{text}}""#,           // not JSON
        #"{"to":"{{to}}","message":"{{text}}","x":"{{name}}"}"#, // unknown placeholder
        #"{"to":"{{to}}","message":"{{text}"}"#,           // unclosed placeholder
        #"{"to":"{{to}}","message":"{{text}}","cc":{{from}}}"#,
    ])
    func refusesUnusableTemplates(source: String) {
        #expect(throws: SMSGatewayError.self) { try SMSBodyTemplate(source) }
    }
}
