import Testing
@testable import HTML

@Suite struct AttributeTests {
    @Test(arguments: ["javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "\tjava\nscript:x", "data:text/html,<b>", "vbscript:x"])
    func refusesScriptableURLs(url: String) {
        #expect(Attribute.href(url).value == "#")
    }

    @Test(arguments: ["/talks/1", "?lang=en", "#main", "https://www.smhi.se/", "mailto:a@b.se", "tel:020505050", "/a:b", "relative/path?x=a:b"])
    func keepsRelativeAndKnownSchemeURLs(url: String) {
        #expect(Attribute.href(url).value == url)
    }

    @Test func refusesEventHandlerAndStyleAttributeNames() {
        #expect(!Attribute.isAllowed("onclick"))
        #expect(!Attribute.isAllowed("ONLOAD"))
        #expect(!Attribute.isAllowed("style"))
        #expect(!Attribute.isAllowed("a b"))
        #expect(!Attribute.isAllowed("x\"y"))
        #expect(Attribute.isAllowed("aria-describedby"))
        #expect(Attribute.isAllowed("data-exit-url"))
    }

    @Test func joinsClassNamesAndDropsEmptyOnes() {
        #expect(Attribute.class("a", "", "b").value == "a b")
    }
}
