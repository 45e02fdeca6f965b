import HTML
import HTTP

/// `/stod/sakerhet`: how to stay safe while using the service. Honest about what the quick exit does
/// not do: it does not erase the browser's history.
enum SafetyPage {
    static func render(_ context: RequestContext) -> HTTPResponse {
        let texts = context.texts.support
        return context.page(texts.safetyTitle) {
            Node.h1(texts.safetyTitle)
            Node.p(.class("lead"), text: texts.safetyLead)
            for section in texts.safetySections {
                Node.h2(section.heading)
                for paragraph in section.paragraphs { Node.p(paragraph) }
            }
            Node.p { Node.a(.href("/stod"), text: texts.startTitle) }
        }
    }
}
