import Foundation
import Postgres
import Testing
import TestSupport
@testable import WorkplaceRoutine

/// The separation the product promises, proved by the database itself (MISSION.md promise 4,
/// ARCHITECTURE.md): role × relation × privilege checked against the design below. Widening any
/// grant — or adding a table with grants not written down here — fails this suite.
@Suite struct PrivilegeMatrixTests {
    static let roles = ["wr_app", "wr_worker", "wr_anonymous", "wr_employee", "wr_manager", "wr_support", "wr_director",
                        "wr_admin", "wr_notifier", "wr_auditor", "wr_report_definer", "wr_overview"]
    static let schemas = ["public", "app", "auth", "org", "routine", "support", "notify", "audit", "report", "ext", "demo"]

    /// The design: every privilege any role holds on any relation of ours (column privileges count).
    /// Anything not listed must be absent. Row-level security narrows these further (see the
    /// isolation tests); this is the outer bound.
    static let design = """
        audit.event               wr_auditor         SELECT
        auth.account              wr_admin           INSERT SELECT UPDATE
        auth.account_role         wr_admin           DELETE INSERT SELECT
        auth.identity_provider    wr_admin           SELECT
        notify.inbox_message      wr_employee        SELECT UPDATE
        notify.job                wr_notifier        DELETE INSERT SELECT UPDATE
        org.import_run            wr_admin           SELECT
        org.organisation          wr_admin           SELECT UPDATE
        org.organisation          wr_anonymous       SELECT
        org.organisation          wr_employee        SELECT
        org.organisation          wr_manager         SELECT
        org.organisation          wr_support         SELECT
        org.person                wr_employee        SELECT
        org.person                wr_manager         SELECT
        org.person_directory      wr_admin           SELECT
        org.support_resource      wr_admin           DELETE INSERT SELECT UPDATE
        org.support_resource      wr_anonymous       SELECT
        org.support_resource      wr_employee        SELECT
        org.support_resource      wr_manager         SELECT
        org.support_resource      wr_support         SELECT
        org.training_record       wr_admin           DELETE SELECT
        org.training_record       wr_employee        SELECT
        org.unit                  wr_admin           SELECT
        org.unit                  wr_employee        SELECT
        org.unit                  wr_manager         SELECT
        public.schema_migrations  wr_anonymous       SELECT
        report.atom               wr_report_definer  SELECT
        report.atom_measure       wr_report_definer  SELECT
        report.class              wr_report_definer  SELECT
        report.class_measure      wr_report_definer  SELECT
        report.class_pair         wr_report_definer  SELECT
        report.class_side         wr_report_definer  SELECT
        report.fact_contact       wr_report_definer  SELECT
        report.fact_count         wr_report_definer  SELECT
        report.fact_node          wr_report_definer  SELECT
        report.fact_table         wr_report_definer  SELECT
        report.link               wr_report_definer  SELECT
        report.measure            wr_report_definer  SELECT
        report.published          wr_report_definer  DELETE INSERT REFERENCES SELECT TRIGGER TRUNCATE UPDATE
        report.published_table    wr_report_definer  DELETE INSERT REFERENCES SELECT TRIGGER TRUNCATE UPDATE
        report.relation           wr_report_definer  SELECT
        report.w_add              wr_report_definer  DELETE INSERT REFERENCES SELECT TRIGGER TRUNCATE UPDATE
        report.w_atom             wr_report_definer  DELETE INSERT REFERENCES SELECT TRIGGER TRUNCATE UPDATE
        report.w_carry            wr_report_definer  DELETE INSERT REFERENCES SELECT TRIGGER TRUNCATE UPDATE
        report.w_cell             wr_report_definer  DELETE INSERT REFERENCES SELECT TRIGGER TRUNCATE UPDATE
        report.w_fail             wr_report_definer  DELETE INSERT REFERENCES SELECT TRIGGER TRUNCATE UPDATE
        report.w_flow             wr_report_definer  DELETE INSERT REFERENCES SELECT TRIGGER TRUNCATE UPDATE
        report.w_leafq            wr_report_definer  DELETE INSERT REFERENCES SELECT TRIGGER TRUNCATE UPDATE
        report.w_nc               wr_report_definer  DELETE INSERT REFERENCES SELECT TRIGGER TRUNCATE UPDATE
        report.w_need             wr_report_definer  DELETE INSERT REFERENCES SELECT TRIGGER TRUNCATE UPDATE
        report.w_node             wr_report_definer  DELETE INSERT REFERENCES SELECT TRIGGER TRUNCATE UPDATE
        report.w_opt              wr_report_definer  DELETE INSERT REFERENCES SELECT TRIGGER TRUNCATE UPDATE
        report.w_pick             wr_report_definer  DELETE INSERT REFERENCES SELECT TRIGGER TRUNCATE UPDATE
        report.w_req              wr_report_definer  DELETE INSERT REFERENCES SELECT TRIGGER TRUNCATE UPDATE
        report.w_table            wr_report_definer  DELETE INSERT REFERENCES SELECT TRIGGER TRUNCATE UPDATE
        report.w_x                wr_report_definer  DELETE INSERT REFERENCES SELECT TRIGGER TRUNCATE UPDATE
        routine.cycle             wr_admin           DELETE INSERT SELECT UPDATE
        routine.cycle             wr_employee        SELECT
        routine.cycle             wr_manager         SELECT
        routine.talk              wr_employee        SELECT
        routine.talk              wr_manager         DELETE INSERT SELECT UPDATE
        support.case_event        wr_support         SELECT
        support.contact_attempt   wr_support         SELECT
        support.message           wr_employee        SELECT
        support.message           wr_support         SELECT
        support.note              wr_support         SELECT
        support.outcome_proposal  wr_employee        SELECT
        support.request           wr_employee        SELECT
        support.request           wr_support         SELECT
        support.team              wr_support         SELECT
        support.team_member       wr_support         SELECT
        """

