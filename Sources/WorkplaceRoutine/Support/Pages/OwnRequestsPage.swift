import Foundation
import HTML
import HTTP

/// `/stod/mina`: the logged-in person's own requests, newest first, with new replies marked.
enum OwnRequestsPage {
    static func render(_ context: RequestContext, entries: [OwnRequests.Entry]) -> HTTPResponse {
        let texts = context.texts.support
        let intake = context.texts.intake
        return context.page(texts.mineTitle) {
            Node.h1(texts.mineTitle)
            Node.p { Node.a(.href("/stod/ny"), .class("button"), text: texts.mineNew) }
            if entries.isEmpty {
                Node.p(texts.mineEmpty)
            } else {
                Node.div(.class("table-wrap"), .role("region"), .tabindex(0), .aria("label", texts.mineTitle)) {
                    Node.table {
                        Node.caption(texts.mineTitle)
                        Node.thead {
                            Node.tr {
                                Node.th(.scope("col"), text: texts.columnSent)
                                Node.th(.scope("col"), text: texts.columnKind)
                                Node.th(.scope("col"), text: texts.columnStatus)
                            }
                        }
                        Node.tbody {
                            for entry in entries {
                                Node.tr {
                                    Node.td {
                                        Node.a(.href("/stod/mina/\(entry.id.uuidString.lowercased())"),
                                               text: texts.openOwn(SupportTime.short(entry.receivedAt, texts)))
                                    }
                                    Node.td(SupportPageLabels.kind(entry.kind, intake))
                                    Node.td {
                                        texts.statusLabel(entry.status)
                                        if entry.unreadReplies > 0 {
                                            " "
                                            Node.span(.class("tag tag--planned"), text: texts.unreadReplies(entry.unreadReplies))
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            Node.p { Node.a(.href("/stod"), text: texts.startTitle) }
        }
    }
}

/// Labels shared by the journey's pages.
enum SupportPageLabels {
    static func kind(_ kind: RequestKind, _ intake: IntakeTexts) -> String {
        switch kind {
        case .exposed: intake.kindExposed
        case .worried: intake.kindWorried
        case .usesViolence: intake.kindUsesViolence
        case .talkReferral: intake.kindTalkReferral
        }
    }
}
