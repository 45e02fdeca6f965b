/// One row of an import as it came in, before validation: the line (or the position in a JSON
/// list) and the text of each field the file has. Fields the file lacks are nil.
struct ImportRow: Sendable {
    /// The line the row starts on (CSV) or its position in the list, from 1 (JSON).
    let line: Int
    private var values: [String?]

    init(line: Int) {
        self.line = line
        values = Array(repeating: nil, count: ImportField.allCases.count)
    }

    /// The text of `field`, trimmed of surrounding spaces; nil when the file has no such column.
    subscript(field: ImportField) -> String? {
        get { values[field.index] }
        set { values[field.index] = newValue }
    }
}

extension ImportField {
    /// Position in `allCases`, for array-backed rows.
    var index: Int {
        switch self {
        case .hrID: 0
        case .name: 1
        case .workEmail: 2
        case .unitCode: 3
        case .unitName: 4
        case .parentUnitCode: 5
        case .managerHRID: 6
        case .hireDate: 7
        case .endDate: 8
        case .protectedIdentity: 9
        }
    }
}
