/// What a person typed into a form and what was wrong with it, so the form can be shown again with
/// every value kept and every error next to its field ("bad input loses nothing").
public struct FormState: Sendable {
    /// Submitted values by field name, in submission order (checkboxes may repeat).
    public var values: [String: [String]]
    /// Errors in the order fields appear on the page.
    public var errors: [FieldError]
    /// Read by screen readers before each field's error ("Fel:"), in the page's language.
    public var errorPrefix: String

    /// A form with the given values and no errors yet.
    public init(values: [String: [String]] = [:], errors: [FieldError] = [], errorPrefix: String = "") {
        self.values = values
        self.errors = errors
        self.errorPrefix = errorPrefix
    }

    /// The first value of `name`, or `""`.
    public func value(_ name: String) -> String { values[name]?.first ?? "" }

    /// Every value of `name`.
    public func all(_ name: String) -> [String] { values[name] ?? [] }

    /// The error of the field with this id, if any.
    public func error(for fieldID: String) -> FieldError? { errors.first { $0.fieldID == fieldID } }

    /// Adds an error.
    public mutating func fail(_ fieldID: String, _ message: String) {
        errors.append(FieldError(fieldID: fieldID, message: message, prefix: errorPrefix))
    }

    /// `true` when nothing failed.
    public var isValid: Bool { errors.isEmpty }
}

/// One field's problem, linked from the error summary to the field by id.
public struct FieldError: Sendable, Equatable {
    /// The id of the input the error belongs to (the summary links to `#fieldID`).
    public var fieldID: String
    /// What is wrong and how to fix it, in the page's language.
    public var message: String
    /// Visually hidden prefix ("Fel:") read before the message next to the field.
    public var prefix: String

    /// Makes an error.
    public init(fieldID: String, message: String, prefix: String = "") {
        self.fieldID = fieldID
        self.message = message
        self.prefix = prefix
    }
}
