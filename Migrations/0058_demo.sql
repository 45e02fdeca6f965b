-- Synthetic data for demonstrations and benchmarks (`workplace-routine demo --employees N
-- --organisations M --cycles C`): organisations of realistic, very unequal sizes (a few large
-- municipalities, many small ones), unit trees of two to four levels with many small units, managers
-- of 5–40 reports, talks with realistic asked / not-asked distributions, new hires, training records
-- and support requests. Set-based (INSERT … SELECT over generate_series), so 1.2 million employees
-- take minutes, not hours.
--
-- Lives in its own schema that no service role may use; only the owner (the demo command, tests,
-- benchmarks) calls it. It never touches existing organisations.
CREATE SCHEMA demo;
COMMENT ON SCHEMA demo IS 'Synthetic data generator for demonstrations, tests and benchmarks. No service role has any privilege here.';

-- A standard normal deviate (PostgreSQL 15 has no random_normal()).
CREATE FUNCTION demo.normal() RETURNS double precision
    LANGUAGE sql VOLATILE
    AS $$ SELECT sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()) $$;

CREATE FUNCTION demo.generate(p_employees integer, p_organisations integer, p_cycles integer, p_seed integer DEFAULT 1,
                              p_prefix text DEFAULT 'demo')
    RETURNS TABLE (organisations integer, units integer, persons integer, talks integer, training_records integer, support_requests integer)
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    SET work_mem = '256MB'
    AS $$
DECLARE
    this_year integer := extract(year FROM current_date)::integer;
    weight_sum double precision;
