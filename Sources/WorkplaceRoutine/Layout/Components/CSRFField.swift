import HTML

/// The hidden field that carries the session's CSRF token in every state-changing form.
struct CSRFField: Component {
    /// The form field's name; the server checks it on every POST.
    static let fieldName = "_csrf"

    let token: String

    var body: [Node] {
        Node.input(.type("hidden"), .name(CSRFField.fieldName), .value(token))
    }
}
