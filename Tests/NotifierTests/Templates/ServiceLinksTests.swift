import Foundation
import Testing
@testable import Notifier

@Suite struct ServiceLinksTests {
    @Test func buildsLinksFromTheBase() throws {
        let links = try #require(ServiceLinks(base: URL(string: "https://medarbetarstod.ostersund.se/")!))
        #expect(links.login == "https://medarbetarstod.ostersund.se")
        #expect(links.guide == "https://medarbetarstod.ostersund.se/chef/vagledning")
        #expect(links.team == "https://medarbetarstod.ostersund.se/chef/team")
    }

    @Test func acceptsOwnPaths() throws {
        let links = try #require(ServiceLinks(base: URL(string: "https://x.se/stod")!, guidePath: "/g", teamPath: "/t"))
        #expect(links.guide == "https://x.se/stod/g")
        #expect(links.team == "https://x.se/stod/t")
    }

    @Test func allowsPlainHTTPOnlyOnLoopback() {
        #expect(ServiceLinks(base: URL(string: "http://127.0.0.1:8080")!) != nil)
        #expect(ServiceLinks(base: URL(string: "http://localhost:8080")!) != nil)
        #expect(ServiceLinks(base: URL(string: "http://medarbetarstod.ostersund.se")!) == nil)
    }

    @Test func refusesBasesThatCouldCarryMoreThanAnAddress() {
        for text in ["https://x.se/?case=17", "https://x.se/#stod", "https://user:pw@x.se", "ftp://x.se", "/relative"] {
            #expect(ServiceLinks(base: URL(string: text)!) == nil, "\(text)")
        }
        #expect(ServiceLinks(base: URL(string: "https://x.se")!, guidePath: "/vägledning") == nil)
        #expect(ServiceLinks(base: URL(string: "https://x.se")!, teamPath: "team") == nil)
    }
}
