-- The support case after intake: the team's inbox and case page, the person's own view through both
-- doors, and every change a case can go through.
--
-- Reading content is possible only through the SECURITY DEFINER functions below, because acting
-- roles cannot use pgcrypto (`ext`). Each of them unseals with the key the service passes and, in the
-- same call, writes the audit entry for the read; so a read without an audit entry cannot happen
-- through any role the service acts as. Each write checks the caller (support: a member of the
-- request's team; identified person: owns the request; anonymous person: holds a live receipt
-- session for it), keeps the case log, status, first contact and last activity in step, writes an
-- audit entry without content, and enqueues the notification in the same transaction.
--
-- First contact (which stops the 24-hour clock) is the first contact attempt logged as `reached`,
-- or — when the person chose the dialogue inside the service as their channel — the team's first
-- reply in that dialogue, since that reply is exactly the contact they asked for. A reply in the
-- dialogue does not count when the person asked for a call, an SMS or an e-mail.

-- A support worker may move a request to another team of the same organisation (e.g. to the external
-- occupational-health service); the case log says so.
ALTER TABLE support.case_event DROP CONSTRAINT case_event_action_check;
ALTER TABLE support.case_event ADD CONSTRAINT case_event_action_check CHECK (action IN
    ('created', 'contact_attempt', 'contacted', 'replied', 'note', 'closed', 'reopened', 'employee_replied', 'moved'));

