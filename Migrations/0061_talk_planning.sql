-- Planning and following the talks of a team (the manager's routine, MISSION.md promise 1).

-- At most one planned, not yet held talk per person and cycle: "plan" moves it rather than adding a
-- second one, even when two requests race.
CREATE UNIQUE INDEX talk_one_open_per_cycle ON routine.talk (person_id, cycle_id) WHERE held_on IS NULL;

-- The organisation's cycle that covers today (Europe/Stockholm). When none does, the calendar year
-- (clipped so that it does not overlap cycles an administrator has set up) is created: by default a
-- cycle is the calendar year and nobody has to remember to open it.
CREATE FUNCTION routine.current_cycle() RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    v_org uuid := app.organisation_id();
    v_today date := (now() AT TIME ZONE 'Europe/Stockholm')::date;
    v_id uuid;
    v_start date;
    v_end date;
BEGIN
    IF v_org IS NULL THEN
        RAISE EXCEPTION 'no organisation' USING ERRCODE = '42501';
    END IF;
    SELECT c.id INTO v_id FROM routine.cycle c
    WHERE c.organisation_id = v_org AND v_today BETWEEN c.starts_on AND c.ends_on
    ORDER BY c.starts_on DESC LIMIT 1;
    IF v_id IS NOT NULL THEN RETURN v_id; END IF;
    SELECT greatest(make_date(extract(year FROM v_today)::int, 1, 1),
                    (SELECT max(c.ends_on) + 1 FROM routine.cycle c WHERE c.organisation_id = v_org AND c.ends_on < v_today)),
           least(make_date(extract(year FROM v_today)::int, 12, 31),
                 (SELECT min(c.starts_on) - 1 FROM routine.cycle c WHERE c.organisation_id = v_org AND c.starts_on > v_today))
    INTO v_start, v_end;
    IF v_end <= v_start THEN v_end := v_start + 1; END IF;
    INSERT INTO routine.cycle (organisation_id, name, starts_on, ends_on)
    VALUES (v_org, extract(year FROM v_today)::int::text, v_start, v_end)
    ON CONFLICT (organisation_id, starts_on) DO NOTHING
    RETURNING id INTO v_id;
    IF v_id IS NULL THEN
        SELECT c.id INTO v_id FROM routine.cycle c WHERE c.organisation_id = v_org AND c.starts_on = v_start;
    ELSE
        PERFORM audit.record('cycle.opened', 'cycle', v_id, '{}');
    END IF;
    RETURN v_id;
END
$$;

-- The manager's team in a cycle: every active direct report with their due date and status.
-- SECURITY INVOKER on purpose: it runs as the manager, so row-level security decides which people
-- and talks exist — a crafted cycle or person id finds nothing.
--
-- status: asked         the question was recorded as asked in this cycle
--         not_due       not due in this cycle (not yet hired, left before it, new hire due in the next)
--         overdue       the due date has passed and the question was not recorded as asked
--         planned       a talk is planned
--         not_asked     a talk was held without the question (reason in not_asked_reason), none planned
--         not_planned   nothing yet
CREATE FUNCTION routine.team_overview(p_cycle uuid)
    RETURNS TABLE (person_id uuid, name text, protected_identity boolean, unit_name text, hire_date date, end_date date,
                   due_on date, status text, open_talk_id uuid, planned_at timestamptz,
                   held_talk_id uuid, held_on date, question_asked boolean, not_asked_reason text,
                   recorded_at timestamptz, locks_at timestamptz)
    LANGUAGE sql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $$
    SELECT p.id, p.name, p.protected_identity, u.name, p.hire_date, p.end_date,
           d.due,
           CASE WHEN h.question_asked THEN 'asked'
                WHEN d.due IS NULL THEN 'not_due'
                WHEN d.due < (now() AT TIME ZONE 'Europe/Stockholm')::date THEN 'overdue'
                WHEN o.id IS NOT NULL THEN 'planned'
                WHEN h.id IS NOT NULL THEN 'not_asked'
                ELSE 'not_planned' END,
           o.id, o.planned_at,
           h.id, h.held_on, h.question_asked, h.not_asked_reason::text, h.recorded_at,
           h.recorded_at + make_interval(days => org.correction_days)
    FROM routine.cycle c
    JOIN org.organisation org ON org.id = c.organisation_id
    JOIN org.person p ON p.organisation_id = c.organisation_id
    JOIN org.unit u ON u.id = p.unit_id
    CROSS JOIN LATERAL (SELECT routine.due_on(p.hire_date, p.end_date, c.starts_on, c.ends_on, org.new_hire_days) AS due) d
    LEFT JOIN LATERAL (
        SELECT t.id, t.planned_at FROM routine.talk t
        WHERE t.person_id = p.id AND t.cycle_id = c.id AND t.held_on IS NULL
    ) o ON true
    LEFT JOIN LATERAL (
        -- The talk that tells the most: one where the question was asked, else the latest held.
        SELECT t.id, t.held_on, t.question_asked, t.not_asked_reason, t.recorded_at FROM routine.talk t
        WHERE t.person_id = p.id AND t.cycle_id = c.id AND t.held_on IS NOT NULL
        ORDER BY t.question_asked DESC, t.held_on DESC, t.recorded_at DESC
        LIMIT 1
    ) h ON true
    WHERE c.id = p_cycle
      AND c.organisation_id = (SELECT app.organisation_id())
      AND p.manager_id = (SELECT app.person_id())
      AND p.active
    ORDER BY p.name, p.id
$$;

