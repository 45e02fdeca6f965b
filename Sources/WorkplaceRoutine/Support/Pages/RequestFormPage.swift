import Foundation
import HTML
import HTTP

/// The request form of both doors: what it is about, and the contact wishes. Bad input comes back
/// next to its field with everything typed kept.
enum RequestFormPage {
    /// Which door the form belongs to.
    enum Door {
        /// Logged in: posts to `/stod/ny`.
        case identified
        /// Anonymous: posts to `/stod/anonym`; asks for the organisation unless it is known.
        case anonymous(organisations: [SupportOrganisation], chosen: SupportOrganisation?)
    }

    /// Field names beyond the contact wishes.
    enum Field {
        static let organisation = "org"
    }

    /// A fresh form with the defaults (weekdays, office hours, the page language).
    static func initialState(_ context: RequestContext) -> FormState {
        FormState(values: ContactWishes.defaults(language: context.language), errorPrefix: context.texts.common.errorPrefix)
    }

    static func render(_ context: RequestContext, door: Door, form: FormState, status: HTTPStatus = .ok) -> HTTPResponse {
        let texts = context.texts.support
        let intake = context.texts.intake
        let action: String
        switch door {
        case .identified: action = "/stod/ny"
        case .anonymous: action = "/stod/anonym"
        }
        return context.page(texts.newTitle, status: status) {
            Node.h1(texts.newHeading)
            ErrorSummary(errors: form.errors, texts: context.texts.common)
            switch door {
            case .identified:
                Node.p(.class("lead"), text: texts.newIntroIdentified)
            case .anonymous:
                Node.p(.class("lead"), text: texts.newIntroAnonymous)
                Node.p(texts.anonymousChannelNote)
            }
            Node.p(texts.nextText)
            Node.form(.method("post"), .action(action), Attribute("novalidate", nil), Attribute("autocomplete", "off")) {
                CSRFField(token: context.csrfToken)
                if case .anonymous(let organisations, let chosen) = door {
                    if let chosen {
                        Node.input(.type("hidden"), .name(Field.organisation), .value(chosen.slug))
                    } else {
                        ChoiceGroup(id: "org", name: Field.organisation, legend: texts.organisationLabel,
                                    choices: organisations.map { Choice(value: $0.slug, label: $0.name) },
                                    selected: form.all(Field.organisation), error: form.error(for: "org"))
                    }
                }
                ChoiceGroup(id: "kind", name: ContactWishes.Field.kind, legend: intake.kindLegend,
                            choices: [
                                Choice(value: RequestKind.exposed.rawValue, label: intake.kindExposed),
                                Choice(value: RequestKind.worried.rawValue, label: intake.kindWorried),
                                Choice(value: RequestKind.usesViolence.rawValue, label: intake.kindUsesViolence),
                            ],
                            selected: form.all(ContactWishes.Field.kind), error: form.error(for: "kind"))
                ContactWishesFields(form: form, texts: intake)
                Node.div(.class("button-row")) {
                    Node.button(.type("submit"), .class("button"), text: texts.send)
                }
            }
        }
    }

    /// Validates the whole form; the kind and the wishes, or nil with every error added to `form`.
    static func validate(_ form: inout FormState, texts: IntakeTexts) -> (RequestKind, ContactWishes)? {
        let kind = RequestKind(rawValue: form.value(ContactWishes.Field.kind)).flatMap { RequestKind.chosenByPerson.contains($0) ? $0 : nil }
        if kind == nil { form.fail("kind", texts.kindMissing) }
        guard let wishes = ContactWishes.validate(&form, texts: texts), let kind else { return nil }
        return (kind, wishes)
    }
}
