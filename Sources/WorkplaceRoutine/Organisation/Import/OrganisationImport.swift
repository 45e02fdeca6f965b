public import Foundation
public import Postgres

/// What an import did (or, for a dry run, would do) — the row of `org.import_run` it recorded.
public struct ImportOutcome: Sendable, Codable, Equatable {
    /// How the run ended.
    public enum Status: String, Sendable, Codable {
        /// The file had problems; nothing was applied.
        case rejected
        /// A dry run: the counts say what would change; nothing was applied.
        case previewed
        /// Everything was applied.
        case applied
        /// The run could not finish. (The table allows it; this version records a file the database
        /// refused as `rejected`, with the reason `database_rejected`.)
        case failed
        /// In progress.
        case running
    }

    /// The run's id (`org.import_run`).
    public var runID: UUID
    /// How it ended.
    public var status: Status
    /// Rows in the file (without the header).
    public var totalRows: Int
    /// People new to the organisation.
    public var added: Int
    /// People whose data changed.
    public var updated: Int
    /// People absent from a full import, now inactive (never deleted).
    public var deactivated: Int
    /// Inactive people present again.
    public var reactivated: Int
    /// The first problems (at most ``OrganisationImport/reportLimit``), in file order.
    public var problems: [ImportProblem]
    /// How many problems there were in all.
    public var errorCount: Int
}

/// The HR import (*import från HR-systemet*): parse, validate against the organisation, then apply
/// everything in one statement through `org.import_people` — or nothing. Runs inside a transaction
/// that acts as `wr_admin` of the organisation (the web page, the JSON API and the command line all
/// come here), so the database function, not this code, decides what an administrator may write.
public enum OrganisationImport {
    /// The most problems kept in a run's report.
    public static let reportLimit = 1000

    /// Imports `bytes` and records the run.
    /// - Parameters:
    ///   - full: people (and units) absent from the file become inactive.
    ///   - dryRun: compute the counts and record the run, apply nothing.
    public static func run(_ bytes: [UInt8], source: ImportSource, dryRun: Bool, full: Bool,
                           in transaction: PostgresTransaction) async throws -> ImportOutcome {
        let parsed = source == .csv ? ImportParser.rows(csv: bytes) : ImportParser.rows(json: bytes)
        let total = parsed.dataRows
        var problems = parsed.problems
        var result = ImportValidator.Result(records: [], units: [], problems: [])
        if parsed.readable {
            let snapshot = try await snapshot(in: transaction)
            result = ImportValidator.validate(parsed.rows, snapshot: snapshot, full: full)
            problems = ImportProblem.ordered(problems + result.problems)
        }
        if !problems.isEmpty { result.records = [] }
        do {
            return try await transaction.transaction { savepoint in
                try await record(result, problems: problems, total: total, source: source, dryRun: dryRun, full: full, in: savepoint)
            }
        } catch let error as PostgresError where error.sqlState.map({ $0.hasPrefix("22") || $0.hasPrefix("23") }) == true {
            // Validation let through something the database refuses (it is stricter in one place
            // or another): nothing was applied; say so in the run's report.
            let refused = [ImportProblem(line: 0, field: "file", reason: .databaseRejected)]
            return try await record(ImportValidator.Result(records: [], units: [], problems: refused), problems: refused,
                                    total: total, source: source, dryRun: dryRun, full: full, in: transaction)
        }
    }

