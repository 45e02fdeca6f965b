import Foundation
import Testing
@testable import OpenIDConnect

@Suite struct ProviderHTTPPolicyTests {
    func allows(_ url: String, loopback: Bool = true) -> Bool {
        do {
            try ProviderHTTPPolicy(allowInsecureLoopback: loopback).check(URL(string: url)!)
            return true
        } catch {
            #expect(error.code == .insecureTransport)
            return false
        }
    }

    @Test func allowsHTTPS() {
        #expect(allows("https://login.microsoftonline.com/tenant/v2.0", loopback: false))
        #expect(allows("HTTPS://login.example.test:8443/x", loopback: false))
    }

    @Test func allowsPlainHTTPOnlyToALoopbackAddressLiteralWhenAllowed() {
        for url in ["http://127.0.0.1:8080/", "http://127.5.6.7/x", "http://[::1]:9000/.well-known/openid-configuration"] {
            #expect(allows(url), "\(url)")
            #expect(!allows(url, loopback: false), "\(url) without the loopback allowance")
        }
    }

    @Test func refusesPlainHTTPToAnythingThatOnlyResolvesOrLooksLikeLoopback() {
        for url in [
            "http://localhost:8080/", "http://127.0.0.1.nip.io/", "http://128.0.0.1/", "http://127.1/", "http://2130706433/",
            "http://0x7f000001/", "http://[::ffff:127.0.0.1]/", "http://[::2]/", "http://login.example.test/", "http://10.0.0.1/",
        ] {
            #expect(!allows(url), "\(url)")
        }
    }

    @Test func refusesOtherSchemesUserInformationAndFragments() {
        for url in ["ftp://login.example.test/", "file:///etc/passwd", "https://user:pw@login.example.test/", "https://login.example.test/#x", "/relative", "https:///nohost"] {
            #expect(!allows(url), "\(url)")
        }
    }

    @Test func roundsTheTimeoutUpToWholeSeconds() {
        #expect(ProviderHTTPPolicy(allowInsecureLoopback: false, timeout: 0.2).timeout == 1)
        #expect(ProviderHTTPPolicy(allowInsecureLoopback: false, timeout: 2.5).timeout == 3)
        #expect(ProviderHTTPPolicy(allowInsecureLoopback: false).timeout == 10)
    }
}
