-- Training records (MISSION.md, "Around the routine"): managers are trained first (a full day), then
-- all staff (a half day and a web course); new hires get an introduction course. The director sees
-- training coverage beside question coverage, so the records are imported from HR like the
-- organisation: HR id, course, date. A record says only that a person completed a course on a day.

CREATE TABLE org.training_record (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organisation_id uuid NOT NULL REFERENCES org.organisation (id) ON DELETE CASCADE,
    person_id uuid NOT NULL,
    course text NOT NULL CHECK (course IN ('manager_full_day', 'staff_half_day', 'web_course', 'new_hire_intro')),
    completed_on date NOT NULL,
    imported_at timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (person_id, organisation_id) REFERENCES org.person (id, organisation_id) ON DELETE CASCADE,
    UNIQUE (person_id, course, completed_on)
);
CREATE INDEX training_record_organisation ON org.training_record (organisation_id, course, person_id);
COMMENT ON TABLE org.training_record IS 'That a person completed a course (utbildning) on a day, imported from HR. Nothing else.';

-- A calendar day written YYYY-MM-DD, or NULL for anything else (never an error: a bad line of an
-- import is reported by its line number, not by failing the whole import).
CREATE FUNCTION org.parse_day(p_text text) RETURNS date
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
    SELECT CASE WHEN x ~ '^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$'
                 AND substr(x, 9, 2)::integer <= extract(day FROM make_date(substr(x, 1, 4)::integer, substr(x, 6, 2)::integer, 1)
                                                                  + interval '1 month - 1 day')
                THEN make_date(substr(x, 1, 4)::integer, substr(x, 6, 2)::integer, substr(x, 9, 2)::integer) END
    FROM (SELECT btrim(p_text) AS x) t
$$;

-- Imports training records for the acting administrator's organisation. The caller parses the CSV
-- (HR id, course, date) and passes its columns as arrays, one element per data line; dates travel
-- as text so that a malformed one is reported with its line instead of failing the whole call.
-- Returns counts and, per rejected line, a reason code (never the value itself). With p_dry_run
-- nothing is written. Duplicates (same person, course and date) are counted, not errors.
CREATE FUNCTION org.import_training(p_hr_ids text[], p_courses text[], p_dates text[], p_dry_run boolean)
    RETURNS TABLE (total integer, added integer, duplicates integer, rejected integer, errors jsonb)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    org uuid := app.organisation_id();
    n integer := coalesce(cardinality(p_hr_ids), 0);
BEGIN
    IF app.role() IS DISTINCT FROM 'admin' OR org IS NULL THEN
        RAISE EXCEPTION 'not allowed' USING ERRCODE = '42501';
    END IF;
    IF coalesce(cardinality(p_courses), 0) <> n OR coalesce(cardinality(p_dates), 0) <> n THEN
        RAISE EXCEPTION 'columns differ in length' USING ERRCODE = '22023';
    END IF;
    IF n > 2000000 THEN
        RAISE EXCEPTION 'too many rows' USING ERRCODE = '54000';
    END IF;

    CREATE TEMP TABLE IF NOT EXISTS pg_temp.training_import (
        line integer, person_id uuid, course text, completed_on date, reason text) ON COMMIT DROP;
    TRUNCATE pg_temp.training_import;
    INSERT INTO pg_temp.training_import (line, person_id, course, completed_on, reason)
    SELECT r.line, p.id, r.course, r.day,
           CASE WHEN p.id IS NULL THEN 'unknown_person'
                WHEN r.course NOT IN ('manager_full_day', 'staff_half_day', 'web_course', 'new_hire_intro') THEN 'unknown_course'
                WHEN r.day IS NULL THEN 'not_a_date'
                WHEN r.day > current_date THEN 'date_in_future'
                WHEN r.day < p.hire_date - 365 THEN 'date_before_employment'
           END
    FROM (
        SELECT t.ord::integer + 1 AS line,  -- line 1 is the header
               btrim(t.hr_id) AS hr_id, lower(btrim(t.course)) AS course,
               org.parse_day(t.day) AS day
        FROM unnest(p_hr_ids, p_courses, p_dates) WITH ORDINALITY AS t (hr_id, course, day, ord)
    ) r
    LEFT JOIN org.person p ON p.organisation_id = org AND p.hr_id = r.hr_id;

    RETURN QUERY
    WITH good AS (
        SELECT DISTINCT i.person_id, i.course, i.completed_on FROM pg_temp.training_import i WHERE i.reason IS NULL
    ), inserted AS (
        INSERT INTO org.training_record (organisation_id, person_id, course, completed_on)
        SELECT org, g.person_id, g.course, g.completed_on FROM good g WHERE NOT p_dry_run
        ON CONFLICT (person_id, course, completed_on) DO NOTHING
        RETURNING 1
    ), fresh AS (
        SELECT count(*)::integer AS c FROM good g
        WHERE NOT EXISTS (SELECT 1 FROM org.training_record x
                          WHERE x.person_id = g.person_id AND x.course = g.course AND x.completed_on = g.completed_on)
    )
    SELECT n,
           CASE WHEN p_dry_run THEN (SELECT c FROM fresh) ELSE (SELECT count(*)::integer FROM inserted) END,
           (SELECT count(*)::integer FROM pg_temp.training_import i WHERE i.reason IS NULL)
             - CASE WHEN p_dry_run THEN (SELECT c FROM fresh) ELSE (SELECT count(*)::integer FROM inserted) END,
           (SELECT count(*)::integer FROM pg_temp.training_import i WHERE i.reason IS NOT NULL),
           coalesce((SELECT jsonb_agg(jsonb_build_object('line', i.line, 'reason', i.reason) ORDER BY i.line)
                     FROM (SELECT * FROM pg_temp.training_import WHERE reason IS NOT NULL ORDER BY line LIMIT 1000) i), '[]');

    IF NOT p_dry_run THEN
        PERFORM audit.record('training.imported', 'organisation', org, jsonb_build_object('rows', n));
    END IF;
END
$$;
