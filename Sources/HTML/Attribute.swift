import Foundation

/// One attribute of an element. Values are escaped when rendered; names are checked when made.
///
/// There is deliberately no way to write an event-handler attribute (`onclick`, …) or a `style`
/// attribute: the Content-Security-Policy forbids inline script and style, and so does this type.
public struct Attribute: Sendable, Equatable {
    /// The attribute's name, e.g. `aria-describedby`.
    public let name: String
    /// Its value; `nil` renders a boolean attribute such as `required`.
    public let value: String?

    /// Makes an attribute after checking that the name is safe to write.
    public init(_ name: String, _ value: String?) {
        precondition(Attribute.isAllowed(name), "attribute name not allowed")
        self.name = name
        self.value = value
    }

    static func isAllowed(_ name: String) -> Bool {
        let lower = name.lowercased()
        guard !lower.hasPrefix("on"), lower != "style", !name.isEmpty else { return false }
        return name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == ":" || $0 == "_"
        }
    }

    /// `class`, from one or more names (empty names are dropped).
    public static func `class`(_ names: String...) -> Attribute {
        Attribute("class", names.filter { !$0.isEmpty }.joined(separator: " "))
    }
    /// `id`.
    public static func id(_ value: String) -> Attribute { Attribute("id", value) }
    /// `lang`, e.g. `sv` or `en`.
    public static func lang(_ value: String) -> Attribute { Attribute("lang", value) }
    /// `href`, refused (rendered as `#`) unless relative or http(s), mailto or tel.
    public static func href(_ url: String) -> Attribute { Attribute("href", Attribute.safeURL(url)) }
    /// `src`, refused (rendered as `#`) unless relative or http(s).
    public static func src(_ url: String) -> Attribute { Attribute("src", Attribute.safeURL(url)) }
    /// A form's `action`, refused (rendered as `#`) unless relative or http(s).
    public static func action(_ url: String) -> Attribute { Attribute("action", Attribute.safeURL(url)) }
    /// A form's `method`.
    public static func method(_ value: String) -> Attribute { Attribute("method", value) }
    /// `name` of a form control.
    public static func name(_ value: String) -> Attribute { Attribute("name", value) }
    /// `value` of a form control.
    public static func value(_ value: String) -> Attribute { Attribute("value", value) }
    /// `type` of an input or button.
    public static func type(_ value: String) -> Attribute { Attribute("type", value) }
    /// `for` of a label.
    public static func `for`(_ id: String) -> Attribute { Attribute("for", id) }
    /// `rel` of a link.
    public static func rel(_ value: String) -> Attribute { Attribute("rel", value) }
    /// `title`.
    public static func title(_ value: String) -> Attribute { Attribute("title", value) }
    /// `autocomplete`.
    public static func autocomplete(_ value: String) -> Attribute { Attribute("autocomplete", value) }
    /// `inputmode`.
    public static func inputmode(_ value: String) -> Attribute { Attribute("inputmode", value) }
    /// `maxlength`.
    public static func maxlength(_ value: Int) -> Attribute { Attribute("maxlength", String(value)) }
    /// `min`.
    public static func min(_ value: String) -> Attribute { Attribute("min", value) }
    /// `max`.
    public static func max(_ value: String) -> Attribute { Attribute("max", value) }
    /// `rows` of a textarea.
    public static func rows(_ value: Int) -> Attribute { Attribute("rows", String(value)) }
    /// `scope` of a table header cell.
    public static func scope(_ value: String) -> Attribute { Attribute("scope", value) }
    /// `role`.
    public static func role(_ value: String) -> Attribute { Attribute("role", value) }
    /// `tabindex`.
    public static func tabindex(_ value: Int) -> Attribute { Attribute("tabindex", String(value)) }
    /// `datetime` of a `time` element.
    public static func datetime(_ value: String) -> Attribute { Attribute("datetime", value) }
    /// `accept` of a file input.
    public static func accept(_ value: String) -> Attribute { Attribute("accept", value) }
    /// `enctype` of a form.
    public static func enctype(_ value: String) -> Attribute { Attribute("enctype", value) }
    /// `content` of a meta element.
    public static func content(_ value: String) -> Attribute { Attribute("content", value) }
    /// `charset` of a meta element.
    public static func charset(_ value: String) -> Attribute { Attribute("charset", value) }
    /// `hreflang` of a link.
    public static func hreflang(_ value: String) -> Attribute { Attribute("hreflang", value) }
    /// `aria-*`, e.g. `.aria("describedby", "x-error")`.
    public static func aria(_ name: String, _ value: String) -> Attribute { Attribute("aria-" + name, value) }
    /// `data-*`, e.g. `.data("exit-url", "/exit")`.
    public static func data(_ name: String, _ value: String) -> Attribute { Attribute("data-" + name, value) }
    /// A boolean attribute such as `required`, `checked`, `selected`, `disabled`, `hidden`.
    public static func flag(_ name: String) -> Attribute { Attribute(name, nil) }
    /// `required`.
    public static let required = Attribute("required", nil)
    /// `checked`.
    public static let checked = Attribute("checked", nil)
    /// `selected`.
    public static let selected = Attribute("selected", nil)
    /// `disabled`.
    public static let disabled = Attribute("disabled", nil)
    /// `hidden`.
    public static let hidden = Attribute("hidden", nil)
    /// `defer` for external scripts.
    public static let `defer` = Attribute("defer", nil)

    /// Keeps relative URLs and the schemes we link to; anything else (javascript:, data:, …) is
    /// replaced so that a stored or typed URL can never become script.
    static func safeURL(_ url: String) -> String {
        let trimmed = url.trimmingCharacters(in: .whitespacesAndNewlines.union(.controlCharacters))
        guard let colon = trimmed.firstIndex(of: ":") else { return trimmed }
        let beforeColon = trimmed[..<colon]
        // A colon after the first /, ? or # is not a scheme separator ("/a:b" or "?x=a:b").
        if beforeColon.contains(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { return trimmed }
        switch beforeColon.lowercased() {
        case "http", "https", "mailto", "tel": return trimmed
        default: return "#"
        }
    }
}
