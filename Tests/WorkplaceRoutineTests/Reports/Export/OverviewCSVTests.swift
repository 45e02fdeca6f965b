import Foundation
import Testing
@testable import WorkplaceRoutine

/// The CSV file for Swedish Excel: BOM, `;`, CRLF, decimal comma, hidden figures as the mark, and
/// names from the HR file that can neither break a line nor run as a formula.
@Suite struct OverviewCSVTests {
    static func row(_ name: String, value: Int?, share: Double? = nil, selected: Bool = false) -> CoverageRow {
        CoverageRow(unitID: UUID(uuidString: "00000000-0000-0000-0000-000000000001"), unitName: name, unitCode: "F01", isSelected: selected,
                    isDirect: false, hasChildren: true, measure: "asked", period: "cycle", value: value, suppressed: value == nil,
                    share: share, shareOf: "due")
    }

    static func make(_ rows: [CoverageRow], support: [SupportRow] = [], language: Language = .swedish) -> String {
        let cycle = ReportCycle(id: UUID(), name: "Medarbetarsamtal 2026", startsOn: CalendarDay(year: 2026, month: 1, day: 1)!,
                                endsOn: CalendarDay(year: 2026, month: 12, day: 31)!, k: 5, publishedAt: Date())
        let overview = Overview(organisationName: "Kommun; 1", cycles: [cycle], cycle: cycle, filter: OverviewFilter(cycle: cycle.id),
                                units: [], coverage: rows, support: support, trend: [])
        let csv = OverviewCSV(overview: overview, texts: Texts.of(language).report, language: language)
        return String(decoding: csv.render(), as: UTF8.self)
    }

    @Test func startsWithABomAndSeparatesWithSemicolonsAndCRLF() {
        let text = Self.make([Self.row("Förvaltning 1", value: 12, share: 0.5, selected: true)])
        #expect(text.hasPrefix("\u{FEFF}table;unit_id;unit_code;unit_name;level;measure;measure_label;period;value;share;share_of\r\n"))
        #expect(text.hasSuffix("coverage;00000000-0000-0000-0000-000000000001;F01;Förvaltning 1;selected;asked;Har fått frågan;cycle;12;0,500;due\r\n"))
    }

    @Test func aHiddenFigureIsTheMarkAndHasNoShare() {
        let swedish = Self.make([Self.row("Förvaltning 1", value: nil)])
        #expect(swedish.contains(";asked;Har fått frågan;cycle;dold;;due\r\n"))
        let english = Self.make([Self.row("Förvaltning 1", value: nil)], language: .english)
        #expect(english.contains(";asked;Asked the question;cycle;hidden;;due\r\n"))
    }

    @Test func supportRowsKeepTheMedianAsHoursWithADecimalComma() {
        let support = [SupportRow(measure: "requests", period: "cycle", value: 12, suppressed: false, share: nil, shareOf: nil),
                       SupportRow(measure: "median_hours_to_first_contact", period: "cycle", value: 4.5, suppressed: false, share: nil, shareOf: nil),
                       SupportRow(measure: "door_anonymous", period: "cycle", value: nil, suppressed: true, share: nil, shareOf: nil)]
        let text = Self.make([], support: support)
        #expect(text.contains("support;;;\"Kommun; 1\";selected;requests;Stödärenden;cycle;12;;\r\n"))
        #expect(text.contains(";median_hours_to_first_contact;Mediantid till första kontakt;cycle;4,5;;\r\n"))
        #expect(text.contains(";door_anonymous;Anonymt, med kvittokod;cycle;dold;;\r\n"))
    }

    @Test(arguments: [("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""), ("+46", "'+46"), ("-1", "'-1"), ("@SUM(A1)", "'@SUM(A1)"),
                      ("Vård; omsorg", "\"Vård; omsorg\""), ("Två\nrader", "\"Två\nrader\""), ("Enhet 1", "Enhet 1")])
    func fieldsAreQuotedAndFormulasDefused(value: String, written: String) {
        #expect(OverviewCSV.field(value) == written)
    }

    @Test func theFileNameHasOnlySafeCharacters() {
        let cycle = ReportCycle(id: UUID(), name: "Medarbetarsamtal 2026/\"ö\"", startsOn: CalendarDay(year: 2026, month: 1, day: 1)!,
                                endsOn: CalendarDay(year: 2026, month: 12, day: 31)!, k: 5, publishedAt: Date())
        let overview = Overview(organisationName: "K", cycles: [cycle], cycle: cycle, filter: OverviewFilter(), units: [], coverage: [],
                                support: [], trend: [])
        #expect(OverviewCSV(overview: overview, texts: Texts.of(.swedish).report, language: .swedish).filename == "oversikt-medarbetarsamtal-2026--o-.csv")
    }
}
