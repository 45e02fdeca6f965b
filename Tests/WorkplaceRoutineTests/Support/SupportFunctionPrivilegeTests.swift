import Foundation
import Postgres
import Testing
import TestSupport
@testable import WorkplaceRoutine

/// The functions of the `support` schema, and who may execute them: the function half of the
/// privilege matrix (PrivilegeMatrixTests covers relations). Any new function, or any widened grant,
/// fails `everySupportFunctionIsExecutableExactlyAsDesigned` until it is written down here.
///
/// Serialized: each test makes a database of its own, and the whole suite starting at once would
/// queue dozens of CREATE DATABASE behind the shared test cluster's admin pool.
@Suite(.serialized) struct SupportFunctionPrivilegeTests {
    /// Every function of `support` with the roles that may execute it; "-" means private (called
    /// only by the definer functions, or by triggers).
    static let design = """
        support.add_note                    wr_support
        support.audit_person                -
        support.case_document               -
        support.checked_text                -
        support.close_receipt_session       wr_anonymous
        support.close_request               wr_support
        support.create_organisation_secret  -
        support.create_request              wr_anonymous wr_employee
        support.delete_by_receipt           wr_anonymous
        support.delete_own_request          wr_employee
        support.intake_calendar             wr_anonymous wr_employee wr_support
        support.log_contact_attempt         wr_support
        support.log_event                   -
        support.mark_contacted              -
        support.move_request                wr_support
        support.my_team_ids                 wr_support
        support.open_receipt_session        wr_anonymous
        support.organisation_teams          wr_support
        support.own_request                 -
        support.person_deletes              -
        support.person_writes               -
        support.read_by_receipt             wr_anonymous
        support.read_case                   wr_support
        support.read_own_request            wr_employee
        support.receipt_request             -
        support.reopen_request              wr_support
        support.reply                       wr_support
        support.seal                        -
        support.team_request                -
        support.unseal                      -
        support.write_by_receipt            wr_anonymous
        support.write_own_request           wr_employee
        """

    static func actual(_ pool: PostgresPool) async throws -> [String: String] {
        let rows = try await pool.query("""
            SELECT 'support.' || p.proname,
                   coalesce(string_agg(r, ' ' ORDER BY r) FILTER (WHERE has_function_privilege(r, p.oid, 'EXECUTE')), '-')
            FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            CROSS JOIN unnest(\(PrivilegeMatrixTests.roles)) r
            WHERE n.nspname = 'support'
            GROUP BY p.proname
            """)
        var result: [String: String] = [:]
        for row in rows {
            let (name, roles) = try row.decode((String, String).self)
            result[name] = roles
        }
        return result
    }

    @Test func everySupportFunctionIsExecutableExactlyAsDesigned() async throws {
        let fixture = try await DatabaseFixture.make(demo: false)
        defer { Task { await fixture.close() } }
        var expected: [String: String] = [:]
        for line in Self.design.split(separator: "\n") {
            let parts = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            expected[parts[0]] = parts.dropFirst().sorted().joined(separator: " ")
        }
        let actual = try await Self.actual(fixture.owner)
        for name in Set(actual.keys).union(expected.keys).sorted() {
            #expect(actual[name] == expected[name], "\(name): database allows \(actual[name] ?? "nothing"), design says \(expected[name] ?? "nothing")")
        }
    }

    /// Not just grants: the roles that must never see support data actually try every function.
    @Test(arguments: ["wr_manager", "wr_director", "wr_admin", "wr_notifier"])
    func rolesOutsideSupportAreDeniedEverySupportFunction(role: String) async throws {
        let fixture = try await DatabaseFixture.make(demo: false)
        defer { Task { await fixture.close() } }
        let calls = try await fixture.owner.query("""
            SELECT format('SELECT %I.%I(%s)', n.nspname, p.proname,
                          coalesce((SELECT string_agg('NULL::' || format_type(t, NULL), ', ') FROM unnest(p.proargtypes) t), ''))
            FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname = 'support' AND p.prorettype <> 'trigger'::regtype
            """).map { try $0.decode(String.self, column: 0) }
        #expect(calls.count >= 25)
        let pool = role == "wr_notifier" ? fixture.database.makePool(user: "wr_worker") : fixture.app
        defer { if role == "wr_notifier" { Task { await pool.close() } } }
        for call in calls {
            do {
                try await pool.transaction(as: SessionContext(role: role)) { transaction in
                    _ = try await transaction.query(PostgresQuery(unsafeSQL: call))
                }
                Issue.record("\(role) could run \(call)")
            } catch let error as PostgresError {
                #expect(error.sqlState == "42501", "\(role): \(call) failed with \(error.sqlState ?? "?") instead of permission denied")
            }
        }
    }
}
