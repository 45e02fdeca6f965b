-- Signing in through the organisation's own OpenID Connect provider (Entra ID, AD FS, an e-ID broker).
--
-- An organisation has zero or more providers. A provider of kind `staff` signs employees in: the ID
-- token's employee-number claim (e.g. Entra's `employeeid`, filled from HR) must match the HR id of
-- exactly one active person of the organisation; the first match creates (or takes over) that
-- person's account and pins it to the provider's (issuer, sub); every later sign-in uses (issuer,
-- sub) alone. E-mail and UPN are never used to match: they are mutable and reassignable. A provider
-- of kind `eid` (BankID / Freja through a broker) is used only by the identified support door and is
-- never linked to HR or to an account (0102).
--
-- The service checks the token (signature, issuer, audience, expiry, nonce) before any of these
-- functions is called; the database decides who the token's subject is and what they may do.

-- Password sign-in can be switched off per organisation (the operator's command); a break-glass
-- account then needs the operator to switch it on again.
ALTER TABLE org.organisation
    ADD COLUMN password_login boolean NOT NULL DEFAULT true;

CREATE TABLE auth.identity_provider (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organisation_id uuid NOT NULL REFERENCES org.organisation (id) ON DELETE CASCADE,
    kind text NOT NULL CHECK (kind IN ('staff', 'eid')),
    -- Compared byte for byte with the discovery document's `issuer` and every ID token's `iss`.
    issuer text NOT NULL CHECK (length(issuer) <= 500 AND issuer ~ '^https?://[A-Za-z0-9.:\[\]-]+(/[!-~]*)?$'
                                AND issuer !~ '[?#]'),
    client_id text NOT NULL CHECK (client_id ~ '^[!-~]{1,255}$'),
    -- The client secret, sealed like support content (pgp_sym_encrypt under the content key, which the
    -- database never holds; `workplace-routine rotate-content-key` re-seals every *_enc column).
    client_secret_enc bytea NOT NULL,
    client_authentication text NOT NULL DEFAULT 'client_secret_post'
        CHECK (client_authentication IN ('client_secret_post', 'client_secret_basic')),
    -- The ID token claim that carries the HR employee number (staff providers only).
    employee_number_claim text CHECK (employee_number_claim ~ '^[A-Za-z0-9_.:/-]{1,100}$'),
    -- The button's text, e.g. "Logga in med ditt konto i Östersunds kommun".
    label text NOT NULL CHECK (length(label) BETWEEN 1 AND 200),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (organisation_id, issuer),
    UNIQUE (id, organisation_id),
    CHECK ((kind = 'staff') = (employee_number_claim IS NOT NULL))
);
COMMENT ON TABLE auth.identity_provider IS
    'OpenID Connect providers per organisation. The client secret is sealed under the content key.';

-- The pin: which account a provider's subject is. One identity per account; (issuer, sub) is unique
-- across every organisation (Entra''s sub is pairwise per application, so this is what Microsoft asks
-- an application to key on). It survives the provider's configuration being removed and re-added.
CREATE TABLE auth.external_identity (
    issuer text NOT NULL,
    subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 255),
    account_id uuid NOT NULL UNIQUE REFERENCES auth.account (id) ON DELETE CASCADE,
    linked_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (issuer, subject)
);

-- A sign-in under way: between the redirect to the provider and its callback. Keyed by the SHA-256
-- of the pre-login cookie's random token, so the state, nonce and PKCE verifier are bound to the
-- browser that started; taken (deleted) by the callback whatever happens next, so a code or a state
-- is used once. Rows live ten minutes.
CREATE TABLE auth.oidc_pending (
    token_hash bytea PRIMARY KEY CHECK (length(token_hash) = 32),
    provider_id uuid NOT NULL REFERENCES auth.identity_provider (id) ON DELETE CASCADE,
    state text NOT NULL CHECK (state ~ '^[A-Za-z0-9_-]{32,128}$'),
    nonce text NOT NULL CHECK (nonce ~ '^[A-Za-z0-9_-]{32,128}$'),
    code_verifier text NOT NULL CHECK (code_verifier ~ '^[A-Za-z0-9._~-]{43,128}$'),
    return_to text NOT NULL DEFAULT '/' CHECK (return_to ~ '^/([^/\\].*)?$' AND length(return_to) <= 500),
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL
);
CREATE INDEX oidc_pending_expires ON auth.oidc_pending (expires_at);

