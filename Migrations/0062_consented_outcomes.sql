-- Consented outcomes of a talk (MISSION.md promise 3). The manager proposes, with the employee
-- present; only the employee confirms (support.create_request, 0032), declines or withdraws, in their
-- own view. The manager's role has no privilege on schema support at all, so these functions are its
-- only way to write there, and they return nothing it could read back.
--
-- Audit entries name the person (object_kind 'person') and never the kind of outcome: the log
-- outlives the proposal and must not keep what the person was offered.

-- The manager proposes an outcome for one of their active direct reports. Proposing again while one
-- is pending renews it (a fresh expiry), so the manager cannot tell whether one was pending.
CREATE FUNCTION routine.propose_outcome(p_person uuid, p_kind text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    v_org uuid := app.organisation_id();
    v_days integer;
BEGIN
    IF v_org IS NULL OR app.person_id() IS NULL OR app.role() IS DISTINCT FROM 'manager' THEN
        RAISE EXCEPTION 'only a manager may propose an outcome' USING ERRCODE = '42501';
    END IF;
    IF p_kind IS NULL OR p_kind NOT IN ('support_contact', 'workplace_safety') THEN
        RAISE EXCEPTION 'unknown outcome' USING ERRCODE = '22023';
    END IF;
    PERFORM 1 FROM org.person p
    WHERE p.id = p_person AND p.organisation_id = v_org AND p.manager_id = app.person_id() AND p.active;
    IF NOT FOUND THEN
        -- The same answer for "not yours" and "does not exist": the handler turns it into 404.
        RAISE EXCEPTION 'no such person' USING ERRCODE = 'P0002';
    END IF;
    SELECT o.proposal_expiry_days INTO v_days FROM org.organisation o WHERE o.id = v_org;
    INSERT INTO support.outcome_proposal AS op (organisation_id, person_id, kind, expires_at)
    VALUES (v_org, p_person, p_kind, now() + make_interval(days => v_days))
    ON CONFLICT (person_id, kind) WHERE confirmed_at IS NULL
        DO UPDATE SET proposed_at = now(), expires_at = EXCLUDED.expires_at;
    PERFORM audit.record('outcome.proposed', 'person', p_person, '{}');
END
$$;

-- The employee declines a pending proposal: it is deleted. Returns false when there was none
-- (already gone, expired, someone else's).
CREATE FUNCTION routine.decline_outcome(p_proposal uuid) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    v_person uuid;
BEGIN
    IF app.person_id() IS NULL OR app.role() IS DISTINCT FROM 'employee' THEN
        RAISE EXCEPTION 'only the employee may decline' USING ERRCODE = '42501';
    END IF;
    DELETE FROM support.outcome_proposal op
    WHERE op.id = p_proposal AND op.person_id = app.person_id() AND op.organisation_id = app.organisation_id()
      AND op.confirmed_at IS NULL
    RETURNING op.person_id INTO v_person;
    IF v_person IS NULL THEN RETURN false; END IF;
    PERFORM audit.record('outcome.declined', 'person', v_person, '{}');
    RETURN true;
END
$$;

-- The employee withdraws consent to a confirmed outcome: the outcome and the support request it
-- created (with its dialogue, notes and case log) are deleted. Returns false when there was none.
CREATE FUNCTION routine.withdraw_outcome(p_proposal uuid) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    v_person uuid;
    v_request uuid;
BEGIN
    IF app.person_id() IS NULL OR app.role() IS DISTINCT FROM 'employee' THEN
        RAISE EXCEPTION 'only the employee may withdraw consent' USING ERRCODE = '42501';
    END IF;
    DELETE FROM support.outcome_proposal op
    WHERE op.id = p_proposal AND op.person_id = app.person_id() AND op.organisation_id = app.organisation_id()
      AND op.confirmed_at IS NOT NULL
    RETURNING op.person_id, op.request_id INTO v_person, v_request;
    IF v_person IS NULL THEN RETURN false; END IF;
    IF v_request IS NOT NULL THEN
        DELETE FROM support.request r WHERE r.id = v_request AND r.person_id = v_person;
        IF FOUND THEN
            PERFORM audit.record('support.request_deleted', 'support_request', v_request, '{"reason": "consent_withdrawn"}');
        END IF;
    END IF;
    PERFORM audit.record('outcome.withdrawn', 'person', v_person, '{}');
    RETURN true;
END
$$;

-- Deletes every unconfirmed proposal past its expiry (scheduled by the Notifier) and returns how
-- many. Each deletion is logged, without its kind, under the proposal's own organisation.
CREATE FUNCTION routine.expire_proposals() RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    n integer;
BEGIN
    WITH gone AS (
        DELETE FROM support.outcome_proposal op
        WHERE op.confirmed_at IS NULL AND op.expires_at <= now()
        RETURNING op.organisation_id, op.person_id
    )
    INSERT INTO audit.event (organisation_id, actor_account_id, actor_role, action, object_kind, object_id, detail)
    SELECT g.organisation_id, NULL, app.role(), 'outcome.expired', 'person', g.person_id, '{}' FROM gone g;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END
$$;
