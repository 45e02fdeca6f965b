-- Organisations (tenants), accounts and sessions.
--
-- The acting person and organisation of a request are transaction-local settings (set_config(...,
-- true)) that the service sets right after SET LOCAL ROLE; row-level security policies read them
-- through the app.* helpers, wrapped in (select ...) so they are evaluated once per statement.

CREATE FUNCTION app.organisation_id() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT nullif(current_setting('app.organisation_id', true), '')::uuid $$;
CREATE FUNCTION app.person_id() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT nullif(current_setting('app.person_id', true), '')::uuid $$;
CREATE FUNCTION app.account_id() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT nullif(current_setting('app.account_id', true), '')::uuid $$;
CREATE FUNCTION app.role() RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT nullif(current_setting('app.role', true), '') $$;

-- A tenant: one municipality (or a company, a region). Tenants are fully separated by RLS.
CREATE TABLE org.organisation (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE org.organisation IS 'Tenant (kommun/organisation). Every other row belongs to exactly one.';

-- A person's way in. Logins are global so the login page needs no organisation picker.
CREATE TABLE auth.account (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organisation_id uuid NOT NULL REFERENCES org.organisation (id) ON DELETE CASCADE,
    login text NOT NULL UNIQUE CHECK (login ~ '^[a-z0-9][a-z0-9._@-]{2,253}$'),
    display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
    -- bcrypt (pgcrypto crypt/gen_salt('bf', 12)); NULL means password login is not possible.
    password_hash text CHECK (password_hash IS NULL OR password_hash LIKE '$2a$%'),
    person_id uuid,  -- the org.person this account belongs to (constraint added with org.person)
    language text NOT NULL DEFAULT 'sv' CHECK (language IN ('sv', 'en')),
    disabled_at timestamptz,
    failed_logins integer NOT NULL DEFAULT 0 CHECK (failed_logins >= 0),
    locked_until timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (id, organisation_id)
);
CREATE INDEX account_organisation ON auth.account (organisation_id);

CREATE TABLE auth.account_role (
    account_id uuid NOT NULL REFERENCES auth.account (id) ON DELETE CASCADE,
    role text NOT NULL CHECK (role IN ('employee', 'manager', 'support', 'director', 'admin')),
    PRIMARY KEY (account_id, role)
);

-- Sessions: only the SHA-256 of the 256-bit token is stored, so a database leak yields no session.
-- The functions below take the raw token and hash it themselves.
CREATE TABLE auth.session (
    token_hash bytea PRIMARY KEY CHECK (length(token_hash) = 32),
    account_id uuid NOT NULL REFERENCES auth.account (id) ON DELETE CASCADE,
    csrf_token text NOT NULL CHECK (length(csrf_token) >= 32),
    created_at timestamptz NOT NULL DEFAULT now(),
    last_seen_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL
);
CREATE INDEX session_account ON auth.session (account_id);
CREATE INDEX session_expires ON auth.session (expires_at);

-- Logging in. Runs as the owner because the caller (wr_anonymous) may not read password hashes.
-- Returns a status, never which part was wrong. A login that does not exist still costs one bcrypt
-- so response time does not reveal which logins exist. After 5 failures the account is locked for
-- an interval that doubles with every further failure (capped at 15 minutes).
-- The session token (32 random bytes) arrives raw and is hashed here; only the hash is stored.
CREATE FUNCTION auth.login(
    p_login text, p_password text, p_token bytea, p_csrf_token text,
    p_absolute_lifetime interval
) RETURNS TABLE (status text, account_id uuid, organisation_id uuid, locked_until timestamptz)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    acc auth.account%ROWTYPE;
    ok boolean;
BEGIN
    SELECT * INTO acc FROM auth.account a WHERE a.login = lower(p_login) FOR UPDATE;
    IF NOT FOUND OR acc.password_hash IS NULL OR acc.disabled_at IS NOT NULL THEN
        PERFORM ext.crypt(coalesce(p_password, ''), '$2a$12$0123456789012345678901');
        RETURN QUERY SELECT 'invalid'::text, NULL::uuid, NULL::uuid, NULL::timestamptz;
        RETURN;
    END IF;
    IF acc.locked_until IS NOT NULL AND acc.locked_until > now() THEN
        RETURN QUERY SELECT 'locked'::text, NULL::uuid, NULL::uuid, acc.locked_until;
        RETURN;
    END IF;
    ok := acc.password_hash = ext.crypt(coalesce(p_password, ''), acc.password_hash);
    IF NOT ok THEN
        UPDATE auth.account a SET
            failed_logins = a.failed_logins + 1,
            locked_until = CASE WHEN a.failed_logins + 1 >= 5
                THEN now() + least(interval '15 minutes', interval '30 seconds' * power(2, a.failed_logins + 1 - 5))
                ELSE NULL END
        WHERE a.id = acc.id;
        RETURN QUERY SELECT 'invalid'::text, NULL::uuid, NULL::uuid, NULL::timestamptz;
        RETURN;
    END IF;
    UPDATE auth.account a SET failed_logins = 0, locked_until = NULL WHERE a.id = acc.id;
    IF length(p_token) <> 32 THEN
        RAISE EXCEPTION 'session token must be 32 bytes' USING ERRCODE = '22023';
    END IF;
    INSERT INTO auth.session (token_hash, account_id, csrf_token, expires_at)
        VALUES (sha256(p_token), acc.id, p_csrf_token, now() + p_absolute_lifetime);
    RETURN QUERY SELECT 'ok'::text, acc.id, acc.organisation_id, NULL::timestamptz;
END
$$;

-- Resolves a session token hash to the acting account. Enforces the absolute lifetime and the idle
-- timeout in the database, and refreshes last_seen_at at most once a minute to keep writes rare.
CREATE FUNCTION auth.resolve_session(p_token bytea, p_idle_timeout interval)
    RETURNS TABLE (account_id uuid, organisation_id uuid, person_id uuid, display_name text,
                   language text, roles text[], csrf_token text, expires_at timestamptz)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    s auth.session%ROWTYPE;
    v_hash bytea := sha256(p_token);
BEGIN
    SELECT * INTO s FROM auth.session x WHERE x.token_hash = v_hash;
    IF NOT FOUND THEN RETURN; END IF;
    IF s.expires_at <= now() OR s.last_seen_at + p_idle_timeout <= now() THEN
        DELETE FROM auth.session x WHERE x.token_hash = v_hash;
        RETURN;
    END IF;
    IF s.last_seen_at < now() - interval '1 minute' THEN
        UPDATE auth.session x SET last_seen_at = now() WHERE x.token_hash = v_hash;
    END IF;
    RETURN QUERY
        SELECT a.id, a.organisation_id, a.person_id, a.display_name, a.language,
               coalesce(array_agg(r.role ORDER BY r.role) FILTER (WHERE r.role IS NOT NULL), '{}'),
               s.csrf_token, s.expires_at
        FROM auth.account a
        LEFT JOIN auth.account_role r ON r.account_id = a.id
        WHERE a.id = s.account_id AND a.disabled_at IS NULL
        GROUP BY a.id;
END
$$;

-- Ends one session, or (everywhere) every session of the same account.
CREATE FUNCTION auth.logout(p_token bytea, p_everywhere boolean) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    n integer;
BEGIN
    IF p_everywhere THEN
        DELETE FROM auth.session x WHERE x.account_id = (SELECT y.account_id FROM auth.session y WHERE y.token_hash = sha256(p_token));
    ELSE
        DELETE FROM auth.session x WHERE x.token_hash = sha256(p_token);
    END IF;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END
$$;

-- Removes expired sessions (scheduled work).
CREATE FUNCTION auth.prune_sessions(p_idle_timeout interval) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    n integer;
BEGIN
    DELETE FROM auth.session x WHERE x.expires_at <= now() OR x.last_seen_at + p_idle_timeout <= now();
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END
$$;

-- Sets (or replaces) an account's password; the hash is computed here so plaintext never leaves
-- the statement. Only administrators of the same organisation, or the account itself, may call it.
CREATE FUNCTION auth.set_password(p_account_id uuid, p_password text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF length(coalesce(p_password, '')) < 12 THEN
        RAISE EXCEPTION 'password too short' USING ERRCODE = '22023';
    END IF;
    IF NOT (p_account_id = app.account_id()
            OR (app.role() = 'admin' AND EXISTS (
                SELECT 1 FROM auth.account a
                WHERE a.id = p_account_id AND a.organisation_id = app.organisation_id()))) THEN
        RAISE EXCEPTION 'not allowed' USING ERRCODE = '42501';
    END IF;
    UPDATE auth.account a SET password_hash = ext.crypt(p_password, ext.gen_salt('bf', 12)),
                              failed_logins = 0, locked_until = NULL
    WHERE a.id = p_account_id;
END
$$;
