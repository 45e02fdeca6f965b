import Foundation

/// The JSON body the SMS gateway expects, written as a template with placeholders:
/// `{{to}}` (the number in E.164), `{{text}}` (the message) and `{{from}}` (the configured sender
/// name), e.g. `{"to":"{{to}}","message":"{{text}}"}`.
///
/// Placeholders must sit inside JSON strings; each value is escaped as JSON string content
/// (quotes, backslashes, control characters, U+2028/U+2029), so no value can change the
/// document's shape. The template is checked when it is created: it must contain `{{to}}` and
/// `{{text}}`, name no other placeholder than the three, and give valid JSON in which every value
/// lands inside a string.
public struct SMSBodyTemplate: Sendable, Equatable {
    /// A placeholder's name.
    enum Placeholder: String, Sendable, Equatable, CaseIterable { case to, text, from }
    enum Segment: Sendable, Equatable {
        case literal(String)
        case placeholder(Placeholder)
    }

    /// The template as configured.
    public let source: String
    let segments: [Segment]

    /// `{"to":"{{to}}","message":"{{text}}"}`.
    public static let standard = SMSBodyTemplate(checkedSource: #"{"to":"{{to}}","message":"{{text}}"}"#)

    /// Parses and checks a template; throws ``SMSGatewayError/Code/invalidConfiguration`` when it
    /// is unusable.
    public init(_ source: String) throws(SMSGatewayError) {
        guard let segments = SMSBodyTemplate.parse(source) else {
            throw SMSGatewayError(.invalidConfiguration, detail: "body template names an unknown placeholder or has an unclosed {{")
        }
        let used = Set(segments.compactMap { if case .placeholder(let name) = $0 { name } else { nil } })
        guard used.contains(.to), used.contains(.text) else {
            throw SMSGatewayError(.invalidConfiguration, detail: "body template needs {{to}} and {{text}}")
        }
        self.source = source
        self.segments = segments
        // Values with every character that must be escaped: if the template still parses and each
        // value comes back inside a string, no value can break out.
        let probe = "probe\"\\\n\u{2028}</ å"
        let rendered = render(to: probe + "to", text: probe + "text", from: probe + "from")
        guard let document = try? JSONSerialization.jsonObject(with: rendered, options: [.fragmentsAllowed]) else {
            throw SMSGatewayError(.invalidConfiguration, detail: "body template does not give valid JSON (placeholders must be inside strings)")
        }
        let strings = SMSBodyTemplate.strings(in: document)
        for name in used where !strings.contains(where: { $0.contains(probe + name.rawValue) }) {
            throw SMSGatewayError(.invalidConfiguration, detail: "placeholder {{\(name.rawValue)}} is not inside a JSON string")
        }
    }

    private init(checkedSource source: String) {
        self.source = source
        self.segments = SMSBodyTemplate.parse(source) ?? []
    }

    /// Whether the template uses `{{from}}`.
    var usesSender: Bool { segments.contains(.placeholder(.from)) }

    /// The body with the values escaped into it.
    func render(to: String, text: String, from: String?) -> Data {
        var output = ""
        for segment in segments {
            switch segment {
            case .literal(let literal): output += literal
            case .placeholder(.to): output += SMSBodyTemplate.escaped(to)
            case .placeholder(.text): output += SMSBodyTemplate.escaped(text)
            case .placeholder(.from): output += SMSBodyTemplate.escaped(from ?? "")
            }
        }
        return Data(output.utf8)
    }

    /// JSON string content for `value` (RFC 8259 §7), without the surrounding quotes.
    static func escaped(_ value: String) -> String {
        var output = ""
        output.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "/": output += "\\/"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x2028 || scalar.value == 0x2029:
                output += "\\u" + String(format: "%04x", scalar.value)
            default:
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    private static func parse(_ source: String) -> [Segment]? {
        var segments: [Segment] = []
        var rest = Substring(source)
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}"),
                  let name = Placeholder(rawValue: String(rest[open.upperBound..<close.lowerBound]))
            else { return nil }
            if open.lowerBound > rest.startIndex { segments.append(.literal(String(rest[..<open.lowerBound]))) }
            segments.append(.placeholder(name))
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { segments.append(.literal(String(rest))) }
        return segments
    }

    private static func strings(in value: Any) -> [String] {
        if let string = value as? String { return [string] }
        if let array = value as? [Any] { return array.flatMap(strings(in:)) }
        if let object = value as? [String: Any] { return object.values.flatMap(strings(in:)) }
        return []
    }
}
