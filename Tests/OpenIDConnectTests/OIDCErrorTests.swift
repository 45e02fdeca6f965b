import Testing
@testable import OpenIDConnect

@Suite struct OIDCErrorTests {
    @Test func describesItselfByCodeOnly() {
        let error = OIDCError(.wrongIssuer, detail: "iss \"https://evil.test\"")
        #expect(error.description == "OpenID Connect sign-in failed: wrongIssuer")
        #expect(error.debugDescription == "OpenID Connect sign-in failed: wrongIssuer; iss \"https://evil.test\"")
        #expect(OIDCError(.providerHTTPStatus, httpStatus: 503).description == "OpenID Connect sign-in failed: providerHTTPStatus (HTTP 503)")
    }

    @Test func separatesProviderFailuresFromRefusedTokens() {
        let provider = OIDCError.Code.allCases.filter { OIDCError($0).isProviderFailure }
        #expect(provider == [
            .providerUnreachable, .providerTimeout, .providerHTTPStatus, .providerResponseTooLarge, .providerRedirected,
            .insecureTransport, .malformedDiscovery, .issuerMismatchInDiscovery, .malformedKeySet, .tokenEndpointRefused,
            .malformedTokenResponse,
        ])
    }

    @Test func quotesOnlyPrintableASCIIAndCutsLongValues() {
        #expect(OIDCError.quote("a\nb\u{1B}[31mé") == "\"a?b?[31m?\"")
        #expect(OIDCError.quote(String(repeating: "x", count: 200)) == "\"" + String(repeating: "x", count: 120) + "…\"")
        #expect(OIDCError.seconds(1e300) == "over 1e12")
        #expect(OIDCError.seconds(-12.7) == "-12")
    }
}
