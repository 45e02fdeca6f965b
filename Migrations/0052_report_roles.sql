-- Roles for the compliance view (the report schema).
--
-- wr_overview: a coordinator of several organisations run as one installation (six municipalities
-- did so for "En månad fri från våld"). It may call only the report.overview_* functions, which show
-- every organisation's top-level figures side by side with their sum, suppressed exactly as in each
-- organisation's own view. A municipal director (wr_director) never sees another organisation.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'wr_overview') THEN
        CREATE ROLE wr_overview NOLOGIN NOINHERIT;
    END IF;
    ALTER ROLE wr_overview NOLOGIN NOINHERIT;
END
$$;
GRANT wr_overview TO wr_app;

-- The owner hands the report functions to wr_report_definer (ALTER ... OWNER needs membership).
-- wr_report_definer itself stays NOLOGIN; nobody acts as it except through those functions.
DO $$
BEGIN
    EXECUTE format('GRANT wr_report_definer TO %I', current_user);
END
$$;
