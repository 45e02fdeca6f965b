-- Rollups: what the suppression reads instead of the raw rows. report.collect() (run by
-- report.refresh(), as the owner) counts, per organisation, cycle and leaf of the unit tree, how
-- many members fall in each atom of report.atom; nothing about a single person is kept. The
-- suppression and the director's functions (owned by wr_report_definer) read only these tables.
--
-- Which organisations need a new count is recorded by statement-level triggers on the raw tables
-- (report.dirty); report.refresh() recounts those, suppresses and publishes in one transaction, so a
-- director always reads a complete, consistent set of figures.

-- The unit tree of an organisation as the report sees it: node 0 is the organisation; every unit is
-- a node; a unit that has both sub-units and people of its own gets a virtual child "(directly in
-- this unit)" so that a parent is exactly the sum of its children.
CREATE TABLE report.fact_node (
    organisation_id uuid NOT NULL,
    node integer NOT NULL,
    parent integer,
    depth smallint NOT NULL,
    leaf boolean NOT NULL,
    unit_id uuid,                 -- NULL for the organisation itself
    is_direct boolean NOT NULL DEFAULT false,
    code text,
    name text NOT NULL,
    PRIMARY KEY (organisation_id, node)
);
CREATE INDEX fact_node_parent ON report.fact_node (organisation_id, parent);
CREATE INDEX fact_node_unit ON report.fact_node (organisation_id, unit_id) WHERE NOT is_direct;

-- One published table: an organisation's cycle, for persons or for support requests.
CREATE TABLE report.fact_table (
    tid integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id uuid NOT NULL,
    cycle_id uuid NOT NULL,
    family text NOT NULL CHECK (family IN ('person', 'support')),
    cycle_name text NOT NULL,
    starts_on date NOT NULL,
    ends_on date NOT NULL,
    k integer NOT NULL,
    counted_at timestamptz NOT NULL DEFAULT now(),
    -- Support counts of a cycle that ended long ago are kept as they were: the requests themselves
    -- may since have been deleted by retention.
    frozen boolean NOT NULL DEFAULT false,
    UNIQUE (organisation_id, cycle_id, family)
);

-- Atom counts per leaf node (support: node 0 only).
CREATE TABLE report.fact_count (
    tid integer NOT NULL REFERENCES report.fact_table (tid) ON DELETE CASCADE,
    node integer NOT NULL,
    a smallint NOT NULL,
    n integer NOT NULL CHECK (n > 0),
    PRIMARY KEY (tid, node, a)
);

-- Median time to first contact (support), with the number of contacted requests it rests on.
CREATE TABLE report.fact_contact (
    tid integer PRIMARY KEY REFERENCES report.fact_table (tid) ON DELETE CASCADE,
    contacted integer NOT NULL,
    median_hours numeric
);

