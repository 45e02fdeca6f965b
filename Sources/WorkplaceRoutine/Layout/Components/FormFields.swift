import HTML

/// A labelled single-line input with an optional hint and its error, wired with `aria-describedby`
/// and `aria-invalid` so assistive technology reads them together.
struct TextField: Component {
    let id: String
    let name: String
    let label: String
    var hint: String? = nil
    let value: String
    var error: FieldError? = nil
    var type: String = "text"
    var autocomplete: String? = nil
    var inputmode: String? = nil
    var maxlength: Int? = nil
    var required: Bool = false
    var extraClass: String = ""

    var body: [Node] {
        Node.div(.class("field", error == nil ? "" : "field--error", extraClass)) {
            Node.label(.for(id), .class("field__label"), text: label)
            if let hint { Node.p(.id(id + "-hint"), .class("field__hint"), text: hint) }
            if let error { FieldErrorMessage(id: id, error: error) }
            Node.void(name: "input", attributes: attributes)
        }
    }

    private var attributes: [Attribute] {
        var list: [Attribute] = [.id(id), .name(name), .type(type), .value(value), .class("input")]
        if let autocomplete { list.append(.autocomplete(autocomplete)) }
        if let inputmode { list.append(.inputmode(inputmode)) }
        if let maxlength { list.append(.maxlength(maxlength)) }
        if required { list.append(.required) }
        list.append(contentsOf: describedBy(id: id, hint: hint != nil, error: error != nil))
        return list
    }
}

/// A labelled multi-line text input with a hint, an error and a length limit.
struct TextArea: Component {
    let id: String
    let name: String
    let label: String
    var hint: String? = nil
    let value: String
    var error: FieldError? = nil
    var maxlength: Int? = nil
    var rows: Int = 5

    var body: [Node] {
        Node.div(.class("field", error == nil ? "" : "field--error")) {
            Node.label(.for(id), .class("field__label"), text: label)
            if let hint { Node.p(.id(id + "-hint"), .class("field__hint"), text: hint) }
            if let error { FieldErrorMessage(id: id, error: error) }
            Node.element(name: "textarea", attributes: textareaAttributes, children: [.text(value)])
        }
    }

    private var textareaAttributes: [Attribute] {
        var list: [Attribute] = [.id(id), .name(name), .rows(rows), .class("textarea")]
        if let maxlength { list.append(.maxlength(maxlength)) }
        list.append(contentsOf: describedBy(id: id, hint: hint != nil, error: error != nil))
        return list
    }
}

/// One choice of a radio group, checkbox group or select.
struct Choice: Sendable {
    let value: String
    let label: String
    var hint: String? = nil
}

/// A group of radio buttons (one answer) or checkboxes (several) in a fieldset with a legend.
struct ChoiceGroup: Component {
    enum Kind { case radio, checkbox }

    let id: String
    let name: String
    let legend: String
    var hint: String? = nil
    let choices: [Choice]
    let selected: [String]
    var error: FieldError? = nil
    var kind: Kind = .radio
    var inline: Bool = false

    var body: [Node] {
        Node.div(.class("field", error == nil ? "" : "field--error")) {
            Node.fieldset(attributes: fieldsetAttributes) {
                Node.legend(.class("field__legend"), text: legend)
                if let hint { Node.p(.id(id + "-hint"), .class("field__hint"), text: hint) }
                if let error { FieldErrorMessage(id: id, error: error) }
                Node.div(.class(kind == .radio ? "radios" : "checkboxes", inline ? "choices--inline" : "")) {
                    for (index, choice) in choices.enumerated() {
                        Node.div(.class("choice")) {
                            Node.void(name: "input", attributes: inputAttributes(index: index, choice: choice))
                            Node.label(.for(inputID(index)), .class("choice__label"), text: choice.label)
                            if let hint = choice.hint {
                                Node.p(.id(inputID(index) + "-hint"), .class("field__hint choice__hint"), text: hint)
                            }
                        }
                    }
                }
            }
        }
    }

    // The first input carries the group's id, so the error summary link lands on it.
    private func inputID(_ index: Int) -> String { index == 0 ? id : "\(id)-\(index + 1)" }

    private var fieldsetAttributes: [Attribute] {
        var list: [Attribute] = [.class("fieldset")]
        list.append(contentsOf: describedBy(id: id, hint: hint != nil, error: error != nil))
        return list
    }

    private func inputAttributes(index: Int, choice: Choice) -> [Attribute] {
        var list: [Attribute] = [.id(inputID(index)), .name(name), .type(kind == .radio ? "radio" : "checkbox"), .value(choice.value), .class("choice__input")]
        if selected.contains(choice.value) { list.append(.checked) }
        if choice.hint != nil { list.append(.aria("describedby", inputID(index) + "-hint")) }
        return list
    }
}

/// A labelled select.
struct SelectField: Component {
    let id: String
    let name: String
    let label: String
    var hint: String? = nil
    let choices: [Choice]
    let selected: String
    var error: FieldError? = nil

    var body: [Node] {
        Node.div(.class("field", error == nil ? "" : "field--error")) {
            Node.label(.for(id), .class("field__label"), text: label)
            if let hint { Node.p(.id(id + "-hint"), .class("field__hint"), text: hint) }
            if let error { FieldErrorMessage(id: id, error: error) }
            Node.element(name: "select", attributes: [.id(id), .name(name), .class("select")] + describedBy(id: id, hint: hint != nil, error: error != nil),
                         children: choices.map { choice in
                             Node.element(name: "option", attributes: choice.value == selected ? [.value(choice.value), .selected] : [.value(choice.value)],
                                          children: [.text(choice.label)])
                         })
        }
    }
}

/// The error line under a field's label; "Fel:" is read first by screen readers.
struct FieldErrorMessage: Component {
    let id: String
    let error: FieldError

    var body: [Node] {
        Node.p(.id(id + "-error"), .class("field__error")) {
            if !error.prefix.isEmpty { Node.span(.class("visually-hidden"), text: error.prefix + " ") }
            error.message
        }
    }
}

func describedBy(id: String, hint: Bool, error: Bool) -> [Attribute] {
    var ids: [String] = []
    if hint { ids.append(id + "-hint") }
    if error { ids.append(id + "-error") }
    var list: [Attribute] = []
    if !ids.isEmpty { list.append(.aria("describedby", ids.joined(separator: " "))) }
    if error { list.append(.aria("invalid", "true")) }
    return list
}
