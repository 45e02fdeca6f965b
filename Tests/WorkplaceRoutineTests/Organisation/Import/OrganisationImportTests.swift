import Foundation
import Postgres
import Testing
import TestSupport
@testable import WorkplaceRoutine

/// The HR import against PostgreSQL, as the administrator role of the organisation.
@Suite struct OrganisationImportTests {
    static let header = "hr_id;name;work_email;unit_code;unit_name;parent_unit_code;manager_hr_id;hire_date;end_date;protected_identity"

    /// A fresh organisation of its own (so counts are exact) and the acting context of its administrator.
    static func makeOrganisation(_ fixture: DatabaseFixture, slug: String = "importkommun") async throws -> (UUID, SessionContext) {
        let organisation = try await fixture.owner.query("INSERT INTO org.organisation (name, slug) VALUES ('Importkommun', \(slug)) RETURNING id")
            .first!.decode(UUID.self, column: 0)
        let context = SessionContext(role: "wr_admin", settings: ["app.organisation_id": organisation.uuidString.lowercased(), "app.role": "admin"])
        return (organisation, context)
    }

    static func csv(_ lines: [String]) -> [UInt8] { Array(([header] + lines).joined(separator: "\r\n").utf8) }

    static func run(_ fixture: DatabaseFixture, _ context: SessionContext, _ bytes: [UInt8], source: ImportSource = .csv,
                    dryRun: Bool = false, full: Bool = true) async throws -> ImportOutcome {
        try await fixture.app.transaction(as: context) { transaction in
            try await OrganisationImport.run(bytes, source: source, dryRun: dryRun, full: full, in: transaction)
        }
    }

    static func people(_ fixture: DatabaseFixture, _ organisation: UUID) async throws -> [String: (name: String, active: Bool, manager: String?, unit: String)] {
        var result: [String: (String, Bool, String?, String)] = [:]
        for row in try await fixture.owner.query("""
            SELECT p.hr_id, p.name, p.active, m.hr_id, u.code FROM org.person p
            JOIN org.unit u ON u.id = p.unit_id LEFT JOIN org.person m ON m.id = p.manager_id
            WHERE p.organisation_id = \(organisation)
            """) {
            let (hr, name, active, manager, unit) = try row.decode((String, String, Bool, String?, String).self)
            result[hr] = (name, active, manager, unit)
        }
        return result
    }

    static let base = [
        "D1;Dana Direktör;dana@kommun.se;KLF;Kommunledning;;;2015-03-01;;nej",
        "M1;Mats Chef;mats@kommun.se;HTN;Hemtjänst Norr;VOF;D1;2016-01-10;;nej",
        "V1;Vera Förvaltning;;VOF;Vård och omsorg;;D1;2012-01-01;;nej",
        "E1;Erik Medarbetare;erik@kommun.se;HTN;Hemtjänst Norr;VOF;M1;2021-04-12;;nej",
        "E2;Skyddad Person;;HTN;Hemtjänst Norr;VOF;M1;2018-03-05;;ja",
    ]

    @Test func aValidFileIsAppliedAndTheRunRecorded() async throws {
        let fixture = try await DatabaseFixture.make(demo: false)
        defer { Task { await fixture.close() } }
        let (organisation, admin) = try await Self.makeOrganisation(fixture)
        let outcome = try await Self.run(fixture, admin, Self.csv(Self.base))
        #expect(outcome.status == .applied)
        #expect((outcome.added, outcome.updated, outcome.deactivated, outcome.totalRows) == (5, 0, 0, 5))
        let people = try await Self.people(fixture, organisation)
        #expect(people.count == 5)
        #expect(people["E1"]?.manager == "M1" && people["M1"]?.manager == "D1" && people["D1"]?.manager == nil)
        #expect(people["E2"]?.unit == "HTN")
        let parent = try await fixture.owner.query("""
            SELECT p.code FROM org.unit u JOIN org.unit p ON p.id = u.parent_id WHERE u.organisation_id = \(organisation) AND u.code = 'HTN'
            """).first?.decode(String.self, column: 0)
        #expect(parent == "VOF")
        let protected = try await fixture.owner.query("SELECT protected_identity FROM org.person WHERE hr_id = 'E2'").first!.decode(Bool.self, column: 0)
        #expect(protected)
        let (status, added, audits) = try await fixture.owner.query("""
            SELECT r.status, r.added, (SELECT count(*) FROM audit.event a WHERE a.object_id = r.id AND a.action = 'org.import_applied')::bigint
            FROM org.import_run r WHERE r.id = \(outcome.runID)
            """).first!.decode((String, Int32, Int).self)
        #expect(status == "applied" && added == 5 && audits == 1)
    }

