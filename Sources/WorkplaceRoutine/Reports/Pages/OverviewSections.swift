import Foundation
import HTML

/// The dashboard's sections for a whole cycle.
struct CycleSections: Component {
    let overview: Overview
    let cycle: ReportCycle
    let texts: ReportTexts
    let format: ReportFormat

    static let question = ["due", "held", "asked", "not_asked", "not_yet"]
    static let reasons = ["reason_no_private_setting", "reason_interpreter_present", "reason_employee_declined_talk", "reason_talk_cancelled",
                          "reason_on_leave", "reason_other"]
    static let newHires = ["new_hires_due", "new_hires_asked_in_time", "new_hires_not_in_time", "intro_trained", "intro_untrained"]
    static let training = ["staff", "half_day_trained", "half_day_untrained", "web_course_trained", "web_course_untrained",
                           "managers_recording", "managers_trained", "managers_untrained"]

    var body: [Node] {
        let unitName = overview.unit?.name ?? overview.organisationName
        Node.section(.class("report-section"), .aria("labelledby", "question-heading")) {
            Node.h2(.id("question-heading"), text: texts.questionHeading)
            MeasureTable(caption: texts.summaryCaption(unitName), measures: Self.question, overview: overview, texts: texts, format: format)
            if overview.selected("reason_other") != nil {
                Node.h3(texts.reasonsHeading)
                MeasureTable(caption: texts.reasonsHeading, measures: Self.reasons, overview: overview, texts: texts, format: format)
            }
            if overview.selected("new_hires_due") != nil {
                Node.h3(texts.newHiresHeading)
                MeasureTable(caption: texts.newHiresHeading, measures: Self.newHires, overview: overview, texts: texts, format: format)
            }
            if overview.selected("reason_other") == nil || overview.selected("managers_recording") == nil {
                Node.p(.class("field__hint"), text: texts.depthNote)
            }
        }
        UnitSection(overview: overview, unitName: unitName, texts: texts, format: format)
        Node.section(.class("report-section"), .aria("labelledby", "training-heading")) {
            Node.h2(.id("training-heading"), text: texts.trainingHeading)
            MeasureTable(caption: texts.trainingHeading + " – " + unitName, measures: Self.training, overview: overview, texts: texts, format: format)
            TrainingByUnit(overview: overview, unitName: unitName, texts: texts, format: format)
        }
        TimeSection(overview: overview, cycle: cycle, unitName: unitName, texts: texts, format: format)
        SupportSection(overview: overview, texts: texts, format: format)
    }
}

/// Share asked per child unit: a bar chart and the same figures in a table, each unit a link down.
struct UnitSection: Component {
    let overview: Overview
    let unitName: String
    let texts: ReportTexts
    let format: ReportFormat

