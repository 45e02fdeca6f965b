-- "What is stored about me" (GDPR, right of access): the parts an employee cannot read through their
-- own row-level security (their account, sessions and the audit log) come through these functions,
-- each of which returns only the caller's own rows. People, talks, proposals and requests are read
-- directly as wr_employee, so row-level security decides.

-- The caller's account, without the password hash (the hash is a secret, not information).
CREATE FUNCTION auth.my_account()
    RETURNS TABLE (login text, display_name text, language text, roles text[], created_at timestamptz,
                   disabled_at timestamptz, failed_logins integer, locked_until timestamptz, has_password boolean)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
    SELECT a.login, a.display_name, a.language,
           coalesce((SELECT array_agg(r.role ORDER BY r.role) FROM auth.account_role r WHERE r.account_id = a.id), '{}'),
           a.created_at, a.disabled_at, a.failed_logins, a.locked_until, a.password_hash IS NOT NULL
    FROM auth.account a
    WHERE a.id = app.account_id() AND a.organisation_id = app.organisation_id()
$$;

-- The caller's sessions: when they began, were last used and end (never the token or its hash).
CREATE FUNCTION auth.my_sessions()
    RETURNS TABLE (created_at timestamptz, last_seen_at timestamptz, expires_at timestamptz)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
    SELECT s.created_at, s.last_seen_at, s.expires_at FROM auth.session s
    WHERE s.account_id = app.account_id()
    ORDER BY s.created_at
$$;

-- "What I did myself" is looked up by actor.
CREATE INDEX event_actor ON audit.event (actor_account_id) WHERE actor_account_id IS NOT NULL;

-- Audit entries about the caller: about them as a person, about their talks, outcome proposals and
-- support requests, about their account, and what they did themselves. Other people's account ids
-- are not shown, only the role they acted in; and the objects of the caller's own actions are not
-- named (they may be someone else's).
CREATE FUNCTION audit.my_events()
    RETURNS TABLE (at timestamptz, action text, object_kind text, about_me boolean, by_me boolean, actor_role text, detail jsonb)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
    WITH mine AS (
        SELECT app.person_id() AS id WHERE app.person_id() IS NOT NULL
        UNION ALL SELECT app.account_id() WHERE app.account_id() IS NOT NULL
        UNION ALL SELECT t.id FROM routine.talk t WHERE t.person_id = app.person_id()
        UNION ALL SELECT op.id FROM support.outcome_proposal op WHERE op.person_id = app.person_id()
        UNION ALL SELECT r.id FROM support.request r WHERE r.person_id = app.person_id()
    )
    SELECT e.at, e.action,
           CASE WHEN e.object_id IN (SELECT id FROM mine) THEN e.object_kind END,
           e.object_id IN (SELECT id FROM mine),
           e.actor_account_id IS NOT DISTINCT FROM app.account_id() AND app.account_id() IS NOT NULL,
           e.actor_role,
           CASE WHEN e.object_id IN (SELECT id FROM mine) THEN e.detail ELSE '{}'::jsonb END
    FROM audit.event e
    WHERE e.organisation_id = app.organisation_id()
      AND (e.object_id IN (SELECT id FROM mine) OR e.actor_account_id = app.account_id())
    ORDER BY e.at, e.id
$$;