-- What RP-initiated logout needs: which provider signed the session in, and the ID token as
-- `id_token_hint`, sealed; both go with the session row.
ALTER TABLE auth.session
    ADD COLUMN identity_provider_id uuid REFERENCES auth.identity_provider (id) ON DELETE SET NULL,
    ADD COLUMN id_token_hint_enc bytea;

-- Roles that follow HR. `employee`: the account's person is active. `manager`: the person is active
-- and has at least one active direct report. Other roles (support, director, admin, overview) are
-- explicit grants and are never touched here. Accounts without a person keep what they have.
CREATE FUNCTION auth.derive_roles(p_accounts uuid[]) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    WITH should AS (
        SELECT a.id AS account_id, r.role,
               CASE r.role
                   WHEN 'employee' THEN p.active
                   ELSE p.active AND EXISTS (SELECT 1 FROM org.person d WHERE d.manager_id = p.id AND d.active)
               END AS holds
        FROM auth.account a
        JOIN org.person p ON p.id = a.person_id
        CROSS JOIN (VALUES ('employee'), ('manager')) AS r (role)
        WHERE a.id = ANY (p_accounts)
    ), removed AS (
        DELETE FROM auth.account_role x USING should s
        WHERE x.account_id = s.account_id AND x.role = s.role AND NOT s.holds
    )
    INSERT INTO auth.account_role (account_id, role)
    SELECT s.account_id, s.role FROM should s WHERE s.holds
    ON CONFLICT DO NOTHING;
END
$$;

-- Every change of people (the HR import, or anything else) is followed here, in the same statement:
-- accounts of people who became inactive lose their sessions at once, and `employee`/`manager` are
-- derived again for everyone whose standing may have changed (the people changed and their old and
-- new managers).
CREATE FUNCTION auth.follow_hr_update() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    v_accounts uuid[];
BEGIN
    SELECT array_agg(DISTINCT a.id) INTO v_accounts
    FROM (
        SELECT n.id AS person FROM changed_new n JOIN changed_old o ON o.id = n.id
        WHERE (n.active, n.manager_id) IS DISTINCT FROM (o.active, o.manager_id)
        UNION SELECT n.manager_id FROM changed_new n JOIN changed_old o ON o.id = n.id
        WHERE (n.active, n.manager_id) IS DISTINCT FROM (o.active, o.manager_id)
        UNION SELECT o.manager_id FROM changed_new n JOIN changed_old o ON o.id = n.id
        WHERE (n.active, n.manager_id) IS DISTINCT FROM (o.active, o.manager_id)
    ) affected
    JOIN auth.account a ON a.person_id = affected.person;
    IF v_accounts IS NULL THEN
        RETURN NULL;
    END IF;
    DELETE FROM auth.session s USING auth.account a, org.person p
    WHERE s.account_id = a.id AND a.person_id = p.id AND NOT p.active AND a.id = ANY (v_accounts);
    PERFORM auth.derive_roles(v_accounts);
    RETURN NULL;
END
$$;
CREATE TRIGGER person_follow_hr_update AFTER UPDATE ON org.person
    REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new
    FOR EACH STATEMENT EXECUTE FUNCTION auth.follow_hr_update();

-- A new person with a manager may make that manager a manager.
CREATE FUNCTION auth.follow_hr_insert() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    v_accounts uuid[];
BEGIN
    SELECT array_agg(DISTINCT a.id) INTO v_accounts
    FROM added n JOIN auth.account a ON a.person_id = n.manager_id
    WHERE n.active;
    IF v_accounts IS NOT NULL THEN
        PERFORM auth.derive_roles(v_accounts);
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER person_follow_hr_insert AFTER INSERT ON org.person
    REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION auth.follow_hr_insert();

-- A counted event without identifiers: a sign-in through a provider that was refused, and why (a
-- code such as `unknown_person` or `bad_signature`). Neither the subject, the claim's value nor the
-- token is kept, so the audit log cannot tell who tried.
CREATE FUNCTION auth.record_sign_in_refusal(p_organisation uuid, p_reason text) RETURNS void
    LANGUAGE sql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
    INSERT INTO audit.event (organisation_id, actor_role, action, object_kind, detail)
    VALUES (p_organisation, 'anonymous', 'auth.sso_refused', 'identity_provider',
            jsonb_build_object('reason', p_reason));
