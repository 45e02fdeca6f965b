public import Postgres
import Foundation

/// "Östersunds kommun (demo)": a small organisation with units, managers, employees, a support team,
/// a director and an administrator, loaded once by `workplace-routine demo` for `make run` and the
/// browser tests. Everyone in it is fictional.
public enum DemoOrganisation {
    /// The shared demo password (override with `WR_DEMO_PASSWORD`). Development only.
    public static let defaultPassword = "demo-medarbetarstod-2026"

    /// The organisation's slug.
    public static let slug = "ostersund-demo"

    struct Unit {
        let code: String
        let name: String
        let parent: String?
    }

    struct Person {
        let hrID: String
        let name: String
        let unit: String
        let manager: String?
        let hired: String
        var protected = false
        var login: String? = nil
        var roles: [String] = []
    }

    static let units: [Unit] = [
        Unit(code: "KLF", name: "Kommunledningsförvaltningen", parent: nil),
        Unit(code: "KLF-HR", name: "HR-avdelningen", parent: "KLF"),
        Unit(code: "VOF", name: "Vård- och omsorgsförvaltningen", parent: nil),
        Unit(code: "VOF-HTN", name: "Hemtjänst Norr", parent: "VOF"),
        Unit(code: "VOF-SBL", name: "Särskilt boende Lugnvik", parent: "VOF"),
        Unit(code: "VOF-IFO", name: "Individ- och familjeomsorgen", parent: "VOF"),
        Unit(code: "BUF", name: "Barn- och utbildningsförvaltningen", parent: nil),
        Unit(code: "BUF-FOD", name: "Förskolan Odensala", parent: "BUF"),
    ]

    static let people: [Person] = [
        Person(hrID: "D001", name: "Lena Lindqvist", unit: "KLF", manager: nil, hired: "2015-03-01", login: "direktor.lena", roles: ["director", "employee"]),
        Person(hrID: "A001", name: "Olof Olsson", unit: "KLF-HR", manager: "D001", hired: "2018-08-15", login: "admin.olof", roles: ["admin", "employee"]),
        Person(hrID: "M001", name: "Anna Andersson", unit: "VOF-HTN", manager: "D001", hired: "2016-01-10", login: "chef.anna", roles: ["manager", "employee"]),
        Person(hrID: "M002", name: "Bengt Berg", unit: "VOF-SBL", manager: "D001", hired: "2012-05-02", login: "chef.bengt", roles: ["manager", "employee"]),
        Person(hrID: "M003", name: "Cecilia Carlsson", unit: "BUF-FOD", manager: "D001", hired: "2019-09-01", login: "chef.cecilia", roles: ["manager", "employee"]),
        Person(hrID: "S001", name: "Sara Sjöberg", unit: "VOF-IFO", manager: "D001", hired: "2017-02-01", login: "stod.sara", roles: ["support", "employee"]),
        Person(hrID: "S002", name: "Tomas Tran", unit: "VOF-IFO", manager: "D001", hired: "2020-11-16", login: "stod.tomas", roles: ["support", "employee"]),
        Person(hrID: "E101", name: "Erik Ek", unit: "VOF-HTN", manager: "M001", hired: "2021-04-12", login: "medarbetare.erik", roles: ["employee"]),
        Person(hrID: "E102", name: "Fatima Farah", unit: "VOF-HTN", manager: "M001", hired: "2019-06-03", login: "medarbetare.fatima", roles: ["employee"]),
        Person(hrID: "E103", name: "Gustav Gran", unit: "VOF-HTN", manager: "M001", hired: "2014-10-20"),
        Person(hrID: "E104", name: "Hanna Holm", unit: "VOF-HTN", manager: "M001", hired: "2023-01-09"),
        Person(hrID: "E105", name: "Ivan Isaksson", unit: "VOF-HTN", manager: "M001", hired: "2026-10-01"),
        Person(hrID: "E106", name: "Skyddad Person", unit: "VOF-HTN", manager: "M001", hired: "2018-03-05", protected: true),
        Person(hrID: "E201", name: "Jonna Jönsson", unit: "VOF-SBL", manager: "M002", hired: "2010-09-13"),
        Person(hrID: "E202", name: "Karl Kvist", unit: "VOF-SBL", manager: "M002", hired: "2022-02-14"),
        Person(hrID: "E203", name: "Linnea Lund", unit: "VOF-SBL", manager: "M002", hired: "2017-08-21"),
        Person(hrID: "E204", name: "Mohammed Mansour", unit: "VOF-SBL", manager: "M002", hired: "2024-05-06"),
        Person(hrID: "E301", name: "Nora Nilsson", unit: "BUF-FOD", manager: "M003", hired: "2016-08-08"),
        Person(hrID: "E302", name: "Oskar Öberg", unit: "BUF-FOD", manager: "M003", hired: "2021-01-18"),
        Person(hrID: "E303", name: "Petra Persson", unit: "BUF-FOD", manager: "M003", hired: "2025-08-11"),
    ]

