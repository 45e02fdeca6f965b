import Foundation
import HTML
import HTTP

/// The director's dashboard: filters (cycle, unit, month) in a plain GET form, breadcrumbs down the
/// unit tree, the chosen unit's figures, a chart and table per child unit, training, the figures over
/// time and the organisation's support requests. Every number on it is a row of the overview as the
/// report functions returned it; the page only lays them out (and scales bars to them).
enum OverviewPage {
    static func render(_ context: RequestContext, _ overview: Overview) -> HTTPResponse {
        let texts = context.texts.report
        let format = ReportFormat(language: context.language)
        return context.page(texts.title) {
            Node.h1(texts.title)
            Node.p(.class("report-organisation"), text: overview.organisationName)
            if let cycle = overview.cycle {
                Breadcrumbs(overview: overview, texts: texts)
                Node.p(.class("lead"), text: texts.intro)
                Node.div(.class("panel panel--important")) {
                    Node.p(.id("hidden-explanation"), text: texts.hiddenExplanation(cycle.k))
                }
                FilterForm(overview: overview, cycle: cycle, texts: texts)
                Downloads(overview: overview, texts: texts)
                Node.p(.class("report-published"), text: texts.publishedAt(Stockholm.dateAndTime(cycle.publishedAt)))
                if let month = overview.filter.month {
                    MonthSection(overview: overview, month: month, texts: texts, format: format)
                } else {
                    CycleSections(overview: overview, cycle: cycle, texts: texts, format: format)
                }
                Glossary(texts: texts)
            } else {
                Node.p(.class("lead"), text: texts.intro)
                Node.p(.class("panel"), text: texts.noFigures)
            }
        }
    }

    /// The words for a measure code (an unknown code as itself, so a new measure is never dropped).
    static func label(_ measure: String, _ texts: ReportTexts) -> String {
        texts.measure(measure) ?? measure
    }

    /// The name of a child row: its unit, or "(directly in the unit)".
    static func name(_ row: CoverageRow, _ texts: ReportTexts) -> String {
        row.isDirect ? texts.directUnit(row.unitName) : row.unitName
    }

    /// The page's link for another filter.
    static func link(_ filter: OverviewFilter, path: String = "/overview") -> String {
        let query = filter.query()
        return query.isEmpty ? path : path + "?" + query
    }
}

/// The path from the organisation down to the chosen unit; every step but the last is a link.
struct Breadcrumbs: Component {
    let overview: Overview
    let texts: ReportTexts

