import HTML

/// One bar of a chart: its label and what it shows.
struct ChartBar: Sendable {
    /// What the bar is about (a unit, a month, a cycle).
    let label: String
    /// Its value.
    let value: ChartValue
}

/// What a bar shows. A hidden figure is drawn as a striped area with the hidden mark as text —
/// never as a zero or a short bar.
enum ChartValue: Sendable, Equatable {
    /// A value as a fraction of the chart's scale (0…1), and the text written beside it.
    case shown(fraction: Double, text: String)
    /// Hidden by the disclosure control.
    case hidden
    /// Nothing to show (e.g. a share of nobody), with the text written instead.
    case none(text: String)
}

/// What every chart shares: an `<svg role="img">` named by its `<title>` and described by its
/// `<desc>` (the page puts a table with the same figures right below), presentation attributes only
/// (`fill`, `stroke`: the CSP forbids `style` attributes, not these), and a stripe pattern for
/// hidden figures. Colours: bars in the accent blue (#0b4f8a, 8.6:1 on white), text and stripes in
/// dark grey (≥ 8:1), so no colour is below 3:1 and none carries meaning alone.
enum ChartStyle {
    static let bar = "#0b4f8a"
    static let text = "#1b1b1b"
    static let stripe = "#4a4a4a"
    static let axis = "#6f6f6f"
    static let fontSize = "13"

    static func a(_ name: String, _ value: String) -> Attribute { Attribute(name, value) }

    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    /// The stripes of a hidden figure, as a pattern with an id unique on the page.
    static func defs(_ id: String) -> Node {
        Node.element("defs") {
            Node.element("pattern", [.id(id + "-hidden"), a("width", "8"), a("height", "8"), a("patternUnits", "userSpaceOnUse"),
                                     a("patternTransform", "rotate(45)")]) {
                Node.element("rect", [a("width", "8"), a("height", "8"), a("fill", "#ffffff")])
                Node.element("line", [a("x1", "0"), a("y1", "0"), a("x2", "0"), a("y2", "8"), a("stroke", stripe), a("stroke-width", "3")])
            }
        }
    }

    static func svg(id: String, width: Int, height: Int, title: String, description: String, @NodeBuilder content: () -> [Node]) -> Node {
        Node.element("svg", [.class("chart"), a("viewBox", "0 0 \(width) \(height)"), .role("img"),
                             .aria("labelledby", "\(id)-title \(id)-desc"), a("focusable", "false")]) {
            Node.element("title", [.id(id + "-title")]) { title }
            Node.element("desc", [.id(id + "-desc")]) { description }
            defs(id)
            content()
        }
    }

    static func text(_ content: String, x: Double, y: Double, anchor: String = "start", weight: String? = nil) -> Node {
        var attributes = [a("x", number(x)), a("y", number(y)), a("font-size", fontSize), a("fill", text), a("text-anchor", anchor)]
        if let weight { attributes.append(a("font-weight", weight)) }
        return Node.element("text", attributes) { content }
    }

    /// `label` cut to `length` characters with an ellipsis (the table has the full name).
    static func short(_ label: String, _ length: Int) -> String {
        label.count <= length ? label : String(label.prefix(length - 1)) + "…"
    }
}

/// Horizontal bars, one per category (units): label on the left, bar, value at its end.
struct HorizontalBarChart: Component {
    let id: String
    let title: String
    let description: String
    let bars: [ChartBar]
    let hiddenMark: String
    /// Tick labels along the bottom at 0, ½ and 1 of the scale (e.g. 0 %, 50 %, 100 %), if any.
    var ticks: [String] = []

    static let width = 640
    static let labelWidth = 200.0
    static let trackX = 210.0
    static let trackWidth = 340.0
    static let rowHeight = 28.0

    var body: [Node] {
        let height = Int(Double(bars.count) * Self.rowHeight + (ticks.isEmpty ? 12 : 34))
        ChartStyle.svg(id: id, width: Self.width, height: height, title: title, description: description) {
            for (index, bar) in bars.enumerated() {
                row(bar, y: 6 + Double(index) * Self.rowHeight)
            }
            let bottom = 6 + Double(bars.count) * Self.rowHeight
            Node.element("line", [ChartStyle.a("x1", ChartStyle.number(Self.trackX)), ChartStyle.a("y1", "2"),
                                  ChartStyle.a("x2", ChartStyle.number(Self.trackX)), ChartStyle.a("y2", ChartStyle.number(bottom)),
                                  ChartStyle.a("stroke", ChartStyle.axis), ChartStyle.a("stroke-width", "1")])
            if ticks.count == 3 {
                for (index, tick) in ticks.enumerated() {
                    ChartStyle.text(tick, x: Self.trackX + Self.trackWidth * Double(index) / 2, y: bottom + 18,
                                    anchor: index == 0 ? "start" : index == 1 ? "middle" : "end")
                }
            }
        }
    }

