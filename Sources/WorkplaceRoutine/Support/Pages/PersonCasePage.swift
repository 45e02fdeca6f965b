import Foundation
import HTML
import HTTP

/// The person's own view of their request, for both doors: where it stands, the dialogue and a form
/// to write more, their contact wishes in plain words, what they wrote, and a way to delete it all.
enum PersonCasePage {
    /// Where the page's forms and links go (the identified and the anonymous door differ).
    struct Paths {
        /// POST target of the message form.
        let write: String
        /// The deletion confirmation page.
        let delete: String
        /// POST target that locks the page (anonymous door only).
        let lock: String?
    }

    /// The message field's name and id.
    static let bodyField = "body"

    static func render(_ context: RequestContext, supportCase: SupportCase, paths: Paths, form: FormState, notice: String? = nil,
                       status: HTTPStatus = .ok) -> HTTPResponse {
        let texts = context.texts.support
        let summary = ContactWishesSummary(wishes: supportCase.wishes, texts: texts, intake: context.texts.intake, language: context.language)
        return context.page(texts.personCaseTitle, status: status) {
            Node.h1(texts.personCaseTitle)
            if let notice { Notice(message: notice) }
            ErrorSummary(errors: form.errors, texts: context.texts.common)
            Node.p(.class("lead")) {
                texts.sentAt(SupportTime.long(supportCase.receivedAt, texts)) + " "
                switch supportCase.status {
                case .new: texts.personStatusNew(SupportTime.long(supportCase.deadlineAt, texts))
                case .contacted: texts.personStatusContacted
                case .closed: texts.personStatusClosed
                }
            }
            Node.h2(texts.dialogueTitle)
            DialogueList(messages: supportCase.messages, texts: texts, forTeam: false)
            Node.form(.method("post"), .action(paths.write), Attribute("novalidate", nil)) {
                CSRFField(token: context.csrfToken)
                TextArea(id: bodyField, name: bodyField, label: texts.writeLabel, hint: texts.writeHint, value: form.value(bodyField),
                         error: form.error(for: bodyField), rows: 5)
                Node.div(.class("button-row")) {
                    Node.button(.type("submit"), .class("button"), text: texts.writeButton)
                }
            }
            Node.h2(texts.yourWishesTitle)
            Node.p(summary.sentence)
            if let name = supportCase.wishes.name {
                Node.p { Node.strong(texts.calledLabel + ": "); name }
            }
            Node.h2(texts.yourMessageTitle)
            if let message = supportCase.wishes.message {
                Node.p(.class("message__body"), text: message)
            } else {
                Node.p(texts.youWroteNothing)
            }
            Node.div(.class("button-row")) {
                if let lock = paths.lock {
                    Node.form(.method("post"), .action(lock), .class("inline-form")) {
                        CSRFField(token: context.csrfToken)
                        Node.button(.type("submit"), .class("button button--secondary"), text: texts.lockButton)
                    }
                }
                Node.a(.href(paths.delete), .class("button button--warning"), text: texts.deleteLink)
            }
            if paths.lock != nil { Node.p(.class("field__hint"), text: texts.lockHint) }
        }
    }

    /// Validates the message field; the text, or nil with the error added.
    static func validateText(_ form: inout FormState, field: String, texts: SupportTexts) -> String? {
        let text = form.value(field).trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty {
            form.fail(field, texts.textMissing)
            return nil
        }
        if text.count > ContactWishes.messageLimit {
            form.fail(field, texts.textTooLong(ContactWishes.messageLimit))
            return nil
        }
        return text
    }
}

/// "Delete your contact?": the confirmation before the person deletes their request.
enum DeleteConfirmPage {
    static func render(_ context: RequestContext, action: String, back: String) -> HTTPResponse {
        let texts = context.texts.support
        return context.page(texts.deleteTitle) {
            Node.h1(texts.deleteTitle)
            Node.p(.class("lead"), text: texts.deleteText)
            Node.form(.method("post"), .action(action)) {
                CSRFField(token: context.csrfToken)
                Node.div(.class("button-row")) {
                    Node.button(.type("submit"), .class("button button--warning"), text: texts.deleteButton)
                    Node.a(.href(back), text: texts.deleteCancel)
                }
            }
        }
    }
}
