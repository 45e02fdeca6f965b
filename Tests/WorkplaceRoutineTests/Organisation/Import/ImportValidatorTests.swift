import Testing
@testable import WorkplaceRoutine

@Suite struct ImportValidatorTests {
    static let header = "hr_id;name;work_email;unit_code;unit_name;parent_unit_code;manager_hr_id;hire_date;end_date;protected_identity"

    static func validate(_ lines: [String], snapshot: OrganisationSnapshot = OrganisationSnapshot(), full: Bool = true) -> ImportValidator.Result {
        let parsed = ImportParser.rows(csv: Array(([header] + lines).joined(separator: "\n").utf8))
        precondition(parsed.readable)
        return ImportValidator.validate(parsed.rows, snapshot: snapshot, full: full)
    }

    static func reasons(_ result: ImportValidator.Result) -> [String] {
        result.problems.map { "\($0.line) \($0.field) \($0.reason.rawValue)" }
    }

    @Test func validRowsBecomeRecordsAndUnits() {
        let result = Self.validate([
            "D1;Dana Direktör;dana@kommun.se;KLF;Kommunledning;;;2015-03-01;;nej",
            "M1;Mats Chef;;HTN;Hemtjänst Norr;KLF;D1;2016-01-10;2030-12-31;ja",
        ])
        #expect(result.problems.isEmpty)
        #expect(result.records.map(\.hrID) == ["D1", "M1"])
        #expect(result.records[1].protectedIdentity && result.records[1].managerHRID == "D1")
        #expect(result.records[1].endDate == CalendarDay(year: 2030, month: 12, day: 31))
        #expect(result.units.map(\.code) == ["KLF", "HTN"] && result.units[1].parent == "KLF")
    }

    @Test func eachBadFieldIsReportedWithLineFieldAndReason() {
        let result = Self.validate([
            ";;inte-en-adress;K 1;;;;2020-02-30;;kanske",
            "P2;\(String(repeating: "x", count: 201));a@b.se;K1;Enhet;;;2020-02-01;2019-01-01;0",
        ])
        #expect(Self.reasons(result) == [
            "2 hire_date not_a_date", "2 hr_id missing", "2 name missing", "2 protected_identity not_a_flag",
            "2 unit_code invalid_format", "2 unit_name missing", "2 work_email invalid_email",
            "3 end_date before_hire_date", "3 name too_long",
        ])
        #expect(result.records.isEmpty)
    }

    @Test func problemsNeverCarryTheValues() {
        let result = Self.validate(["SECRET-ID;Hemlig Person;hemlig@;K1;E;;;x;;"])
        let report = result.problems.map { "\($0.line) \($0.field) \($0.reason.rawValue)" }.joined()
        #expect(!report.contains("Hemlig") && !report.contains("SECRET"))
    }

    @Test func duplicatesConflictingUnitsAndUnknownReferencesAreFound() {
        let result = Self.validate([
            "A;Anna;;U1;Enhet ett;;;2020-01-01;;",
            "A;Anna igen;;U1;Enhet ett;;;2020-01-01;;",
            "B;Bo;;U1;Enhet 1;;;2020-01-01;;",
            "C;Cia;;U2;Två;NOPE;ZZZ;2020-01-01;;",
        ])
        #expect(Self.reasons(result) == [
            "3 hr_id duplicate", "4 unit_name unit_conflict", "5 manager_hr_id unknown_manager", "5 parent_unit_code unknown_parent_unit",
        ])
    }

    @Test func referencesMayPointIntoTheOrganisation() {
        var snapshot = OrganisationSnapshot()
        snapshot.people["OLD"] = .init(active: true, managerHRID: nil)
        snapshot.units["TOP"] = .init(active: true, parentCode: nil)
        let partial = Self.validate(["N;Ny;;U;Enhet;TOP;OLD;2026-01-01;;"], snapshot: snapshot, full: false)
        #expect(partial.problems.isEmpty)
        // In a full import a manager missing from the file would become inactive.
        let full = Self.validate(["N;Ny;;U;Enhet;TOP;OLD;2026-01-01;;"], snapshot: snapshot, full: true)
        #expect(Self.reasons(full) == ["2 manager_hr_id manager_inactive"])
    }

    @Test func cyclesInTheManagerChainAndTheUnitTreeAreRefused() {
        let result = Self.validate([
            "A;A;;U1;Ett;U2;B;2020-01-01;;",
            "B;B;;U2;Två;U1;C;2020-01-01;;",
            "C;C;;U2;Två;U1;A;2020-01-01;;",
            "D;D;;U3;Tre;;D;2020-01-01;;",
        ])
        #expect(Self.reasons(result) == [
            "2 manager_hr_id manager_cycle", "2 parent_unit_code unit_cycle",
            "3 manager_hr_id manager_cycle", "3 parent_unit_code unit_cycle",
            "4 manager_hr_id manager_cycle",
            "5 manager_hr_id self_reference",
        ])
    }

    @Test func aCycleThroughTheStoredOrganisationIsFoundToo() {
        var snapshot = OrganisationSnapshot()
        snapshot.people["OLD"] = .init(active: true, managerHRID: "NEW")
        let result = Self.validate(["NEW;Ny;;U;Enhet;;OLD;2026-01-01;;"], snapshot: snapshot, full: false)
        #expect(Self.reasons(result) == ["2 manager_hr_id manager_cycle"])
    }

    @Test(arguments: [("ja", true), ("JA", true), ("nej", false), ("true", true), ("false", false), ("1", true), ("0", false), ("x", true)])
    func flagsAcceptSwedishAndEnglish(text: String, value: Bool) {
        #expect(ImportValidator.flag(text) == value)
    }

    @Test func swedishHeadersAreRecognised() {
        let csv = "Anställningsnummer;Namn;E-post;Enhetskod;Enhet;Överordnad enhet;Chef;Anställningsdatum;Slutdatum;Skyddade personuppgifter;Personnummer\n"
            + "A1;Åsa;asa@x.se;U1;Enheten;;;2020-01-01;;nej;19800101-1234\n"
        let parsed = ImportParser.rows(csv: Array(csv.utf8))
        #expect(parsed.problems.isEmpty)
        #expect(parsed.rows.first?[.hrID] == "A1" && parsed.rows.first?[.unitName] == "Enheten")
        #expect(parsed.rows.first?[.protectedIdentity] == "nej")
    }

    @Test func aMissingRequiredColumnRejectsTheFileBeforeAnyRow() {
        let parsed = ImportParser.rows(csv: Array("hr_id;name\nA;B\n".utf8))
        #expect(!parsed.readable)
        #expect(parsed.problems.map(\.field) == ["unit_code", "unit_name", "hire_date"])
        #expect(parsed.problems.allSatisfy { $0.reason == .missingColumn && $0.line == 1 })
    }

    @Test func jsonRowsUseTheSameFieldsAndNumbersAndBooleans() {
        let json = #"{"people": [{"hr_id": 17, "namn": "Ett", "unit_code": "U", "unit_name": "Enhet", "hire_date": "2020-01-01", "protected_identity": true}, 5]}"#
        let parsed = ImportParser.rows(json: Array(json.utf8))
        #expect(parsed.rows.first?[.hrID] == "17" && parsed.rows.first?[.name] == "Ett")
        #expect(parsed.rows.first?[.protectedIdentity] == "true")
        #expect(parsed.problems == [ImportProblem(line: 2, field: "row", reason: .notJSON)])
        #expect(parsed.dataRows == 2)
    }
}
