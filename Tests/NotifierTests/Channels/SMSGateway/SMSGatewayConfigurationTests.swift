import Foundation
import Testing
@testable import Notifier

@Suite struct SMSGatewayConfigurationTests {
    @Test func acceptsHTTPSAndLoopbackHTTP() throws {
        #expect(throws: Never.self) { try makeConfiguration(url: "https://api.sms.example/v1/send").validate() }
        #expect(throws: Never.self) { try makeConfiguration(url: "http://127.0.0.1:8099/send").validate() }
        #expect(throws: Never.self) { try makeConfiguration(url: "http://localhost/send").validate() }
    }

    @Test func refusesPlainHTTPToAnotherHostUnlessAllowed() throws {
        #expect(throws: SMSGatewayError.self) { try makeConfiguration(url: "http://sms.internal/send").validate() }
        var allowed = makeConfiguration(url: "http://sms.internal/send")
        allowed.allowsUnencryptedHTTP = true
        #expect(throws: Never.self) { try allowed.validate() }
        #expect(throws: SMSGatewayError.self) { try makeConfiguration(url: "ftp://sms.example/send").validate() }
    }

    @Test func refusesHeaderValuesThatCouldInjectHeaders() {
        var configuration = makeConfiguration()
        configuration.token = "abc\r\nX-Evil: 1"
        #expect(throws: SMSGatewayError.self) { try configuration.validate() }
        configuration = makeConfiguration()
        configuration.tokenHeader = "X-Key: evil"
        #expect(throws: SMSGatewayError.self) { try configuration.validate() }
        configuration.tokenHeader = "Content-Type"
        #expect(throws: SMSGatewayError.self) { try configuration.validate() }
        configuration = makeConfiguration()
        configuration.token = ""
        #expect(throws: SMSGatewayError.self) { try configuration.validate() }
    }

    @Test func needsASenderWhenTheBodyUsesOne() throws {
        var configuration = makeConfiguration()
        configuration.body = try SMSBodyTemplate(#"{"to":"{{to}}","text":"{{text}}","from":"{{from}}"}"#)
        #expect(throws: SMSGatewayError.self) { try configuration.validate() }
        configuration.sender = "Kommunen"
        #expect(throws: Never.self) { try configuration.validate() }
    }

    @Test func neverPrintsTheToken() {
        let configuration = makeConfiguration()
        var dumped = ""
        dump(configuration, to: &dumped)
        for text in [configuration.description, String(reflecting: configuration), "\(configuration)", dumped] {
            #expect(!text.contains("s3cret"))
        }
    }

    private func makeConfiguration(url: String = "https://api.sms.example/v1/send") -> SMSGatewayConfiguration {
        SMSGatewayConfiguration(url: URL(string: url)!, token: "s3cret")
    }
}