    var body: [Node] {
        let path = overview.path
        if path.count > 1 {
            Node.nav(.class("breadcrumbs"), .aria("label", texts.breadcrumbsLabel)) {
                Node.ol {
                    for (index, unit) in path.enumerated() {
                        Node.li {
                            let name = unit.depth == 0 ? texts.wholeOrganisation : unit.name
                            if index == path.count - 1 {
                                Node.span(.aria("current", "page"), text: name)
                            } else {
                                Node.a(.href(OverviewPage.link(OverviewFilter(cycle: overview.filter.cycle, unit: unit.id))), text: name)
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The filters as a GET form that works without script: labelled selects and a submit button.
struct FilterForm: Component {
    let overview: Overview
    let cycle: ReportCycle
    let texts: ReportTexts

    var body: [Node] {
        let units = FilterForm.order(overview.units)
        Node.form(.method("get"), .action("/overview"), .class("report-filter")) {
            Node.fieldset(.class("fieldset panel")) {
                Node.legend(.class("field__legend"), text: texts.filterLegend)
                SelectField(id: "cycle", name: "cycle", label: texts.cycleLabel,
                            choices: overview.cycles.map { Choice(value: $0.id.lowercased, label: $0.name) },
                            selected: cycle.id.lowercased)
                SelectField(id: "unit", name: "unit", label: texts.unitLabel,
                            choices: units.map { unit in
                                Choice(value: unit.id?.lowercased ?? "",
                                       label: unit.depth == 0 ? texts.wholeOrganisation : String(repeating: "– ", count: unit.depth - 1) + unit.name)
                            },
                            selected: overview.filter.unit?.lowercased ?? "")
                SelectField(id: "period", name: "period", label: texts.monthLabel,
                            choices: [Choice(value: "", label: texts.wholeCycle)] + cycle.months.map { month in
                                Choice(value: month, label: texts.monthName(Int(month.prefix(4))!, Int(month.suffix(2))!))
                            },
                            selected: overview.filter.month ?? "")
                Node.div(.class("button-row")) {
                    Node.button(.type("submit"), .class("button"), text: texts.show)
                }
            }
        }
    }
}

extension FilterForm {
    /// The organisation, then each förvaltning in the database's order, with the chosen unit's
    /// ancestors and the unit itself right under the förvaltning they belong to.
    static func order(_ units: [ReportUnit]) -> [ReportUnit] {
        let deeper = units.filter { $0.depth > 1 }.sorted { $0.depth < $1.depth }
        var result = units.filter { $0.depth == 0 }
        for unit in units where unit.depth == 1 {
            result.append(unit)
            if unit.onPath { result.append(contentsOf: deeper) }
        }
        return result
    }
}

/// Links to the same rows as CSV and JSON.
struct Downloads: Component {
    let overview: Overview
    let texts: ReportTexts

    var body: [Node] {
        Node.div(.class("report-downloads no-print")) {
            Node.h2(.class("report-downloads__heading"), text: texts.downloadHeading)
            Node.ul {
                Node.li { Node.a(.href(OverviewPage.link(overview.filter, path: "/overview.csv")), Attribute("download", nil), text: texts.downloadCSV) }
                Node.li { Node.a(.href(OverviewPage.link(overview.filter, path: "/api/overview")), text: texts.downloadJSON) }
            }
        }
    }
}

/// A table cell of a figure: the count, or the hidden mark (as text, with a class for print and
/// screen, never a number).
struct FigureCell: Component {
    let figure: Figure
    let texts: ReportTexts
    let format: ReportFormat

    var body: [Node] {
        switch figure {
        case .shown(let value): Node.td(.class("number"), text: format.count(value))
        case .hidden: Node.td(.class("number figure--hidden"), text: texts.hiddenMark)
        }
    }
}

/// A table cell of a share: the percentage where the database gave one; the hidden mark when the
/// count or its base is hidden (or the base is below k); a dash when the base is zero.
struct ShareCell: Component {
    let row: CoverageRow?
    let base: CoverageRow?
    let texts: ReportTexts
    let format: ReportFormat

    var body: [Node] {
        if let share = row?.share {
            Node.td(.class("number"), text: format.percent(share))
        } else if base?.figure == .shown(0) {
            Node.td(.class("number"), text: texts.noShare)
        } else {
            Node.td(.class("number figure--hidden"), text: texts.hiddenMark)
        }
    }

    /// The chart's value for the same share.
    static func chartValue(_ row: CoverageRow?, base: CoverageRow?, texts: ReportTexts, format: ReportFormat) -> ChartValue {
        if let share = row?.share { return .shown(fraction: share, text: format.percent(share)) }
        if base?.figure == .shown(0) { return .none(text: texts.noShare) }
        return .hidden
    }
}

/// A table of measures of the chosen unit: label, count, share.
struct MeasureTable: Component {
    let caption: String
    let measures: [String]
    let overview: Overview
    let texts: ReportTexts
    let format: ReportFormat

    var body: [Node] {
        let rows = measures.compactMap { overview.selected($0) }
        if !rows.isEmpty {
            Node.div(.class("table-wrap"), .role("region"), .tabindex(0), .aria("label", caption)) {
                Node.table {
                    Node.caption(caption)
                    Node.thead {
                        Node.tr {
                            Node.th(.scope("col"), text: texts.measureColumn)
                            Node.th(.scope("col"), .class("number"), text: texts.countColumn)
                            Node.th(.scope("col"), .class("number"), text: texts.shareColumn)
                        }
                    }
                    Node.tbody {
                        for row in rows {
                            Node.tr {
                                Node.th(.scope("row"), text: OverviewPage.label(row.measure, texts))
                                FigureCell(figure: row.figure, texts: texts, format: format)
                                if row.shareOf == nil {
                                    Node.td(.class("number"), text: "")
                                } else {
                                    ShareCell(row: row, base: row.shareOf.flatMap { overview.selected($0) }, texts: texts, format: format)
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