    @Test func oneInvalidRowMeansNothingIsAppliedAndTheReportSaysWhere() async throws {
        let fixture = try await DatabaseFixture.make(demo: false)
        defer { Task { await fixture.close() } }
        let (organisation, admin) = try await Self.makeOrganisation(fixture)
        var lines = Self.base
        lines.append("E3;Ett Fel;;HTN;Hemtjänst Norr;VOF;M1;2021-13-01;;nej")
        let outcome = try await Self.run(fixture, admin, Self.csv(lines))
        #expect(outcome.status == .rejected)
        #expect(outcome.problems == [ImportProblem(line: 7, field: "hire_date", reason: .notADate)])
        #expect(try await Self.people(fixture, organisation).isEmpty)
        let stored = try await fixture.owner.query("SELECT status, errors::text, processed_rows FROM org.import_run WHERE id = \(outcome.runID)")
            .first!.decode((String, String, Int32).self)
        #expect(stored.0 == "rejected" && stored.2 == 0)
        #expect(stored.1.contains("\"line\": 7") && stored.1.contains("not_a_date"))
        // The report holds codes, never the values of the file.
        #expect(!stored.1.contains("Ett Fel") && !stored.1.contains("2021-13-01"))
    }

    @Test func aDryRunCountsButAppliesNothing() async throws {
        let fixture = try await DatabaseFixture.make(demo: false)
        defer { Task { await fixture.close() } }
        let (organisation, admin) = try await Self.makeOrganisation(fixture)
        _ = try await Self.run(fixture, admin, Self.csv(Self.base))
        var changed = Self.base
        changed[3] = "E1;Erik Nytt Efternamn;erik@kommun.se;HTN;Hemtjänst Norr;VOF;M1;2021-04-12;;nej"
        changed.removeLast()
        changed.append("E9;Ny Person;;HTN;Hemtjänst Norr;VOF;M1;2026-10-01;;nej")
        let preview = try await Self.run(fixture, admin, Self.csv(changed), dryRun: true)
        #expect(preview.status == .previewed)
        #expect((preview.added, preview.updated, preview.deactivated) == (1, 1, 1))
        let people = try await Self.people(fixture, organisation)
        #expect(people["E1"]?.name == "Erik Medarbetare" && people["E9"] == nil && people["E2"]?.active == true)
    }

    @Test func importingTheSameFileAgainChangesNothing() async throws {
        let fixture = try await DatabaseFixture.make(demo: false)
        defer { Task { await fixture.close() } }
        let (organisation, admin) = try await Self.makeOrganisation(fixture)
        _ = try await Self.run(fixture, admin, Self.csv(Self.base))
        let before = try await fixture.owner.query("SELECT max(updated_at) FROM org.person WHERE organisation_id = \(organisation)").first!.decode(Date.self, column: 0)
        let again = try await Self.run(fixture, admin, Self.csv(Self.base))
        #expect(again.status == .applied)
        #expect((again.added, again.updated, again.deactivated, again.reactivated) == (0, 0, 0, 0))
        let after = try await fixture.owner.query("SELECT max(updated_at) FROM org.person WHERE organisation_id = \(organisation)").first!.decode(Date.self, column: 0)
        #expect(before == after)
    }

