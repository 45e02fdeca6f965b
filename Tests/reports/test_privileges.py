"""The director's database privileges (MISSION.md, promises 4 and 7): denied on every table of org,
routine, support, notify and audit, and on the report schema's own tables; able to execute the
report functions meant for it and nothing else."""
import psycopg
import pytest

from conftest import TEST_LOGIN

DIRECTOR_FUNCTIONS = {"report.organisation", "report.cycles", "report.coverage", "report.support", "report.units"}
# Infrastructure every acting role has: who is acting (read by the report functions' callers' policies)
# and changing one's own password.
INFRASTRUCTURE = {"app.organisation_id", "app.person_id", "app.account_id", "app.role", "auth.set_password"}


def tables(owner):
    return owner.execute("""
        SELECT n.nspname, c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname IN ('org', 'routine', 'support', 'notify', 'audit', 'report') AND c.relkind IN ('r', 'v', 'm', 'p', 'f')
        ORDER BY 1, 2""").fetchall()


def test_director_is_denied_every_statement_on_every_table(owner, director_login):
    checked = 0
    for schema, name, _ in tables(owner):
        for statement in (f'SELECT 1 FROM {schema}."{name}" LIMIT 1',
                          f'INSERT INTO {schema}."{name}" DEFAULT VALUES',
                          f'DELETE FROM {schema}."{name}" WHERE false',
                          f'UPDATE {schema}."{name}" SET {first_column(owner, schema, name)} = {first_column(owner, schema, name)} WHERE false'):
            director_login.execute("BEGIN")
            try:
                director_login.execute("SET LOCAL ROLE wr_director")
                with pytest.raises(psycopg.errors.InsufficientPrivilege):
                    director_login.execute(statement)
            finally:
                director_login.execute("ROLLBACK")
            checked += 1
    # org, routine, support, notify, audit and report all have tables; none was missed.
    assert checked >= 4 * 30


def first_column(owner, schema, name):
    return owner.execute("""SELECT quote_ident(a.attname) FROM pg_attribute a
                            WHERE a.attrelid = %s::regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attidentity = '' AND a.attgenerated = '' ORDER BY a.attnum LIMIT 1""",
                         (f'{schema}."{name}"',)).fetchone()[0]


def test_director_can_execute_only_the_report_functions_meant_for_it(owner):
    executable = {f"{schema}.{name}" for schema, name in owner.execute("""
        SELECT n.nspname, p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
          AND has_function_privilege('wr_director', p.oid, 'EXECUTE')
          AND has_schema_privilege('wr_director', n.oid, 'USAGE')""").fetchall()}
    assert executable - INFRASTRUCTURE == DIRECTOR_FUNCTIONS
    assert not any(f.startswith("report.") for f in INFRASTRUCTURE)
    # The engine, the refresh and the generator exist but are not the director's.
    for function in ("report.refresh()", "report.refresh_all(boolean, boolean)", "report.suppress(boolean)",
                     "report.collect(uuid[])", "demo.generate(integer, integer, integer, integer, text)"):
        assert owner.execute("SELECT has_function_privilege('wr_director', %s::regprocedure, 'EXECUTE')",
                             (function,)).fetchone()[0] is False, function


def test_director_reads_its_own_organisation_through_the_report_functions(owner, director_login):
    owner.execute("SELECT report.refresh_all(true, true)")
    organisation_id, other_id = [r[0] for r in owner.execute("SELECT id FROM org.organisation ORDER BY name LIMIT 2").fetchall()]
    director_login.execute("BEGIN")
    try:
        director_login.execute("SET LOCAL ROLE wr_director")
        director_login.execute("SELECT set_config('app.organisation_id', %s, true)", (str(organisation_id),))
        assert director_login.execute("SELECT organisation_id FROM report.organisation()").fetchone()[0] == organisation_id
        cycles = director_login.execute("SELECT cycle_id FROM report.cycles()").fetchall()
        assert cycles
        rows = director_login.execute("SELECT measure, value, suppressed FROM report.coverage(%s)", (cycles[0][0],)).fetchall()
        assert ("due", ) in {(m,) for m, _, _ in rows}
        # A cycle of another organisation yields nothing, whatever its id.
        other_cycle = owner.execute("SELECT id FROM routine.cycle WHERE organisation_id = %s LIMIT 1", (other_id,)).fetchone()[0]
        assert director_login.execute("SELECT count(*) FROM report.coverage(%s)", (other_cycle,)).fetchone()[0] == 0
        assert director_login.execute("SELECT count(*) FROM report.support(%s)", (other_cycle,)).fetchone()[0] == 0
    finally:
        director_login.execute("ROLLBACK")