    /// Loads the organisation unless it is there; returns whether it was created. Runs as the
    /// migration owner (it writes accounts, people and configuration that no acting role may write).
    public static func load(into pool: PostgresPool, password: String) async throws -> Bool {
        try await pool.transaction { transaction in
            let existing = try await transaction.query("SELECT id FROM org.organisation WHERE slug = \(slug)")
            if !existing.isEmpty { return false }
            let organisation = try await transaction.query("""
                INSERT INTO org.organisation (name, slug) VALUES ('Östersunds kommun (demo)', \(slug)) RETURNING id
                """).first!.decode(UUID.self, column: 0)

            for unit in units {
                _ = try await transaction.query("""
                    INSERT INTO org.unit (organisation_id, code, name, parent_id)
                    VALUES (\(organisation), \(unit.code), \(unit.name),
                            (SELECT id FROM org.unit WHERE organisation_id = \(organisation) AND code = \(unit.parent)))
                    """)
            }
            for person in people {
                let email = person.protected ? nil : demoEmail(person.name)
                _ = try await transaction.query("""
                    INSERT INTO org.person (organisation_id, hr_id, name, work_email, unit_id, hire_date, protected_identity)
                    VALUES (\(organisation), \(person.hrID), \(person.name), \(email),
                            (SELECT id FROM org.unit WHERE organisation_id = \(organisation) AND code = \(person.unit)),
                            \(person.hired)::date, \(person.protected))
                    """)
            }
            for person in people {
                guard let manager = person.manager else { continue }
                _ = try await transaction.query("""
                    UPDATE org.person SET manager_id = (SELECT id FROM org.person WHERE organisation_id = \(organisation) AND hr_id = \(manager))
                    WHERE organisation_id = \(organisation) AND hr_id = \(person.hrID)
                    """)
            }
            // One bcrypt for the shared demo password, reused by every demo account.
            let hash = try await transaction.query("SELECT ext.crypt(\(password), ext.gen_salt('bf', 12))").first!.decode(String.self, column: 0)
            for person in people {
                guard let login = person.login else { continue }
                let account = try await transaction.query("""
                    INSERT INTO auth.account (organisation_id, login, display_name, password_hash, person_id)
                    VALUES (\(organisation), \(login), \(person.name), \(hash),
                            (SELECT id FROM org.person WHERE organisation_id = \(organisation) AND hr_id = \(person.hrID)))
                    RETURNING id
                    """).first!.decode(UUID.self, column: 0)
                for role in person.roles {
                    _ = try await transaction.query("INSERT INTO auth.account_role (account_id, role) VALUES (\(account), \(role))")
                }
            }

            _ = try await transaction.query("""
                INSERT INTO routine.cycle (organisation_id, name, starts_on, ends_on)
                VALUES (\(organisation), '2025', '2025-01-01', '2025-12-31'),
                       (\(organisation), '2026', '2026-01-01', '2026-12-31')
                """)

            try await insertDemoTalks(organisation, transaction)

            let team = try await transaction.query("""
                INSERT INTO support.team (organisation_id, name, is_default, notify_email)
                VALUES (\(organisation), 'Team våld i nära relation', true, 'stodteamet@ostersund-demo.example')
                RETURNING id
                """).first!.decode(UUID.self, column: 0)
            _ = try await transaction.query("""
                INSERT INTO support.team_member (team_id, account_id, is_lead)
                SELECT \(team), a.id, a.login = 'stod.sara' FROM auth.account a
                WHERE a.organisation_id = \(organisation) AND a.login IN ('stod.sara', 'stod.tomas')
                """)
            try await insertDefaultResources(organisation, transaction)
            return true
        }
    }

    /// Talks that make the team pages realistic: some asked (their records long locked), one not
    /// asked with a reason, some planned a week or two ahead. Erik, Fatima and Ivan in Anna's team
    /// are left without talks (the browser tests plan and record theirs).
    /// (hr id, cycle, held on, asked, reason, days from today a talk is planned)
    static let talks: [(String, String, String?, Bool?, String?, Int?)] = [
        ("E103", "2025", "2025-04-08", true, nil, nil),
        ("E103", "2026", "2026-03-10", true, nil, nil),
        ("E104", "2025", "2025-05-20", true, nil, nil),
        ("E104", "2026", nil, nil, nil, 12),
        ("E106", "2026", "2026-05-05", false, "interpreter_present", nil),
        ("E201", "2026", "2026-02-02", true, nil, nil),
        ("E202", "2026", nil, nil, nil, 19),
        ("E203", "2026", "2026-04-15", true, nil, nil),
        ("E301", "2026", "2026-09-01", true, nil, nil),
        ("E303", "2026", "2026-01-20", false, "talk_cancelled", nil),
    ]

