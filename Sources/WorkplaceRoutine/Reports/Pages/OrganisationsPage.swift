import Foundation
import HTML
import HTTP

/// The coordinator's page: every organisation's top-level figures for a year, side by side, with the
/// total of all together where it is published. Tables only (a chart of hundreds of organisations
/// would say less than the sortable file); the same rows as JSON at `/api/organisations`.
enum OrganisationsPage {
    static let personColumns = ["due", "held", "asked", "not_yet", "staff", "half_day_trained", "managers_recording", "managers_trained"]
    static let supportColumns = ["requests", "door_anonymous", "contacted_within_deadline", "contacted_late_or_not"]

    static func render(_ context: RequestContext, _ view: AllOrganisations) -> HTTPResponse {
        let texts = context.texts.report
        let format = ReportFormat(language: context.language)
        return context.page(texts.organisationsTitle) {
            Node.h1(texts.organisationsTitle)
            Node.p(.class("lead"), text: texts.organisationsIntro)
            if let year = view.year {
                Node.div(.class("panel panel--important")) {
                    Node.p(texts.organisationsHidden)
                }
                Node.form(.method("get"), .action("/organisations"), .class("report-filter")) {
                    Node.fieldset(.class("fieldset panel")) {
                        Node.legend(.class("field__legend"), text: texts.filterLegend)
                        SelectField(id: "year", name: "year", label: texts.yearLabel,
                                    choices: view.years.map { Choice(value: String($0.year), label: texts.yearChoice($0.year, $0.organisations)) },
                                    selected: String(year))
                        Node.div(.class("button-row")) {
                            Node.button(.type("submit"), .class("button"), text: texts.show)
                        }
                    }
                }
                Node.p(.class("report-downloads no-print")) {
                    Node.a(.href("/api/organisations?year=\(year)"), text: texts.downloadJSON)
                }
                table(caption: texts.organisationsCaption(year), rows: view.persons, columns: personColumns, texts: texts, format: format)
                table(caption: texts.organisationsSupportCaption(year), rows: view.support, columns: supportColumns, texts: texts, format: format)
            } else {
                Node.p(.class("panel"), text: texts.noFigures)
            }
        }
    }

    static func table(caption: String, rows: [OrganisationRow], columns: [String], texts: ReportTexts, format: ReportFormat) -> Node {
        let groups = AllOrganisations.grouped(rows)
        // A region of its own that takes focus: with a column per figure the table can be wider than
        // the window, and a keyboard user must be able to scroll it (axe: scrollable-region-focusable).
        return Node.div(.class("table-wrap"), .role("region"), .tabindex(0), .aria("label", caption)) {
            Node.table {
                Node.caption(caption)
                Node.thead {
                    Node.tr {
                        Node.th(.scope("col"), text: texts.organisationColumn)
                        for column in columns {
                            Node.th(.scope("col"), .class("number"), text: texts.trainingColumn(column) == column ? OverviewPage.label(column, texts)
                                                                                                                     : texts.trainingColumn(column))
                            if groups.contains(where: { $0.byMeasure[column]?.shareOf != nil }) {
                                Node.th(.scope("col"), .class("number"), text: texts.shareColumn)
                            }
                        }
                    }
                }
                Node.tbody {
                    for group in groups {
                        Node.tr(group.first.organisationID == nil ? .class("report-total") : .data("organisation", group.first.organisationID!.lowercased)) {
                            Node.th(.scope("row"), text: group.first.organisationName ?? texts.allTogether)
                            for column in columns {
                                let row = group.byMeasure[column]
                                FigureCell(figure: row?.figure ?? .hidden, texts: texts, format: format)
                                if groups.contains(where: { $0.byMeasure[column]?.shareOf != nil }) {
                                    if let share = row?.share {
                                        Node.td(.class("number"), text: format.percent(share))
                                    } else if let base = row?.shareOf.flatMap({ group.byMeasure[$0] }), base.figure == .shown(0) {
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
}
