-- What the Notifier needs from other features' tables to deliver notices and run the scheduled work.
--
-- The Notifier (wr_notifier) has no privilege on `support`, `routine`, `org` or `auth`, and must not
-- get one: each of these SECURITY DEFINER functions returns exactly what one job needs (an address,
-- a count, a number of rows deleted) and nothing else. They live in the `notify` schema because the
-- Notifier may not even use the `support` schema (PrivilegeMatrixTests). Every read of an
-- employee's private contact and every deletion is written to the audit log, without content.

-- Who on a request's support team gets the neutral notice, one row per recipient: `recipient` is a
-- stable key ('team:<id>' for the team's functional mailbox, 'account:<id>' for a member) that
-- the Notifier puts in the payload of one job per recipient, so a failing address never resends
-- to the others. The team's mailbox is used when it has one; otherwise every member's work
-- e-mail. With p_leads_only (deadline warnings), the team lead(s); if no lead has an address, the
-- mailbox, so a warning is never silently dropped.
CREATE FUNCTION notify.support_team_recipients(p_request_id uuid, p_leads_only boolean DEFAULT false)
    RETURNS TABLE (recipient text, address text, language text)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    v_team uuid;
    v_organisation uuid;
    v_mailbox text;
BEGIN
    SELECT r.team_id, r.organisation_id, t.notify_email INTO v_team, v_organisation, v_mailbox
    FROM support.request r JOIN support.team t ON t.id = r.team_id
    WHERE r.id = p_request_id;
    IF NOT FOUND THEN
        RETURN;
    END IF;
    IF NOT p_leads_only AND v_mailbox IS NOT NULL THEN
        RETURN QUERY SELECT 'team:' || v_team::text, v_mailbox, 'sv'::text;
        RETURN;
    END IF;
    RETURN QUERY
        SELECT 'account:' || a.id::text, p.work_email, a.language
        FROM support.team_member m
        JOIN auth.account a ON a.id = m.account_id
        JOIN org.person p ON p.id = a.person_id
        WHERE m.team_id = v_team AND a.organisation_id = v_organisation AND a.disabled_at IS NULL
          AND p.active AND p.work_email IS NOT NULL AND (m.is_lead OR NOT p_leads_only)
          AND EXISTS (SELECT 1 FROM auth.account_role ar WHERE ar.account_id = a.id AND ar.role = 'support')
        ORDER BY a.id;
    IF NOT FOUND AND p_leads_only AND v_mailbox IS NOT NULL THEN
        RETURN QUERY SELECT 'team:' || v_team::text, v_mailbox, 'sv'::text;
    END IF;
END
$$;

-- How and when the employee behind a request may be notified: the channel they chose, their safe
-- hours (Europe/Stockholm), their language, and their account for the in-service inbox (identified
-- door only). Metadata only: nothing is decrypted, so nothing is audited.
CREATE FUNCTION notify.support_employee_contact_plan(p_request_id uuid)
    RETURNS TABLE (channel text, door text, safe_weekdays smallint[], safe_from time, safe_until time,
                   language text, account_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
    SELECT r.channel, r.door, r.safe_weekdays, r.safe_from, r.safe_until, r.language,
           (SELECT a.id FROM auth.account a
            WHERE r.person_id IS NOT NULL AND a.person_id = r.person_id AND a.organisation_id = r.organisation_id
              AND a.disabled_at IS NULL)
    FROM support.request r
    WHERE r.id = p_request_id
$$;

-- The employee's own number or private address, decrypted with the content key the Notifier
-- passes in (the database never stores it), for the channels that need one (sms, email). Each read
-- is written to the audit log as 'support.contact_read_for_notification' with the channel only.
-- Called only inside the employee's safe hours, right before sending.
CREATE FUNCTION notify.support_employee_address(p_request_id uuid, p_key text)
    RETURNS TABLE (channel text, address text)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    v_organisation uuid;
    v_channel text;
    v_contact bytea;
BEGIN
    SELECT r.organisation_id, r.channel, r.contact_enc INTO v_organisation, v_channel, v_contact
    FROM support.request r WHERE r.id = p_request_id;
    IF NOT FOUND OR v_channel NOT IN ('sms', 'email') OR v_contact IS NULL THEN
        RETURN;
    END IF;
    INSERT INTO audit.event (organisation_id, actor_role, action, object_kind, object_id, detail)
    VALUES (v_organisation, 'notifier', 'support.contact_read_for_notification', 'support_request', p_request_id,
            jsonb_build_object('channel', v_channel));
    RETURN QUERY SELECT v_channel, support.unseal(v_contact, p_key);
END
$$;

-- Retention (MISSION.md promise 8): closed requests are deleted retention_closed_months after
-- closing; anonymous requests with no activity for retention_anonymous_days. Each deletion is
-- logged as 'support.request_deleted' with its reason code, never its content. At most p_limit per
-- call, so the daily job deletes a backlog in short transactions. Returns the number deleted.
CREATE FUNCTION notify.support_apply_retention(p_limit integer DEFAULT 1000) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    n integer;
BEGIN
    WITH doomed AS (
        SELECT r.id, r.organisation_id,
               CASE WHEN r.status = 'closed' AND r.closed_at < now() - make_interval(months => o.retention_closed_months)
                    THEN 'retention_closed' ELSE 'retention_anonymous_inactive' END AS reason
        FROM support.request r JOIN org.organisation o ON o.id = r.organisation_id
        WHERE (r.status = 'closed' AND r.closed_at < now() - make_interval(months => o.retention_closed_months))
           OR (r.door = 'anonymous' AND r.last_activity_at < now() - make_interval(days => o.retention_anonymous_days))
        ORDER BY r.id
        LIMIT p_limit
        FOR UPDATE OF r SKIP LOCKED
    ), deleted AS (
        DELETE FROM support.request x USING doomed d WHERE x.id = d.id
        RETURNING d.id, d.organisation_id, d.reason
    )
    INSERT INTO audit.event (organisation_id, actor_role, action, object_kind, object_id, detail)
    SELECT organisation_id, 'notifier', 'support.request_deleted', 'support_request', id, jsonb_build_object('reason', reason)
    FROM deleted;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END
$$;

-- Requests nobody has reached yet (status 'new') are watched against their deadline: past
-- warning_at (75 % of the 24 working hours) the team lead gets one notice, past deadline_at one
-- breach notice. The *_notified_at columns and the jobs' unique keys make each happen once; a
-- request found already past its deadline gets only the breach notice. Returns the jobs queued.
CREATE INDEX request_deadline_watch ON support.request (warning_at) WHERE status = 'new' AND breach_notified_at IS NULL;

CREATE FUNCTION notify.support_deadline_scan() RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    breaches integer;
    warnings integer;
BEGIN
    WITH due AS (
        UPDATE support.request r SET breach_notified_at = now(), warning_notified_at = coalesce(r.warning_notified_at, now())
        WHERE r.status = 'new' AND r.breach_notified_at IS NULL AND r.deadline_at <= now()
        RETURNING r.id, r.organisation_id
    )
    INSERT INTO notify.job (organisation_id, kind, payload, priority, unique_key)
    SELECT organisation_id, 'support.deadline_breach', jsonb_build_object('request_id', id), 1, 'support.deadline_breach:' || id
    FROM due
    ON CONFLICT (unique_key) WHERE unique_key IS NOT NULL DO NOTHING;
    GET DIAGNOSTICS breaches = ROW_COUNT;

    WITH due AS (
        UPDATE support.request r SET warning_notified_at = now()
        WHERE r.status = 'new' AND r.breach_notified_at IS NULL AND r.warning_notified_at IS NULL AND r.warning_at <= now()
        RETURNING r.id, r.organisation_id
    )
    INSERT INTO notify.job (organisation_id, kind, payload, priority, unique_key)
    SELECT organisation_id, 'support.deadline_warning', jsonb_build_object('request_id', id), 1, 'support.deadline_warning:' || id
    FROM due
    ON CONFLICT (unique_key) WHERE unique_key IS NOT NULL DO NOTHING;
    GET DIAGNOSTICS warnings = ROW_COUNT;

    IF breaches + warnings > 0 THEN
        PERFORM pg_notify('notify_job', '');
    END IF;
    RETURN breaches + warnings;
END
$$;

-- The daily manager digest: for each manager (an active person with a manager account and a work
-- e-mail) who has anything to be reminded of on p_day (a Stockholm date), counts only — never a
-- name, so a person with protected identity can never appear:
--   * talks planned within the 7 days from p_day,
--   * talks whose planned day has passed but that are not recorded,
--   * new hires due the question in the current cycle (hired within the new-hire window) without
--     any talk in it,
--   * when the cycle ends within 30 days: direct reports due in it without any talk, and the days left.
-- The manager's own display name is returned for the greeting, except for a manager with
-- protected identity. p_manager_id limits the result to one manager (the per-manager send job).
CREATE FUNCTION notify.manager_digest_counts(p_day date, p_manager_id uuid DEFAULT NULL)
    RETURNS TABLE (manager_id uuid, organisation_id uuid, address text, language text, display_name text,
                   talks_within_seven_days integer, talks_held_not_recorded integer, new_hires_due integer,
                   employees_not_yet_planned integer, days_until_cycle_ends integer)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
    WITH managers AS (
        SELECT m.id, m.organisation_id, m.work_email, a.language,
               CASE WHEN m.protected_identity THEN NULL ELSE a.display_name END AS display_name,
               o.new_hire_days
        FROM org.person m
        JOIN auth.account a ON a.person_id = m.id AND a.disabled_at IS NULL
        JOIN org.organisation o ON o.id = m.organisation_id
        WHERE m.active AND m.work_email IS NOT NULL
          AND (p_manager_id IS NULL OR m.id = p_manager_id)
          AND EXISTS (SELECT 1 FROM auth.account_role ar WHERE ar.account_id = a.id AND ar.role = 'manager')
          AND EXISTS (SELECT 1 FROM org.person r WHERE r.manager_id = m.id AND r.active)
    ), counted AS (
        SELECT mg.id, mg.organisation_id, mg.work_email, mg.language, mg.display_name,
               (SELECT count(*) FROM routine.talk t JOIN org.person p ON p.id = t.person_id
                WHERE p.manager_id = mg.id AND p.active AND t.held_on IS NULL
                  AND t.planned_at >= (p_day::timestamp AT TIME ZONE 'Europe/Stockholm')
                  AND t.planned_at < ((p_day + 7)::timestamp AT TIME ZONE 'Europe/Stockholm'))::integer AS soon,
               (SELECT count(*) FROM routine.talk t JOIN org.person p ON p.id = t.person_id
                WHERE p.manager_id = mg.id AND p.active AND t.held_on IS NULL
                  AND t.planned_at < (p_day::timestamp AT TIME ZONE 'Europe/Stockholm'))::integer AS unrecorded,
               CASE WHEN c.id IS NULL THEN 0 ELSE
                   (SELECT count(*) FROM org.person p
                    WHERE p.manager_id = mg.id AND p.active AND p.hire_date <= p_day
                      AND p.hire_date + mg.new_hire_days >= c.starts_on
                      AND routine.due_on(p.hire_date, p.end_date, c.starts_on, c.ends_on, mg.new_hire_days) IS NOT NULL
                      AND NOT EXISTS (SELECT 1 FROM routine.talk t WHERE t.person_id = p.id AND t.cycle_id = c.id))::integer
               END AS new_hires,
               CASE WHEN c.id IS NULL OR c.ends_on - p_day > 30 THEN 0 ELSE
                   (SELECT count(*) FROM org.person p
                    WHERE p.manager_id = mg.id AND p.active AND p.hire_date <= p_day
                      AND routine.due_on(p.hire_date, p.end_date, c.starts_on, c.ends_on, mg.new_hire_days) IS NOT NULL
                      AND NOT EXISTS (SELECT 1 FROM routine.talk t WHERE t.person_id = p.id AND t.cycle_id = c.id))::integer
               END AS unplanned,
               CASE WHEN c.id IS NOT NULL AND c.ends_on - p_day <= 30 THEN c.ends_on - p_day END AS days_left
        FROM managers mg
        LEFT JOIN LATERAL (
            SELECT cy.id, cy.starts_on, cy.ends_on FROM routine.cycle cy
            WHERE cy.organisation_id = mg.organisation_id AND p_day BETWEEN cy.starts_on AND cy.ends_on
            ORDER BY cy.starts_on DESC LIMIT 1
        ) c ON true
    )
    SELECT id, organisation_id, work_email, language, display_name, soon, unrecorded, new_hires, unplanned, days_left
    FROM counted
    WHERE soon > 0 OR unrecorded > 0 OR new_hires > 0 OR (unplanned > 0 AND days_left IS NOT NULL)
    ORDER BY id
$$;
