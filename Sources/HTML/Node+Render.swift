extension Node {
    /// Renders the node as HTML text, escaping every text and attribute value.
    public func render() -> String {
        var output = ""
        output.reserveCapacity(4096)
        render(into: &output)
        return output
    }

    /// Appends the rendered node to `output`.
    public func render(into output: inout String) {
        switch self {
        case let .element(name, attributes, children):
            output += "<" + name
            Node.render(attributes, into: &output)
            output += ">"
            for child in children { child.render(into: &output) }
            output += "</" + name + ">"
        case let .void(name, attributes):
            output += "<" + name
            Node.render(attributes, into: &output)
            output += ">"
        case let .text(text):
            Escaping.appendText(text, to: &output)
        case let .raw(markup):
            output += markup
        case let .fragment(children):
            for child in children { child.render(into: &output) }
        }
    }

    private static func render(_ attributes: [Attribute], into output: inout String) {
        for attribute in attributes {
            output += " " + attribute.name
            if let value = attribute.value {
                output += "=\""
                Escaping.appendAttribute(value, to: &output)
                output += "\""
            }
        }
    }
}

/// HTML escaping. Text escapes `&`, `<`, `>`; attribute values (always double-quoted) also `"` and `'`.
/// NUL becomes U+FFFD as the HTML parser would do, so it cannot end up in a database round trip.
public enum Escaping {
    /// Appends `text` escaped for element content.
    public static func appendText(_ text: String, to output: inout String) {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0 }) else {
            output += text
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\0": output += "\u{FFFD}"
            default: output.unicodeScalars.append(scalar)
            }
        }
    }

    /// Appends `value` escaped for a double-quoted attribute value.
    public static func appendAttribute(_ value: String, to output: inout String) {
        guard value.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 || $0 == 0 }) else {
            output += value
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            case "\0": output += "\u{FFFD}"
            default: output.unicodeScalars.append(scalar)
            }
        }
    }

    /// `text` escaped for element content.
    public static func text(_ text: String) -> String {
        var output = ""
        appendText(text, to: &output)
        return output
    }
}

/// A whole page: the doctype, `<html lang=…>` and its head and body.
public struct Document: Sendable {
    /// The document language (`sv` or `en`).
    public var language: String
    /// Children of `<head>`.
    public var head: [Node]
    /// Children of `<body>`.
    public var body: [Node]
    /// Attributes of `<body>`.
    public var bodyAttributes: [Attribute]

    /// Makes a document.
    public init(language: String, bodyAttributes: [Attribute] = [], @NodeBuilder head: () -> [Node], @NodeBuilder body: () -> [Node]) {
        self.language = language
        self.head = head()
        self.body = body()
        self.bodyAttributes = bodyAttributes
    }

    /// Renders the document, starting with `<!DOCTYPE html>`.
    public func render() -> String {
        var output = "<!DOCTYPE html>"
        Node.element(name: "html", attributes: [.lang(language)], children: [
            .element(name: "head", attributes: [], children: head),
            .element(name: "body", attributes: bodyAttributes, children: body),
        ]).render(into: &output)
        return output
    }
}