    @Test func peopleAbsentFromAFullImportBecomeInactiveNeverDeletedAndComeBack() async throws {
        let fixture = try await DatabaseFixture.make(demo: false)
        defer { Task { await fixture.close() } }
        let (organisation, admin) = try await Self.makeOrganisation(fixture)
        _ = try await Self.run(fixture, admin, Self.csv(Self.base))
        // A talk of E2 must survive E2 leaving (history stays countable).
        _ = try await fixture.owner.query("""
            INSERT INTO routine.cycle (organisation_id, name, starts_on, ends_on) VALUES (\(organisation), '2026', '2026-01-01', '2026-12-31');
            """)
        _ = try await fixture.owner.query("""
            INSERT INTO routine.talk (organisation_id, cycle_id, person_id, manager_id, held_on, question_asked, recorded_at)
            SELECT \(organisation), c.id, p.id, p.manager_id, '2026-03-01', true, now()
            FROM org.person p, routine.cycle c WHERE p.hr_id = 'E2' AND c.organisation_id = \(organisation)
            """)
        let without = Array(Self.base.dropLast())
        let partial = try await Self.run(fixture, admin, Self.csv(without), full: false)
        #expect(partial.deactivated == 0)
        #expect(try await Self.people(fixture, organisation)["E2"]?.active == true)

        let full = try await Self.run(fixture, admin, Self.csv(without))
        #expect(full.deactivated == 1)
        let people = try await Self.people(fixture, organisation)
        #expect(people.count == 5)
        #expect(people["E2"]?.active == false && people["E1"]?.active == true)
        let talks = try await fixture.owner.query("SELECT count(*)::bigint FROM routine.talk WHERE organisation_id = \(organisation)").first!.decode(Int.self, column: 0)
        #expect(talks == 1)

        let back = try await Self.run(fixture, admin, Self.csv(Self.base))
        #expect((back.reactivated, back.added) == (1, 0))
        #expect(try await Self.people(fixture, organisation)["E2"]?.active == true)
    }

    @Test func managersAndUnitsMayChangeAndBeRemoved() async throws {
        let fixture = try await DatabaseFixture.make(demo: false)
        defer { Task { await fixture.close() } }
        let (organisation, admin) = try await Self.makeOrganisation(fixture)
        _ = try await Self.run(fixture, admin, Self.csv(Self.base))
        var lines = Self.base
        lines[3] = "E1;Erik Medarbetare;erik@kommun.se;KLF;Kommunledning;;D1;2021-04-12;;nej"
        lines[4] = "E2;Skyddad Person;;HTN;Hemtjänst Norr;VOF;;2018-03-05;;ja"
        let outcome = try await Self.run(fixture, admin, Self.csv(lines))
        #expect(outcome.updated == 2)
        let people = try await Self.people(fixture, organisation)
        #expect(people["E1"]?.manager == "D1" && people["E1"]?.unit == "KLF")
        #expect(people["E2"]?.manager == nil)
    }

