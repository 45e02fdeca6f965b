-- Schemas, one per kind of data, so that privileges follow the data (ARCHITECTURE.md).
-- Nothing is reachable by PUBLIC: every grant is explicit in a *_grants migration.

REVOKE ALL ON SCHEMA public FROM PUBLIC;
DO $$
BEGIN
    -- Only our login roles may connect; TEMP is not needed by anyone.
    EXECUTE format('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database());
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO wr_app, wr_worker, wr_auditor', current_database());
END
$$;

-- Functions are executable by PUBLIC by default; ours are not unless granted.
ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;

-- pgcrypto (a trusted extension, so its functions belong to the bootstrap superuser and stay
-- EXECUTE-able by PUBLIC) lives in its own schema that only the owner may use (USAGE), so
-- crypt() and friends are reachable only through our SECURITY DEFINER functions.
CREATE SCHEMA ext;
CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA ext;

CREATE SCHEMA app;      -- helpers every role may call: the acting person and organisation
CREATE SCHEMA auth;     -- accounts and sessions
CREATE SCHEMA org;      -- organisations (tenants), units, people, manager relations (from HR)
CREATE SCHEMA routine;  -- cycles, talks, asked / not-asked records, consented outcomes
CREATE SCHEMA support;  -- requests, contact wishes, dialogue, case log (support role only)
CREATE SCHEMA notify;   -- the job queue
CREATE SCHEMA audit;    -- append-only log of access to confidential data
CREATE SCHEMA report;   -- suppressed aggregates, reachable only through definer functions

COMMENT ON SCHEMA support IS 'Confidential support data. Only wr_support may read it; no other role has any privilege here.';
COMMENT ON SCHEMA report IS 'Aggregates with small-count suppression applied inside the database.';
