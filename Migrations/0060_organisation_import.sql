-- The HR import (MISSION.md: "the organisation data imported from HR flows in, nothing flows back").
--
-- The service parses and validates the file (format, references inside the file and to the
-- organisation, cycles in the manager chain and the unit tree) and then calls org.import_people()
-- once, with every row as arrays. The function applies everything in the caller's transaction with
-- set-based statements (unnest, not a round trip per row), or — for a dry run or a rejected file —
-- applies nothing and only records the run. Administrators hold no write privilege on org.person or
-- org.unit: this function is the only way in.

ALTER TABLE org.import_run
    -- How many problems the file had in all; `errors` keeps the first ones (a file of 100,000 bad rows
    -- must not become a 10 MB report).
    ADD COLUMN error_count integer NOT NULL DEFAULT 0 CHECK (error_count >= 0),
    -- A full import makes people (and units) absent from the file inactive; a partial one does not.
    ADD COLUMN full_import boolean NOT NULL DEFAULT true;

-- Arguments, one element per row of the file (people) or per distinct unit of the file (units):
--   p_unit_codes/p_unit_names/p_unit_parents   units named in the file and their parent's code (NULL: top)
--   p_hr_ids … p_protected                      people; p_person_units is the unit code of each person,
--                                              p_managers the manager's HR id (NULL: none)
--   p_errors   the validation report ([{line, field, reason}], codes only); non-empty: nothing is applied
-- Returns the run's id, its status and what changed (or would change, for a dry run).
CREATE FUNCTION org.import_people(
    p_source text, p_dry_run boolean, p_full boolean, p_total_rows integer,
    p_errors jsonb, p_error_count integer,
    p_unit_codes text[], p_unit_names text[], p_unit_parents text[],
    p_hr_ids text[], p_names text[], p_emails text[], p_person_units text[], p_managers text[],
    p_hire_dates date[], p_end_dates date[], p_protected boolean[]
) RETURNS TABLE (run_id uuid, status text, added integer, updated integer, deactivated integer, reactivated integer)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    -- Bulk statements over arrays of up to 500,000 rows: a nested loop chosen on stale statistics
    -- (a table just filled by the previous import) would turn them quadratic; hash joins do not.
    SET enable_nestloop = off
    AS $$
DECLARE
    v_org uuid := app.organisation_id();
    v_run uuid;
    v_status text;
    v_added integer := 0;
    v_updated integer := 0;
    v_deactivated integer := 0;
    v_reactivated integer := 0;