    static func insertDemoTalks(_ organisation: UUID, _ transaction: PostgresTransaction) async throws {
        for (hrID, cycle, held, asked, reason, inDays) in talks {
            _ = try await transaction.query("""
                INSERT INTO routine.talk (organisation_id, cycle_id, person_id, manager_id, planned_at, held_on, question_asked,
                                          not_asked_reason, recorded_at)
                SELECT \(organisation), c.id, p.id, p.manager_id,
                       CASE WHEN \(inDays)::int IS NULL THEN NULL
                            ELSE date_trunc('day', now()) + make_interval(days => \(inDays)::int, hours => 10) END,
                       \(held)::date, \(asked)::boolean, \(reason), (\(held)::date + time '16:00') AT TIME ZONE 'Europe/Stockholm'
                FROM org.person p, routine.cycle c
                WHERE p.organisation_id = \(organisation) AND p.hr_id = \(hrID)
                  AND c.organisation_id = \(organisation) AND c.name = \(cycle)
                """)
        }
    }

    /// Counts, suppresses and publishes the demo organisation's figures for the director's overview
    /// (the Notifier's scheduled refresh would do it too; the demo should not wait for it).
    public static func refreshFigures(in pool: PostgresPool) async throws {
        _ = try await pool.transaction { transaction in
            try await transaction.query("""
                SELECT report.refresh_organisations(ARRAY(SELECT id FROM org.organisation WHERE slug = \(slug)))
                """)
        }
    }

    /// Östersund's support offer (MISSION.md) as the default resources of an organisation.
    static func insertDefaultResources(_ organisation: UUID, _ transaction: PostgresTransaction) async throws {
        _ = try await transaction.query("""
            INSERT INTO org.support_resource (organisation_id, position, kind, name_sv, name_en, phone, description_sv, description_en) VALUES
            (\(organisation), 1, 'own_team', 'Team våld i nära relation (via kundcenter)', 'Team for violence in close relationships (via the contact centre)', '063-14 30 00',
             'Ansök om stöd via kommunens kundcenter. Du väljer själv hur mycket du berättar. Stödet kan vara jourboende, skyddat boende, råd och stöd eller enskilda samtal på Centrum mot våld.',
             'Apply for support through the municipality''s contact centre. You decide how much you tell. Support can be emergency housing, protected housing, advice and support, or individual conversations at Centrum mot våld.'),
            (\(organisation), 2, 'out_of_hours', 'Utanför kontorstid: social beredskap', 'Outside office hours: social services on call', '112',
             'Ring 112 och fråga efter social beredskap.', 'Call 112 and ask for social services on call (social beredskap).'),
            (\(organisation), 3, 'emergency', 'Akut fara: polis', 'Acute danger: police', '112',
             'Vid akut fara, ring alltid 112.', 'In acute danger, always call 112.'),
            (\(organisation), 4, 'helpline', 'Kvinnofridslinjen', 'Kvinnofridslinjen (national helpline)', '020-50 50 50',
             'Nationell stödtelefon, öppen dygnet runt. Samtalet är gratis och syns inte på telefonräkningen.',
             'National helpline, open around the clock. Calls are free and do not appear on the phone bill.'),
            (\(organisation), 5, 'perpetrator', 'Välj att sluta', 'Välj att sluta (for people who use violence)', '020-555 666',
             'För dig som utövar våld och vill sluta.', 'For people who use violence and want to stop.')
            """)
    }

    static func demoEmail(_ name: String) -> String {
        let ascii = name.lowercased()
            .replacingOccurrences(of: "å", with: "a").replacingOccurrences(of: "ä", with: "a").replacingOccurrences(of: "ö", with: "o")
            .replacingOccurrences(of: " ", with: ".")
        return ascii + "@ostersund-demo.example"
    }

    /// The demo logins, printed by `make run`.
    public static func loginsText(password: String) -> String {
        var lines = ["Demo logins (password: \(password)):"]
        for person in people {
            guard let login = person.login else { continue }
            lines.append("  \(login.padding(toLength: 20, withPad: " ", startingAt: 0)) \(person.roles.joined(separator: ", "))")
        }
        return lines.joined(separator: "\n")
    }
}