-- The anonymous door's short-lived access after a successful receipt look-up. The cookie holds 32
-- random bytes; only their SHA-256 is stored, bound to one request, with an absolute and an idle
-- expiry. No address, no user agent, nothing else about the visitor is kept.
CREATE TABLE support.receipt_session (
    token_hash bytea PRIMARY KEY CHECK (length(token_hash) = 32),
    request_id uuid NOT NULL REFERENCES support.request (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    idle_expires_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    CHECK (idle_expires_at <= expires_at)
);
CREATE INDEX receipt_session_request ON support.receipt_session (request_id);
CREATE INDEX receipt_session_expiry ON support.receipt_session (expires_at);
COMMENT ON TABLE support.receipt_session IS 'Anonymous door: hashed short-lived tokens after a receipt look-up. Reached only through functions.';

-- ---------------------------------------------------------------------------------------------
-- Private helpers (never granted; they run with the owner's rights inside the definer functions)
-- ---------------------------------------------------------------------------------------------

-- Free text a person or a worker writes: not empty, and bounded. The service counts characters
-- (4000); this is the backstop in code points, so the two can never disagree the wrong way.
CREATE FUNCTION support.checked_text(p_text text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF p_text IS NULL OR p_text !~ '\S' THEN
        RAISE EXCEPTION 'text is empty' USING ERRCODE = '22023', HINT = 'empty';
    END IF;
    IF length(p_text) > 20000 THEN
        RAISE EXCEPTION 'text is too long' USING ERRCODE = '22001', HINT = 'too_long';
    END IF;
    RETURN p_text;
END
$$;

-- An audit entry for the person's own actions. The anonymous door has no organisation setting and no
-- account, so the organisation comes from the request and the role is named.
CREATE FUNCTION support.audit_person(p_action text, p_request uuid, p_organisation uuid, p_detail jsonb)
    RETURNS void
    LANGUAGE sql
    SET search_path = pg_catalog, pg_temp
    AS $$
    INSERT INTO audit.event (organisation_id, actor_account_id, actor_role, action, object_kind, object_id, detail)
    VALUES (p_organisation, app.account_id(), coalesce(app.role(), 'anonymous'), p_action, 'support_request', p_request,
            coalesce(p_detail, '{}'));
$$;

-- Appends to the case log.
CREATE FUNCTION support.log_event(p_request support.request, p_action text, p_by uuid) RETURNS void
    LANGUAGE sql
    SET search_path = pg_catalog, pg_temp
    AS $$
    INSERT INTO support.case_event (request_id, organisation_id, action, by_account_id)
    VALUES (p_request.id, p_request.organisation_id, p_action, p_by);
$$;

-- The request a support worker acting now may change, locked; raises P0002 when it is not theirs
-- (the caller cannot tell "not yours" from "does not exist").
CREATE FUNCTION support.team_request(p_request uuid) RETURNS support.request
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    r support.request;
BEGIN
    IF app.role() IS DISTINCT FROM 'support' THEN
        RAISE EXCEPTION 'only the support role' USING ERRCODE = '42501';
    END IF;
    SELECT * INTO r FROM support.request x
    WHERE x.id = p_request AND x.organisation_id = app.organisation_id() AND x.team_id = ANY (support.my_team_ids())
    FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no such request' USING ERRCODE = 'P0002';
    END IF;
    RETURN r;
END
$$;

-- The identified person's own request, locked; raises P0002 when it is not theirs.
CREATE FUNCTION support.own_request(p_request uuid) RETURNS support.request
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    r support.request;
BEGIN
    IF app.role() IS DISTINCT FROM 'employee' OR app.person_id() IS NULL THEN
        RAISE EXCEPTION 'only the employee themself' USING ERRCODE = '42501';
    END IF;
    SELECT * INTO r FROM support.request x
    WHERE x.id = p_request AND x.person_id = app.person_id() AND x.organisation_id = app.organisation_id()
    FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no such request' USING ERRCODE = 'P0002';
    END IF;
    RETURN r;
END
$$;

-- The request of a live receipt session, locked; NULL (a row of nulls) when the token is unknown or
-- expired. Using the session extends its idle expiry, never its absolute one.
CREATE FUNCTION support.receipt_request(p_token bytea, p_idle interval) RETURNS support.request
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    r support.request;
    v_hash bytea;
BEGIN
    IF p_token IS NULL OR length(p_token) <> 32 THEN
        RETURN r;
    END IF;
    v_hash := sha256(p_token);
    UPDATE support.receipt_session s SET idle_expires_at = least(s.expires_at, now() + p_idle)
    WHERE s.token_hash = v_hash AND s.expires_at > now() AND s.idle_expires_at > now();
    IF NOT FOUND THEN
        RETURN r;
    END IF;
    SELECT x.* INTO r FROM support.request x JOIN support.receipt_session s ON s.request_id = x.id
    WHERE s.token_hash = v_hash AND x.door = 'anonymous'
    FOR UPDATE OF x;
    RETURN r;
END
$$;

-- The first successful contact stops the clock (once).
CREATE FUNCTION support.mark_contacted(p_request support.request) RETURNS void
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF p_request.first_contact_at IS NOT NULL THEN
        RETURN;
    END IF;
    UPDATE support.request x SET first_contact_at = now(),
        status = CASE WHEN x.status = 'new' THEN 'contacted' ELSE x.status END
    WHERE x.id = p_request.id;
    PERFORM support.log_event(p_request, 'contacted', app.account_id());
END
$$;

-- Everything a reader may see of one request, unsealed, as one document. Times are seconds since the
-- epoch. Notes, contact attempts, the case log and the workers' names only for the team.
CREATE FUNCTION support.case_document(p_request uuid, p_key text, p_for_team boolean) RETURNS jsonb
    LANGUAGE sql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $$
    SELECT jsonb_build_object(
        'id', r.id, 'kind', r.kind, 'referral', r.referral, 'door', r.door, 'status', r.status,
        'received_at', extract(epoch FROM r.received_at), 'warning_at', extract(epoch FROM r.warning_at),
        'deadline_at', extract(epoch FROM r.deadline_at), 'first_contact_at', extract(epoch FROM r.first_contact_at),
        'closed_at', extract(epoch FROM r.closed_at), 'close_outcome', r.close_outcome,
        'team_id', r.team_id, 'team_name', t.name,
        'channel', r.channel, 'contact', support.unseal(r.contact_enc, p_key),
        'safe_weekdays', to_jsonb(r.safe_weekdays), 'safe_from', to_char(r.safe_from, 'HH24:MI'),
        'safe_until', to_char(r.safe_until, 'HH24:MI'),
        'voice_message_ok', r.voice_message_ok, 'written_message_ok', r.written_message_ok,
        'language', r.language, 'interpreter_language', r.interpreter_language,
        'name', support.unseal(r.name_enc, p_key), 'message', support.unseal(r.message_enc, p_key),
        'messages', coalesce((
            SELECT jsonb_agg(jsonb_build_object(
                'id', m.id, 'author', m.author, 'author_name', CASE WHEN p_for_team THEN a.display_name END,
                'created_at', extract(epoch FROM m.created_at), 'read_at', extract(epoch FROM m.read_at),
                'body', support.unseal(m.body_enc, p_key)) ORDER BY m.created_at, m.id)
            FROM support.message m LEFT JOIN auth.account a ON a.id = m.author_account_id
            WHERE m.request_id = r.id), '[]'::jsonb),
        'notes', coalesce((
            SELECT jsonb_agg(jsonb_build_object(
                'id', n.id, 'author_name', a.display_name, 'created_at', extract(epoch FROM n.created_at),
                'body', support.unseal(n.body_enc, p_key)) ORDER BY n.created_at, n.id)
            FROM support.note n LEFT JOIN auth.account a ON a.id = n.author_account_id
            WHERE n.request_id = r.id AND p_for_team), '[]'::jsonb),
        'attempts', coalesce((
            SELECT jsonb_agg(jsonb_build_object(
                'id', c.id, 'result', c.result, 'author_name', a.display_name,
                'attempted_at', extract(epoch FROM c.attempted_at)) ORDER BY c.attempted_at, c.id)
            FROM support.contact_attempt c LEFT JOIN auth.account a ON a.id = c.by_account_id
            WHERE c.request_id = r.id AND p_for_team), '[]'::jsonb),
        'events', coalesce((
            SELECT jsonb_agg(jsonb_build_object(
                'action', e.action, 'author_name', a.display_name, 'at', extract(epoch FROM e.at)) ORDER BY e.at, e.id)
            FROM support.case_event e LEFT JOIN auth.account a ON a.id = e.by_account_id
            WHERE e.request_id = r.id AND p_for_team), '[]'::jsonb))
    FROM support.request r JOIN support.team t ON t.id = r.team_id
    WHERE r.id = p_request
$$;

-- The person (either door) writes in the dialogue. Writing to a closed request opens it again: the
-- person wants contact now, and the team must see it among the open requests.
CREATE FUNCTION support.person_writes(p_request support.request, p_body text, p_key text) RETURNS uuid
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    v_body text := support.checked_text(p_body);
    v_id uuid;
BEGIN
    IF p_request.status = 'closed' THEN
        UPDATE support.request x SET status = CASE WHEN x.first_contact_at IS NULL THEN 'new' ELSE 'contacted' END,
                                     closed_at = NULL, close_outcome = NULL
        WHERE x.id = p_request.id;
        PERFORM support.log_event(p_request, 'reopened', NULL);
    END IF;
    INSERT INTO support.message (request_id, organisation_id, author, body_enc)
    VALUES (p_request.id, p_request.organisation_id, 'employee', support.seal(v_body, p_key))
    RETURNING id INTO v_id;
    PERFORM support.log_event(p_request, 'employee_replied', NULL);
    UPDATE support.request x SET last_activity_at = now() WHERE x.id = p_request.id;
    PERFORM support.audit_person('support.person_wrote', p_request.id, p_request.organisation_id,
                                 jsonb_build_object('door', p_request.door));
    -- Ids only; the Notifier tells the team "something new" without content.
    PERFORM notify.enqueue('support.new_message_for_team', jsonb_build_object('request_id', p_request.id), NULL,
                           'support.new_message_for_team:' || v_id::text);
    RETURN v_id;
END
$$;

-- The person deletes their own request: everything goes (dialogue, notes, attempts, case log,
-- receipt sessions, by cascade), as do notifications about it still waiting in the queue — a
-- "new message" notice after deletion could put the person at risk. The audit entry keeps only
-- that it happened.
CREATE FUNCTION support.person_deletes(p_request support.request) RETURNS void
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    DELETE FROM notify.job j
    WHERE j.payload->>'request_id' = p_request.id::text AND j.kind LIKE 'support.%'
      AND j.state IN ('available', 'scheduled', 'retryable');
    DELETE FROM support.request x WHERE x.id = p_request.id;
    PERFORM support.audit_person('support.request_deleted', p_request.id, p_request.organisation_id,
                                 jsonb_build_object('by', 'person', 'door', p_request.door, 'kind', p_request.kind));
END
$$;

-- ---------------------------------------------------------------------------------------------
-- The support team (wr_support)
-- ---------------------------------------------------------------------------------------------

-- The case page: everything about one request, unsealed, and the audit entry for reading it. NULL
-- when the request is not one of the caller's teams' (the page answers 404). Reading marks the
-- person's messages as read by the team.
CREATE FUNCTION support.read_case(p_request uuid, p_key text) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    r support.request;
    v_document jsonb;
BEGIN
    IF app.role() IS DISTINCT FROM 'support' THEN
        RAISE EXCEPTION 'only the support role' USING ERRCODE = '42501';
    END IF;
    SELECT * INTO r FROM support.request x
    WHERE x.id = p_request AND x.organisation_id = app.organisation_id() AND x.team_id = ANY (support.my_team_ids());
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    v_document := support.case_document(r.id, p_key, true);
    UPDATE support.message m SET read_at = now() WHERE m.request_id = r.id AND m.author = 'employee' AND m.read_at IS NULL;
    PERFORM audit.record('support.case_read', 'support_request', r.id, jsonb_build_object(
        'part', 'case', 'parts', jsonb_build_array('contact_wishes', 'message', 'dialogue', 'notes', 'contact_attempts', 'case_log')));
    RETURN v_document;
END
$$;

-- Logs a contact attempt; `reached` is the first contact if none came before.
CREATE FUNCTION support.log_contact_attempt(p_request uuid, p_result text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    r support.request := support.team_request(p_request);
BEGIN
    IF r.status = 'closed' THEN
        RAISE EXCEPTION 'the request is closed' USING ERRCODE = 'P0001', HINT = 'closed';
    END IF;
    INSERT INTO support.contact_attempt (request_id, organisation_id, result, by_account_id)
    VALUES (r.id, r.organisation_id, p_result, app.account_id());
    PERFORM support.log_event(r, 'contact_attempt', app.account_id());
    IF p_result = 'reached' THEN
        PERFORM support.mark_contacted(r);
    END IF;
    UPDATE support.request x SET last_activity_at = now() WHERE x.id = r.id;
    PERFORM audit.record('support.contact_attempt', 'support_request', r.id, jsonb_build_object('result', p_result));
END
$$;

-- The team replies in the dialogue; the person is told (on their channel, inside their safe hours:
-- the Notifier decides when) that there is something new.
CREATE FUNCTION support.reply(p_request uuid, p_body text, p_key text) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    r support.request := support.team_request(p_request);
    v_body text := support.checked_text(p_body);
    v_id uuid;
BEGIN
    IF r.status = 'closed' THEN
        RAISE EXCEPTION 'the request is closed' USING ERRCODE = 'P0001', HINT = 'closed';
    END IF;
    INSERT INTO support.message (request_id, organisation_id, author, author_account_id, body_enc)
    VALUES (r.id, r.organisation_id, 'support', app.account_id(), support.seal(v_body, p_key))
    RETURNING id INTO v_id;
    PERFORM support.log_event(r, 'replied', app.account_id());
    IF r.channel = 'dialogue' THEN
        PERFORM support.mark_contacted(r);
    END IF;
    UPDATE support.request x SET last_activity_at = now() WHERE x.id = r.id;
    PERFORM audit.record('support.replied', 'support_request', r.id, '{}');
    PERFORM notify.enqueue('support.new_reply_for_employee', jsonb_build_object('request_id', r.id), NULL,
                           'support.new_reply_for_employee:' || v_id::text);
    RETURN v_id;
END
$$;

-- An internal note (never shown to the person). Allowed on closed requests too.
CREATE FUNCTION support.add_note(p_request uuid, p_body text, p_key text) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    r support.request := support.team_request(p_request);
    v_body text := support.checked_text(p_body);
    v_id uuid;
BEGIN
    INSERT INTO support.note (request_id, organisation_id, author_account_id, body_enc)
    VALUES (r.id, r.organisation_id, app.account_id(), support.seal(v_body, p_key))
    RETURNING id INTO v_id;
    PERFORM support.log_event(r, 'note', app.account_id());
    UPDATE support.request x SET last_activity_at = now() WHERE x.id = r.id;
    PERFORM audit.record('support.note_added', 'support_request', r.id, '{}');
    RETURN v_id;
END
$$;

-- Closes with an outcome category (the table's CHECK names the allowed ones).
CREATE FUNCTION support.close_request(p_request uuid, p_outcome text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    r support.request := support.team_request(p_request);
BEGIN
    IF r.status = 'closed' THEN
        RAISE EXCEPTION 'the request is closed already' USING ERRCODE = 'P0001', HINT = 'closed';
    END IF;
    IF p_outcome IS NULL THEN
        RAISE EXCEPTION 'an outcome is needed' USING ERRCODE = '22023', HINT = 'outcome';
    END IF;
    UPDATE support.request x SET status = 'closed', closed_at = now(), close_outcome = p_outcome, last_activity_at = now()
    WHERE x.id = r.id;
    PERFORM support.log_event(r, 'closed', app.account_id());
    PERFORM audit.record('support.closed', 'support_request', r.id, jsonb_build_object('outcome', p_outcome));
END
$$;

-- Opens a closed request again. The deadline stands as it was; first contact, if any, too.
CREATE FUNCTION support.reopen_request(p_request uuid) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    r support.request := support.team_request(p_request);
BEGIN
    IF r.status <> 'closed' THEN
        RAISE EXCEPTION 'the request is open' USING ERRCODE = 'P0001', HINT = 'open';
    END IF;
    UPDATE support.request x SET status = CASE WHEN x.first_contact_at IS NULL THEN 'new' ELSE 'contacted' END,
                                 closed_at = NULL, close_outcome = NULL, last_activity_at = now()
    WHERE x.id = r.id;
    PERFORM support.log_event(r, 'reopened', app.account_id());
    PERFORM audit.record('support.reopened', 'support_request', r.id, '{}');
END
$$;

-- The teams of the caller's organisation a request can be moved to (names only).
CREATE FUNCTION support.organisation_teams() RETURNS TABLE (id uuid, name text, is_default boolean)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF app.role() IS DISTINCT FROM 'support' THEN
        RAISE EXCEPTION 'only the support role' USING ERRCODE = '42501';
    END IF;
    RETURN QUERY SELECT t.id, t.name, t.is_default FROM support.team t
                 WHERE t.organisation_id = app.organisation_id() ORDER BY t.is_default DESC, t.name;
END
$$;

-- Moves a request to another team of the same organisation; that team is told as for a new request.
-- The worker who moves it may lose sight of it (if not a member of the other team): that is the point.
CREATE FUNCTION support.move_request(p_request uuid, p_team uuid) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    r support.request := support.team_request(p_request);
BEGIN
    IF NOT EXISTS (SELECT 1 FROM support.team t WHERE t.id = p_team AND t.organisation_id = r.organisation_id) THEN
        RAISE EXCEPTION 'no such team' USING ERRCODE = '22023', HINT = 'team';
    END IF;
    IF p_team = r.team_id THEN
        RAISE EXCEPTION 'the request is with that team already' USING ERRCODE = '22023', HINT = 'same_team';
    END IF;
    UPDATE support.request x SET team_id = p_team, last_activity_at = now() WHERE x.id = r.id;
    PERFORM support.log_event(r, 'moved', app.account_id());
    PERFORM audit.record('support.moved', 'support_request', r.id, jsonb_build_object('from_team', r.team_id, 'to_team', p_team));
    PERFORM notify.enqueue('support.new_request', jsonb_build_object('request_id', r.id), NULL,
                           'support.new_request:' || r.id::text || ':' || p_team::text || ':' || extract(epoch FROM now())::text);
END
$$;

-- ---------------------------------------------------------------------------------------------
-- The identified person (wr_employee, logged in)
-- ---------------------------------------------------------------------------------------------

-- The person's own request with the dialogue (never the team's notes), and the audit entry. NULL
-- when it is not theirs. Reading marks the team's messages as read by the person.
CREATE FUNCTION support.read_own_request(p_request uuid, p_key text) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    v_id uuid;
    v_document jsonb;
BEGIN
    IF app.role() IS DISTINCT FROM 'employee' OR app.person_id() IS NULL THEN
        RAISE EXCEPTION 'only the employee themself' USING ERRCODE = '42501';
    END IF;
    SELECT x.id INTO v_id FROM support.request x
    WHERE x.id = p_request AND x.person_id = app.person_id() AND x.organisation_id = app.organisation_id();
    IF v_id IS NULL THEN
        RETURN NULL;
    END IF;
    v_document := support.case_document(v_id, p_key, false);
    UPDATE support.message m SET read_at = now() WHERE m.request_id = v_id AND m.author = 'support' AND m.read_at IS NULL;
    PERFORM audit.record('support.case_read', 'support_request', v_id, jsonb_build_object(
        'part', 'own_request', 'parts', jsonb_build_array('contact_wishes', 'message', 'dialogue')));
    RETURN v_document;
END
$$;

-- The person writes in the dialogue of their own request.
CREATE FUNCTION support.write_own_request(p_request uuid, p_body text, p_key text) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    RETURN support.person_writes(support.own_request(p_request), p_body, p_key);
END
$$;

-- The person deletes their own request.
CREATE FUNCTION support.delete_own_request(p_request uuid) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    PERFORM support.person_deletes(support.own_request(p_request));
END
$$;

-- ---------------------------------------------------------------------------------------------
-- The anonymous person (wr_anonymous, with the receipt)
-- ---------------------------------------------------------------------------------------------

-- Looks a receipt up and, when it matches a request of that organisation, opens a receipt session
-- for the token (raw here, hashed before storing). One bcrypt runs whatever the outcome, so the time
-- taken says nothing about which part was wrong. Expired sessions are swept here, so none linger.
-- Failed look-ups are counted in the audit log (no address, no code), to make guessing visible.
CREATE FUNCTION support.open_receipt_session(
    p_organisation uuid, p_receipt text, p_token bytea, p_lifetime interval, p_idle interval
) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    v_salt text;
    v_hash text;
    r support.request;
BEGIN
    IF p_token IS NULL OR length(p_token) <> 32 THEN
        RAISE EXCEPTION 'session token must be 32 bytes' USING ERRCODE = '22023';
    END IF;
    IF p_lifetime IS NULL OR p_idle IS NULL OR p_lifetime > interval '4 hours' OR p_idle > p_lifetime THEN
        RAISE EXCEPTION 'receipt sessions are short' USING ERRCODE = '22023';
    END IF;
    DELETE FROM support.receipt_session s WHERE s.expires_at <= now() OR s.idle_expires_at <= now();
    SELECT s.receipt_salt INTO v_salt FROM support.organisation_secret s WHERE s.organisation_id = p_organisation;
    v_hash := ext.crypt(coalesce(p_receipt, ''), coalesce(v_salt, '$2a$12$0123456789012345678901'));
    IF v_salt IS NOT NULL AND p_receipt ~ '^[0-9]{16}$' THEN
        SELECT * INTO r FROM support.request x
        WHERE x.receipt_hash = v_hash AND x.organisation_id = p_organisation AND x.door = 'anonymous';
    END IF;
    IF r.id IS NULL THEN
        INSERT INTO audit.event (organisation_id, actor_role, action, object_kind)
        VALUES (CASE WHEN v_salt IS NOT NULL THEN p_organisation END, 'anonymous', 'support.receipt_failed', 'support_request');
        RETURN false;
    END IF;
    INSERT INTO support.receipt_session (token_hash, request_id, idle_expires_at, expires_at)
    VALUES (sha256(p_token), r.id, now() + p_idle, now() + p_lifetime);
    -- Coming back with the receipt is activity: the request is still wanted.
    UPDATE support.request x SET last_activity_at = now() WHERE x.id = r.id;
    PERFORM support.audit_person('support.receipt_opened', r.id, r.organisation_id, '{}');
    RETURN true;
END
$$;

-- The request of a live receipt session, as the person sees it, and the audit entry. NULL when the
-- session is unknown or expired.
CREATE FUNCTION support.read_by_receipt(p_token bytea, p_idle interval, p_key text) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    r support.request := support.receipt_request(p_token, p_idle);
    v_document jsonb;
BEGIN
    IF r.id IS NULL THEN
        RETURN NULL;
    END IF;
    v_document := support.case_document(r.id, p_key, false);
    UPDATE support.message m SET read_at = now() WHERE m.request_id = r.id AND m.author = 'support' AND m.read_at IS NULL;
    PERFORM support.audit_person('support.case_read', r.id, r.organisation_id, jsonb_build_object(
        'part', 'receipt', 'parts', jsonb_build_array('contact_wishes', 'message', 'dialogue')));
    RETURN v_document;
END
$$;

-- The person writes in the dialogue through a live receipt session.
CREATE FUNCTION support.write_by_receipt(p_token bytea, p_idle interval, p_body text, p_key text) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    r support.request := support.receipt_request(p_token, p_idle);
BEGIN
    IF r.id IS NULL THEN
        RAISE EXCEPTION 'no receipt session' USING ERRCODE = 'P0002';
    END IF;
    RETURN support.person_writes(r, p_body, p_key);
END
$$;

-- The person deletes their request through a live receipt session.
CREATE FUNCTION support.delete_by_receipt(p_token bytea, p_idle interval) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    r support.request := support.receipt_request(p_token, p_idle);
BEGIN
    IF r.id IS NULL THEN
        RAISE EXCEPTION 'no receipt session' USING ERRCODE = 'P0002';
    END IF;
    PERFORM support.person_deletes(r);
END
$$;

-- Ends a receipt session (the person locks the page, or leaves through the quick exit).
CREATE FUNCTION support.close_receipt_session(p_token bytea) RETURNS void
    LANGUAGE sql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
    DELETE FROM support.receipt_session s WHERE s.token_hash = sha256(p_token);
$$;
