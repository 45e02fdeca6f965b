import Testing
@testable import Notifier

@Suite struct EmailAddressTests {
    @Test func acceptsPlainAddresses() throws {
        let address = try #require(EmailAddress(" Anna.Andersson+stod@Ostersund.SE "))
        #expect(address.localPart == "Anna.Andersson+stod")
        #expect(address.domain == "ostersund.se")
        #expect(address.address == "Anna.Andersson+stod@ostersund.se")
        #expect(EmailAddress("x@localhost") != nil)
        // Surrounding white space, a pasted line break included, is not part of the address.
        #expect(EmailAddress("anna@ostersund.se\r\n")?.address == "anna@ostersund.se")
        #expect(EmailAddress("o'brien@xn--gteborg-90a.se") != nil)
    }

    @Test(arguments: [
        "", "anna", "@ostersund.se", "anna@", "anna@@ostersund.se", "anna andersson@ostersund.se",
        "anna@ostersund.se\r\nRCPT TO:<x@y.se>", "anna@ostersund.se>", "<anna@ostersund.se>", "anna@ost\nersund.se",
        "anna@[10.0.0.1]", "\"anna\"@ostersund.se", ".anna@ostersund.se", "anna.@ostersund.se", "an..na@ostersund.se",
        "anna@-ostersund.se", "anna@ostersund-.se", "anna@ostersund..se", "åsa@ostersund.se", "anna@göteborg.se",
        "anna(comment)@ostersund.se", "anna@ostersund.se,bo@ostersund.se",
    ])
    func refusesUnsafeOrUnusualAddresses(text: String) {
        #expect(EmailAddress(text) == nil)
    }

    @Test func limitsLengths() {
        #expect(EmailAddress(String(repeating: "a", count: 64) + "@x.se") != nil)
        #expect(EmailAddress(String(repeating: "a", count: 65) + "@x.se") == nil)
        let longDomain = Array(repeating: String(repeating: "d", count: 60), count: 5).joined(separator: ".") + ".se"
        #expect(EmailAddress("a@" + longDomain) == nil)
    }

    @Test func neverPrintsTheAddress() throws {
        let address = try #require(EmailAddress("anna@ostersund.se"))
        for text in [address.description, address.debugDescription, "\(address)", String(reflecting: address)] {
            #expect(!text.contains("anna"))
        }
        var dumped = ""
        dump(address, to: &dumped)
        #expect(!dumped.contains("anna"))
    }
}
