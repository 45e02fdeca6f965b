-- Publishing, refreshing, and the functions the director's pages call.

-- The published figures: per table and node, the value of every measure by its number, NULL where
-- suppressed. Only report functions read it.
CREATE TABLE report.published (
    tid integer NOT NULL REFERENCES report.fact_table (tid) ON DELETE CASCADE,
    node integer NOT NULL,
    vals integer[] NOT NULL,
    PRIMARY KEY (tid, node)
);
CREATE TABLE report.published_table (
    tid integer PRIMARY KEY REFERENCES report.fact_table (tid) ON DELETE CASCADE,
    k integer NOT NULL,
    published_at timestamptz NOT NULL DEFAULT now(),
    cells integer NOT NULL,
    suppressed integer NOT NULL,
    -- Median hours to first contact (support), shown only when it rests on at least k requests.
    median_hours numeric
);

-- Loads the counted tables p_tids into the engine's scratch space.
CREATE FUNCTION report.load_work(p_tids integer[]) RETURNS void
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    TRUNCATE report.w_table, report.w_node, report.w_atom, report.w_cell, report.w_carry, report.w_flow,
             report.w_need, report.w_req, report.w_add, report.w_leafq, report.w_fail, report.w_nc, report.w_x,
             report.w_opt, report.w_pick;
    INSERT INTO report.w_table (tid, family, k) SELECT t.tid, t.family, t.k FROM report.fact_table t WHERE t.tid = ANY (p_tids);
    INSERT INTO report.w_node (tid, node, parent, depth, leaf)
    SELECT t.tid, n.node, n.parent, n.depth, n.leaf
    FROM report.fact_table t JOIN report.fact_node n ON n.organisation_id = t.organisation_id
    WHERE t.family = 'person' AND t.tid = ANY (p_tids);
    -- Support figures are never broken down below the organisation.
    INSERT INTO report.w_node (tid, node, parent, depth, leaf)
    SELECT t.tid, 0, NULL, 0, true FROM report.fact_table t WHERE t.family = 'support' AND t.tid = ANY (p_tids);
    INSERT INTO report.w_atom (tid, node, a, n)
    SELECT f.tid, f.node, f.a, f.n FROM report.fact_count f WHERE f.tid = ANY (p_tids);
END
$$;

-- Writes the engine's result for the tables in report.w_table to report.published.
CREATE FUNCTION report.publish() RETURNS void
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    DELETE FROM report.published p USING report.w_table t WHERE p.tid = t.tid;
    DELETE FROM report.published_table p USING report.w_table t WHERE p.tid = t.tid;
    INSERT INTO report.published (tid, node, vals)
    SELECT n.tid, n.node,
           array_agg(CASE WHEN c.supp THEN NULL ELSE coalesce(c.v, 0) END ORDER BY g.m)
    FROM report.w_node n JOIN report.w_table t ON t.tid = n.tid
    CROSS JOIN LATERAL generate_series(1, (SELECT max(m) FROM report.measure x WHERE x.family = t.family)) AS g (m)
    LEFT JOIN report.w_cell c ON c.tid = n.tid AND c.node = n.node AND c.m = g.m
    GROUP BY n.tid, n.node;
    INSERT INTO report.published_table (tid, k, cells, suppressed, median_hours)
    SELECT t.tid, t.k,
           (SELECT count(*) FROM report.w_cell c WHERE c.tid = t.tid AND c.published),
           (SELECT count(*) FROM report.w_cell c WHERE c.tid = t.tid AND c.published AND c.supp),
           -- The median says that at least k requests were contacted; it is shown only beside the
           -- published counts of requests and of their deadlines, so it hides nothing they do not show.
           (SELECT CASE WHEN x.contacted >= t.k AND NOT EXISTS (
                        SELECT 1 FROM report.w_cell c JOIN report.measure m ON m.family = 'support' AND m.m = c.m
                        WHERE c.tid = t.tid AND c.supp AND m.code IN ('requests', 'deadline_passed_or_contacted',
                              'contacted_within_deadline', 'contacted_late_or_not', 'waiting_within_deadline'))
                        THEN round(x.median_hours, 1) END
            FROM report.fact_contact x WHERE x.tid = t.tid)
    FROM report.w_table t;
END
$$;

-- Suppresses and publishes the given tables, in batches of about p_batch_members counted members
-- (the engine is set-based; batches bound its memory). Returns the number of tables published.
CREATE FUNCTION report.suppress_and_publish(p_tids integer[], p_secondary boolean, p_batch_members integer DEFAULT 200000)
    RETURNS integer
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    batch integer[];
    done integer := 0;
