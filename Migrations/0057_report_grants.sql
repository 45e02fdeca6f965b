-- Who may do what with the report schema.
--
--   wr_director        EXECUTE on report.organisation(), cycles(), coverage(), support(); nothing else
--                      in report, and no privilege at all on any table of org, routine, support,
--                      notify, audit (Tests/reports/test_privileges.py checks both).
--   wr_report_definer  owns the suppression engine and the director's functions; reads the rollups
--                      and the catalogue; writes the scratch and published tables. It has no
--                      privilege on org, routine or support: even a bug in the engine cannot reach
--                      a person's row.
--   wr_notifier        EXECUTE on report.refresh() (scheduled).
--   the owner          report.refresh_all(), report.collect() (reads the raw tables to count).

-- The director reads the organisation's name through report.organisation(), and writes no audit
-- entries (it reads aggregates only): it keeps no privilege in org or audit.
REVOKE SELECT ON org.organisation FROM wr_director;
REVOKE EXECUTE ON FUNCTION audit.record(text, text, uuid, jsonb) FROM wr_director;
REVOKE USAGE ON SCHEMA org FROM wr_director;
REVOKE USAGE ON SCHEMA audit FROM wr_director;
REVOKE USAGE ON SCHEMA notify FROM wr_director;

-- Hand the engine and the director's functions to the definer. (ALTER … OWNER needs CREATE on the
-- schema for the new owner; it is taken back right after.)
GRANT USAGE, CREATE ON SCHEMA report TO wr_report_definer;
DO $$
DECLARE
    t text;
    f regprocedure;
BEGIN
    FOREACH t IN ARRAY ARRAY['w_table', 'w_node', 'w_atom', 'w_cell', 'w_carry', 'w_flow', 'w_need', 'w_choice', 'w_add',
                             'published', 'published_table'] LOOP
        EXECUTE format('ALTER TABLE report.%I OWNER TO wr_report_definer', t);
    END LOOP;
    FOR f IN SELECT p.oid::regprocedure FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
             WHERE n.nspname = 'report' AND p.proname IN (
                 'inf', 'apply_additions', 'denmark_pass', 'compute_flows', 'certify', 'repair', 'fallback', 'suppress',
                 'load_work', 'publish', 'suppress_and_publish', 'organisation', 'cycles', 'coverage', 'support') LOOP
        EXECUTE format('ALTER FUNCTION %s OWNER TO wr_report_definer', f);
        EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', f);
    END LOOP;
END
$$;
REVOKE CREATE ON SCHEMA report FROM wr_report_definer;

GRANT SELECT ON report.measure, report.relation, report.atom, report.atom_measure, report.class, report.class_measure,
                report.class_pair, report.fact_node, report.fact_table, report.fact_count, report.fact_contact
    TO wr_report_definer;
GRANT USAGE ON SCHEMA app TO wr_report_definer;
GRANT EXECUTE ON FUNCTION app.organisation_id() TO wr_report_definer;

-- The owner drives the engine from refresh_all().
DO $$
BEGIN
    EXECUTE format('GRANT EXECUTE ON FUNCTION report.suppress_and_publish(integer[], boolean, integer), '
                   'report.load_work(integer[]), report.suppress(boolean), report.publish() TO %I', current_user);
END
$$;

-- The acting roles.
GRANT USAGE ON SCHEMA report TO wr_director, wr_notifier;
GRANT EXECUTE ON FUNCTION report.organisation(), report.cycles(), report.coverage(uuid, uuid, text),
                          report.support(uuid, text)
    TO wr_director;
GRANT EXECUTE ON FUNCTION report.refresh() TO wr_notifier;
REVOKE ALL ON FUNCTION report.refresh_all(boolean, boolean), report.refresh_organisations(uuid[], boolean), report.collect(uuid[]), report.month_offset(date, date),
                       report.mark_dirty_new(), report.mark_dirty_old(), report.mark_dirty_organisation()
    FROM PUBLIC;

COMMENT ON SCHEMA report IS 'PLACEHOLDER';