BEGIN
    IF v_org IS NULL OR app.role() IS DISTINCT FROM 'admin' THEN
        RAISE EXCEPTION 'only an administrator of an organisation may import' USING ERRCODE = '42501';
    END IF;
    IF p_source NOT IN ('csv', 'json') THEN
        RAISE EXCEPTION 'unknown source' USING ERRCODE = '22023';
    END IF;
    -- One import at a time per organisation: a second one waits, then sees the first one's result.
    PERFORM pg_advisory_xact_lock(hashtext('org.import_people'), hashtext(v_org::text));

    IF coalesce(jsonb_array_length(p_errors), 0) > 0 OR p_error_count > 0 THEN
        v_status := 'rejected';
    ELSE
        IF p_dry_run THEN
            v_status := 'previewed';
            -- What would change, compared field by field with the people as they are now.
            WITH f AS (
                SELECT * FROM unnest(p_hr_ids, p_names, p_emails, p_person_units, p_managers, p_hire_dates, p_end_dates, p_protected)
                    AS f(hr_id, name, work_email, unit_code, manager_hr_id, hire_date, end_date, protected_identity)
            ), cur AS (
                SELECT p.hr_id, p.name, p.work_email, u.code AS unit_code, m.hr_id AS manager_hr_id, p.hire_date, p.end_date,
                       p.protected_identity, p.active
                FROM org.person p
                JOIN org.unit u ON u.id = p.unit_id
                LEFT JOIN org.person m ON m.id = p.manager_id
                WHERE p.organisation_id = v_org
            )
            SELECT count(*) FILTER (WHERE cur.hr_id IS NULL),
                   count(*) FILTER (WHERE cur.active AND (f.name, f.work_email, f.unit_code, f.manager_hr_id, f.hire_date, f.end_date, f.protected_identity)
                                          IS DISTINCT FROM (cur.name, cur.work_email, cur.unit_code, cur.manager_hr_id, cur.hire_date, cur.end_date, cur.protected_identity)),
                   count(*) FILTER (WHERE cur.hr_id IS NOT NULL AND NOT cur.active)
            INTO v_added, v_updated, v_reactivated
            FROM f LEFT JOIN cur ON cur.hr_id = f.hr_id;
            IF p_full THEN
                SELECT count(*) INTO v_deactivated
                FROM org.person p
                WHERE p.organisation_id = v_org AND p.active
                  AND NOT EXISTS (SELECT 1 FROM unnest(p_hr_ids) h(hr_id) WHERE h.hr_id = p.hr_id);
            END IF;
        ELSE
            v_status := 'applied';
            -- The same counts, from what the statements actually changed.
            SELECT a.added, a.updated, a.reactivated, a.deactivated INTO v_added, v_updated, v_reactivated, v_deactivated
            FROM org.apply_import(v_org, p_full, p_unit_codes, p_unit_names, p_unit_parents,
                                  p_hr_ids, p_names, p_emails, p_person_units, p_managers,
                                  p_hire_dates, p_end_dates, p_protected) a;
        END IF;
    END IF;

    INSERT INTO org.import_run (organisation_id, started_by, finished_at, source, dry_run, status, total_rows, processed_rows,
                                added, updated, deactivated, reactivated, errors, error_count, full_import)
    VALUES (v_org, app.account_id(), clock_timestamp(), p_source, p_dry_run, v_status, p_total_rows,
            CASE WHEN v_status = 'rejected' THEN 0 ELSE p_total_rows END,
            v_added, v_updated, v_deactivated, v_reactivated, coalesce(p_errors, '[]'),
            greatest(p_error_count, coalesce(jsonb_array_length(p_errors), 0)), p_full)
    RETURNING id INTO v_run;

    PERFORM audit.record('org.import_' || v_status, 'import_run', v_run,
                         jsonb_build_object('rows', p_total_rows, 'added', v_added, 'updated', v_updated,
                                            'deactivated', v_deactivated, 'reactivated', v_reactivated));
    RETURN QUERY SELECT v_run, v_status, v_added, v_updated, v_deactivated, v_reactivated;
END
$$;