BEGIN
    FOR batch IN
        SELECT array_agg(tid) FROM (
            SELECT s.tid, floor((sum(s.members) OVER (ORDER BY s.members DESC, s.tid) - 1) / greatest(p_batch_members, 1)) AS b
            FROM (SELECT t.tid, coalesce((SELECT sum(f.n) FROM report.fact_count f WHERE f.tid = t.tid), 0) AS members
                  FROM report.fact_table t WHERE t.tid = ANY (p_tids)) s
        ) x GROUP BY b ORDER BY b
    LOOP
        PERFORM report.load_work(batch);
        PERFORM report.suppress(p_secondary);
        PERFORM report.publish();
        done := done + cardinality(batch);
    END LOOP;
    TRUNCATE report.w_table, report.w_node, report.w_atom, report.w_cell, report.w_carry, report.w_flow,
             report.w_need, report.w_req, report.w_add, report.w_leafq, report.w_fail, report.w_nc, report.w_x,
             report.w_opt, report.w_pick;
    RETURN done;
END
$$;

-- Recounts, suppresses and publishes the organisations whose data changed since the last refresh
-- (or all, with p_all). The Notifier calls report.refresh() on a schedule; one refresh runs at a time.
-- p_secondary = false publishes with primary suppression only: the attacker test uses it to show
-- that it would then succeed. Only the owner may pass it (the Notifier's grant is for refresh()).
CREATE FUNCTION report.refresh_all(p_all boolean, p_secondary boolean) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    upto bigint;
    orgs uuid[];
    tids integer[];
BEGIN
    IF NOT pg_try_advisory_xact_lock(hashtext('report.refresh')) THEN
        RETURN 0;  -- another refresh is under way; it will see these changes or leave them marked
    END IF;
    SELECT max(id) INTO upto FROM report.dirty;
    IF p_all THEN
        SELECT array_agg(id) INTO orgs FROM org.organisation;
    ELSE
        SELECT array_agg(DISTINCT organisation_id) INTO orgs FROM report.dirty WHERE id <= upto;
    END IF;
    IF orgs IS NULL THEN RETURN 0; END IF;
    PERFORM report.collect(orgs);
    SELECT array_agg(tid) INTO tids FROM report.fact_table WHERE organisation_id = ANY (orgs);
    DELETE FROM report.dirty WHERE id <= upto AND (p_all OR organisation_id = ANY (orgs));
    IF tids IS NULL THEN RETURN 0; END IF;
    RETURN report.suppress_and_publish(tids, p_secondary);
END
$$;

-- Recounts, suppresses and publishes the given organisations (the demo and the benchmark call it
-- one organisation per transaction, so a large load never holds one long transaction).
CREATE FUNCTION report.refresh_organisations(p_organisations uuid[], p_secondary boolean DEFAULT true) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    tids integer[];
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('report.refresh'));
    PERFORM report.collect(p_organisations);
    SELECT array_agg(tid) INTO tids FROM report.fact_table WHERE organisation_id = ANY (p_organisations);
    DELETE FROM report.dirty WHERE organisation_id = ANY (p_organisations);
    IF tids IS NULL THEN RETURN 0; END IF;
    RETURN report.suppress_and_publish(tids, p_secondary);
END
$$;

CREATE FUNCTION report.refresh() RETURNS integer
    LANGUAGE sql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$ SELECT report.refresh_all(false, true) $$;

-- ---------------------------------------------------------------------------------------------
-- What the director's pages call. Every function works for the acting organisation only
-- (app.organisation_id()), returns figures already suppressed, and marks a suppressed figure with
-- suppressed = true and value NULL — the same mark whether the count was small or hidden to protect
-- another one (two marks would tell an attacker which cells are the small ones).

