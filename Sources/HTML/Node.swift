/// A piece of an HTML document as a typed value.
///
/// Text is escaped when rendered, always; the only way to put markup in unescaped is
/// ``Node/unsafeRaw(_:)``, whose name says what it is. Pages are composed from small functions and
/// ``Component``s that return nodes, so there is no template language and no string concatenation of
/// markup anywhere in the product.
public indirect enum Node: Sendable, Equatable {
    /// An element with attributes and children, e.g. `<p class="lead">…</p>`.
    case element(name: String, attributes: [Attribute], children: [Node])
    /// An element that has no end tag, e.g. `<input …>`.
    case void(name: String, attributes: [Attribute])
    /// Text, escaped when rendered.
    case text(String)
    /// Markup inserted verbatim. Never pass anything that came from a person or a database.
    case raw(String)
    /// Several nodes side by side without a wrapper.
    case fragment([Node])

    /// The empty node: renders nothing.
    public static let empty = Node.fragment([])

    /// Inserts trusted markup verbatim (e.g. an SVG icon written in the source). The name is the
    /// warning: nothing a person typed and nothing read from a database may ever pass through here.
    public static func unsafeRaw(_ markup: String) -> Node { .raw(markup) }

    /// Builds an element by name, for the rare element without a helper (e.g. SVG's `polyline`).
    /// The name is checked: only lowercase letters, digits and `-`, starting with a letter.
    public static func element(_ name: String, _ attributes: [Attribute] = [], @NodeBuilder children: () -> [Node] = { [] }) -> Node {
        precondition(Node.isValidName(name), "invalid element name")
        return .element(name: name, attributes: attributes, children: children())
    }

    static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}

/// Something that can stand where a node is expected: a component, a string, a node.
public protocol NodeConvertible {
    /// The node this value renders as.
    var node: Node { get }
}

extension Node: NodeConvertible {
    /// The node itself.
    public var node: Node { self }
}

extension String: NodeConvertible {
    /// The string as escaped text.
    public var node: Node { .text(self) }
}

/// A reusable piece of a page (a field with its label and error, the quick-exit button, …).
public protocol Component: NodeConvertible {
    /// What the component renders as.
    @NodeBuilder var body: [Node] { get }
}

extension Component {
    /// The component's body as one node.
    public var node: Node { .fragment(body) }
}

/// Lets children be written as a block: nodes, strings, `if`, `for`, and components.
@resultBuilder
public enum NodeBuilder {
    /// A node.
    public static func buildExpression(_ node: Node) -> [Node] { [node] }
    /// A string becomes escaped text.
    public static func buildExpression(_ text: String) -> [Node] { [.text(text)] }
    /// A list of nodes.
    public static func buildExpression(_ nodes: [Node]) -> [Node] { nodes }
    /// A component.
    public static func buildExpression(_ component: some Component) -> [Node] { component.body }
    /// Several statements in order.
    public static func buildBlock(_ parts: [Node]...) -> [Node] { parts.flatMap { $0 } }
    /// An `if` without `else`.
    public static func buildOptional(_ part: [Node]?) -> [Node] { part ?? [] }
    /// The first branch of an `if`/`else` or `switch`.
    public static func buildEither(first part: [Node]) -> [Node] { part }
    /// The second branch of an `if`/`else` or `switch`.
    public static func buildEither(second part: [Node]) -> [Node] { part }
    /// A `for` loop.
    public static func buildArray(_ parts: [[Node]]) -> [Node] { parts.flatMap { $0 } }
    /// `if #available`.
    public static func buildLimitedAvailability(_ part: [Node]) -> [Node] { part }
}