    @Test func theAdministratorCannotWritePeopleOrUnitsDirectly() async throws {
        let fixture = try await DatabaseFixture.make(demo: false)
        defer { Task { await fixture.close() } }
        let (organisation, admin) = try await Self.makeOrganisation(fixture)
        for statement in [
            "INSERT INTO org.unit (organisation_id, code, name) VALUES ('\(organisation.uuidString)', 'X', 'X')",
            "UPDATE org.person SET name = 'x'",
            "DELETE FROM org.person",
            "SELECT name FROM org.person",
        ] {
            await #expect(throws: PostgresError.self) {
                try await fixture.app.transaction(as: admin) { transaction in
                    _ = try await transaction.query(PostgresQuery(unsafeSQL: statement))
                }
            }
        }
        // The definer function refuses any role but an administrator, and any call without an organisation.
        let manager = SessionContext(role: "wr_manager", settings: ["app.organisation_id": organisation.uuidString.lowercased(), "app.role": "manager"])
        await #expect(throws: PostgresError.self) {
            _ = try await Self.run(fixture, manager, Self.csv(Self.base))
        }
    }

    @Test func anImportOnlyEverTouchesItsOwnOrganisation() async throws {
        let fixture = try await DatabaseFixture.make()
        defer { Task { await fixture.close() } }
        let (organisation, admin) = try await Self.makeOrganisation(fixture)
        // The demo organisation also has a person D001 and units; the same codes here are separate.
        let outcome = try await Self.run(fixture, admin, Self.csv(["D001;Annan Dana;;KLF;Kommunledning;;;2015-03-01;;nej"]))
        #expect(outcome.status == .applied && outcome.added == 1)
        let demo = try await fixture.owner.query("""
            SELECT count(*) FILTER (WHERE active)::bigint, count(*)::bigint FROM org.person p JOIN org.organisation o ON o.id = p.organisation_id
            WHERE o.slug = 'ostersund-demo'
            """).first!.decode((Int, Int).self)
        #expect(demo.0 == 20 && demo.1 == 20)
        #expect(try await Self.people(fixture, organisation)["D001"]?.name == "Annan Dana")
    }

    @Test func jsonIsImportedLikeCSV() async throws {
        let fixture = try await DatabaseFixture.make(demo: false)
        defer { Task { await fixture.close() } }
        let (organisation, admin) = try await Self.makeOrganisation(fixture)
        let json = #"""
            [{"hr_id": "D1", "name": "Dana", "unit_code": "KLF", "unit_name": "Kommunledning", "hire_date": "2015-03-01"},
             {"hr_id": "E1", "name": "Erik", "unit_code": "KLF", "unit_name": "Kommunledning", "manager_hr_id": "D1",
              "hire_date": "2020-01-01", "protected_identity": false, "work_email": null}]
            """#
        let outcome = try await Self.run(fixture, admin, Array(json.utf8), source: .json)
        #expect(outcome.status == .applied && outcome.added == 2)
        #expect(try await Self.people(fixture, organisation)["E1"]?.manager == "D1")
    }

    /// The acceptance size: 100,000 rows, in one run, all applied, then a re-import changes nothing.
    /// (How fast is measured in scripts/bench/05-import.sh, never here.)
    @Test func aHundredThousandRowsImportInOneRun() async throws {
        let fixture = try await DatabaseFixture.make(demo: false)
        defer { Task { await fixture.close() } }
        let (organisation, admin) = try await Self.makeOrganisation(fixture)
        let bytes = Array(Self.generated(people: 100_000).utf8)
        let outcome = try await Self.run(fixture, admin, bytes)
        #expect(outcome.status == .applied)
        #expect(outcome.added == 100_000 && outcome.problems.isEmpty)
        let (people, managed, units) = try await fixture.owner.query("""
            SELECT count(*)::bigint, count(manager_id)::bigint,
                   (SELECT count(*) FROM org.unit WHERE organisation_id = \(organisation))::bigint
            FROM org.person WHERE organisation_id = \(organisation)
            """).first!.decode((Int, Int, Int).self)
        #expect(people == 100_000 && managed == 99_999 && units == 1_011)
        let again = try await Self.run(fixture, admin, bytes)
        #expect((again.added, again.updated, again.deactivated) == (0, 0, 0))
    }

    /// A municipality-shaped file: a director, 10 förvaltningar with a chief each, 1,000 enheter
    /// with a manager each, and everyone else in an enhet reporting to its manager.
    static func generated(people: Int) -> String {
        let header = "Anställningsnummer;Namn;E-post;Enhetskod;Enhet;Överordnad enhet;Chef;Anställningsdatum;Slutdatum;Skyddade personuppgifter"
        var lines = [header, "P0;Direktör Noll;p0@kommun.example;KLF;Kommunledning;;;2010-01-01;;nej"]
        lines.reserveCapacity(people + 1)
        for forvaltning in 0..<10 {
            lines.append("F\(forvaltning)C;Förvaltningschef \(forvaltning);;F\(forvaltning);Förvaltning \(forvaltning);KLF;P0;2011-01-01;;nej")
        }
        for enhet in 0..<1000 {
            lines.append("M\(enhet);Chef \(enhet);m\(enhet)@kommun.example;E\(enhet);Enhet \(enhet);F\(enhet / 100);F\(enhet / 100)C;2012-02-01;;nej")
        }
        for index in 1...(people - 1011) {
            let enhet = index % 1000
            lines.append("P\(index);Person \(index);p\(index)@kommun.example;E\(enhet);Enhet \(enhet);F\(enhet / 100);M\(enhet);"
                         + "2018-0\(1 + index % 9)-1\(index % 10);;\(index % 97 == 0 ? "ja" : "nej")")
        }
        return lines.joined(separator: "\n")
    }
}
