import Foundation

/// Where an import came from.
public enum ImportSource: String, Sendable, Codable {
    /// A CSV file (upload or command line).
    case csv
    /// A JSON document (admin API or command line).
    case json
}

/// What a file holds before validation.
struct ParsedImport: Sendable {
    /// The rows that could be read.
    var rows: [ImportRow] = []
    /// What made rows (or the file) unreadable.
    var problems: [ImportProblem] = []
    /// Data rows in the file, read or not.
    var dataRows = 0
    /// False when the file as a whole cannot be imported (no header, missing columns, not JSON):
    /// validating its rows would only add noise.
    var readable = true
}

/// Turns a CSV or JSON file into rows of text per field, reporting what makes a row unreadable.
/// Nothing here judges the values; ``ImportValidator`` does.
enum ImportParser {
    /// The most rows one import takes (a municipality has tens of thousands of employees).
    static let maximumRows = 500_000

    /// The rows of a CSV file whose first record is the header.
    static func rows(csv bytes: [UInt8]) -> ParsedImport {
        let table = CSVReader.read(bytes)
        var problems = table.problems
        guard let header = table.records.first, table.problems.allSatisfy({ $0.line > header.line }) else {
            if problems.isEmpty { problems.append(ImportProblem(line: 0, field: "file", reason: .emptyFile)) }
            return ParsedImport(problems: problems, readable: false)
        }
        let unterminated = table.problems.contains { $0.reason == .unterminatedQuote }
        // Which column holds which field; columns we do not import are skipped and never kept.
        var columns: [(index: Int, field: ImportField)] = []
        var seen: Set<ImportField> = []
        for (index, cell) in header.fields.enumerated() {
            guard let field = ImportField.matching(header: cell) else { continue }
            if !seen.insert(field).inserted {
                problems.append(ImportProblem(line: header.line, field: field.rawValue, reason: .duplicateColumn))
            }
            columns.append((index, field))
        }
        for field in ImportField.allCases where field.isRequired && !seen.contains(field) {
            problems.append(ImportProblem(line: header.line, field: field.rawValue, reason: .missingColumn))
        }
        let data = table.records.dropFirst()
        let dataRows = data.count + table.problems.count
        if dataRows == 0 {
            problems.append(ImportProblem(line: 0, field: "file", reason: .emptyFile))
        }
        if dataRows > maximumRows {
            problems.append(ImportProblem(line: 0, field: "file", reason: .tooManyRows))
            return ParsedImport(problems: problems, dataRows: dataRows, readable: false)
        }
        guard problems.count == table.problems.count, !unterminated else {
            return ParsedImport(problems: problems, dataRows: dataRows, readable: false)
        }
        var rows: [ImportRow] = []
        rows.reserveCapacity(data.count)
        let width = header.fields.count
        for record in data {
            guard record.fields.count == width else {
                problems.append(ImportProblem(line: record.line, field: "row", reason: .wrongFieldCount))
                continue
            }
            var row = ImportRow(line: record.line)
            for column in columns { row[column.field] = record.fields[column.index] }
            rows.append(row)
        }
        return ParsedImport(rows: rows, problems: problems, dataRows: dataRows)
    }

    /// The rows of a JSON document: a list of people, or an object with the list under `people`.
    /// Keys are matched like CSV headers; strings, numbers and booleans are accepted as values.
    static func rows(json bytes: [UInt8]) -> ParsedImport {
        let notJSON = ParsedImport(problems: [ImportProblem(line: 0, field: "file", reason: .notJSON)], readable: false)
        guard let document = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]) else { return notJSON }
        let list: [Any]
        if let array = document as? [Any] {
            list = array
        } else if let object = document as? [String: Any], let people = object["people"] as? [Any] {
            list = people
        } else {
            return notJSON
        }
        if list.isEmpty { return ParsedImport(problems: [ImportProblem(line: 0, field: "file", reason: .emptyFile)], readable: false) }
        if list.count > maximumRows {
            return ParsedImport(problems: [ImportProblem(line: 0, field: "file", reason: .tooManyRows)], dataRows: list.count, readable: false)
        }
        var rows: [ImportRow] = []
        var problems: [ImportProblem] = []
        rows.reserveCapacity(list.count)
        for (offset, element) in list.enumerated() {
            let line = offset + 1
            guard let object = element as? [String: Any] else {
                problems.append(ImportProblem(line: line, field: "row", reason: .notJSON))
                continue
            }
            var row = ImportRow(line: line)
            var malformed = false
            for (key, value) in object {
                guard let field = ImportField.matching(header: key) else { continue }
                switch value {
                case let text as String: row[field] = text
                case is NSNull: row[field] = ""
                case let number as NSNumber:
                    // JSONSerialization gives booleans as NSNumber too; their Objective-C type is "c".
                    if String(cString: number.objCType) == "c" {
                        row[field] = number.boolValue ? "true" : "false"
                    } else {
                        row[field] = number.stringValue
                    }
                default:
                    malformed = true
                    problems.append(ImportProblem(line: line, field: field.rawValue, reason: .invalidFormat))
                }
            }
            if !malformed { rows.append(row) }
        }
        return ParsedImport(rows: rows, problems: problems, dataRows: list.count)
    }
}
