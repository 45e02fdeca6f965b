import Foundation

/// The organisation as it is before an import, as far as validation needs it: who exists, who is
/// active, who manages whom, and the unit tree. Read through the administrator's masked directory.
struct OrganisationSnapshot: Sendable {
    struct Person: Sendable {
        var active: Bool
        var managerHRID: String?
    }

    struct Unit: Sendable {
        var active: Bool
        var parentCode: String?
    }

    /// People by HR id.
    var people: [String: Person] = [:]
    /// Units by code.
    var units: [String: Unit] = [:]
}

/// Checks every row of an import and the rows together (duplicates, references, cycles) against
/// the organisation as it is. Either every row is valid and ``Result/records`` is the whole file,
/// or ``Result/problems`` says what to fix, line by line — an import is all or nothing.
enum ImportValidator {
    /// The outcome of validation.
    struct Result: Sendable {
        /// The valid records, in file order.
        var records: [ImportRecord]
        /// Units named in the file: code → (name, parent code), in first-seen order.
        var units: [(code: String, name: String, parent: String?)]
        /// Everything wrong, in file order.
        var problems: [ImportProblem]
    }

    static let nameLimit = 200
    static let codeLimit = 64

    /// Validates `rows`; `full` says whether people absent from the file will become inactive.
    static func validate(_ rows: [ImportRow], snapshot: OrganisationSnapshot, full: Bool) -> Result {
        var problems: [ImportProblem] = []
        var records: [ImportRecord] = []
        records.reserveCapacity(rows.count)
        // Every HR id and unit code that is well formed, even on rows with other problems, so that
        // one wrong e-mail does not also turn every reference to that person into a second error.
        var hrIDsInFile: Set<String> = []
        var unitCodesInFile: Set<String> = []
        hrIDsInFile.reserveCapacity(rows.count)

        for row in rows {
            var rowProblems: [ImportProblem] = []
            func fail(_ field: ImportField, _ reason: ImportProblem.Reason) {
                rowProblems.append(ImportProblem(line: row.line, field: field.rawValue, reason: reason))
            }
            func text(_ field: ImportField) -> String? {
                guard let raw = row[field] else { return nil }
                let trimmed = raw.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty { return nil }
                if trimmed.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
                    fail(field, .invalidCharacters)
                    return nil
                }
                return trimmed
            }
            func required(_ field: ImportField) -> String? {
                let value = text(field)
                if value == nil, !rowProblems.contains(where: { $0.field == field.rawValue }) { fail(field, .missing) }
                return value
            }
            func code(_ field: ImportField, isRequired: Bool) -> String? {
                guard let value = isRequired ? required(field) : text(field) else { return nil }
                let isUnit = field == .unitCode || field == .parentUnitCode
                guard isCode(value, allowsSlash: isUnit) else {
                    fail(field, .invalidFormat)
                    return nil
                }
                return value
            }
            func name(_ field: ImportField) -> String? {
                guard let value = required(field) else { return nil }
                guard value.unicodeScalars.count <= nameLimit else {
                    fail(field, .tooLong)
                    return nil
                }
                return value
            }
            func date(_ field: ImportField, isRequired: Bool) -> CalendarDay? {
                guard let value = isRequired ? required(field) : text(field) else { return nil }
                guard let day = CalendarDay(iso: value) else {
                    fail(field, .notADate)
                    return nil
                }
                return day
            }

            let hrID = code(.hrID, isRequired: true)
            if let hrID { hrIDsInFile.insert(hrID) }
            let personName = name(.name)
            var email: String?
            if let value = text(.workEmail) {
                if isEmail(value) { email = value } else { fail(.workEmail, .invalidEmail) }
            }
            let unitCode = code(.unitCode, isRequired: true)
            if let unitCode { unitCodesInFile.insert(unitCode) }
            let unitName = name(.unitName)
            let parent = code(.parentUnitCode, isRequired: false)
            if let parent, parent == unitCode { fail(.parentUnitCode, .selfReference) }
            let manager = code(.managerHRID, isRequired: false)
            if let manager, manager == hrID { fail(.managerHRID, .selfReference) }
            let hired = date(.hireDate, isRequired: true)
            let ended = date(.endDate, isRequired: false)
            if let hired, let ended, ended < hired { fail(.endDate, .beforeHireDate) }
            var protected = false
            if let value = text(.protectedIdentity) {
                if let flag = flag(value) { protected = flag } else { fail(.protectedIdentity, .notAFlag) }
            }

            if rowProblems.isEmpty, let hrID, let personName, let unitCode, let unitName, let hired {
                records.append(ImportRecord(line: row.line, hrID: hrID, name: personName, workEmail: email, unitCode: unitCode,
                                            unitName: unitName, parentUnitCode: parent, managerHRID: manager, hireDate: hired,
                                            endDate: ended, protectedIdentity: protected))
            } else {
                problems.append(contentsOf: rowProblems)
            }
        }