    private func row(_ bar: ChartBar, y: Double) -> Node {
        let barHeight = 18.0
        return Node.element("g") {
            ChartStyle.text(ChartStyle.short(bar.label, 28), x: Self.labelWidth, y: y + 14, anchor: "end")
            switch bar.value {
            case let .shown(fraction, text):
                let width = Self.trackWidth * min(max(fraction, 0), 1)
                if width > 0 {
                    Node.element("rect", [ChartStyle.a("x", ChartStyle.number(Self.trackX)), ChartStyle.a("y", ChartStyle.number(y + 1)),
                                          ChartStyle.a("width", ChartStyle.number(width)), ChartStyle.a("height", ChartStyle.number(barHeight)),
                                          ChartStyle.a("fill", ChartStyle.bar)])
                }
                ChartStyle.text(text, x: Self.trackX + width + 6, y: y + 14)
            case .hidden:
                Node.element("rect", [ChartStyle.a("x", ChartStyle.number(Self.trackX)), ChartStyle.a("y", ChartStyle.number(y + 1)),
                                      ChartStyle.a("width", ChartStyle.number(Self.trackWidth)), ChartStyle.a("height", ChartStyle.number(barHeight)),
                                      ChartStyle.a("fill", "url(#\(id)-hidden)"), ChartStyle.a("stroke", ChartStyle.stripe),
                                      ChartStyle.a("stroke-width", "1"), ChartStyle.a("stroke-dasharray", "4 3")])
                ChartStyle.text(hiddenMark, x: Self.trackX + Self.trackWidth + 6, y: y + 14, weight: "700")
            case let .none(text):
                ChartStyle.text(text, x: Self.trackX + 6, y: y + 14)
            }
        }
    }
}

/// Vertical bars, one per point in time (months, cycles): value above, label below.
struct ColumnChart: Component {
    let id: String
    let title: String
    let description: String
    let bars: [ChartBar]
    let hiddenMark: String

    static let width = 640.0
    static let height = 250
    static let plotTop = 26.0
    static let plotBottom = 212.0
    static let left = 16.0

    var body: [Node] {
        let slot = (Self.width - Self.left * 2) / Double(max(bars.count, 1))
        let columnWidth = min(slot * 0.7, 60)
        ChartStyle.svg(id: id, width: Int(Self.width), height: Self.height, title: title, description: description) {
            for (index, bar) in bars.enumerated() {
                column(bar, center: Self.left + slot * (Double(index) + 0.5), width: columnWidth, slot: slot)
            }
            Node.element("line", [ChartStyle.a("x1", ChartStyle.number(Self.left)), ChartStyle.a("y1", ChartStyle.number(Self.plotBottom)),
                                  ChartStyle.a("x2", ChartStyle.number(Self.width - Self.left)), ChartStyle.a("y2", ChartStyle.number(Self.plotBottom)),
                                  ChartStyle.a("stroke", ChartStyle.axis), ChartStyle.a("stroke-width", "1")])
        }
    }

    private func column(_ bar: ChartBar, center: Double, width: Double, slot: Double) -> Node {
        let plotHeight = Self.plotBottom - Self.plotTop
        let labelLength = max(3, Int(slot / 7.5))
        return Node.element("g") {
            switch bar.value {
            case let .shown(fraction, text):
                let height = plotHeight * min(max(fraction, 0), 1)
                if height > 0 {
                    Node.element("rect", [ChartStyle.a("x", ChartStyle.number(center - width / 2)),
                                          ChartStyle.a("y", ChartStyle.number(Self.plotBottom - height)),
                                          ChartStyle.a("width", ChartStyle.number(width)), ChartStyle.a("height", ChartStyle.number(height)),
                                          ChartStyle.a("fill", ChartStyle.bar)])
                }
                ChartStyle.text(ChartStyle.short(text, labelLength), x: center, y: Self.plotBottom - height - 6, anchor: "middle")
            case .hidden:
                Node.element("rect", [ChartStyle.a("x", ChartStyle.number(center - width / 2)), ChartStyle.a("y", ChartStyle.number(Self.plotTop)),
                                      ChartStyle.a("width", ChartStyle.number(width)), ChartStyle.a("height", ChartStyle.number(plotHeight)),
                                      ChartStyle.a("fill", "url(#\(id)-hidden)"), ChartStyle.a("stroke", ChartStyle.stripe),
                                      ChartStyle.a("stroke-width", "1"), ChartStyle.a("stroke-dasharray", "4 3")])
                ChartStyle.text(hiddenMark, x: center, y: Self.plotTop - 8, anchor: "middle", weight: "700")
            case let .none(text):
                ChartStyle.text(text, x: center, y: Self.plotBottom - 6, anchor: "middle")
            }
            ChartStyle.text(ChartStyle.short(bar.label, labelLength), x: center, y: Self.plotBottom + 20, anchor: "middle")
        }
    }
}
