import Foundation
import HTML
import HTTP
import Postgres

/// The guide for asking the question, as a page and as a printable version. Read by managers; the
/// support resources come from the organisation's own configuration.
extension App {
    func registerGuide(_ router: inout Router) {
        router.get("/guide", authenticated(.manager) { context, transaction in
            GuidePage.render(context, resources: try await SupportContact.all(in: transaction), printable: false)
        })
        router.get("/guide/print", authenticated(.manager) { context, transaction in
            GuidePage.render(context, resources: try await SupportContact.all(in: transaction), printable: true)
        })
    }
}

/// The guide's page. The printable version has no table of contents and a print button (app.js);
/// the print stylesheet hides the frame either way.
enum GuidePage {
    static func render(_ context: RequestContext, resources: [SupportContact], printable: Bool) -> HTTPResponse {
        let texts = context.texts.guide
        return context.page(texts.title) {
            Node.h1(texts.title)
            if printable {
                Node.div(.class("panel no-print")) {
                    Node.p(texts.printableNote)
                    Node.div(.class("button-row")) {
                        Node.button(.type("button"), .class("button"), .data("print", ""), text: texts.printButton)
                        Node.a(.href("/guide"), text: texts.backToGuide)
                    }
                }
            }
            Node.p(.class("lead"), text: texts.intro)
            if !printable {
                Node.nav(.aria("labelledby", "guide-contents")) {
                    Node.h2(.id("guide-contents"), text: texts.contents)
                    Node.ul {
                        for section in texts.sections { Node.li { Node.a(.href("#" + section.id), text: section.heading) } }
                        Node.li { Node.a(.href("#stod"), text: texts.resourcesHeading) }
                        for section in texts.closingSections { Node.li { Node.a(.href("#" + section.id), text: section.heading) } }
                    }
                }
                Node.p { Node.a(.href("/guide/print"), text: texts.printableLink) }
            }
            for section in texts.sections { GuideSectionView(section: section) }
            Node.section(.aria("labelledby", "stod")) {
                Node.h2(.id("stod"), text: texts.resourcesHeading)
                Node.p(texts.resourcesIntro)
                if resources.isEmpty {
                    Node.p(texts.noResources)
                } else {
                    Node.ul(.class("resource-list")) {
                        for resource in resources {
                            Node.li {
                                Node.strong(resource.name(context.language))
                                if let phone = resource.phone {
                                    Node.br()
                                    texts.phone + ": "
                                    Node.a(.href(SupportContact.telephoneLink(phone)), text: phone)
                                }
                                if !resource.description(context.language).isEmpty {
                                    Node.br()
                                    resource.description(context.language)
                                }
                                if let url = resource.url {
                                    Node.br()
                                    Node.a(.href(url), .rel("noreferrer"), text: url)
                                }
                            }
                        }
                    }
                }
            }
            for section in texts.closingSections { GuideSectionView(section: section) }
        }
    }
}

/// One section of the guide.
struct GuideSectionView: Component {
    let section: GuideSection

    var body: [Node] {
        Node.section(.aria("labelledby", section.id)) {
            Node.h2(.id(section.id), text: section.heading)
            for paragraph in section.paragraphs { Node.p(paragraph) }
            if !section.items.isEmpty {
                Node.ul { for item in section.items { Node.li(item) } }
            }
            for paragraph in section.after { Node.p(paragraph) }
        }
    }
}
