import Foundation
import Postgres
import Testing
import TestSupport
@testable import WorkplaceRoutine

/// The real service with the demo organisation (its figures published: nearly all hidden, it has 20
/// people) and one generated organisation of 1 500 people with two cycles, published, whose director
/// logs in as `direktor.test`. Built once per test process for the tests that only read; a test
/// that changes figures makes its own `AppFixture`.
final class ReportFixture: Sendable {
    let app: AppFixture
    /// The generated organisation.
    let organisation: UUID

    static let director = "direktor.test"
    /// A coordinator of all organisations (account role `overview`, in the demo organisation).
    static let coordinator = "samordnare.test"

    private init(app: AppFixture, organisation: UUID) {
        self.app = app
        self.organisation = organisation
    }

    /// The shared fixture (generation and publishing take seconds; the read-only tests share them).
    static func shared() async throws -> ReportFixture { try await sharedTask.value }

    private static let sharedTask = Task { try await ReportFixture.make() }

    static func make() async throws -> ReportFixture {
        let app = try await AppFixture.make()
        let owner = app.database.owner
        let options = SyntheticDemo.Options(employees: 1500, organisations: 1, cycles: 2, seed: 42, prefix: "test")
        let (_, organisations) = try await SyntheticDemo.generate(options, into: owner)
        let organisation = organisations[0].id
        try await SyntheticDemo.refresh(organisation, in: owner)
        try await SyntheticDemo.createDirector(director, organisation: organisation, password: AppFixture.demoPassword, in: owner)
        try await DemoOrganisation.refreshFigures(in: owner)
        _ = try await owner.transaction { transaction in
            try await transaction.query("""
                WITH a AS (INSERT INTO auth.account (organisation_id, login, display_name, password_hash)
                           SELECT id, \(coordinator), 'Samordnare', (SELECT password_hash FROM auth.account WHERE login = 'direktor.lena')
                           FROM org.organisation WHERE slug = 'ostersund-demo' RETURNING id)
                INSERT INTO auth.account_role (account_id, role) SELECT id, 'overview' FROM a
                """)
        }
        return ReportFixture(app: app, organisation: organisation)
    }

    /// The director of the generated organisation acting in the database, as the page does.
    func director(_ login: String = ReportFixture.director) async throws -> SessionContext {
        try await app.database.context(login: login, role: .director)
    }

    /// The newest published cycle of `login`'s organisation.
    func newestCycle(_ login: String = ReportFixture.director) async throws -> UUID {
        try await app.database.app.transaction(as: try await director(login)) { transaction in
            try await transaction.query("SELECT cycle_id FROM report.cycles() LIMIT 1").first!.decode(UUID.self, column: 0)
        }
    }

    /// `report.coverage()` called directly as the director: (unit_id, unit_code, is_selected, is_direct, measure, period,
    /// value, suppressed, share as text).
    func coverage(_ login: String = ReportFixture.director, cycle: UUID, unit: UUID? = nil, period: String? = nil) async throws
        -> [(unit: UUID?, code: String?, selected: Bool, direct: Bool, measure: String, period: String, value: Int?, suppressed: Bool, share: String?)] {
        try await app.database.app.transaction(as: try await director(login)) { transaction in
            try await transaction.query("""
                SELECT unit_id, unit_code, is_selected, is_direct, measure, period, value, suppressed, share::text
                FROM report.coverage(\(cycle), \(unit), \(period))
                """).map { row in
                let r = try row.decode((UUID?, String?, Bool, Bool, String, String, Int?, Bool, String?).self)
                return (r.0, r.1, r.2, r.3, r.4, r.5, r.6, r.7, r.8)
            }
        }
    }

    /// `report.support()` called directly: (measure, period, value as text, suppressed, share as text).
    func support(_ login: String = ReportFixture.director, cycle: UUID, period: String? = nil) async throws
        -> [(measure: String, period: String, value: String?, suppressed: Bool, share: String?)] {
        try await app.database.app.transaction(as: try await director(login)) { transaction in
            try await transaction.query("""
                SELECT measure, period, value::text, suppressed, share::text FROM report.support(\(cycle), \(period))
                """).map { row in
                let r = try row.decode((String, String, String?, Bool, String?).self)
                return (r.0, r.1, r.2, r.3, r.4)
            }
        }
    }

    /// A förvaltning of the generated organisation (a unit with sub-units).
    func department() async throws -> (id: UUID, name: String) {
        let row = try await app.database.owner.query("""
            SELECT id, name FROM org.unit WHERE organisation_id = \(organisation) AND parent_id IS NULL ORDER BY code LIMIT 1
            """).first!
        return try row.decode((UUID, String).self)
    }
}

/// Reads a CSV file as the overview writes it: `;` between fields, `"` quoting, CRLF line ends.
enum CSVLines {
    static func parse(_ text: String) -> [[String]] {
        var lines: [[String]] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var iterator = Array(text).makeIterator()
        var pending: Character? = nil
        while let character = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                    } else { quoted = false }
                } else {
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"": quoted = true
            case ";": fields.append(field); field = ""
            case "\r\n", "\n":
                fields.append(field); field = ""
                lines.append(fields); fields = []
            default: field.append(character)
            }
        }
        if !field.isEmpty || !fields.isEmpty { fields.append(field); lines.append(fields) }
        return lines
    }
}