-- Organisations whose counts are stale. Appended by triggers, consumed by report.refresh().
CREATE TABLE report.dirty (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organisation_id uuid NOT NULL,
    at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dirty_organisation ON report.dirty (organisation_id);

CREATE FUNCTION report.mark_dirty_new() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    INSERT INTO report.dirty (organisation_id) SELECT DISTINCT r.organisation_id FROM new_rows r;
    RETURN NULL;
END
$$;
CREATE FUNCTION report.mark_dirty_old() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    INSERT INTO report.dirty (organisation_id) SELECT DISTINCT r.organisation_id FROM old_rows r;
    RETURN NULL;
END
$$;
CREATE FUNCTION report.mark_dirty_organisation() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    INSERT INTO report.dirty (organisation_id) SELECT DISTINCT r.id FROM new_rows r;
    RETURN NULL;
END
$$;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['org.unit', 'org.person', 'org.training_record', 'routine.cycle', 'routine.talk', 'support.request'] LOOP
        EXECUTE format('CREATE TRIGGER report_dirty_insert AFTER INSERT ON %s REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report.mark_dirty_new()', t);
        EXECUTE format('CREATE TRIGGER report_dirty_update AFTER UPDATE ON %s REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report.mark_dirty_new()', t);
        EXECUTE format('CREATE TRIGGER report_dirty_delete AFTER DELETE ON %s REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report.mark_dirty_old()', t);
    END LOOP;
END
$$;
-- new_hire_days and the suppression threshold change what is counted and how it is suppressed.
CREATE TRIGGER report_dirty_settings AFTER UPDATE ON org.organisation
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report.mark_dirty_organisation();

-- Month offset of a day from the first month of a cycle, clamped to the 13 month slots.
CREATE FUNCTION report.month_offset(p_day date, p_starts_on date) RETURNS smallint
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
    SELECT greatest(0, least(12,
        (extract(year FROM p_day) * 12 + extract(month FROM p_day))
        - (extract(year FROM p_starts_on) * 12 + extract(month FROM p_starts_on))))::smallint
$$;

-- Counts the given organisations afresh: their unit trees and, per cycle, the atoms of persons and
-- support requests. Runs as the owner (it reads org, routine and support); called by refresh().
CREATE FUNCTION report.collect(p_organisations uuid[]) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    SET work_mem = '256MB'
    SET client_min_messages = warning
    AS $$
BEGIN
    DROP TABLE IF EXISTS pg_temp.tree, pg_temp.unit_node, pg_temp.person_leaf, pg_temp.cyc, pg_temp.due, pg_temp.decided,
        pg_temp.due_status, pg_temp.scyc, pg_temp.req;
    -- The unit trees.
    DELETE FROM report.fact_node WHERE organisation_id = ANY (p_organisations);
    CREATE TEMP TABLE tree ON COMMIT DROP AS
    WITH RECURSIVE t AS (
        SELECT u.organisation_id, u.id, 1 AS depth, ARRAY[u.id] AS path
        FROM org.unit u WHERE u.organisation_id = ANY (p_organisations) AND u.parent_id IS NULL
        UNION ALL
        SELECT c.organisation_id, c.id, t.depth + 1, t.path || c.id
        FROM org.unit c JOIN t ON c.parent_id = t.id AND c.organisation_id = t.organisation_id
        WHERE NOT c.id = ANY (t.path) AND t.depth < 30
    )
    SELECT t.organisation_id, t.id AS unit_id, t.depth, t.path FROM t;
    -- Units outside any tree (a cycle of parents imported by mistake) hang under the organisation.
    INSERT INTO tree (organisation_id, unit_id, depth, path)
    SELECT u.organisation_id, u.id, 1, ARRAY[u.id] FROM org.unit u
    WHERE u.organisation_id = ANY (p_organisations) AND NOT EXISTS (SELECT 1 FROM tree x WHERE x.unit_id = u.id);

    CREATE TEMP TABLE unit_node ON COMMIT DROP AS
    SELECT t.organisation_id, t.unit_id, t.depth,
           CASE WHEN t.depth = 1 THEN NULL ELSE t.path[cardinality(t.path) - 1] END AS parent_unit,
           u.code, u.name,
           EXISTS (SELECT 1 FROM tree c WHERE c.organisation_id = t.organisation_id AND c.depth = t.depth + 1
                   AND c.path[cardinality(c.path) - 1] = t.unit_id) AS has_children,
           EXISTS (SELECT 1 FROM org.person p WHERE p.unit_id = t.unit_id) AS has_people,
           row_number() OVER (PARTITION BY t.organisation_id ORDER BY t.depth, u.code)::integer AS node
    FROM tree t JOIN org.unit u ON u.id = t.unit_id;
    CREATE INDEX ON unit_node (unit_id);

    INSERT INTO report.fact_node (organisation_id, node, parent, depth, leaf, unit_id, is_direct, code, name)
    SELECT o.id, 0, NULL, 0, NOT EXISTS (SELECT 1 FROM unit_node n WHERE n.organisation_id = o.id), NULL, false, NULL, o.name
    FROM org.organisation o WHERE o.id = ANY (p_organisations);
    INSERT INTO report.fact_node (organisation_id, node, parent, depth, leaf, unit_id, is_direct, code, name)
    SELECT n.organisation_id, n.node, coalesce(p.node, 0), n.depth, NOT n.has_children, n.unit_id, false, n.code, n.name
    FROM unit_node n LEFT JOIN unit_node p ON p.unit_id = n.parent_unit;
    -- "(directly in this unit)": numbered after all units of the organisation.
    INSERT INTO report.fact_node (organisation_id, node, parent, depth, leaf, unit_id, is_direct, code, name)
    SELECT n.organisation_id,
           (SELECT count(*) FROM unit_node x WHERE x.organisation_id = n.organisation_id)::integer
             + row_number() OVER (PARTITION BY n.organisation_id ORDER BY n.node)::integer,
           n.node, n.depth + 1, true, n.unit_id, true, n.code, n.name
    FROM unit_node n WHERE n.has_children AND n.has_people;

    -- Each person's leaf.
    CREATE TEMP TABLE person_leaf ON COMMIT DROP AS
    SELECT p.id, p.organisation_id, p.hire_date, p.end_date, p.active, p.deactivated_at, coalesce(d.node, n.node, 0) AS node
    FROM org.person p
    LEFT JOIN report.fact_node n ON n.organisation_id = p.organisation_id AND n.unit_id = p.unit_id AND NOT n.is_direct
    LEFT JOIN report.fact_node d ON d.organisation_id = p.organisation_id AND d.unit_id = p.unit_id AND d.is_direct
    WHERE p.organisation_id = ANY (p_organisations);
    CREATE INDEX ON person_leaf (id);

    -- The tables: one per cycle and family. Support counts of cycles that ended more than 30 days
    -- ago are frozen once counted.
    INSERT INTO report.fact_table (organisation_id, cycle_id, family, cycle_name, starts_on, ends_on, k)
    SELECT c.organisation_id, c.id, f.family, c.name, c.starts_on, c.ends_on, o.suppression_threshold
    FROM routine.cycle c JOIN org.organisation o ON o.id = c.organisation_id
    CROSS JOIN (VALUES ('person'), ('support')) AS f (family)
    WHERE c.organisation_id = ANY (p_organisations)
    ON CONFLICT (organisation_id, cycle_id, family) DO UPDATE
        SET cycle_name = excluded.cycle_name, starts_on = excluded.starts_on, ends_on = excluded.ends_on,
            k = excluded.k, counted_at = now();
    DELETE FROM report.fact_table t WHERE t.organisation_id = ANY (p_organisations)
        AND NOT EXISTS (SELECT 1 FROM routine.cycle c WHERE c.id = t.cycle_id);

    CREATE TEMP TABLE cyc ON COMMIT DROP AS
    SELECT t.tid, t.organisation_id, t.cycle_id, t.starts_on, t.ends_on, o.new_hire_days,
           least(t.ends_on, current_date) AS ref
    FROM report.fact_table t JOIN org.organisation o ON o.id = t.organisation_id
    WHERE t.family = 'person' AND t.organisation_id = ANY (p_organisations);

    DELETE FROM report.fact_count f USING cyc c WHERE f.tid = c.tid;

    -- Persons due in the cycle: status (S), month of the deciding talk (MO), introduction (IN).
    CREATE TEMP TABLE due ON COMMIT DROP AS
    SELECT c.tid, c.cycle_id, c.starts_on, c.ends_on, p.id AS person_id, p.node, d.due_on,
           (p.hire_date + c.new_hire_days >= c.starts_on) AS new_hire
    FROM cyc c JOIN person_leaf p ON p.organisation_id = c.organisation_id
    CROSS JOIN LATERAL (SELECT routine.due_on(p.hire_date, p.end_date, c.starts_on, c.ends_on, c.new_hire_days) AS due_on) d
    WHERE d.due_on IS NOT NULL;
    CREATE INDEX ON due (person_id, cycle_id);

    CREATE TEMP TABLE decided ON COMMIT DROP AS
    SELECT t.cycle_id, t.person_id,
           min(t.held_on) FILTER (WHERE t.question_asked) AS first_asked,
           (array_agg(t.not_asked_reason::text ORDER BY t.held_on DESC, t.recorded_at DESC) FILTER (WHERE NOT t.question_asked))[1] AS reason,
           max(t.held_on) FILTER (WHERE NOT t.question_asked) AS last_not_asked
    FROM routine.talk t JOIN cyc c ON c.cycle_id = t.cycle_id
    WHERE t.held_on IS NOT NULL
    GROUP BY t.cycle_id, t.person_id;
    CREATE INDEX ON decided (person_id, cycle_id);

    CREATE TEMP TABLE due_status ON COMMIT DROP AS
    SELECT d.tid, d.node, d.person_id, d.new_hire,
           CASE WHEN x.first_asked IS NOT NULL THEN 'asked' WHEN x.reason IS NOT NULL THEN x.reason ELSE 'not_yet' END AS status,
           CASE WHEN NOT d.new_hire THEN 'est'
                WHEN x.first_asked IS NOT NULL AND x.first_asked <= d.due_on THEN 'nh_by'
                ELSE 'nh_other' END AS hire,
           report.month_offset(coalesce(x.first_asked, x.last_not_asked), d.starts_on) AS month,
           d.ends_on
    FROM due d LEFT JOIN decided x ON x.person_id = d.person_id AND x.cycle_id = d.cycle_id;

    INSERT INTO report.fact_count (tid, node, a, n)
    SELECT s.tid, s.node, a.a, count(*)
    FROM due_status s JOIN report.atom a ON a.family = 'person' AND a.code = 'S:' || s.status || ':' || s.hire
    GROUP BY s.tid, s.node, a.a;
    INSERT INTO report.fact_count (tid, node, a, n)
    SELECT s.tid, s.node, (40 + s.month)::smallint, count(*)
    FROM due_status s WHERE s.status <> 'not_yet' GROUP BY s.tid, s.node, s.month;
    INSERT INTO report.fact_count (tid, node, a, n)
    SELECT s.tid, s.node, CASE WHEN EXISTS (
               SELECT 1 FROM org.training_record r WHERE r.person_id = s.person_id
               AND r.course = 'new_hire_intro' AND r.completed_on <= s.ends_on) THEN 60 ELSE 61 END::smallint, count(*)
    FROM due_status s WHERE s.new_hire GROUP BY 1, 2, 3;

    -- Staff at the end of the cycle (or today): half-day and web course (TR).
    INSERT INTO report.fact_count (tid, node, a, n)
    SELECT c.tid, p.node,
           (70 + CASE WHEN EXISTS (SELECT 1 FROM org.training_record r WHERE r.person_id = p.id AND r.course = 'staff_half_day' AND r.completed_on <= c.ref) THEN 0 ELSE 2 END
               + CASE WHEN EXISTS (SELECT 1 FROM org.training_record r WHERE r.person_id = p.id AND r.course = 'web_course' AND r.completed_on <= c.ref) THEN 0 ELSE 1 END)::smallint,
           count(*)
    FROM cyc c JOIN person_leaf p ON p.organisation_id = c.organisation_id
    WHERE p.hire_date <= c.ref AND (p.end_date IS NULL OR p.end_date >= c.ref)
      AND (p.active OR p.deactivated_at::date > c.ref)
    GROUP BY 1, 2, 3;

    -- Managers who recorded a held talk in the cycle, counted in their own unit (MG).
    INSERT INTO report.fact_count (tid, node, a, n)
    SELECT c.tid, p.node,
           CASE WHEN EXISTS (SELECT 1 FROM org.training_record r WHERE r.person_id = p.id AND r.course = 'manager_full_day' AND r.completed_on <= c.ends_on)
                THEN 80 ELSE 81 END::smallint,
           count(*)
    FROM cyc c
    JOIN (SELECT DISTINCT t.cycle_id, t.manager_id FROM routine.talk t JOIN cyc c2 ON c2.cycle_id = t.cycle_id WHERE t.held_on IS NOT NULL) m
        ON m.cycle_id = c.cycle_id
    JOIN person_leaf p ON p.id = m.manager_id
    GROUP BY 1, 2, 3;

    -- Support requests received in the cycle (Swedish time), for the organisation as a whole.
    CREATE TEMP TABLE scyc ON COMMIT DROP AS
    SELECT t.tid, t.organisation_id, t.starts_on, t.ends_on FROM report.fact_table t
    WHERE t.family = 'support' AND t.organisation_id = ANY (p_organisations)
      AND NOT (t.frozen AND EXISTS (SELECT 1 FROM report.fact_count f WHERE f.tid = t.tid));
    DELETE FROM report.fact_count f USING scyc c WHERE f.tid = c.tid;
    DELETE FROM report.fact_contact f USING scyc c WHERE f.tid = c.tid;
    CREATE TEMP TABLE req ON COMMIT DROP AS
    SELECT c.tid, r.kind, r.door,
           report.month_offset((r.received_at AT TIME ZONE 'Europe/Stockholm')::date, c.starts_on) AS month,
           CASE WHEN r.first_contact_at IS NOT NULL AND r.first_contact_at <= r.deadline_at THEN 'within'
                WHEN r.first_contact_at IS NOT NULL OR r.deadline_at < now() THEN 'late'
                ELSE 'waiting' END AS timing,
           extract(epoch FROM r.first_contact_at - r.received_at) / 3600.0 AS hours
    FROM scyc c JOIN support.request r ON r.organisation_id = c.organisation_id
    WHERE (r.received_at AT TIME ZONE 'Europe/Stockholm')::date BETWEEN c.starts_on AND c.ends_on;
    INSERT INTO report.fact_count (tid, node, a, n)
    SELECT x.tid, 0, a.a, count(*)
    FROM req x CROSS JOIN LATERAL (VALUES ('K:' || x.kind), ('D:' || x.door), ('T:' || x.timing), ('MS:' || x.month)) AS v (code)
    JOIN report.atom a ON a.family = 'support' AND a.code = v.code
    GROUP BY x.tid, a.a;
    INSERT INTO report.fact_contact (tid, contacted, median_hours)
    SELECT c.tid, count(x.hours), percentile_cont(0.5) WITHIN GROUP (ORDER BY x.hours)
    FROM scyc c LEFT JOIN req x ON x.tid = c.tid AND x.hours IS NOT NULL GROUP BY c.tid;
    UPDATE report.fact_table t SET frozen = true FROM scyc c WHERE t.tid = c.tid AND t.ends_on < current_date - 30;
END
$$;
