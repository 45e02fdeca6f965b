import HTML

/// The contact-wishes part of every support request form: channel and address, safe days and hours,
/// what may be left, language and interpreter, what to call the person and what they want to tell.
struct ContactWishesFields: Component {
    let form: FormState
    let texts: IntakeTexts
    /// Whether to ask for the free text (not asked when confirming an outcome of a talk).
    var asksForMessage = true

    private typealias Field = ContactWishes.Field

    var body: [Node] {
        ChoiceGroup(
            id: "channel", name: Field.channel, legend: texts.channelLegend, hint: texts.channelHint,
            choices: [
                Choice(value: "phone", label: texts.channelPhone),
                Choice(value: "sms", label: texts.channelSMS),
                Choice(value: "email", label: texts.channelEmail),
                Choice(value: "dialogue", label: texts.channelDialogue, hint: texts.channelDialogueHint),
            ],
            selected: form.all(Field.channel), error: form.error(for: "channel"))
        TextField(id: "phone", name: Field.phone, label: texts.phoneLabel, hint: texts.phoneHint, value: form.value(Field.phone),
                  error: form.error(for: "phone"), type: "tel", autocomplete: "off", inputmode: "tel", maxlength: 30)
        TextField(id: "email", name: Field.email, label: texts.emailLabel, hint: texts.emailHint, value: form.value(Field.email),
                  error: form.error(for: "email"), type: "email", autocomplete: "off", maxlength: 254)
        ChoiceGroup(
            id: "safe_days", name: Field.safeDays, legend: texts.safeDaysLegend, hint: texts.safeDaysHint,
            choices: texts.weekdays.enumerated().map { Choice(value: String($0.offset + 1), label: $0.element) },
            selected: form.all(Field.safeDays), error: form.error(for: "safe_days"), kind: .checkbox)
        TextField(id: "safe_from", name: Field.safeFrom, label: texts.safeFromLabel, hint: texts.timeHint, value: form.value(Field.safeFrom),
                  error: form.error(for: "safe_from"), autocomplete: "off", inputmode: "numeric", maxlength: 5, extraClass: "field--short")
        TextField(id: "safe_until", name: Field.safeUntil, label: texts.safeUntilLabel, hint: texts.timeHint, value: form.value(Field.safeUntil),
                  error: form.error(for: "safe_until"), autocomplete: "off", inputmode: "numeric", maxlength: 5, extraClass: "field--short")
        LeaveMessageGroup(form: form, texts: texts)
        SelectField(id: "language", name: Field.language, label: texts.languageLabel,
                    choices: texts.languages.map { Choice(value: $0.code, label: $0.name) },
                    selected: form.value(Field.language), error: form.error(for: "language"))
        SelectField(id: "interpreter", name: Field.interpreter, label: texts.interpreterLabel,
                    choices: [Choice(value: "", label: texts.interpreterNone)] + texts.languages.map { Choice(value: $0.code, label: $0.name) },
                    selected: form.value(Field.interpreter), error: form.error(for: "interpreter"))
        TextField(id: "name", name: Field.name, label: texts.nameLabel, hint: texts.nameHint, value: form.value(Field.name),
                  error: form.error(for: "name"), autocomplete: "off", maxlength: ContactWishes.nameLimit)
        if asksForMessage {
            // No maxlength attribute: a longer text must come back with its reason and every word kept.
            TextArea(id: "message", name: Field.message, label: texts.messageLabel, hint: texts.messageHint,
                     value: form.value(Field.message), error: form.error(for: "message"), rows: 6)
        }
    }
}

/// "Får vi lämna meddelanden?": two independent yes/no checkboxes in one fieldset.
struct LeaveMessageGroup: Component {
    let form: FormState
    let texts: IntakeTexts

    var body: [Node] {
        Node.div(.class("field")) {
            Node.fieldset(.class("fieldset")) {
                Node.legend(.class("field__legend"), text: texts.leaveLegend)
                Node.div(.class("checkboxes")) {
                    checkbox(id: "voice_ok", name: ContactWishes.Field.voiceOK, label: texts.voiceMessageOK)
                    checkbox(id: "written_ok", name: ContactWishes.Field.writtenOK, label: texts.writtenMessageOK)
                }
            }
        }
    }

    private func checkbox(id: String, name: String, label: String) -> Node {
        Node.div(.class("choice")) {
            Node.void(name: "input", attributes: [.id(id), .name(name), .type("checkbox"), .value("1"), .class("choice__input")]
                      + (form.value(name) == "1" ? [.checked] : []))
            Node.label(.for(id), .class("choice__label"), text: label)
        }
    }
}
