import Testing
@testable import WorkplaceRoutine

@Suite struct CSVReaderTests {
    static func read(_ text: String) -> CSVReader.Result { CSVReader.read(Array(text.utf8)) }

    @Test func detectsSemicolonsAsSwedishSpreadsheetsExportThem() {
        let result = Self.read("a;b;c\n1;2,5;3\n")
        #expect(result.delimiter == UInt8(ascii: ";"))
        #expect(result.records.map(\.fields) == [["a", "b", "c"], ["1", "2,5", "3"]])
    }

    @Test func detectsCommasFromTheHeaderLine() {
        let result = Self.read("a,b\n\"x;y\",z\n")
        #expect(result.delimiter == UInt8(ascii: ","))
        #expect(result.records[1].fields == ["x;y", "z"])
    }

    @Test func skipsTheByteOrderMark() {
        let result = CSVReader.read([0xEF, 0xBB, 0xBF] + Array("hr_id;name\r\nA1;Åsa\r\n".utf8))
        #expect(result.records.map(\.fields) == [["hr_id", "name"], ["A1", "Åsa"]])
    }

    @Test func unquotesFieldsWithDelimitersQuotesAndLineBreaks() {
        let result = Self.read("a;b\n\"Berg; \"\"Bengt\"\"\";\"two\nlines\"\nnext;row\n")
        #expect(result.records[1].fields == ["Berg; \"Bengt\"", "two\nlines"])
        // The record after a quoted line break starts on the line it really starts on.
        #expect(result.records[2].line == 4)
        #expect(result.problems.isEmpty)
    }

    @Test func reportsLineNumbersOfRecordsAndSkipsBlankLines() {
        let result = Self.read("a;b\n\n1;2\n;\n3;4")
        #expect(result.records.map(\.line) == [1, 3, 5])
        #expect(result.records.last?.fields == ["3", "4"])
    }

    @Test func anUnterminatedQuoteStopsTheFileAtTheLineItOpened() {
        let result = Self.read("a;b\n1;2\n\"open;3\n4;5\n")
        #expect(result.problems == [ImportProblem(line: 3, field: "row", reason: .unterminatedQuote)])
        #expect(result.records.count == 2)
    }

    @Test func textAfterAClosingQuoteIsReportedAndTheRecordDropped() {
        let result = Self.read("a;b\n\"x\"y;2\n3;4\n")
        #expect(result.problems == [ImportProblem(line: 2, field: "row", reason: .malformedQuotes)])
        #expect(result.records.map(\.line) == [1, 3])
    }

    @Test func invalidUTF8IsReportedWithItsLine() {
        let bytes = Array("a;b\n".utf8) + [0x41, 0xFF, 0x3B, 0x42, 0x0A] + Array("c;d\n".utf8)
        let result = CSVReader.read(bytes)
        #expect(result.problems == [ImportProblem(line: 2, field: "row", reason: .notUTF8)])
        #expect(result.records.map(\.fields) == [["a", "b"], ["c", "d"]])
    }
}