-- The writes of an import (never granted: only org.import_people calls it, after its checks).
CREATE FUNCTION org.apply_import(
    v_org uuid, p_full boolean,
    p_unit_codes text[], p_unit_names text[], p_unit_parents text[],
    p_hr_ids text[], p_names text[], p_emails text[], p_person_units text[], p_managers text[],
    p_hire_dates date[], p_end_dates date[], p_protected boolean[],
    OUT added integer, OUT updated integer, OUT reactivated integer, OUT deactivated integer
)
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    -- Units: names first, then parents (a parent may be new in the same file).
    INSERT INTO org.unit AS u (organisation_id, code, name)
    SELECT v_org, x.code, x.name FROM unnest(p_unit_codes, p_unit_names) AS x(code, name)
    ON CONFLICT (organisation_id, code) DO UPDATE
        SET name = EXCLUDED.name, updated_at = now()
        WHERE u.name IS DISTINCT FROM EXCLUDED.name;

    UPDATE org.unit u SET parent_id = x.parent_id, updated_at = now()
    FROM (SELECT c.code, pu.id AS parent_id
          FROM unnest(p_unit_codes, p_unit_parents) AS c(code, parent_code)
          LEFT JOIN org.unit pu ON pu.organisation_id = v_org AND pu.code = c.parent_code) x
    WHERE u.organisation_id = v_org AND u.code = x.code AND u.parent_id IS DISTINCT FROM x.parent_id;

    -- Units named in the file and every unit above them are active; in a full import the rest are not.
    WITH RECURSIVE keep AS (
        SELECT u.id, u.parent_id FROM org.unit u JOIN unnest(p_unit_codes) c(code) ON u.code = c.code
        WHERE u.organisation_id = v_org
        UNION
        SELECT p.id, p.parent_id FROM org.unit p JOIN keep k ON p.id = k.parent_id
    )
    UPDATE org.unit u
    SET active = EXISTS (SELECT 1 FROM keep WHERE keep.id = u.id), updated_at = now()
    WHERE u.organisation_id = v_org
      AND u.active IS DISTINCT FROM EXISTS (SELECT 1 FROM keep WHERE keep.id = u.id)
      AND (p_full OR NOT u.active);

    -- People, keyed on the HR id, in one statement: ids of new people are drawn first, so a
    -- manager new in this file is linked at once (the manager key is checked at commit), no row is
    -- written twice, and unchanged rows are not touched at all (no new row version, no lock).
    WITH f AS MATERIALIZED (
        SELECT f.*, p.id AS existing_id, p.active AS was_active, coalesce(p.id, gen_random_uuid()) AS id
        FROM unnest(p_hr_ids, p_names, p_emails, p_person_units, p_managers, p_hire_dates, p_end_dates, p_protected)
            AS f(hr_id, name, work_email, unit_code, manager_hr_id, hire_date, end_date, protected_identity)
        LEFT JOIN org.person p ON p.organisation_id = v_org AND p.hr_id = f.hr_id
    ), resolved AS MATERIALIZED (
        SELECT f.*, u.id AS unit_id, coalesce(mf.id, mp.id) AS manager_id
        FROM f
        JOIN org.unit u ON u.organisation_id = v_org AND u.code = f.unit_code
        LEFT JOIN f mf ON mf.hr_id = f.manager_hr_id
        LEFT JOIN org.person mp ON mp.organisation_id = v_org AND mp.hr_id = f.manager_hr_id
    ), changed AS (
        UPDATE org.person p
        SET name = r.name, work_email = r.work_email, unit_id = r.unit_id, manager_id = r.manager_id,
            hire_date = r.hire_date, end_date = r.end_date, protected_identity = r.protected_identity,
            active = true, deactivated_at = NULL, updated_at = now()
        FROM resolved r
        WHERE r.existing_id IS NOT NULL AND p.id = r.existing_id
          AND (p.name, p.work_email, p.unit_id, p.manager_id, p.hire_date, p.end_date, p.protected_identity, p.active)
              IS DISTINCT FROM (r.name, r.work_email, r.unit_id, r.manager_id, r.hire_date, r.end_date, r.protected_identity, true)
        RETURNING r.was_active
    ), inserted AS (
        INSERT INTO org.person (id, organisation_id, hr_id, name, work_email, unit_id, manager_id, hire_date, end_date, protected_identity)
        SELECT r.id, v_org, r.hr_id, r.name, r.work_email, r.unit_id, r.manager_id, r.hire_date, r.end_date, r.protected_identity
        FROM resolved r
        WHERE r.existing_id IS NULL
        RETURNING 1
    )
    SELECT (SELECT count(*) FROM inserted), (SELECT count(*) FROM changed WHERE was_active),
           (SELECT count(*) FROM changed WHERE NOT was_active)
    INTO added, updated, reactivated;

    deactivated := 0;
    IF p_full THEN
        UPDATE org.person p SET active = false, deactivated_at = now(), updated_at = now()
        WHERE p.organisation_id = v_org AND p.active
          AND NOT EXISTS (SELECT 1 FROM unnest(p_hr_ids) h(hr_id) WHERE h.hr_id = p.hr_id);
        GET DIAGNOSTICS deactivated = ROW_COUNT;
    END IF;

    -- The manager and parent-unit keys are deferred; check them now, inside the caller's savepoint,
    -- so a refusal is reported as this import's failure and not as a failed commit later.
    SET CONSTRAINTS ALL IMMEDIATE;

    -- The pages that follow (and the next import) plan with statistics that know the new rows.
    IF added + updated + reactivated + deactivated >= 1000 THEN
        ANALYZE org.person;
        ANALYZE org.unit;
    END IF;
END
$$;
