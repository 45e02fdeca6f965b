import Foundation
import HTML
import HTTP

/// The anonymous door's receipt, shown once as the direct answer to the form's POST: never in a URL,
/// never in a redirect, never stored but as its bcrypt. The page says plainly that it cannot be
/// recovered.
enum ReceiptPage {
    static func render(_ context: RequestContext, receipt: Receipt, deadline: Date, channel: ContactWishes.Channel) -> HTTPResponse {
        let texts = context.texts.support
        let due = SupportTime.long(deadline, texts)
        return context.page(texts.receiptTitle) {
            Node.h1(texts.receiptHeading)
            Node.div(.class("notice"), .role("status")) { Node.p(texts.receiptLead) }
            Node.div(.class("panel panel--important receipt")) {
                Node.p(.class("receipt__label"), .id("receipt-label"), text: texts.receiptLabel)
                Node.p(.class("receipt__code"), .aria("labelledby", "receipt-label"), .data("receipt", ""), text: receipt.grouped)
            }
            Node.p(.class("lead"), text: texts.receiptExplain)
            Node.p(texts.receiptKeep)
            Node.p(channel == .dialogue ? texts.receiptNextDialogue(due) : texts.receiptNext(due))
            Node.p { Node.a(.href("/stod/svar"), text: texts.receiptReadLink) }
            Node.p { Node.a(.href("/stod/sakerhet"), text: texts.safetyLink) }
        }
    }
}