    static func expected() -> [String: String] {
        var result: [String: String] = [:]
        for line in design.split(separator: "\n") {
            let parts = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            result[parts[0] + " " + parts[1]] = parts.dropFirst(2).sorted().joined(separator: " ")
        }
        return result
    }

    static func actual(_ pool: PostgresPool) async throws -> [String: String] {
        let rows = try await pool.query("""
            WITH roles(r) AS (SELECT unnest(\(roles))),
            rels AS (SELECT c.oid, n.nspname || '.' || c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE n.nspname = ANY(\(schemas)) AND c.relkind IN ('r', 'v', 'm', 'S', 'p', 'f')),
            privs(p) AS (VALUES ('SELECT'), ('INSERT'), ('UPDATE'), ('DELETE'), ('TRUNCATE'), ('REFERENCES'), ('TRIGGER'))
            SELECT rels.name || ' ' || roles.r, string_agg(privs.p, ' ' ORDER BY privs.p)
            FROM rels CROSS JOIN roles CROSS JOIN privs
            WHERE has_table_privilege(roles.r, rels.oid, privs.p)
               OR (privs.p IN ('SELECT', 'INSERT', 'UPDATE', 'REFERENCES') AND has_any_column_privilege(roles.r, rels.oid, privs.p))
            GROUP BY 1
            """)
        var result: [String: String] = [:]
        for row in rows {
            let (key, privileges) = try row.decode((String, String).self)
            result[key] = privileges
        }
        return result
    }

    @Test func everyRoleHoldsExactlyTheDesignedPrivileges() async throws {
        let fixture = try await DatabaseFixture.make(demo: false)
        defer { Task { await fixture.close() } }
        let actual = try await Self.actual(fixture.owner)
        let expected = Self.expected()
        for key in Set(actual.keys).union(expected.keys).sorted() {
            #expect(actual[key] == expected[key], "\(key): database grants \(actual[key] ?? "nothing"), design says \(expected[key] ?? "nothing")")
        }
    }

    @Test func loginRolesHoldNoPrivilegeOfTheirOwn() async throws {
        let fixture = try await DatabaseFixture.make(demo: false)
        defer { Task { await fixture.close() } }
        let actual = try await Self.actual(fixture.owner)
        #expect(actual.keys.filter { $0.hasSuffix(" wr_app") || $0.hasSuffix(" wr_worker") }.isEmpty)
        // Functions: nothing is executable by the login roles themselves or by PUBLIC.
        let executable = try await fixture.owner.query("""
            SELECT n.nspname || '.' || p.proname || ' ' || r
            FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace, unnest(ARRAY['wr_app', 'wr_worker', 'public']) r
            WHERE n.nspname = ANY(\(Array(Self.schemas.filter { $0 != "ext" })))
              AND CASE WHEN r = 'public' THEN EXISTS (SELECT 1 FROM aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
                                                      WHERE a.grantee = 0 AND a.privilege_type = 'EXECUTE')
                       ELSE has_function_privilege(r, p.oid, 'EXECUTE') END
            """).map { try $0.decode(String.self, column: 0) }
        #expect(executable.isEmpty, "executable without a role: \(executable)")
    }

    @Test func supportIsUnreachableForEveryRoleButSupportAndTheEmployeeThemself() async throws {
        let fixture = try await DatabaseFixture.make(demo: false)
        defer { Task { await fixture.close() } }
        let actual = try await Self.actual(fixture.owner)
        let intruders = actual.keys.filter { key in
            key.hasPrefix("support.") && !(key.hasSuffix(" wr_support") || key.hasSuffix(" wr_employee"))
        }
        #expect(intruders.isEmpty, "roles with privileges in support: \(intruders.sorted())")
        // No role but support and employee may even use the schema (needed to call its functions).
        let usage = try await fixture.owner.query("""
            SELECT r FROM unnest(\(Self.roles)) r WHERE has_schema_privilege(r, 'support', 'USAGE') ORDER BY r
            """).map { try $0.decode(String.self, column: 0) }
        #expect(usage == ["wr_anonymous", "wr_employee", "wr_support"])
    }

