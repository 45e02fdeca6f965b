import Testing
@testable import WorkplaceRoutine

/// Figures as people read them: grouped digits and a decimal comma in Swedish, a point in English.
@Suite struct ReportFormatTests {
    @Test func countsAreGroupedByThousands() {
        #expect(ReportFormat(language: .swedish).count(1_234_567) == "1\u{00A0}234\u{00A0}567")
        #expect(ReportFormat(language: .english).count(1_234_567) == "1,234,567")
        #expect(ReportFormat(language: .swedish).count(999) == "999")
        #expect(ReportFormat(language: .swedish).count(0) == "0")
    }

    @Test func sharesArePercentagesWithOneDecimal() {
        #expect(ReportFormat(language: .swedish).percent(0.683) == "68,3\u{00A0}%")
        #expect(ReportFormat(language: .english).percent(0.683) == "68.3%")
        #expect(ReportFormat(language: .swedish).percent(1) == "100,0\u{00A0}%")
        #expect(ReportFormat(language: .swedish).percent(0.0005) == "0,1\u{00A0}%")
    }

    @Test func aHiddenFigureIsTheMark() {
        #expect(ReportFormat(language: .swedish).figure(.hidden, hidden: "dold") == "dold")
        #expect(ReportFormat(language: .swedish).figure(.shown(12), hidden: "dold") == "12")
        #expect(Figure(value: 3, suppressed: true) == .hidden)
        #expect(Figure(value: nil, suppressed: false) == .hidden)
    }
}