$$;

-- The sign-in options the public login page shows: each organisation, whether it allows passwords,
-- and its staff providers' buttons (never a secret). `p_slug` narrows to one organisation
-- (/login/<slug>).
CREATE FUNCTION auth.login_options(p_slug text DEFAULT NULL)
    RETURNS TABLE (organisation_slug text, organisation_name text, password_login boolean,
                   provider_id uuid, label text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
    SELECT o.slug, o.name, o.password_login, p.id, p.label
    FROM org.organisation o
    LEFT JOIN auth.identity_provider p ON p.organisation_id = o.id AND p.kind = 'staff'
    WHERE p_slug IS NULL OR o.slug = p_slug
    ORDER BY o.name, o.slug, p.label, p.id;
$$;

-- The callback needs the provider's configuration with its secret unsealed. The caller must pass the
-- content key, which only the service holds; without it the secret stays sealed.
CREATE FUNCTION auth.provider_for_sign_in(p_provider uuid, p_key text)
    RETURNS TABLE (organisation_id uuid, kind text, issuer text, client_id text, client_secret text,
                   client_authentication text, employee_number_claim text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
    SELECT p.organisation_id, p.kind, p.issuer, p.client_id, support.unseal(p.client_secret_enc, p_key),
           p.client_authentication, p.employee_number_claim
    FROM auth.identity_provider p WHERE p.id = p_provider;
$$;

-- Step 1 of a sign-in: remember state, nonce and verifier under the pre-login cookie's token.
CREATE FUNCTION auth.begin_sign_in(
    p_provider uuid, p_token bytea, p_state text, p_nonce text, p_verifier text, p_return_to text,
    p_lifetime interval
) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF length(p_token) <> 32 THEN
        RAISE EXCEPTION 'pre-login token must be 32 bytes' USING ERRCODE = '22023';
    END IF;
    IF p_lifetime > interval '30 minutes' THEN
        RAISE EXCEPTION 'a sign-in may wait at most 30 minutes' USING ERRCODE = '22023';
    END IF;
    INSERT INTO auth.oidc_pending (token_hash, provider_id, state, nonce, code_verifier, return_to, expires_at)
    VALUES (sha256(p_token), p_provider, p_state, p_nonce, p_verifier, coalesce(p_return_to, '/'), now() + p_lifetime)
    ON CONFLICT (token_hash) DO UPDATE
        SET provider_id = EXCLUDED.provider_id, state = EXCLUDED.state, nonce = EXCLUDED.nonce,
            code_verifier = EXCLUDED.code_verifier, return_to = EXCLUDED.return_to,
            created_at = now(), expires_at = EXCLUDED.expires_at;
END
$$;

-- Step 2: the callback takes its sign-in, once. Expired rows are not returned.
CREATE FUNCTION auth.take_sign_in(p_token bytea)
    RETURNS TABLE (provider_id uuid, state text, nonce text, code_verifier text, return_to text)
    LANGUAGE sql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
    WITH taken AS (
        DELETE FROM auth.oidc_pending x WHERE x.token_hash = sha256(p_token)
        RETURNING x.provider_id, x.state, x.nonce, x.code_verifier, x.return_to, x.expires_at
    )
    SELECT t.provider_id, t.state, t.nonce, t.code_verifier, t.return_to FROM taken t WHERE t.expires_at > now()
$$;

-- Step 3, after the service verified the ID token: who is this, and a session for them.
--
--   p_subject                 the token's `sub`
--   p_employee_number         the configured claim's value (NULL: absent)
--   p_several_numbers         the claim carried several values
--   p_id_token                kept sealed for RP-initiated logout only, deleted with the session
--
-- Returns `ok` and the account, or a refusal code (nothing is created, and a counted audit event
-- without identifiers is written): unknown_person, ambiguous_person, inactive_person,
-- disabled_account, already_linked, missing_claim, not_staff_provider.
CREATE FUNCTION auth.complete_staff_sign_in(
    p_provider uuid, p_subject text, p_employee_number text, p_several_numbers boolean,
    p_id_token text, p_key text, p_token bytea, p_csrf_token text, p_absolute_lifetime interval
) RETURNS TABLE (status text, account_id uuid)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    v_provider auth.identity_provider%ROWTYPE;
    v_account auth.account%ROWTYPE;
    v_person org.person%ROWTYPE;
    v_matches integer;
    v_reason text;
    v_slug text;
BEGIN
    IF length(p_token) <> 32 THEN
        RAISE EXCEPTION 'session token must be 32 bytes' USING ERRCODE = '22023';
    END IF;
    SELECT * INTO v_provider FROM auth.identity_provider p WHERE p.id = p_provider;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'unknown identity provider' USING ERRCODE = '22023';
    END IF;

    -- Every refusal is decided before anything is written, so a refused sign-in leaves no account,
    -- no pin and no session behind: only the counted audit event below.
    <<decide>>
    BEGIN
        IF v_provider.kind <> 'staff' THEN
            v_reason := 'not_staff_provider';
            EXIT decide;
        END IF;
        -- Pinned already: (issuer, sub) alone decides, whatever the claims say now.
        SELECT a.* INTO v_account
        FROM auth.external_identity e JOIN auth.account a ON a.id = e.account_id
        WHERE e.issuer = v_provider.issuer AND e.subject = p_subject
        FOR UPDATE OF a;
        IF FOUND THEN
            IF v_account.organisation_id <> v_provider.organisation_id THEN
                -- The same issuer configured for two organisations: a subject belongs to one.
                v_reason := 'already_linked';
            ELSIF v_account.disabled_at IS NOT NULL THEN
                v_reason := 'disabled_account';
            ELSIF v_account.person_id IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM org.person p WHERE p.id = v_account.person_id AND p.active) THEN
                v_reason := 'inactive_person';
            END IF;
            EXIT decide;
        END IF;

        IF p_several_numbers THEN
            v_reason := 'ambiguous_person';
            EXIT decide;
        END IF;
        IF p_employee_number IS NULL OR btrim(p_employee_number) = '' THEN
            v_reason := 'missing_claim';
            EXIT decide;
        END IF;
        -- HR ids are compared ignoring case and surrounding blanks: "e1001" and "E1001" are the same
        -- number to a person, so two people who differ only so are ambiguous, and nobody is chosen.
        SELECT count(*) INTO v_matches FROM org.person p
        WHERE p.organisation_id = v_provider.organisation_id
          AND lower(p.hr_id) = lower(btrim(p_employee_number));
        IF v_matches = 0 THEN
            v_reason := 'unknown_person';
            EXIT decide;
        ELSIF v_matches > 1 THEN
            v_reason := 'ambiguous_person';
            EXIT decide;
        END IF;
        SELECT * INTO v_person FROM org.person p
        WHERE p.organisation_id = v_provider.organisation_id
          AND lower(p.hr_id) = lower(btrim(p_employee_number));
        IF NOT v_person.active THEN
            v_reason := 'inactive_person';
            EXIT decide;
        END IF;
        SELECT a.* INTO v_account FROM auth.account a WHERE a.person_id = v_person.id FOR UPDATE;
        IF FOUND THEN
            IF EXISTS (SELECT 1 FROM auth.external_identity e WHERE e.account_id = v_account.id) THEN
                -- The person's account is pinned to another subject: a pin is never moved silently
                -- (the operator's `account unlink` does that, on purpose).
                v_reason := 'already_linked';
            ELSIF v_account.disabled_at IS NOT NULL THEN
                v_reason := 'disabled_account';
            END IF;
            EXIT decide;
        END IF;
    END decide;

    IF v_reason IS NOT NULL THEN
        PERFORM auth.record_sign_in_refusal(v_provider.organisation_id, v_reason);
        RETURN QUERY SELECT v_reason, NULL::uuid;
        RETURN;
    END IF;

    -- First sign-in of this subject: the person's account (made now if they have none) is pinned.
    IF v_person.id IS NOT NULL THEN
        IF v_account.id IS NULL THEN
            SELECT o.slug INTO v_slug FROM org.organisation o WHERE o.id = v_provider.organisation_id;
            INSERT INTO auth.account (organisation_id, login, display_name, person_id)
            VALUES (v_provider.organisation_id, lower(v_person.hr_id) || '@' || v_slug, v_person.name, v_person.id)
            RETURNING * INTO v_account;
            INSERT INTO audit.event (organisation_id, actor_account_id, actor_role, action, object_kind, object_id)
            VALUES (v_provider.organisation_id, v_account.id, 'anonymous', 'account.created_by_sign_in', 'account', v_account.id);
        END IF;
        INSERT INTO auth.external_identity (issuer, subject, account_id)
        VALUES (v_provider.issuer, p_subject, v_account.id);
        INSERT INTO audit.event (organisation_id, actor_account_id, actor_role, action, object_kind, object_id)
        VALUES (v_provider.organisation_id, v_account.id, 'anonymous', 'account.linked_to_provider', 'account', v_account.id);
    END IF;

    PERFORM auth.derive_roles(ARRAY[v_account.id]);
    INSERT INTO auth.session (token_hash, account_id, csrf_token, expires_at, identity_provider_id, id_token_hint_enc)
    VALUES (sha256(p_token), v_account.id, p_csrf_token, now() + p_absolute_lifetime, v_provider.id,
            support.seal(p_id_token, p_key));
    RETURN QUERY SELECT 'ok'::text, v_account.id;
END
$$;

-- Ends a session (or every session of its account) and returns what RP-initiated logout needs: the
-- provider that signed this session in and its ID token, unsealed. Nothing when it was a password
-- session or the session is unknown.
CREATE FUNCTION auth.end_session(p_token bytea, p_everywhere boolean, p_key text)
    RETURNS TABLE (provider_id uuid, issuer text, client_id text, id_token_hint text)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    s auth.session%ROWTYPE;
BEGIN
    SELECT * INTO s FROM auth.session x WHERE x.token_hash = sha256(p_token);
    IF NOT FOUND THEN
        RETURN;
    END IF;
    IF p_everywhere THEN
        DELETE FROM auth.session x WHERE x.account_id = s.account_id;
    ELSE
        DELETE FROM auth.session x WHERE x.token_hash = s.token_hash;
    END IF;
    IF s.identity_provider_id IS NOT NULL THEN
        RETURN QUERY SELECT p.id, p.issuer, p.client_id, support.unseal(s.id_token_hint_enc, p_key)
                     FROM auth.identity_provider p WHERE p.id = s.identity_provider_id;
    END IF;
END
$$;

-- Password sign-in, as in 0003, and also refused (answered exactly like a wrong password) when the
-- organisation has switched passwords off or the account's person is no longer active.
CREATE OR REPLACE FUNCTION auth.login(
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
    IF NOT FOUND OR acc.password_hash IS NULL OR acc.disabled_at IS NOT NULL
       OR NOT (SELECT o.password_login FROM org.organisation o WHERE o.id = acc.organisation_id)
       OR (acc.person_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM org.person p WHERE p.id = acc.person_id AND p.active)) THEN
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

-- Sessions, as in 0003, and also ended when the account's person is no longer active (the import
-- already deletes those sessions; this is the second line) or when a password session outlives the
-- organisation's switching passwords off.
CREATE OR REPLACE FUNCTION auth.resolve_session(p_token bytea, p_idle_timeout interval)
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
        JOIN org.organisation o ON o.id = a.organisation_id
        LEFT JOIN auth.account_role r ON r.account_id = a.id
        WHERE a.id = s.account_id AND a.disabled_at IS NULL
          AND (s.identity_provider_id IS NOT NULL OR o.password_login)
          AND (a.person_id IS NULL OR EXISTS (SELECT 1 FROM org.person p WHERE p.id = a.person_id AND p.active))
        GROUP BY a.id;
END
$$;

-- Scheduled pruning (0003) also removes sign-ins that were never completed.
CREATE OR REPLACE FUNCTION auth.prune_sessions(p_idle_timeout interval) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    n integer;
BEGIN
    DELETE FROM auth.session x WHERE x.expires_at <= now() OR x.last_seen_at + p_idle_timeout <= now();
    GET DIAGNOSTICS n = ROW_COUNT;
    DELETE FROM auth.oidc_pending x WHERE x.expires_at <= now();
    RETURN n;
END
$$;
