-- Privileges and row-level security for roles, organisations, accounts, sessions and the audit log.
-- Each later feature adds its own *_grants migration. The role × object matrix test
-- (Tests/WorkplaceRoutineTests/Database/PrivilegeMatrixTests.swift) fails if any grant is widened.

-- Helpers every acting role evaluates inside its policies.
-- (The director is absent on purpose: that role may only execute report functions.)
GRANT USAGE ON SCHEMA app TO wr_anonymous, wr_employee, wr_manager, wr_support, wr_admin, wr_notifier;
GRANT EXECUTE ON FUNCTION app.organisation_id(), app.person_id(), app.account_id(), app.role()
    TO wr_anonymous, wr_employee, wr_manager, wr_support, wr_admin, wr_notifier;

-- Sessions are reached only through these functions.
GRANT USAGE ON SCHEMA auth TO wr_anonymous, wr_employee, wr_manager, wr_support, wr_admin;
GRANT EXECUTE ON FUNCTION auth.login(text, text, bytea, text, interval) TO wr_anonymous;
GRANT EXECUTE ON FUNCTION auth.resolve_session(bytea, interval) TO wr_anonymous;
GRANT EXECUTE ON FUNCTION auth.logout(bytea, boolean) TO wr_anonymous;
GRANT EXECUTE ON FUNCTION auth.set_password(uuid, text) TO wr_employee, wr_manager, wr_support, wr_admin;
GRANT USAGE ON SCHEMA auth TO wr_notifier;
GRANT EXECUTE ON FUNCTION auth.prune_sessions(interval) TO wr_notifier;

-- Administrators manage the accounts of their own organisation, but never read password hashes:
-- column privileges leave password_hash out.
GRANT SELECT (id, organisation_id, login, display_name, person_id, language, disabled_at, failed_logins, locked_until, created_at)
    ON auth.account TO wr_admin;
GRANT INSERT (organisation_id, login, display_name, person_id, language) ON auth.account TO wr_admin;
GRANT UPDATE (display_name, person_id, language, disabled_at, failed_logins, locked_until) ON auth.account TO wr_admin;
GRANT SELECT, INSERT, DELETE ON auth.account_role TO wr_admin;

ALTER TABLE auth.account ENABLE ROW LEVEL SECURITY;
CREATE POLICY account_admin ON auth.account TO wr_admin
    USING (organisation_id = (SELECT app.organisation_id()))
    WITH CHECK (organisation_id = (SELECT app.organisation_id()));
ALTER TABLE auth.account_role ENABLE ROW LEVEL SECURITY;
CREATE POLICY account_role_admin ON auth.account_role TO wr_admin
    USING (EXISTS (SELECT 1 FROM auth.account a WHERE a.id = account_id AND a.organisation_id = (SELECT app.organisation_id())))
    WITH CHECK (EXISTS (SELECT 1 FROM auth.account a WHERE a.id = account_id AND a.organisation_id = (SELECT app.organisation_id())));
ALTER TABLE auth.session ENABLE ROW LEVEL SECURITY;  -- no policy: nobody but the owner's functions

-- Every acting role sees its own organisation's row (its name, for the page header).
GRANT USAGE ON SCHEMA org TO wr_employee, wr_manager, wr_support, wr_admin;
GRANT SELECT ON org.organisation TO wr_employee, wr_manager, wr_support, wr_admin;
ALTER TABLE org.organisation ENABLE ROW LEVEL SECURITY;
CREATE POLICY organisation_own ON org.organisation FOR SELECT
    TO wr_employee, wr_manager, wr_support, wr_admin
    USING (id = (SELECT app.organisation_id()));

-- The audit log: everyone acting in the service writes through audit.record(); only the auditor reads.
GRANT USAGE ON SCHEMA audit TO wr_anonymous, wr_employee, wr_manager, wr_support, wr_admin, wr_notifier, wr_auditor;
GRANT EXECUTE ON FUNCTION audit.record(text, text, uuid, jsonb)
    TO wr_anonymous, wr_employee, wr_manager, wr_support, wr_admin, wr_notifier;
GRANT SELECT ON audit.event TO wr_auditor;

-- /readyz compares the applied migrations with the ones the running build knows (names only).
DO $$
BEGIN
    IF to_regclass('public.schema_migrations') IS NOT NULL THEN
        GRANT USAGE ON SCHEMA public TO wr_anonymous;
        GRANT SELECT (name) ON public.schema_migrations TO wr_anonymous;
    END IF;
END
$$;
