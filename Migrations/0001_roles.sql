-- Roles. Group roles have no login; the service logs in as wr_app (web) or wr_worker (Notifier),
-- both NOINHERIT, so they hold no privilege themselves and can only SET ROLE into a group role.
-- Roles are cluster-wide: creating them is idempotent so several databases (tests, tenants
-- installations) can share one cluster, and production may create them beforehand (deploy/).
DO $$
DECLARE
    role_name text;
BEGIN
    FOREACH role_name IN ARRAY ARRAY[
        'wr_anonymous',      -- no session: log in, the anonymous support door
        'wr_employee',       -- medarbetare: own talks, own consents, own support requests
        'wr_manager',        -- chef: own direct reports only (row-level security)
        'wr_support',        -- stödfunktion: the support schema of their organisation
        'wr_director',       -- kommundirektör: report functions only
        'wr_admin',          -- systemförvaltare: organisation data, accounts, configuration
        'wr_notifier',       -- the job queue
        'wr_auditor',        -- reads the audit log; granted to people by operations, never by the app
        'wr_report_definer'  -- owns report functions; reads rollups only
    ] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = role_name) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN NOINHERIT', role_name);
        END IF;
        EXECUTE format('ALTER ROLE %I NOLOGIN NOINHERIT', role_name);
    END LOOP;

    FOREACH role_name IN ARRAY ARRAY['wr_app', 'wr_worker'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = role_name) THEN
            EXECUTE format('CREATE ROLE %I LOGIN NOINHERIT', role_name);
        END IF;
        EXECUTE format('ALTER ROLE %I LOGIN NOINHERIT', role_name);
    END LOOP;

    -- A role created beforehand by operations must not carry powers that bypass row-level security.
    IF EXISTS (SELECT 1 FROM pg_roles
               WHERE rolname LIKE 'wr\_%' AND rolname <> 'wr_owner'
                 AND (rolsuper OR rolbypassrls OR rolcreaterole OR rolcreatedb OR rolreplication)) THEN
        RAISE EXCEPTION 'a wr_* role has SUPERUSER, BYPASSRLS, CREATEROLE, CREATEDB or REPLICATION';
    END IF;
END
$$;

-- The web service may act as any person-facing role, never as the Notifier, auditor or definer.
GRANT wr_anonymous, wr_employee, wr_manager, wr_support, wr_director, wr_admin TO wr_app;
-- The Notifier may act only as itself.
GRANT wr_notifier TO wr_worker;
