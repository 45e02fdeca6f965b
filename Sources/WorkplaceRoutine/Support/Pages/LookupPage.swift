import HTML
import HTTP

/// `/stod/svar` without a receipt session: type the receipt (a POST, never a GET with the code in
/// the address). Asks for the organisation only when there are several and none is known.
enum LookupPage {
    enum Field {
        static let receipt = "receipt"
        static let organisation = "org"
    }

    static func render(_ context: RequestContext, form: FormState, organisations: [SupportOrganisation], chosen: SupportOrganisation?,
                       notice: String? = nil, status: HTTPStatus = .ok) -> HTTPResponse {
        let texts = context.texts.support
        return context.page(texts.lookupTitle, status: status) {
            Node.h1(texts.lookupTitle)
            if let notice { Notice(message: notice) }
            ErrorSummary(errors: form.errors, texts: context.texts.common)
            Node.p(texts.lookupIntro)
            Node.form(.method("post"), .action("/stod/svar"), Attribute("novalidate", nil), Attribute("autocomplete", "off")) {
                CSRFField(token: context.csrfToken)
                if let chosen {
                    Node.input(.type("hidden"), .name(Field.organisation), .value(chosen.slug))
                } else {
                    ChoiceGroup(id: "org", name: Field.organisation, legend: texts.organisationLabel,
                                choices: organisations.map { Choice(value: $0.slug, label: $0.name) },
                                selected: form.all(Field.organisation), error: form.error(for: "org"))
                }
                // The code is never echoed back into the page (like a password), so it does not linger
                // in the document; and it is a text field, so no password manager offers to keep it.
                TextField(id: "receipt", name: Field.receipt, label: texts.receiptFieldLabel, hint: texts.receiptFieldHint, value: "",
                          error: form.error(for: "receipt"), autocomplete: "off", inputmode: "numeric", maxlength: 40)
                Node.div(.class("button-row")) {
                    Node.button(.type("submit"), .class("button"), text: texts.lookupButton)
                }
            }
            Node.p { Node.a(.href("/stod"), text: texts.startTitle) }
        }
    }
}