BEGIN
    IF p_employees < 10 OR p_organisations < 1 OR p_cycles < 1 OR p_cycles > 20 OR p_employees < p_organisations * 10 THEN
        RAISE EXCEPTION 'demo.generate: need at least 10 employees per organisation and 1–20 cycles' USING ERRCODE = '22023';
    END IF;
    PERFORM setseed((p_seed % 1000000) / 1000000.0);

    -- Organisation sizes follow a Zipf-like law: the i-th largest gets a share ∝ 1/(i + 5).
    SELECT sum(1.0 / (i + 5)) INTO weight_sum FROM generate_series(1, p_organisations) i;
    CREATE TEMP TABLE g_org ON COMMIT DROP AS
    SELECT i AS org_no, gen_random_uuid() AS id,
           greatest(10, round(p_employees * (1.0 / (i + 5)) / weight_sum))::integer AS size
    FROM generate_series(1, p_organisations) i;
    INSERT INTO org.organisation (id, name, slug)
    SELECT id, 'Kommun ' || org_no, left(p_prefix || '-' || p_seed || '-' || org_no, 63) FROM g_org;

    -- Leaf units (enheter) of log-normal size, median 12: many small ones, some of 40 and more.
    CREATE TEMP TABLE g_leaf ON COMMIT DROP AS
    WITH raw AS (
        SELECT o.org_no, o.id AS organisation_id, o.size AS org_size, l AS leaf_no,
               greatest(2, round(exp(2.5 + 0.6 * demo.normal())))::integer AS size
        FROM g_org o CROSS JOIN LATERAL generate_series(1, (o.size / 8) + 3) l
    ), cum AS (
        SELECT r.*, sum(r.size) OVER (PARTITION BY r.org_no ORDER BY r.leaf_no) - r.size AS before FROM raw r
    )
    SELECT c.org_no, c.organisation_id, c.leaf_no, least(c.size, c.org_size - c.before) AS size, c.org_size
    FROM cum c WHERE c.before < c.org_size;

    -- Levels: förvaltning → (avdelning, in organisations over 2 000 employees) → enhet. Every code
    -- follows from the leaf's number, so each level is one set-based insert (no per-row lookups).
    ALTER TABLE g_leaf ADD COLUMN fno integer, ADD COLUMN grp integer;
    UPDATE g_leaf SET grp = (leaf_no - 1) / 6,
                      fno = CASE WHEN org_size > 2000 THEN ((leaf_no - 1) / 6) % greatest(3, least(14, org_size / 900 + 3)) + 1
                                 ELSE (leaf_no - 1) % greatest(3, least(14, org_size / 900 + 3)) + 1 END;
    CREATE TEMP TABLE g_unit (organisation_id uuid, id uuid, code text, name text, parent_code text, level integer, org_no integer,
                              leaf_no integer, size integer) ON COMMIT DROP;
    INSERT INTO g_unit
    SELECT o.id, gen_random_uuid(), 'F' || lpad(f::text, 2, '0'), 'Förvaltning ' || f, NULL, 1, o.org_no, NULL, 0
    FROM g_org o CROSS JOIN LATERAL generate_series(1, greatest(3, least(14, o.size / 900 + 3))) f;
    INSERT INTO g_unit
    SELECT DISTINCT ON (l.org_no, l.grp) l.organisation_id, gen_random_uuid(),
           'F' || lpad(l.fno::text, 2, '0') || '-A' || lpad(l.grp::text, 3, '0'), 'Avdelning ' || l.grp,
           'F' || lpad(l.fno::text, 2, '0'), 2, l.org_no, NULL, 0
    FROM g_leaf l WHERE l.org_size > 2000
    ORDER BY l.org_no, l.grp;
    INSERT INTO g_unit
    SELECT l.organisation_id, gen_random_uuid(),
           'F' || lpad(l.fno::text, 2, '0') || CASE WHEN l.org_size > 2000 THEN '-A' || lpad(l.grp::text, 3, '0') ELSE '' END
               || '-E' || lpad(l.leaf_no::text, 4, '0'),
           'Enhet ' || l.leaf_no,
           'F' || lpad(l.fno::text, 2, '0') || CASE WHEN l.org_size > 2000 THEN '-A' || lpad(l.grp::text, 3, '0') ELSE '' END,
           CASE WHEN l.org_size > 2000 THEN 3 ELSE 2 END, l.org_no, l.leaf_no, l.size
    FROM g_leaf l;
    CREATE INDEX ON g_unit (organisation_id, code);
    ANALYZE g_unit;
    INSERT INTO org.unit (id, organisation_id, code, name, parent_id)
    SELECT u.id, u.organisation_id, u.code, u.name, p.id
    FROM g_unit u LEFT JOIN g_unit p ON p.organisation_id = u.organisation_id AND p.code = u.parent_code;

    -- People: every enhet has its manager (the first person), heads sit directly in the avdelning
    -- and the förvaltning. Hire dates reach back 25 years, weighted to recent ones; some have left.
    CREATE TEMP TABLE g_person ON COMMIT DROP AS
    SELECT u.organisation_id, u.org_no, gen_random_uuid() AS id, u.id AS unit_id, u.code AS unit_code, u.parent_code,
           u.level, n AS pos, (u.leaf_no IS NULL) AS is_head
    FROM g_unit u CROSS JOIN LATERAL generate_series(1, CASE WHEN u.leaf_no IS NULL THEN 1 ELSE u.size END) n;
    ALTER TABLE g_person ADD COLUMN manager_id uuid, ADD COLUMN hire_date date, ADD COLUMN end_date date, ADD COLUMN hr_no bigint;
    CREATE INDEX ON g_person (organisation_id, unit_code, pos);
    -- the manager of an ordinary person: the enhet's first person; of an enhet's manager or a head:
    -- the head of the parent unit
    -- (two statements, each a hash join: an OR of both would be a nested loop over a million rows)
    UPDATE g_person p SET manager_id = m.id
    FROM g_person m WHERE m.organisation_id = p.organisation_id AND m.pos = 1 AND m.unit_code = p.unit_code
      AND p.pos > 1 AND NOT p.is_head;
    UPDATE g_person p SET manager_id = m.id
    FROM g_person m WHERE m.organisation_id = p.organisation_id AND m.pos = 1 AND m.unit_code = p.parent_code AND m.is_head
      AND p.pos = 1;
    ANALYZE g_person;
    UPDATE g_person p SET
        hire_date = current_date - (power(random(), 1.8) * 9000)::integer,
        hr_no = x.r
    FROM (SELECT id, row_number() OVER (PARTITION BY organisation_id ORDER BY unit_code, pos) AS r FROM g_person) x
    WHERE x.id = p.id;
    -- about 6 % a year leave (never the managers, so every team keeps one)
    UPDATE g_person SET end_date = least(current_date - 1, hire_date + 30 + (random() * (current_date - hire_date))::integer)
    WHERE pos > 1 AND NOT is_head AND random() < 0.12 AND hire_date < current_date - 60;

    INSERT INTO org.person (id, organisation_id, hr_id, name, unit_id, manager_id, hire_date, end_date, active, deactivated_at,
                            protected_identity)
    SELECT p.id, p.organisation_id, 'H' || lpad(p.hr_no::text, 6, '0'), 'Medarbetare ' || p.hr_no, p.unit_id, p.manager_id,
           p.hire_date, p.end_date, p.end_date IS NULL, CASE WHEN p.end_date IS NOT NULL THEN p.end_date::timestamptz END,
           random() < 0.003
    FROM g_person p;

    -- Cycles: the last p_cycles calendar years, the current one under way.
    CREATE TEMP TABLE g_cycle ON COMMIT DROP AS
    SELECT o.id AS organisation_id, gen_random_uuid() AS id, y AS year, make_date(y, 1, 1) AS starts_on, make_date(y, 12, 31) AS ends_on
    FROM g_org o CROSS JOIN generate_series(this_year - p_cycles + 1, this_year) y;
    INSERT INTO routine.cycle (id, organisation_id, name, starts_on, ends_on)
    SELECT id, organisation_id, 'Medarbetarsamtal ' || year, starts_on, ends_on FROM g_cycle;
    CREATE INDEX ON g_cycle (organisation_id);

    -- Talks: one per person due, held with 90 % probability (less in the current year, by how much of
    -- it has passed), mostly in spring and autumn; new hires within their window, some late. The
    -- question is asked in 9 of 10 held talks; the reasons for not asking follow what services report.
    CREATE TEMP TABLE g_talk ON COMMIT DROP AS
    SELECT p.organisation_id, c.id AS cycle_id, p.id AS person_id, p.manager_id, c.starts_on, c.ends_on,
           routine.due_on(p.hire_date, p.end_date, c.starts_on, c.ends_on, 90) AS due_on,
           p.hire_date + 90 >= c.starts_on AS new_hire, p.hire_date, p.end_date, random() AS r1, random() AS r2, random() AS r3
    FROM g_person p JOIN g_cycle c ON c.organisation_id = p.organisation_id
    WHERE p.manager_id IS NOT NULL;
    ANALYZE g_cycle;
    DELETE FROM g_talk WHERE due_on IS NULL;
    ANALYZE g_talk;
    ALTER TABLE g_talk ADD COLUMN held_on date;
    UPDATE g_talk SET held_on = CASE
        WHEN new_hire THEN hire_date + 10 + (r2 * 110)::integer
        ELSE starts_on + (ARRAY[40, 55, 70, 85, 100, 115, 130, 250, 265, 280, 295, 310, 325, 340])[1 + (r2 * 14)::integer % 14]
             + (r3 * 14)::integer END;
    DELETE FROM g_talk WHERE r1 > 0.9 OR held_on > current_date OR held_on > ends_on + 30 OR held_on < starts_on
        OR (end_date IS NOT NULL AND held_on > end_date);

    ALTER TABLE routine.talk DISABLE TRIGGER talk_guard;  -- no per-row audit entries for synthetic talks
    INSERT INTO routine.talk (organisation_id, cycle_id, person_id, manager_id, held_on, question_asked, not_asked_reason,
                              recorded_at, created_at, updated_at)
    SELECT t.organisation_id, t.cycle_id, t.person_id, t.manager_id, t.held_on, t.r3 < 0.9,
           CASE WHEN t.r3 >= 0.9 THEN (ARRAY['no_private_setting', 'no_private_setting', 'interpreter_present', 'employee_declined_talk',
                'employee_declined_talk', 'talk_cancelled', 'talk_cancelled', 'on_leave', 'on_leave', 'other'])[1 + ((t.r3 - 0.9) * 100)::integer % 10] END,
           t.held_on + time '10:00', t.held_on + time '10:00', t.held_on + time '10:00'
    FROM g_talk t;
    ALTER TABLE routine.talk ENABLE TRIGGER talk_guard;

    -- Training: managers first (a full day), staff a half day and the web course, new hires the introduction.
    INSERT INTO org.training_record (organisation_id, person_id, course, completed_on)
    SELECT p.organisation_id, p.id, x.course, x.day
    FROM g_person p
    CROSS JOIN LATERAL (
        SELECT 'manager_full_day' AS course, greatest(p.hire_date, current_date - (random() * 1500)::integer) AS day
            WHERE (p.pos = 1) AND random() < 0.8
        UNION ALL SELECT 'staff_half_day', greatest(p.hire_date, current_date - (random() * 1400)::integer) WHERE random() < 0.6
        UNION ALL SELECT 'web_course', greatest(p.hire_date, current_date - (random() * 1200)::integer) WHERE random() < 0.5
        UNION ALL SELECT 'new_hire_intro', p.hire_date + (random() * 40)::integer
            WHERE p.hire_date > current_date - 365 * p_cycles AND random() < 0.7 AND p.hire_date + 40 <= current_date
    ) x
    WHERE x.day <= current_date;

    -- Support: one team per organisation; about 5 requests per 1 000 employees a year, contacted
    -- within the deadline nine times in ten.
    INSERT INTO support.team (organisation_id, name, is_default)
    SELECT id, 'Stödteamet', true FROM g_org;
    INSERT INTO support.request (organisation_id, team_id, kind, referral, door, person_id, receipt_hash, status,
                                 received_at, warning_at, deadline_at, first_contact_at, last_activity_at, channel)
    SELECT s.organisation_id, t.id, s.kind,
           CASE WHEN s.kind = 'talk_referral' THEN 'support_contact' END,
           s.door, CASE WHEN s.door = 'identified' THEN s.person_id END,
           CASE WHEN s.door = 'anonymous' THEN encode(ext.gen_random_bytes(16), 'hex') END,
           CASE WHEN s.contact IS NULL THEN 'new' ELSE 'contacted' END,
           s.received, s.received + interval '18 hours', s.received + interval '1 day' * s.span, s.contact,
           coalesce(s.contact, s.received), 'dialogue'
    FROM (
        SELECT p.organisation_id, p.id AS person_id,
               (ARRAY['exposed', 'exposed', 'exposed', 'exposed', 'worried', 'worried', 'worried', 'uses_violence', 'talk_referral', 'talk_referral'])[1 + (random() * 10)::integer % 10] AS kind,
               CASE WHEN random() < 0.35 THEN 'anonymous' ELSE 'identified' END AS door,
               x.received, x.span,
               CASE WHEN x.r < 0.9 THEN x.received + interval '1 hour' + (interval '1 day' * x.span - interval '1 hour') * random()
                    WHEN x.r < 0.97 THEN x.received + interval '1 day' * x.span * (1.1 + random()) END AS contact
        FROM (SELECT * FROM g_person WHERE random() < 0.005 * p_cycles) p
        JOIN LATERAL (SELECT c.starts_on, c.ends_on FROM g_cycle c
                      WHERE c.organisation_id = p.organisation_id
                      ORDER BY c.starts_on OFFSET (random() * (p_cycles - 1))::integer LIMIT 1) cc ON true
        CROSS JOIN LATERAL (SELECT cc.starts_on::timestamptz + (least(cc.ends_on, current_date) - cc.starts_on) * interval '1 day' * random() AS received,
                                   CASE WHEN random() < 0.3 THEN 3 ELSE 1 END AS span, random() AS r) x
    ) s
    JOIN support.team t ON t.organisation_id = s.organisation_id AND t.is_default;
    UPDATE support.request r SET first_contact_at = NULL, status = 'new', last_activity_at = r.received_at
    WHERE r.organisation_id IN (SELECT id FROM g_org) AND r.first_contact_at > now();

    RETURN QUERY SELECT
        (SELECT count(*)::integer FROM g_org), (SELECT count(*)::integer FROM g_unit), (SELECT count(*)::integer FROM g_person),
        (SELECT count(*)::integer FROM g_talk),
        (SELECT count(*)::integer FROM org.training_record r WHERE r.organisation_id IN (SELECT id FROM g_org)),
        (SELECT count(*)::integer FROM support.request r WHERE r.organisation_id IN (SELECT id FROM g_org));
END
$$;
REVOKE ALL ON FUNCTION demo.generate(integer, integer, integer, integer, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION demo.normal() FROM PUBLIC;
