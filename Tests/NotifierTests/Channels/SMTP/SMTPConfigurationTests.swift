import Testing
@testable import Notifier

@Suite struct SMTPConfigurationTests {
    @Test func credentialsNeverPrint() {
        let credentials = SMTPCredentials(username: "relayuser", password: "hemligt")
        for text in [credentials.description, credentials.debugDescription, String(describing: credentials), String(reflecting: credentials)] {
            #expect(!text.contains("hemligt"))
            #expect(!text.contains("relayuser"))
        }
    }
}