        // Rows together: duplicates and units described differently on two rows.
        var firstLine: [String: Int] = [:]
        firstLine.reserveCapacity(records.count)
        var units: [(code: String, name: String, parent: String?)] = []
        var unitIndex: [String: Int] = [:]
        var keep = [Bool](repeating: true, count: records.count)
        for (position, record) in records.enumerated() {
            if firstLine[record.hrID] != nil {
                problems.append(ImportProblem(line: record.line, field: ImportField.hrID.rawValue, reason: .duplicate))
                keep[position] = false
            } else {
                firstLine[record.hrID] = record.line
            }
            if let known = unitIndex[record.unitCode] {
                if units[known].name != record.unitName {
                    problems.append(ImportProblem(line: record.line, field: ImportField.unitName.rawValue, reason: .unitConflict))
                    keep[position] = false
                } else if units[known].parent != record.parentUnitCode {
                    problems.append(ImportProblem(line: record.line, field: ImportField.parentUnitCode.rawValue, reason: .unitConflict))
                    keep[position] = false
                }
            } else {
                unitIndex[record.unitCode] = units.count
                units.append((record.unitCode, record.unitName, record.parentUnitCode))
            }
        }

        // References: a manager and a parent unit must exist in the file or the organisation, and a
        // manager must still be active after the import.
        for (position, record) in records.enumerated() where keep[position] {
            if let manager = record.managerHRID, !hrIDsInFile.contains(manager) {
                if let known = snapshot.people[manager] {
                    if full || !known.active {
                        problems.append(ImportProblem(line: record.line, field: ImportField.managerHRID.rawValue, reason: .managerInactive))
                        keep[position] = false
                    }
                } else {
                    problems.append(ImportProblem(line: record.line, field: ImportField.managerHRID.rawValue, reason: .unknownManager))
                    keep[position] = false
                }
            }
            if let parent = record.parentUnitCode, !unitCodesInFile.contains(parent), snapshot.units[parent] == nil {
                problems.append(ImportProblem(line: record.line, field: ImportField.parentUnitCode.rawValue, reason: .unknownParentUnit))
                keep[position] = false
            }
        }

        // Cycles, in the organisation as it would be after the import (the file wins over what is stored).
        var managerOf: [String: String] = [:]
        for (hrID, person) in snapshot.people { if let manager = person.managerHRID { managerOf[hrID] = manager } }
        for record in records { managerOf[record.hrID] = record.managerHRID }
        let inManagerCycle = nodesOnCycles(managerOf)
        var parentOf: [String: String] = [:]
        for (code, unit) in snapshot.units { if let parent = unit.parentCode { parentOf[code] = parent } }
        for unit in units { parentOf[unit.code] = unit.parent }
        let inUnitCycle = nodesOnCycles(parentOf)
        var reportedUnitCycle: Set<String> = []
        for (position, record) in records.enumerated() {
            if inManagerCycle.contains(record.hrID) {
                problems.append(ImportProblem(line: record.line, field: ImportField.managerHRID.rawValue, reason: .managerCycle))
                keep[position] = false
            }
            if inUnitCycle.contains(record.unitCode), reportedUnitCycle.insert(record.unitCode).inserted {
                problems.append(ImportProblem(line: record.line, field: ImportField.parentUnitCode.rawValue, reason: .unitCycle))
                keep[position] = false
            }
        }

        return Result(records: problems.isEmpty ? records : [], units: problems.isEmpty ? units : [],
                      problems: ImportProblem.ordered(problems))
    }

    /// The nodes that lie on a cycle of a graph in which every node has at most one successor
    /// (a manager, a parent unit). Self-loops are reported elsewhere and skipped here. O(n).
    static func nodesOnCycles(_ next: [String: String]) -> Set<String> {
        var state: [String: UInt8] = [:]  // 1: on the current path, 2: done
        state.reserveCapacity(next.count)
        var onCycles: Set<String> = []
        for start in next.keys where state[start] == nil {
            var path: [String] = []
            var node: String? = start
            while let current = node, state[current] == nil {
                state[current] = 1
                path.append(current)
                node = next[current]
                if node == current { node = nil }
            }
            if let current = node, state[current] == 1, let cycleStart = path.firstIndex(of: current) {
                onCycles.formUnion(path[cycleStart...])
            }
            for visited in path { state[visited] = 2 }
        }
        return onCycles
    }

    /// An HR id or a unit code: a letter or digit, then letters, digits, `.`, `_`, `-` (unit codes
    /// also `/`), at most 64 — the same rule the database checks.
    static func isCode(_ value: String, allowsSlash: Bool) -> Bool {
        let scalars = value.unicodeScalars
        guard let first = scalars.first, scalars.count <= codeLimit, isASCIIAlphanumeric(first) else { return false }
        return scalars.dropFirst().allSatisfy {
            isASCIIAlphanumeric($0) || $0 == "." || $0 == "_" || $0 == "-" || (allowsSlash && $0 == "/")
        }
    }

    static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    /// What the database accepts as a work e-mail: no spaces, one `@`, a dot inside the domain.
    static func isEmail(_ value: String) -> Bool {
        guard value.unicodeScalars.count <= 254, !value.unicodeScalars.contains(where: { $0.properties.isWhitespace }) else { return false }
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty else { return false }
        let domain = Array(parts[1].unicodeScalars)
        guard domain.count >= 3, let dot = domain.dropFirst().dropLast().firstIndex(of: ".") else { return false }
        return dot > 0
    }

    /// ja/nej, yes/no, true/false, 1/0, j/n, x (a ticked spreadsheet cell) — any case.
    static func flag(_ value: String) -> Bool? {
        switch value.lowercased() {
        case "ja", "j", "yes", "y", "true", "sant", "1", "x": true
        case "nej", "n", "no", "false", "falskt", "0": false
        default: nil
        }
    }
}
