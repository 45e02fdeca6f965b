-- Creating a support request: one definer function for both doors and for consented outcomes of a
-- talk, so sealing, routing, the case log, the audit log and the team's notification always happen
-- together in the caller's transaction.

-- What the service needs to compute the contact deadline for an organisation: its closing days.
-- (Anyone may know when an organisation is closed.)
CREATE FUNCTION support.intake_calendar(p_organisation uuid)
    RETURNS TABLE (closing_days text[], extra_closed_dates date[])
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
    SELECT o.closing_days, o.extra_closed_dates FROM org.organisation o WHERE o.id = p_organisation
$$;

-- Creates a request and returns its id.
--   Identified door: the organisation and person come from the session (app.*); p_organisation is
--   ignored. Anonymous door: p_organisation is the organisation chosen on the public page and
--   p_receipt the 16-digit receipt shown once to the person; only its bcrypt (with the
--   organisation's salt, so it can be looked up) is stored.
--   p_proposal: a consented outcome of a talk being confirmed by the employee; the request is then
--   of kind talk_referral and the proposal is marked confirmed in the same transaction.
CREATE FUNCTION support.create_request(
    p_organisation uuid, p_kind text, p_door text, p_receipt text, p_proposal uuid,
    p_warning_at timestamptz, p_deadline_at timestamptz,
    p_channel text, p_contact text, p_safe_weekdays smallint[], p_safe_from time, p_safe_until time,
    p_voice_message_ok boolean, p_written_message_ok boolean, p_language text, p_interpreter_language text,
    p_name text, p_message text, p_key text
) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    v_organisation uuid;
    v_person uuid;
    v_team uuid;
    v_receipt_hash text;
    v_kind text := p_kind;
    v_referral text;
    v_id uuid;
    v_salt text;
BEGIN
    IF p_door = 'identified' THEN
        v_organisation := app.organisation_id();
        v_person := app.person_id();
        IF v_organisation IS NULL OR v_person IS NULL OR app.role() IS DISTINCT FROM 'employee' THEN
            RAISE EXCEPTION 'an identified request needs a logged-in employee' USING ERRCODE = '42501';
        END IF;
    ELSIF p_door = 'anonymous' THEN
        IF p_proposal IS NOT NULL THEN
            RAISE EXCEPTION 'a consented outcome is never anonymous' USING ERRCODE = '22023';
        END IF;
        IF p_receipt IS NULL OR p_receipt !~ '^[0-9]{16}$' THEN
            RAISE EXCEPTION 'receipt must be 16 digits' USING ERRCODE = '22023';
        END IF;
        v_organisation := p_organisation;
        SELECT s.receipt_salt INTO v_salt FROM support.organisation_secret s WHERE s.organisation_id = v_organisation;
        IF v_salt IS NULL THEN
            RAISE EXCEPTION 'unknown organisation' USING ERRCODE = '22023';
        END IF;
        v_receipt_hash := ext.crypt(p_receipt, v_salt);
    ELSE
        RAISE EXCEPTION 'unknown door' USING ERRCODE = '22023';
    END IF;

    IF p_proposal IS NOT NULL THEN
        SELECT op.kind INTO v_referral FROM support.outcome_proposal op
        WHERE op.id = p_proposal AND op.person_id = v_person AND op.organisation_id = v_organisation
          AND op.confirmed_at IS NULL AND op.expires_at > now()
        FOR UPDATE;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'no such pending proposal' USING ERRCODE = 'P0002';
        END IF;
        v_kind := 'talk_referral';
    END IF;

    SELECT t.id INTO v_team FROM support.team t WHERE t.organisation_id = v_organisation AND t.is_default;
    IF v_team IS NULL THEN
        RAISE EXCEPTION 'the organisation has no default support team' USING ERRCODE = 'P0001', HINT = 'no_team';
    END IF;

    INSERT INTO support.request (
        organisation_id, team_id, kind, referral, door, person_id, receipt_hash, warning_at, deadline_at,
        channel, contact_enc, safe_weekdays, safe_from, safe_until, voice_message_ok, written_message_ok,
        language, interpreter_language, name_enc, message_enc)
    VALUES (
        v_organisation, v_team, v_kind, v_referral, p_door, v_person, v_receipt_hash, p_warning_at, p_deadline_at,
        p_channel, CASE WHEN p_channel = 'dialogue' THEN NULL ELSE support.seal(p_contact, p_key) END,
        p_safe_weekdays, p_safe_from, p_safe_until, p_voice_message_ok, p_written_message_ok,
        p_language, p_interpreter_language, support.seal(nullif(p_name, ''), p_key), support.seal(nullif(p_message, ''), p_key))
    RETURNING id INTO v_id;

    IF p_proposal IS NOT NULL THEN
        UPDATE support.outcome_proposal SET confirmed_at = now(), request_id = v_id WHERE id = p_proposal;
    END IF;

    INSERT INTO support.case_event (request_id, organisation_id, action, by_account_id)
    VALUES (v_id, v_organisation, 'created', NULL);
    PERFORM audit.record('support.request_created', 'support_request', v_id,
                         jsonb_build_object('door', p_door, 'kind', v_kind));
    -- Ids only: the Notifier resolves the team's addresses itself and says only "something new".
    PERFORM notify.enqueue('support.new_request', jsonb_build_object('request_id', v_id), NULL,
                           'support.new_request:' || v_id::text);
    RETURN v_id;
END
$$;
