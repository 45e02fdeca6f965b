-- The routine: cycles, planned talks, and the record that the question was asked — never the answer.
-- There is no free-text column anywhere in this schema, by design (MISSION.md, promise 2).

CREATE TABLE routine.cycle (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organisation_id uuid NOT NULL REFERENCES org.organisation (id) ON DELETE CASCADE,
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
    starts_on date NOT NULL,
    ends_on date NOT NULL,
    CHECK (ends_on > starts_on),
    UNIQUE (organisation_id, starts_on),
    UNIQUE (id, organisation_id)
);
COMMENT ON TABLE routine.cycle IS 'A period in which every employee is due the question once (normally a calendar year).';

-- The reasons a question may be recorded as not asked. A fixed list: there is no "other, specify".
CREATE DOMAIN routine.not_asked_reason AS text
    CHECK (VALUE IN ('no_private_setting', 'interpreter_present', 'employee_declined_talk', 'talk_cancelled', 'on_leave', 'other'));

CREATE TABLE routine.talk (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organisation_id uuid NOT NULL,
    cycle_id uuid NOT NULL,
    person_id uuid NOT NULL,
    -- The manager who planned or recorded it (history); visibility follows the *current* manager.
    manager_id uuid NOT NULL,
    planned_at timestamptz,
    held_on date,
    question_asked boolean,
    not_asked_reason routine.not_asked_reason,
    recorded_at timestamptz,        -- first recording; corrections allowed for correction_days after it
    recorded_by uuid,               -- account id
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (cycle_id, organisation_id) REFERENCES routine.cycle (id, organisation_id) ON DELETE CASCADE,
    FOREIGN KEY (person_id, organisation_id) REFERENCES org.person (id, organisation_id),
    FOREIGN KEY (manager_id, organisation_id) REFERENCES org.person (id, organisation_id),
    CHECK (planned_at IS NOT NULL OR held_on IS NOT NULL),
    CHECK ((held_on IS NULL) = (question_asked IS NULL)),
    CHECK ((held_on IS NULL) = (recorded_at IS NULL)),
    CHECK (question_asked IS DISTINCT FROM false OR not_asked_reason IS NOT NULL),
    CHECK (question_asked IS DISTINCT FROM true OR not_asked_reason IS NULL),
    CHECK (question_asked IS NOT NULL OR not_asked_reason IS NULL)
);
CREATE INDEX talk_person_cycle ON routine.talk (person_id, cycle_id);
CREATE INDEX talk_cycle_organisation ON routine.talk (organisation_id, cycle_id);
CREATE INDEX talk_planned ON routine.talk (planned_at) WHERE held_on IS NULL;
COMMENT ON TABLE routine.talk IS 'A planned or held medarbetarsamtal and whether the question was asked. Never the answer.';

-- When a person is due the question in a cycle (MISSION.md, promise 1):
--   * a new hire (whose new-hire window ends inside or after the cycle start) within new_hire_days
--     of the hire date — if that falls after the cycle ends, they are due in the next cycle instead;
--   * everyone else by the end of the cycle.
-- Returns NULL when the person is not due in this cycle (not yet hired, left before it, or a new
-- hire whose window ends after it).
CREATE FUNCTION routine.due_on(p_hire date, p_end date, p_cycle_start date, p_cycle_end date, p_new_hire_days integer)
    RETURNS date
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
    SELECT CASE
        WHEN p_hire > p_cycle_end THEN NULL
        WHEN p_end IS NOT NULL AND p_end < p_cycle_start THEN NULL
        WHEN p_hire + p_new_hire_days >= p_cycle_start THEN
            CASE WHEN p_hire + p_new_hire_days <= p_cycle_end THEN p_hire + p_new_hire_days ELSE NULL END
        ELSE p_cycle_end
    END
$$;

-- The 14-day correction window, enforced in the database: after it, a recorded talk cannot be
-- changed or deleted by anyone but the owner. Every change is written to the audit log with the
-- names of the changed fields only.
CREATE FUNCTION routine.guard_talk() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    window_days integer;
    changed text[] := '{}';
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.recorded_at IS NOT NULL THEN
        SELECT o.correction_days INTO window_days FROM org.organisation o WHERE o.id = OLD.organisation_id;
        IF now() > OLD.recorded_at + make_interval(days => window_days) THEN
            RAISE EXCEPTION 'the record is locked' USING ERRCODE = 'P0001', HINT = 'record_locked';
        END IF;
    END IF;
    IF TG_OP = 'DELETE' THEN
        IF OLD.recorded_at IS NOT NULL THEN
            RAISE EXCEPTION 'a recorded talk cannot be deleted' USING ERRCODE = 'P0001', HINT = 'record_locked';
        END IF;
        PERFORM audit.record('talk.plan_removed', 'talk', OLD.id, '{}');
        RETURN OLD;
    END IF;
    IF TG_OP = 'UPDATE' THEN
        IF NEW.organisation_id <> OLD.organisation_id OR NEW.person_id <> OLD.person_id OR NEW.cycle_id <> OLD.cycle_id THEN
            RAISE EXCEPTION 'a talk cannot move to another person or cycle' USING ERRCODE = 'P0001';
        END IF;
        IF NEW.planned_at IS DISTINCT FROM OLD.planned_at THEN changed := changed || 'planned_at'::text; END IF;
        IF NEW.held_on IS DISTINCT FROM OLD.held_on THEN changed := changed || 'held_on'::text; END IF;
        IF NEW.question_asked IS DISTINCT FROM OLD.question_asked THEN changed := changed || 'question_asked'::text; END IF;
        IF NEW.not_asked_reason IS DISTINCT FROM OLD.not_asked_reason THEN changed := changed || 'not_asked_reason'::text; END IF;
        -- The first recording time never moves, so the window cannot be extended by re-recording.
        IF OLD.recorded_at IS NOT NULL THEN NEW.recorded_at := OLD.recorded_at; END IF;
        NEW.updated_at := now();
        PERFORM audit.record(
            CASE WHEN OLD.recorded_at IS NULL AND NEW.recorded_at IS NOT NULL THEN 'talk.recorded'
                 WHEN OLD.recorded_at IS NOT NULL THEN 'talk.corrected'
                 ELSE 'talk.replanned' END,
            'talk', NEW.id, jsonb_build_object('fields', to_jsonb(changed)));
        RETURN NEW;
    END IF;
    PERFORM audit.record(CASE WHEN NEW.recorded_at IS NULL THEN 'talk.planned' ELSE 'talk.recorded' END, 'talk', NEW.id, '{}');
    RETURN NEW;
END
$$;
CREATE TRIGGER talk_guard BEFORE INSERT OR UPDATE OR DELETE ON routine.talk
    FOR EACH ROW EXECUTE FUNCTION routine.guard_talk();
