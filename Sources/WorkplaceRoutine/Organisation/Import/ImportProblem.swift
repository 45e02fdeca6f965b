/// One thing wrong with an HR import file: where (line, field) and why, as codes. Never the value:
/// the report is stored, shown and may be printed in a terminal, and the values are personal data.
public struct ImportProblem: Sendable, Hashable, Codable {
    /// Why a row or the file was refused.
    public enum Reason: String, Sendable, Hashable, Codable, CaseIterable {
        /// A required value is empty.
        case missing
        /// Longer than the field allows.
        case tooLong = "too_long"
        /// Not in the field's format (HR id, unit code).
        case invalidFormat = "invalid_format"
        /// Not an e-mail address.
        case invalidEmail = "invalid_email"
        /// Not a date written YYYY-MM-DD.
        case notADate = "not_a_date"
        /// The end date is before the hire date.
        case beforeHireDate = "before_hire_date"
        /// Not ja/nej, yes/no, true/false, 1/0.
        case notAFlag = "not_a_flag"
        /// Control characters in a text.
        case invalidCharacters = "invalid_characters"
        /// The same HR id twice in the file.
        case duplicate
        /// The same unit code with another name or parent than on an earlier row.
        case unitConflict = "unit_conflict"
        /// The manager's HR id is neither in the file nor in the organisation.
        case unknownManager = "unknown_manager"
        /// The manager would be inactive after the import (not in a full file, or inactive).
        case managerInactive = "manager_inactive"
        /// The parent unit code is neither in the file nor in the organisation.
        case unknownParentUnit = "unknown_parent_unit"
        /// The manager chain leads back to this person.
        case managerCycle = "manager_cycle"
        /// The unit tree leads back to this unit.
        case unitCycle = "unit_cycle"
        /// A person is their own manager, or a unit its own parent.
        case selfReference = "self_reference"
        /// A required column is missing from the header.
        case missingColumn = "missing_column"
        /// The same column twice in the header.
        case duplicateColumn = "duplicate_column"
        /// A row has more or fewer fields than the header.
        case wrongFieldCount = "wrong_field_count"
        /// A quoted field never ends.
        case unterminatedQuote = "unterminated_quote"
        /// Text after a closing quote.
        case malformedQuotes = "malformed_quotes"
        /// Not UTF-8 text.
        case notUTF8 = "not_utf8"
        /// No rows at all (a full import of nothing would make everyone inactive).
        case emptyFile = "empty_file"
        /// Not a JSON document of the expected shape.
        case notJSON = "not_json"
        /// More rows than one import takes.
        case tooManyRows = "too_many_rows"
        /// The database refused the rows although they passed validation.
        case databaseRejected = "database_rejected"
    }

    /// The line of the file (1 is the header); for JSON the position of the person in the list.
    /// 0 means the file as a whole.
    public var line: Int
    /// The field's code (`hire_date`, …), or `file`, `header`, `row`.
    public var field: String
    /// Why.
    public var reason: Reason

    /// Makes a problem.
    public init(line: Int, field: String, reason: Reason) {
        self.line = line
        self.field = field
        self.reason = reason
    }

    /// Problems sorted by line, then field.
    static func ordered(_ problems: [ImportProblem]) -> [ImportProblem] {
        problems.sorted { ($0.line, $0.field, $0.reason.rawValue) < ($1.line, $1.field, $1.reason.rawValue) }
    }
}