    @Test func directorMayOnlyExecuteReportFunctions() async throws {
        let fixture = try await DatabaseFixture.make(demo: false)
        defer { Task { await fixture.close() } }
        let actual = try await Self.actual(fixture.owner)
        #expect(actual.keys.filter { $0.hasSuffix(" wr_director") }.isEmpty)
        let functions = try await fixture.owner.query("""
            SELECT n.nspname || '.' || p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname <> 'report' AND n.nspname = ANY(\(Self.schemas)) AND has_function_privilege('wr_director', p.oid, 'EXECUTE')
              AND n.nspname <> 'ext'
            """).map { try $0.decode(String.self, column: 0) }
        #expect(functions.isEmpty, "director may execute non-report functions: \(functions)")
    }

    @Test func auditLogCannotBeChangedByAnyRole() async throws {
        let fixture = try await DatabaseFixture.make(demo: false)
        defer { Task { await fixture.close() } }
        let changers = try await fixture.owner.query("""
            SELECT r || ' ' || p FROM unnest(\(Self.roles)) r, unnest(ARRAY['UPDATE', 'DELETE', 'TRUNCATE']) p
            WHERE has_table_privilege(r, 'audit.event', p)
            """).map { try $0.decode(String.self, column: 0) }
        #expect(changers.isEmpty)
    }

    @Test func nobodyReadsPasswordHashesOrUsesPgcrypto() async throws {
        let fixture = try await DatabaseFixture.make(demo: false)
        defer { Task { await fixture.close() } }
        let readers = try await fixture.owner.query("""
            SELECT r FROM unnest(\(Self.roles)) r WHERE has_column_privilege(r, 'auth.account', 'password_hash', 'SELECT')
               OR has_schema_privilege(r, 'ext', 'USAGE')
            """).map { try $0.decode(String.self, column: 0) }
        #expect(readers.isEmpty)
    }

    @Test func everyTableOfPeopleOrSupportHasRowLevelSecurity() async throws {
        let fixture = try await DatabaseFixture.make(demo: false)
        defer { Task { await fixture.close() } }
        let unprotected = try await fixture.owner.query("""
            SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname IN ('auth', 'org', 'routine', 'support') AND c.relkind = 'r' AND NOT c.relrowsecurity
            """).map { try $0.decode(String.self, column: 0) }
        #expect(unprotected.isEmpty, "tables without row-level security: \(unprotected)")
    }

    /// Not just grants: actually trying, as the roles that must never see support data.
    @Test(arguments: ["wr_manager", "wr_director", "wr_admin", "wr_notifier"])
    func rolesOutsideSupportAreDeniedOnEverySupportRelation(role: String) async throws {
        let fixture = try await DatabaseFixture.make(demo: false)
        defer { Task { await fixture.close() } }
        let relations = try await fixture.owner.query("""
            SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'support' AND c.relkind IN ('r', 'v', 'm', 'p')
            """).map { try $0.decode(String.self, column: 0) }
        #expect(relations.count >= 9)
        let pool = role == "wr_notifier" ? fixture.database.makePool(user: "wr_worker") : fixture.app
        defer { if role == "wr_notifier" { Task { await pool.close() } } }
        for relation in relations {
            do {
                try await pool.transaction(as: SessionContext(role: role)) { transaction in
                    _ = try await transaction.query(PostgresQuery(unsafeSQL: "SELECT 1 FROM \(relation) LIMIT 1"))
                }
                Issue.record("\(role) could read \(relation)")
            } catch let error as PostgresError {
                #expect(error.sqlState == "42501", "\(role) on \(relation) failed with \(error.sqlState ?? "?") instead of permission denied")
            }
        }
    }

    @Test func directorIsDeniedOnEveryTableOutsideReport() async throws {
        let fixture = try await DatabaseFixture.make(demo: false)
        defer { Task { await fixture.close() } }
        let relations = try await fixture.owner.query("""
            SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname IN ('org', 'routine', 'support', 'notify', 'audit', 'auth') AND c.relkind IN ('r', 'v', 'm', 'p')
            """).map { try $0.decode(String.self, column: 0) }
        for relation in relations {
            for statement in ["SELECT 1 FROM \(relation) LIMIT 1", "DELETE FROM \(relation)"] {
                do {
                    try await fixture.app.transaction(as: SessionContext(role: "wr_director")) { transaction in
                        _ = try await transaction.query(PostgresQuery(unsafeSQL: statement))
                    }
                    Issue.record("director could run: \(statement)")
                } catch let error as PostgresError {
                    #expect(error.sqlState == "42501", "\(statement): \(error.sqlState ?? "?")")
                }
            }
        }
    }
}