    /// The organisation as it is, as the administrator may see it (the masked directory).
    static func snapshot(in transaction: PostgresTransaction) async throws -> OrganisationSnapshot {
        // Plain scans, joined here: a self-join through the security-barrier view is planned badly
        // right after a large import, before statistics catch up.
        var snapshot = OrganisationSnapshot()
        let people = try await transaction.query("SELECT id, hr_id, active, manager_id FROM org.person_directory")
        var hrIDs: [UUID: String] = [:]
        hrIDs.reserveCapacity(people.count)
        var rows: [(hrID: String, active: Bool, manager: UUID?)] = []
        rows.reserveCapacity(people.count)
        for row in people {
            let (id, hrID, active, manager) = try row.decode((UUID, String, Bool, UUID?).self)
            hrIDs[id] = hrID
            rows.append((hrID, active, manager))
        }
        snapshot.people.reserveCapacity(rows.count)
        for row in rows {
            snapshot.people[row.hrID] = OrganisationSnapshot.Person(active: row.active, managerHRID: row.manager.flatMap { hrIDs[$0] })
        }
        let units = try await transaction.query("""
            SELECT id, code, active, parent_id FROM org.unit WHERE organisation_id = (SELECT app.organisation_id())
            """)
        var codes: [UUID: String] = [:]
        var unitRows: [(code: String, active: Bool, parent: UUID?)] = []
        for row in units {
            let (id, code, active, parent) = try row.decode((UUID, String, Bool, UUID?).self)
            codes[id] = code
            unitRows.append((code, active, parent))
        }
        for row in unitRows {
            snapshot.units[row.code] = OrganisationSnapshot.Unit(active: row.active, parentCode: row.parent.flatMap { codes[$0] })
        }
        return snapshot
    }

    private static func record(_ result: ImportValidator.Result, problems: [ImportProblem], total: Int, source: ImportSource,
                               dryRun: Bool, full: Bool, in transaction: PostgresTransaction) async throws -> ImportOutcome {
        let records = result.records
        let kept = Array(problems.prefix(reportLimit))
        let day = { (day: CalendarDay) in PostgresDate(year: day.year, month: day.month, day: day.day)! }
        let rows = try await transaction.query("""
            SELECT run_id, status, added, updated, deactivated, reactivated FROM org.import_people(
                \(source.rawValue), \(dryRun), \(full), \(Int32(total)), \(PostgresJSON(kept)), \(Int32(problems.count)),
                \(result.units.map(\.code)), \(result.units.map(\.name)), \(result.units.map(\.parent)),
                \(records.map(\.hrID)), \(records.map(\.name)), \(records.map(\.workEmail)), \(records.map(\.unitCode)),
                \(records.map(\.managerHRID)), \(records.map { day($0.hireDate) }), \(records.map { $0.endDate.map(day) }),
                \(records.map(\.protectedIdentity)))
            """)
        let (run, status, added, updated, deactivated, reactivated) = try rows.first!.decode((UUID, String, Int32, Int32, Int32, Int32).self)
        return ImportOutcome(runID: run, status: ImportOutcome.Status(rawValue: status) ?? .failed, totalRows: total,
                             added: Int(added), updated: Int(updated), deactivated: Int(deactivated), reactivated: Int(reactivated),
                             problems: kept, errorCount: problems.count)
    }

    /// A recorded run, as its page shows it (nil when it is not this organisation's: row-level security).
    static func load(_ id: UUID, in transaction: PostgresTransaction) async throws -> (outcome: ImportOutcome, startedAt: Date, dryRun: Bool, full: Bool, source: ImportSource)? {
        guard let row = try await transaction.query("""
            SELECT id, status, total_rows, added, updated, deactivated, reactivated, errors, error_count, started_at, dry_run, full_import, source
            FROM org.import_run WHERE id = \(id)
            """).first else { return nil }
        let (run, status, total, added, updated, deactivated, reactivated, errors, count, started, dryRun, full, source) =
            try row.decode((UUID, String, Int32, Int32, Int32, Int32, Int32, PostgresJSON<[ImportProblem]>, Int32, Date, Bool, Bool, String).self)
        let outcome = ImportOutcome(runID: run, status: ImportOutcome.Status(rawValue: status) ?? .failed, totalRows: Int(total),
                                    added: Int(added), updated: Int(updated), deactivated: Int(deactivated), reactivated: Int(reactivated),
                                    problems: errors.value, errorCount: Int(count))
        return (outcome, started, dryRun, full, ImportSource(rawValue: source) ?? .csv)
    }
}
