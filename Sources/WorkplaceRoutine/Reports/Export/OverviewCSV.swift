import Foundation

/// The overview's rows as a CSV file for Swedish Excel: UTF-8 with a byte-order mark, `;` between
/// fields, CRLF line ends, a decimal comma in Swedish. One line per row of `report.coverage()` and
/// `report.support()`, in the database's order; a hidden figure is the hidden mark, never a number
/// and never empty, so a spreadsheet cannot mistake it for zero.
struct OverviewCSV: Sendable {
    let overview: Overview
    let texts: ReportTexts
    let language: Language

    /// The file's bytes.
    func render() -> [UInt8] {
        var lines: [[String]] = [header]
        for row in overview.coverage {
            lines.append(["coverage", row.unitID?.lowercased ?? "", row.unitCode ?? "", row.isDirect ? texts.directUnit(row.unitName) : row.unitName,
                          level(row), row.measure, OverviewPage.label(row.measure, texts), row.period,
                          row.figure == .hidden ? texts.hiddenMark : String(row.value!), row.share.map(share) ?? "", row.shareOf ?? ""])
        }
        for row in overview.support {
            let value: String
            if let number = row.value, !row.suppressed {
                value = row.isCount ? String(Int(number)) : decimal(number)
            } else {
                value = texts.hiddenMark
            }
            lines.append(["support", "", "", overview.organisationName, "selected", row.measure, OverviewPage.label(row.measure, texts),
                          row.period, value, row.share.map(share) ?? "", row.shareOf ?? ""])
        }
        var text = "\u{FEFF}"
        for line in lines {
            text += line.map(OverviewCSV.field).joined(separator: ";") + "\r\n"
        }
        return Array(text.utf8)
    }

    /// Column names: machine-readable codes, the same in both languages, so a script reads either file.
    var header: [String] {
        ["table", "unit_id", "unit_code", "unit_name", "level", "measure", "measure_label", "period", "value", "share", "share_of"]
    }

    /// `selected` (the unit asked for), `child`, or `direct` (its people outside its sub-units).
    func level(_ row: CoverageRow) -> String {
        row.isSelected ? "selected" : row.isDirect ? "direct" : "child"
    }

    /// A share as a fraction with up to three decimals (as published), with the language's decimal mark.
    func share(_ value: Double) -> String {
        decimal(value, digits: 3)
    }

    func decimal(_ value: Double, digits: Int = 1) -> String {
        let text = String(format: "%.\(digits)f", value)
        return language == .swedish ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    /// Quotes a field that holds `;`, `"` or a line break, and defuses one that a spreadsheet would
    /// run as a formula (a unit name from the HR file beginning with `=`, `+`, `-`, `@`).
    static func field(_ value: String) -> String {
        var value = value
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { value = "'" + value }
        if value.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return value
    }

    /// `uppfoljning-<cycle>.csv` with only safe characters.
    var filename: String {
        let name = (overview.cycle?.name ?? "").lowercased().unicodeScalars.map { scalar -> String in
            switch scalar {
            case "a"..."z", "0"..."9": String(scalar)
            case "å", "ä": "a"
            case "ö": "o"
            default: "-"
            }
        }.joined()
        let base = language == .swedish ? "oversikt" : "overview"
        return name.isEmpty ? base + ".csv" : base + "-" + name + ".csv"
    }
}
