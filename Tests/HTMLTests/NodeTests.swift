import Testing
@testable import HTML

@Suite struct NodeTests {
    @Test func escapesTextContent() {
        let node = Node.p("<script>alert('x') & \"y\"</script>")
        #expect(node.render() == "<p>&lt;script&gt;alert('x') &amp; \"y\"&lt;/script&gt;</p>")
    }

    @Test func escapesAttributeValuesIncludingQuotes() {
        let node = Node.input(.value("\" onfocus='alert(1)' <>&"))
        #expect(node.render() == "<input value=\"&quot; onfocus=&#39;alert(1)&#39; &lt;&gt;&amp;\">")
    }

    @Test func replacesNulSoItCannotTruncateOutput() {
        #expect(Node.text("a\0b").render() == "a\u{FFFD}b")
        #expect(Node.span(.title("a\0b"), text: "").render() == "<span title=\"a\u{FFFD}b\"></span>")
    }

    @Test func rendersUnsafeRawOnlyWhenAskedByName() {
        #expect(Node.unsafeRaw("<b>x</b>").render() == "<b>x</b>")
        #expect(Node.text("<b>x</b>").render() == "&lt;b&gt;x&lt;/b&gt;")
    }

    @Test func buildsChildrenWithConditionsAndLoops() {
        let names = ["Anna", "Bo"]
        let showFooter = false
        let node = Node.ul(.class("people")) {
            for name in names { .li(name) }
            if showFooter { .li("footer") } else { "—" }
        }
        #expect(node.render() == "<ul class=\"people\"><li>Anna</li><li>Bo</li>—</ul>")
    }

    @Test func rendersBooleanAttributesWithoutValue() {
        #expect(Node.input(.type("checkbox"), .checked, .required).render() == "<input type=\"checkbox\" checked required>")
    }

    @Test func voidElementsHaveNoEndTag() {
        #expect(Node.br().render() == "<br>")
        #expect(Node.meta(.charset("utf-8")).render() == "<meta charset=\"utf-8\">")
    }

    @Test func documentStartsWithDoctypeAndLanguage() {
        let document = Document(language: "sv") {
            Node.title("Start")
        } body: {
            Node.main(.id("main")) { Node.h1("Hej") }
        }
        #expect(document.render() == "<!DOCTYPE html><html lang=\"sv\"><head><title>Start</title></head><body><main id=\"main\"><h1>Hej</h1></main></body></html>")
    }

    struct Greeting: Component {
        let name: String
        var body: [Node] {
            Node.p { "Hej "; Node.strong(name) }
        }
    }

    @Test func componentsComposeIntoPages() {
        let node = Node.div { Greeting(name: "<Eva>") }
        #expect(node.render() == "<div><p>Hej <strong>&lt;Eva&gt;</strong></p></div>")
    }

    @Test func keepsUnicodeAsIs() {
        #expect(Node.p("Östersund – åäö 🙂").render() == "<p>Östersund – åäö 🙂</p>")
    }
}
