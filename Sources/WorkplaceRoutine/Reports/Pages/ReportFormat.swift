import Foundation

/// How the page writes a published figure: grouped digits, a share as a percentage with one decimal,
/// hours with one decimal — Swedish with a decimal comma and a no-break space, English with a point.
/// Formatting only: every number it is given comes from the report functions.
struct ReportFormat: Sendable {
    /// The page language.
    let language: Language

    /// `1 234` / `1,234`.
    func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped += language == .swedish ? "\u{00A0}" : "," }
            grouped.append(character)
        }
        return (value < 0 ? "−" : "") + grouped
    }

    /// `68,3 %` / `68.3%` from a fraction.
    func percent(_ fraction: Double) -> String {
        let text = decimal(fraction * 100)
        return language == .swedish ? text + "\u{00A0}%" : text + "%"
    }

    /// `50 %` / `50%`: a chart's tick.
    func wholePercent(_ value: Int) -> String {
        language == .swedish ? "\(value)\u{00A0}%" : "\(value)%"
    }

    /// One decimal, with the language's decimal mark.
    func decimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let text = "\(tenths / 10).\(abs(tenths % 10))"
        return language == .swedish ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    /// A figure: its count, or the hidden mark.
    func figure(_ figure: Figure, hidden: String) -> String {
        switch figure {
        case .shown(let value): count(value)
        case .hidden: hidden
        }
    }
}
