import HTML

/// The box above a form that lists every error and links each to its field. It takes focus when the
/// page loads (app.js), so a screen reader announces it first.
struct ErrorSummary: Component {
    let errors: [FieldError]
    let texts: CommonTexts

    var body: [Node] {
        if !errors.isEmpty {
            Node.div(.class("error-summary"), .role("alert"), .tabindex(-1), .aria("labelledby", "error-summary-title"), .data("error-summary", "")) {
                Node.h2(.id("error-summary-title"), .class("error-summary__title"), text: texts.errorSummaryTitle)
                Node.ul(.class("error-summary__list")) {
                    for error in errors {
                        Node.li { Node.a(.href("#" + error.fieldID), text: error.message) }
                    }
                }
            }
        }
    }
}

/// A short status message (e.g. "Sparat.") announced politely to screen readers.
struct Notice: Component {
    let message: String

    var body: [Node] {
        Node.div(.class("notice"), .role("status")) { Node.p(message) }
    }
}
