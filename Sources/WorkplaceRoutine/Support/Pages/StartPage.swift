import HTML
import HTTP

/// `/stod`: the neutral public start page of the journey. It never names violence in its title (the
/// title shows in tabs, history and screen sharing); the body explains who can get support, the two
/// doors, the deadline, confidentiality, and whom to call now.
enum StartPage {
    static func render(_ context: RequestContext, organisations: [SupportOrganisation], chosen: SupportOrganisation?,
                       resources: [SupportResource]) -> HTTPResponse {
        let texts = context.texts.support
        let query = chosen.map { "?org=" + LanguageSwitch.percentEncode($0.slug) } ?? ""
        return context.page(texts.startTitle) {
            Node.h1(texts.startTitle)
            Node.p(.class("lead"), text: texts.startLead)
            if organisations.isEmpty {
                Node.p(texts.noOrganisations)
            } else if let chosen {
                if organisations.count > 1 {
                    Node.p {
                        texts.chosenOrganisation(chosen.name) + " "
                        Node.a(.href("/stod"), text: texts.changeOrganisation)
                    }
                }
            } else {
                Node.h2(texts.chooseOrganisation)
                Node.p(.class("field__hint"), text: texts.chooseOrganisationHint)
                Node.ul(.class("organisation-list")) {
                    for organisation in organisations {
                        Node.li { Node.a(.href("/stod?org=" + LanguageSwitch.percentEncode(organisation.slug)), text: organisation.name) }
                    }
                }
            }
            Node.p(.class("panel panel--important"), text: texts.emergencyText)
            Node.h2(texts.whoTitle)
            for paragraph in texts.whoText { Node.p(paragraph) }
            Node.h2(texts.doorsTitle)
            Node.div(.class("doors")) {
                Node.section(.class("panel door"), .aria("labelledby", "door-identified")) {
                    Node.h3(.id("door-identified"), text: texts.identifiedTitle)
                    Node.p(texts.identifiedText)
                    Node.p { Node.a(.href("/stod/ny"), .class("button"), text: texts.identifiedButton) }
                }
                Node.section(.class("panel door"), .aria("labelledby", "door-anonymous")) {
                    Node.h3(.id("door-anonymous"), text: texts.anonymousTitle)
                    Node.p(texts.anonymousText)
                    Node.p { Node.a(.href("/stod/anonym" + query), .class("button"), text: texts.anonymousButton) }
                }
            }
            Node.p {
                Node.a(.href("/stod/svar" + query), text: texts.haveReceipt)
            }
            if context.session?.roles.contains(.employee) == true {
                Node.p { Node.a(.href("/stod/mina"), text: texts.myRequestsLink) }
            }
            Node.h2(texts.nextTitle)
            Node.p(texts.nextText)
            Node.p(texts.confidentialityText)
            if !resources.isEmpty {
                Node.h2(texts.nowTitle)
                Node.ul(.class("resource-list")) {
                    for resource in resources {
                        Node.li(.class("resource")) {
                            Node.h3(.class("resource__name"), text: resource.name)
                            if let phone = resource.phone {
                                Node.p {
                                    texts.phoneLabel + " "
                                    if let href = resource.telephoneHref {
                                        Node.a(.href(href), .class("resource__phone"), text: phone)
                                    } else {
                                        phone
                                    }
                                }
                            }
                            if !resource.description.isEmpty { Node.p(resource.description) }
                        }
                    }
                }
            }
            Node.p { Node.a(.href("/stod/sakerhet"), text: texts.safetyLink) }
        }
    }
}