-- The organisation's name, for the page header.
CREATE FUNCTION report.organisation() RETURNS TABLE (organisation_id uuid, name text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
    SELECT n.organisation_id, n.name FROM report.fact_node n
    WHERE n.organisation_id = app.organisation_id() AND n.node = 0
$$;

-- The cycles with published figures, newest first, and the threshold k they were suppressed with.
CREATE FUNCTION report.cycles()
    RETURNS TABLE (cycle_id uuid, name text, starts_on date, ends_on date, k integer, published_at timestamptz)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
    SELECT t.cycle_id, t.cycle_name, t.starts_on, t.ends_on, p.k, p.published_at
    FROM report.fact_table t JOIN report.published_table p ON p.tid = t.tid
    WHERE t.organisation_id = app.organisation_id() AND t.family = 'person'
    ORDER BY t.starts_on DESC
$$;

-- Question and training coverage for one unit (NULL: the organisation) and its children, in one
-- cycle. One row per unit and measure:
--   unit_id, unit_name, unit_code: the unit (unit_id NULL for the organisation itself);
--   is_selected: the unit asked for; otherwise one of its children;
--   is_direct: the virtual child "(directly in this unit)": people of the unit outside its sub-units;
--   has_children: whether the row can be opened further;
--   measure: due, held, asked, not_asked, reason_*, not_yet, new_hires_due, new_hires_asked_in_time,
--            new_hires_not_in_time, intro_trained, intro_untrained, staff, half_day_trained,
--            half_day_untrained, web_course_trained, web_course_untrained, managers_recording,
--            managers_trained, managers_untrained, and held per month; the reasons, new hires,
--            introduction and managers' figures down to the förvaltningar only (depth 1), the months
--            for the organisation only (report.measure.max_depth says so, the same for every
--            organisation and never chosen from the data);
--   period: 'cycle', or 'YYYY-MM' for the months;
--   value, suppressed: the count, or NULL and true;
--   share, share_of: value / the share_of measure's value, only when both are shown and the
--            denominator is at least k.
-- p_period filters: NULL all, 'cycle' the whole cycle, 'YYYY-MM' one month.
CREATE FUNCTION report.coverage(p_cycle uuid, p_unit uuid DEFAULT NULL, p_period text DEFAULT NULL)
    RETURNS TABLE (unit_id uuid, unit_name text, unit_code text, is_selected boolean, is_direct boolean, has_children boolean,
                   measure text, period text, value integer, suppressed boolean, share numeric, share_of text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
    WITH tab AS (
        SELECT t.tid, t.organisation_id, t.starts_on, p.k FROM report.fact_table t JOIN report.published_table p ON p.tid = t.tid
        WHERE t.organisation_id = app.organisation_id() AND t.cycle_id = p_cycle AND t.family = 'person'
    ), sel AS (
        -- (two indexable branches: a function's plan is generic, so no CASE on the parameters here)
        SELECT n.* FROM report.fact_node n JOIN tab ON n.organisation_id = tab.organisation_id
        WHERE p_unit IS NULL AND n.node = 0
        UNION ALL
        SELECT n.* FROM report.fact_node n JOIN tab ON n.organisation_id = tab.organisation_id
        WHERE n.unit_id = p_unit AND NOT n.is_direct
    ), rows AS (
        SELECT sel.*, true AS selected FROM sel
        UNION ALL
        SELECT n.*, false FROM report.fact_node n JOIN sel ON n.organisation_id = sel.organisation_id AND n.parent = sel.node
    )
    SELECT r.unit_id, r.name, r.code, r.selected, r.is_direct, NOT r.leaf,
           CASE WHEN m.month_offset IS NULL THEN m.code ELSE 'held' END,
           CASE WHEN m.month_offset IS NULL THEN 'cycle' ELSE to_char(tab.starts_on + make_interval(months => m.month_offset), 'YYYY-MM') END,
           p.vals[m.m], p.vals[m.m] IS NULL,
           CASE WHEN m.share_of IS NOT NULL AND p.vals[m.m] IS NOT NULL AND p.vals[m.share_of] >= tab.k
                THEN round(p.vals[m.m]::numeric / p.vals[m.share_of], 3) END,
           d.code
    FROM rows r CROSS JOIN tab
    JOIN report.published p ON p.tid = tab.tid AND p.node = r.node
    JOIN report.measure m ON m.family = 'person' AND (m.max_depth IS NULL OR r.depth <= m.max_depth)
    LEFT JOIN report.measure d ON d.family = 'person' AND d.m = m.share_of
    WHERE p_period IS NULL
       OR (p_period = 'cycle' AND m.month_offset IS NULL)
       OR (m.month_offset IS NOT NULL AND p_period = to_char(tab.starts_on + make_interval(months => m.month_offset), 'YYYY-MM'))
    ORDER BY r.selected DESC, r.is_direct, r.code, m.m
$$;

-- Support requests of the organisation as a whole in one cycle: by kind, by door (identified or
-- anonymous), whether contacted within the deadline (share of those whose deadline has passed or
-- who were contacted), per month, and the median hours to first contact (measure
-- 'median_hours_to_first_contact'; shown only when at least k requests were contacted).
CREATE FUNCTION report.support(p_cycle uuid, p_period text DEFAULT NULL)
    RETURNS TABLE (measure text, period text, value numeric, suppressed boolean, share numeric, share_of text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
    WITH tab AS (
        SELECT t.tid, t.starts_on, p.k, p.median_hours FROM report.fact_table t JOIN report.published_table p ON p.tid = t.tid
        WHERE t.organisation_id = app.organisation_id() AND t.cycle_id = p_cycle AND t.family = 'support'
    )
    SELECT CASE WHEN m.month_offset IS NULL THEN m.code ELSE 'requests' END,
           CASE WHEN m.month_offset IS NULL THEN 'cycle' ELSE to_char(tab.starts_on + make_interval(months => m.month_offset), 'YYYY-MM') END,
           p.vals[m.m]::numeric, p.vals[m.m] IS NULL,
           CASE WHEN m.share_of IS NOT NULL AND p.vals[m.m] IS NOT NULL AND p.vals[m.share_of] >= tab.k
                THEN round(p.vals[m.m]::numeric / p.vals[m.share_of], 3) END,
           d.code
    FROM tab JOIN report.published p ON p.tid = tab.tid AND p.node = 0
    JOIN report.measure m ON m.family = 'support'
    LEFT JOIN report.measure d ON d.family = 'support' AND d.m = m.share_of
    WHERE p_period IS NULL
       OR (p_period = 'cycle' AND m.month_offset IS NULL)
       OR (m.month_offset IS NOT NULL AND p_period = to_char(tab.starts_on + make_interval(months => m.month_offset), 'YYYY-MM'))
    UNION ALL
    SELECT 'median_hours_to_first_contact', 'cycle', tab.median_hours, tab.median_hours IS NULL, NULL, NULL
    FROM tab WHERE p_period IS NULL OR p_period = 'cycle'
$$;

-- ---------------------------------------------------------------------------------------------
-- All organisations together (wr_overview only). Each organisation's row is exactly its own
-- published top-level figures (the same cells, the same suppression); a total is shown only where
-- every organisation's figure is shown, so the overview is a sum of published numbers and tells no
-- one anything the organisations' own tables do not. The period is the cycle that starts in the
-- given year (the earliest, if an organisation has several); months are not summed, since cycles
-- of different organisations need not start together.

-- The years with published cycles.
CREATE FUNCTION report.overview_years() RETURNS TABLE (year integer, organisations bigint)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
    SELECT extract(year FROM t.starts_on)::integer, count(DISTINCT t.organisation_id)
    FROM report.fact_table t JOIN report.published_table p ON p.tid = t.tid
    WHERE t.family = 'person' GROUP BY 1 ORDER BY 1 DESC
$$;

-- One row per organisation (organisation_id NULL: all together) and measure. p_family: 'person'
-- (question and training coverage) or 'support' (requests).
CREATE FUNCTION report.overview(p_year integer, p_family text DEFAULT 'person')
    RETURNS TABLE (organisation_id uuid, organisation_name text, cycle_name text, measure text, value integer,
                   suppressed boolean, share numeric, share_of text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
    WITH tab AS (
        SELECT DISTINCT ON (t.organisation_id) t.tid, t.organisation_id, t.cycle_name, p.k
        FROM report.fact_table t JOIN report.published_table p ON p.tid = t.tid
        WHERE t.family = p_family AND extract(year FROM t.starts_on) = p_year
        ORDER BY t.organisation_id, t.starts_on
    ), cells AS (
        SELECT tab.organisation_id, n.name, tab.cycle_name, tab.k, m.m, m.code, m.share_of, p.vals[m.m] AS v, p.vals
        FROM tab JOIN report.published p ON p.tid = tab.tid AND p.node = 0
        JOIN report.fact_node n ON n.organisation_id = tab.organisation_id AND n.node = 0
        JOIN report.measure m ON m.family = p_family AND m.overview
    ), total AS (
        SELECT c.m, c.code, c.share_of,
               CASE WHEN bool_and(c.v IS NOT NULL) THEN sum(c.v)::integer END AS v, max(c.k) AS k
        FROM cells c GROUP BY c.m, c.code, c.share_of
    )
    SELECT * FROM (
        SELECT c.organisation_id, c.name, c.cycle_name, c.code, c.v, c.v IS NULL,
               CASE WHEN c.share_of IS NOT NULL AND c.v IS NOT NULL AND c.vals[c.share_of] >= c.k
                    THEN round(c.v::numeric / c.vals[c.share_of], 3) END,
               d.code AS share_of
        FROM cells c LEFT JOIN report.measure d ON d.family = p_family AND d.m = c.share_of
        UNION ALL
        SELECT NULL::uuid, NULL::text, NULL::text, t.code, t.v, t.v IS NULL,
               CASE WHEN t.share_of IS NOT NULL AND t.v IS NOT NULL AND den.v >= t.k THEN round(t.v::numeric / den.v, 3) END,
               d.code
        FROM total t LEFT JOIN total den ON den.m = t.share_of
        LEFT JOIN report.measure d ON d.family = p_family AND d.m = t.share_of
    ) x
    ORDER BY 1 NULLS FIRST, 2
$$;