    var body: [Node] {
        let children = overview.children
        Node.section(.class("report-section"), .aria("labelledby", "units-heading")) {
            Node.h2(.id("units-heading"), text: texts.unitsHeading)
            if children.isEmpty {
                Node.p(texts.noChildren)
            } else {
                Node.figure(.class("report-chart")) {
                    HorizontalBarChart(id: "chart-units", title: texts.chartByUnitTitle(unitName), description: texts.chartByUnitDescription,
                                       bars: children.map { child in
                                           ChartBar(label: OverviewPage.name(child.unit, texts),
                                                    value: ShareCell.chartValue(child.rows["asked"], base: child.rows["due"], texts: texts, format: format))
                                       },
                                       hiddenMark: texts.hiddenMark, ticks: [format.wholePercent(0), format.wholePercent(50), format.wholePercent(100)])
                }
                Node.div(.class("table-wrap"), .role("region"), .tabindex(0), .aria("label", texts.unitsCaption(unitName))) {
                    Node.table {
                        Node.caption(texts.unitsCaption(unitName))
                        Node.thead {
                            Node.tr {
                                Node.th(.scope("col"), text: texts.unitColumn)
                                for measure in ["due", "held", "asked"] {
                                    Node.th(.scope("col"), .class("number"), text: OverviewPage.label(measure, texts))
                                }
                                Node.th(.scope("col"), .class("number"), text: texts.shareColumn + " " + OverviewPage.label("asked", texts).lowercased())
                                Node.th(.scope("col"), .class("number"), text: OverviewPage.label("not_yet", texts))
                            }
                        }
                        Node.tbody {
                            for child in children {
                                Node.tr {
                                    Node.th(.scope("row")) { UnitLink(row: child.unit, overview: overview, texts: texts) }
                                    for measure in ["due", "held", "asked"] {
                                        FigureCell(figure: child.rows[measure]?.figure ?? .hidden, texts: texts, format: format)
                                    }
                                    ShareCell(row: child.rows["asked"], base: child.rows["due"], texts: texts, format: format)
                                    FigureCell(figure: child.rows["not_yet"]?.figure ?? .hidden, texts: texts, format: format)
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// A child unit's name, a link down the tree when it has sub-units.
struct UnitLink: Component {
    let row: CoverageRow
    let overview: Overview
    let texts: ReportTexts

    var body: [Node] {
        if row.hasChildren && !row.isDirect, let id = row.unitID {
            Node.a(.href(OverviewPage.link(OverviewFilter(cycle: overview.filter.cycle, unit: id))), text: row.unitName)
        } else {
            OverviewPage.name(row, texts)
        }
    }
}

/// Training per child unit: staff and their courses; managers where published.
struct TrainingByUnit: Component {
    let overview: Overview
    let unitName: String
    let texts: ReportTexts
    let format: ReportFormat

    var body: [Node] {
        let children = overview.children
        let managers = children.contains { $0.rows["managers_recording"] != nil }
        if !children.isEmpty {
            Node.div(.class("table-wrap"), .role("region"), .tabindex(0), .aria("label", texts.trainingCaption(unitName))) {
                Node.table {
                    Node.caption(texts.trainingCaption(unitName))
                    Node.thead {
                        Node.tr {
                            Node.th(.scope("col"), text: texts.unitColumn)
                            Node.th(.scope("col"), .class("number"), text: texts.trainingColumn("staff"))
                            for measure in ["half_day_trained", "web_course_trained"] + (managers ? ["managers_recording", "managers_trained"] : []) {
                                Node.th(.scope("col"), .class("number"), text: texts.trainingColumn(measure))
                                if measure != "managers_recording" {
                                    Node.th(.scope("col"), .class("number"), text: texts.shareColumn)
                                }
                            }
                        }
                    }
                    Node.tbody {
                        for child in children {
                            Node.tr {
                                Node.th(.scope("row")) { UnitLink(row: child.unit, overview: overview, texts: texts) }
                                FigureCell(figure: child.rows["staff"]?.figure ?? .hidden, texts: texts, format: format)
                                for measure in ["half_day_trained", "web_course_trained"] + (managers ? ["managers_recording", "managers_trained"] : []) {
                                    FigureCell(figure: child.rows[measure]?.figure ?? .hidden, texts: texts, format: format)
                                    if measure != "managers_recording" {
                                        ShareCell(row: child.rows[measure], base: child.rows[measure]?.shareOf.flatMap { child.rows[$0] },
                                                  texts: texts, format: format)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The chosen unit over the published cycles, and (for the organisation) talks per month.
struct TimeSection: Component {
    let overview: Overview
    let cycle: ReportCycle
    let unitName: String
    let texts: ReportTexts
    let format: ReportFormat

    var body: [Node] {
        let months = overview.months
        Node.section(.class("report-section"), .aria("labelledby", "time-heading")) {
            Node.h2(.id("time-heading"), text: texts.timeHeading)
            if !overview.trend.isEmpty {
                Node.figure(.class("report-chart")) {
                    ColumnChart(id: "chart-trend", title: texts.chartTrendTitle(unitName), description: texts.chartTrendDescription,
                                bars: overview.trend.map { point in
                                    ChartBar(label: point.cycleName, value: point.share.map { .shown(fraction: $0, text: format.percent($0)) }
                                             ?? (point.due == .shown(0) ? .none(text: texts.noShare) : .hidden))
                                },
                                hiddenMark: texts.hiddenMark)
                }
                Node.div(.class("table-wrap"), .role("region"), .tabindex(0), .aria("label", texts.chartTrendTitle(unitName))) {
                    Node.table {
                        Node.caption(texts.chartTrendTitle(unitName))
                        Node.thead {
                            Node.tr {
                                Node.th(.scope("col"), text: texts.cycleColumn)
                                Node.th(.scope("col"), .class("number"), text: OverviewPage.label("due", texts))
                                Node.th(.scope("col"), .class("number"), text: OverviewPage.label("asked", texts))
                                Node.th(.scope("col"), .class("number"), text: texts.shareColumn)
                            }
                        }
                        Node.tbody {
                            for point in overview.trend {
                                Node.tr {
                                    Node.th(.scope("row"), text: point.cycleName)
                                    FigureCell(figure: point.due, texts: texts, format: format)
                                    FigureCell(figure: point.asked, texts: texts, format: format)
                                    if let share = point.share {
                                        Node.td(.class("number"), text: format.percent(share))
                                    } else if point.due == .shown(0) {
                                        Node.td(.class("number"), text: texts.noShare)
                                    } else {
                                        Node.td(.class("number figure--hidden"), text: texts.hiddenMark)
                                    }
                                }
                            }
                        }
                    }
                }
            }
            if months.isEmpty {
                Node.p(texts.monthsOnlyOrganisation)
            } else {
                let largest = months.compactMap(\.value).max() ?? 0
                Node.figure(.class("report-chart")) {
                    ColumnChart(id: "chart-months", title: texts.chartMonthsTitle(cycle.name), description: texts.chartMonthsDescription,
                                bars: months.map { row in
                                    let label = texts.shortMonth(Int(row.period.suffix(2)) ?? 1)
                                    switch row.figure {
                                    case .shown(let value):
                                        return ChartBar(label: label, value: .shown(fraction: largest > 0 ? Double(value) / Double(largest) : 0,
                                                                                    text: format.count(value)))
                                    case .hidden:
                                        return ChartBar(label: label, value: .hidden)
                                    }
                                },
                                hiddenMark: texts.hiddenMark)
                }
                Node.div(.class("table-wrap"), .role("region"), .tabindex(0), .aria("label", texts.chartMonthsTitle(cycle.name))) {
                    Node.table {
                        Node.caption(texts.chartMonthsTitle(cycle.name))
                        Node.thead {
                            Node.tr {
                                Node.th(.scope("col"), text: texts.monthColumn)
                                Node.th(.scope("col"), .class("number"), text: OverviewPage.label("held", texts))
                                Node.th(.scope("col"), .class("number"), text: texts.shareColumn)
                            }
                        }
                        Node.tbody {
                            for row in months {
                                Node.tr {
                                    Node.th(.scope("row"), text: MonthSection.name(row.period, texts))
                                    FigureCell(figure: row.figure, texts: texts, format: format)
                                    ShareCell(row: row, base: overview.selected("held"), texts: texts, format: format)
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Support requests of the organisation as a whole.
struct SupportSection: Component {
    let overview: Overview
    let texts: ReportTexts
    let format: ReportFormat

    var body: [Node] {
        Node.section(.class("report-section"), .aria("labelledby", "support-heading")) {
            Node.h2(.id("support-heading"), text: texts.supportHeading)
            if overview.filter.unit != nil {
                Node.p(texts.supportOnlyOrganisation)
            } else {
                SupportTable(rows: overview.support.filter { $0.period == "cycle" }, caption: texts.supportCaption, texts: texts, format: format)
            }
        }
    }
}

/// A table of support rows: label, value (hours for the median), share.
struct SupportTable: Component {
    let rows: [SupportRow]
    let caption: String
    let texts: ReportTexts
    let format: ReportFormat

    var body: [Node] {
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
                                if let value = row.value, !row.suppressed {
                                    Node.td(.class("number"), text: row.isCount ? format.count(Int(value)) : texts.hours(format.decimal(value)))
                                } else {
                                    Node.td(.class("number figure--hidden"), text: texts.hiddenMark)
                                }
                                if let share = row.share {
                                    Node.td(.class("number"), text: format.percent(share))
                                } else if row.shareOf == nil {
                                    Node.td(.class("number"), text: "")
                                } else if rows.first(where: { $0.measure == row.shareOf && $0.period == row.period })?.value == 0 {
                                    Node.td(.class("number"), text: texts.noShare)
                                } else {
                                    Node.td(.class("number figure--hidden"), text: texts.hiddenMark)
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// One month: talks held then (organisation only) and support requests that came in.
struct MonthSection: Component {
    let overview: Overview
    let month: String
    let texts: ReportTexts
    let format: ReportFormat

    static func name(_ month: String, _ texts: ReportTexts) -> String {
        guard let year = Int(month.prefix(4)), let number = Int(month.suffix(2)), (1...12).contains(number) else { return month }
        return texts.monthName(year, number)
    }

    var body: [Node] {
        Node.section(.class("report-section"), .aria("labelledby", "month-heading")) {
            Node.h2(.id("month-heading"), text: MonthSection.name(month, texts))
            Node.p(texts.monthNote)
            if overview.months.isEmpty {
                Node.p(texts.monthsOnlyOrganisation)
            } else {
                Node.div(.class("table-wrap"), .role("region"), .tabindex(0), .aria("label", texts.questionHeading + " – " + MonthSection.name(month, texts))) {
                    Node.table {
                        Node.caption(texts.questionHeading + " – " + MonthSection.name(month, texts))
                        Node.thead {
                            Node.tr {
                                Node.th(.scope("col"), text: texts.measureColumn)
                                Node.th(.scope("col"), .class("number"), text: texts.countColumn)
                                Node.th(.scope("col"), .class("number"), text: texts.shareColumn)
                            }
                        }
                        Node.tbody {
                            for row in overview.months {
                                Node.tr {
                                    Node.th(.scope("row"), text: OverviewPage.label(row.measure, texts))
                                    FigureCell(figure: row.figure, texts: texts, format: format)
                                    if let share = row.share {
                                        Node.td(.class("number"), text: format.percent(share))
                                    } else {
                                        Node.td(.class("number figure--hidden"), text: texts.hiddenMark)
                                    }
                                }
                            }
                        }
                    }
                }
            }
            if overview.filter.unit == nil {
                SupportTable(rows: overview.support, caption: texts.supportCaption + " – " + MonthSection.name(month, texts),
                             texts: texts, format: format)
            } else {
                Node.p(texts.supportOnlyOrganisation)
            }
        }
    }
}

/// What each measure means.
struct Glossary: Component {
    let texts: ReportTexts

    static let measures = ["due", "held", "asked", "not_asked", "not_yet", "new_hires_due", "staff", "managers_recording", "requests",
                           "contacted_within_deadline", "median_hours_to_first_contact"]

    var body: [Node] {
        Node.section(.class("report-section"), .aria("labelledby", "glossary-heading")) {
            Node.h2(.id("glossary-heading"), text: texts.glossaryHeading)
            Node.dl(.class("summary-list")) {
                for measure in Self.measures {
                    if let hint = texts.measureHint(measure) {
                        Node.dt(OverviewPage.label(measure, texts))
                        Node.dd(hint)
                    }
                }
            }
        }
    }
}
