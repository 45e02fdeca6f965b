-- Disclosure control inside the database (MISSION.md, promise 7). See the COMMENT ON SCHEMA report
-- at the end of this file for the method and why it is sound; the attacker test in Tests/reports
-- checks it with linear programming on generated data.
--
-- The engine works on a batch of tables at once (set-based, so a million employees are a matter of
-- minutes): report.w_table lists them, report.w_node holds their unit trees, report.w_atom their atom
-- counts per node. report.suppress() fills report.w_cell with every cell, its value and whether it is
-- suppressed, and leaves a certificate (the class whose perturbation protects it) on every suppressed
-- cell. The w_* tables are scratch space of one refresh at a time (refresh() holds an advisory lock).

CREATE UNLOGGED TABLE report.w_table (
    tid integer PRIMARY KEY,
    family text NOT NULL,
    k integer NOT NULL CHECK (k >= 2),
    -- May the root change freely (true for an organisation's own tables: nothing is published above
    -- them)? The overview sets false for the organisations, whose roots sit under the sum of all.
    free_root boolean NOT NULL DEFAULT true
);
CREATE UNLOGGED TABLE report.w_node (
    tid integer NOT NULL,
    node integer NOT NULL,
    parent integer,
    depth smallint NOT NULL,
    leaf boolean NOT NULL,
    PRIMARY KEY (tid, node)
);
CREATE INDEX w_node_parent ON report.w_node (tid, parent);
-- Atom counts; leaf rows are input, report.suppress() adds the sums for inner nodes (agg = true).
CREATE UNLOGGED TABLE report.w_atom (
    tid integer NOT NULL,
    node integer NOT NULL,
    a smallint NOT NULL,
    n integer NOT NULL,
    agg boolean NOT NULL DEFAULT false,
    PRIMARY KEY (tid, node, a)
);
CREATE UNLOGGED TABLE report.w_cell (
    tid integer NOT NULL,
    node integer NOT NULL,
    m smallint NOT NULL,
    v integer NOT NULL,
    supp boolean NOT NULL DEFAULT false,
    primary_supp boolean NOT NULL DEFAULT false,
    cert smallint,                 -- the certifying class, once the cell is protected
    tries smallint NOT NULL DEFAULT 0,
    fixed boolean NOT NULL DEFAULT false,   -- decided elsewhere (the overview's organisations): never changed here
    published boolean NOT NULL DEFAULT true, -- false: not a published cell (root-only measures below the root)
    PRIMARY KEY (tid, node, m)
);
CREATE UNLOGGED TABLE report.w_carry (tid integer, node integer, c smallint, PRIMARY KEY (tid, node, c));
CREATE UNLOGGED TABLE report.w_flow (
    tid integer NOT NULL, node integer NOT NULL, c smallint NOT NULL, mm smallint NOT NULL,
    capp bigint NOT NULL, capm bigint NOT NULL, outp bigint, outm bigint,
    PRIMARY KEY (tid, node, c, mm)
);
CREATE UNLOGGED TABLE report.w_need (tid integer, c smallint, mm smallint, PRIMARY KEY (tid, c, mm));
CREATE UNLOGGED TABLE report.w_req (tid integer, c smallint, depth smallint, need integer, free_depth smallint,
                                    PRIMARY KEY (tid, c, depth));
CREATE UNLOGGED TABLE report.w_choice (tid integer, node integer, m smallint, c smallint, tries smallint, PRIMARY KEY (tid, node, m));
CREATE UNLOGGED TABLE report.w_add (tid integer, node integer, m smallint, PRIMARY KEY (tid, node, m));

-- "Infinite" room: a root that nothing is published above, or a member arriving from elsewhere.
CREATE FUNCTION report.inf() RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT 1000000000000000::bigint $$;

-- Suppresses the cells in report.w_add (inserting zero cells as needed). Returns how many changed.
CREATE FUNCTION report.apply_additions() RETURNS integer
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    n integer;
BEGIN
    INSERT INTO report.w_cell AS c (tid, node, m, v, supp)
    SELECT a.tid, a.node, a.m, 0, true FROM report.w_add a
    JOIN report.w_node n ON n.tid = a.tid AND n.node = a.node
    JOIN report.w_table t ON t.tid = a.tid
    JOIN report.measure m ON m.family = t.family AND m.m = a.m
    WHERE m.max_depth IS NULL OR n.depth <= m.max_depth
    ON CONFLICT (tid, node, m) DO UPDATE SET supp = true WHERE NOT c.supp AND NOT c.fixed AND c.published;
    GET DIAGNOSTICS n = ROW_COUNT;
    TRUNCATE report.w_add;
    RETURN n;
END
$$;

-- Statistics Denmark's rule on every relation (a parent unit = Σ its children, per measure; a total
-- measure = Σ its parts, per unit): never exactly one suppressed cell in a relation whose total is
-- shown, and the suppressed parts together at least k; a suppressed total keeps at least one
-- suppressed part. Repeated to a fixed point. Cheap and set-based; it builds the shape that the
-- certificates below then check (and repair where it is not enough).
CREATE FUNCTION report.denmark_pass() RETURNS integer
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    -- Row estimates of freshly filled scratch tables are poor; merge joins over them rescan badly.
    SET enable_mergejoin = off
    AS $$
DECLARE
    total integer := 0;
    n integer;
    round integer := 0;
BEGIN
    LOOP
        round := round + 1;
        -- Relations along the unit tree.
        INSERT INTO report.w_add (tid, node, m)
        WITH rel AS (
            SELECT ch.tid, ch.parent AS p, c.m,
                   count(*) FILTER (WHERE c.supp) AS cnt,
                   coalesce(sum(c.v) FILTER (WHERE c.supp), 0) AS mass
            FROM report.w_cell c JOIN report.w_node ch ON ch.tid = c.tid AND ch.node = c.node
            WHERE ch.parent IS NOT NULL AND c.published
            GROUP BY ch.tid, ch.parent, c.m
        ), need AS (
            SELECT r.*, t.k, coalesce(pc.supp, false) AS tsupp
            FROM rel r JOIN report.w_table t ON t.tid = r.tid
            LEFT JOIN report.w_cell pc ON pc.tid = r.tid AND pc.node = r.p AND pc.m = r.m
            WHERE (NOT coalesce(pc.supp, false) AND r.cnt >= 1 AND (r.cnt = 1 OR r.mass < t.k))
               OR (coalesce(pc.supp, false) AND r.cnt = 0)
        ), pick AS (
            SELECT DISTINCT ON (nd.tid, nd.p, nd.m) nd.tid, c.node, nd.m
            FROM need nd
            JOIN report.w_node ch ON ch.tid = nd.tid AND ch.parent = nd.p
            JOIN report.w_cell c ON c.tid = ch.tid AND c.node = ch.node AND c.m = nd.m
            WHERE NOT c.supp AND c.v > 0 AND NOT c.fixed
            ORDER BY nd.tid, nd.p, nd.m, (c.v >= greatest(nd.k - nd.mass, 1)) DESC,
                     CASE WHEN c.v >= greatest(nd.k - nd.mass, 1) THEN c.v ELSE -c.v END, c.node
        )
        SELECT tid, node, m FROM pick
        UNION
        SELECT nd.tid, nd.p, nd.m FROM need nd
        WHERE NOT nd.tsupp AND NOT EXISTS (SELECT 1 FROM pick x WHERE x.tid = nd.tid AND x.m = nd.m
                                           AND x.node IN (SELECT node FROM report.w_node y WHERE y.tid = nd.tid AND y.parent = nd.p))
        ON CONFLICT DO NOTHING;
        -- Relations between measures, within one node.
        INSERT INTO report.w_add (tid, node, m)
        WITH rel AS (
            SELECT c.tid, c.node, r.relation, r.total,
                   count(*) FILTER (WHERE c.supp) AS cnt,
                   coalesce(sum(c.v) FILTER (WHERE c.supp), 0) AS mass
            FROM report.w_cell c JOIN report.w_table t ON t.tid = c.tid
            JOIN report.relation r ON r.family = t.family AND r.part = c.m
            WHERE c.published
            GROUP BY c.tid, c.node, r.relation, r.total
        ), need AS (
            SELECT r.*, t.k, coalesce(tc.supp, false) AS tsupp, t.family
            FROM rel r JOIN report.w_table t ON t.tid = r.tid
            LEFT JOIN report.w_cell tc ON tc.tid = r.tid AND tc.node = r.node AND tc.m = r.total
            WHERE (NOT coalesce(tc.supp, false) AND r.cnt >= 1 AND (r.cnt = 1 OR r.mass < t.k))
               OR (coalesce(tc.supp, false) AND r.cnt = 0)
        ), pick AS (
            SELECT DISTINCT ON (nd.tid, nd.node, nd.relation) nd.tid, nd.node, c.m, nd.relation
            FROM need nd
            JOIN report.relation r ON r.family = nd.family AND r.relation = nd.relation
            JOIN report.w_cell c ON c.tid = nd.tid AND c.node = nd.node AND c.m = r.part
            WHERE NOT c.supp AND c.v > 0 AND NOT c.fixed
            ORDER BY nd.tid, nd.node, nd.relation, (c.v >= greatest(nd.k - nd.mass, 1)) DESC,
                     CASE WHEN c.v >= greatest(nd.k - nd.mass, 1) THEN c.v ELSE -c.v END, c.m
        )
        SELECT tid, node, m FROM pick
        UNION
        SELECT nd.tid, nd.node, nd.total FROM need nd
        WHERE NOT nd.tsupp AND NOT EXISTS (SELECT 1 FROM pick x WHERE x.tid = nd.tid AND x.node = nd.node AND x.relation = nd.relation)
        ON CONFLICT DO NOTHING;
        n := report.apply_additions();
        total := total + n;
        EXIT WHEN n = 0 OR round >= 50;
    END LOOP;
    RETURN total;
END
$$;

-- Room for every class in every node that carries it (all cells of the class's support suppressed):
-- capp / capm = how many members the node's subtree can move in the class's + / − direction through
-- carrying nodes only; outp / outm = how much the rest of the tree can absorb in the + / − direction
-- while every published cell stays as it is. Only for the tables in p_tids.
CREATE FUNCTION report.compute_flows(p_tids integer[]) RETURNS void
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    -- Row estimates of freshly filled scratch tables are poor; merge joins over them rescan badly,
    -- and the whole computation is set-based: hash joins throughout.
    SET enable_mergejoin = off
    SET enable_nestloop = off
    AS $$
DECLARE
    d integer;
    maxd integer;
    inf constant bigint := report.inf();
BEGIN
    TRUNCATE report.w_carry, report.w_flow, report.w_need;
    -- Only the classes (and, for ROW classes, the measures) that could protect a cell still waiting
    -- for a certificate are worth computing.
    INSERT INTO report.w_need (tid, c, mm)
    SELECT DISTINCT c.tid, cm.c, CASE WHEN cm.sign = 0 THEN c.m ELSE 0 END
    FROM report.w_cell c JOIN report.w_table t ON t.tid = c.tid
    JOIN report.class_measure cm ON cm.family = t.family AND cm.m = c.m
    WHERE c.supp AND c.cert IS NULL AND c.tid = ANY (p_tids);
    ANALYZE report.w_need;
    -- A node carries a class when every cell of the class's support published at its depth is
    -- hidden. Below the deepest depth at which any of them is published (free_depth), nothing of the
    -- class is published: the first node down there is a leaf of the flow, its room counted from
    -- the atoms of its whole subtree.
    TRUNCATE report.w_req;
    INSERT INTO report.w_req (tid, c, depth, need, free_depth)
    SELECT x.tid, x.c, d.depth,
           count(cm.m) FILTER (WHERE m.max_depth IS NULL OR m.max_depth >= d.depth),
           CASE WHEN bool_or(m.max_depth IS NULL) THEN NULL ELSE max(m.max_depth) + 1 END
    FROM (SELECT DISTINCT tid, c FROM report.w_need) x
    JOIN report.w_table t ON t.tid = x.tid
    CROSS JOIN (SELECT DISTINCT depth FROM report.w_node) d
    JOIN report.class_measure cm ON cm.family = t.family AND cm.c = x.c
    JOIN report.measure m ON m.family = cm.family AND m.m = cm.m
    GROUP BY x.tid, x.c, d.depth;
    ANALYZE report.w_req;
    INSERT INTO report.w_carry (tid, node, c)
    SELECT c.tid, c.node, cm.c
    FROM report.w_cell c JOIN report.w_table t ON t.tid = c.tid
    JOIN report.w_node n ON n.tid = c.tid AND n.node = c.node
    JOIN report.class_measure cm ON cm.family = t.family AND cm.m = c.m
    JOIN report.w_req r ON r.tid = c.tid AND r.c = cm.c AND r.depth = n.depth
    WHERE c.supp AND c.published AND c.tid = ANY (p_tids) AND (r.free_depth IS NULL OR n.depth < r.free_depth)
    GROUP BY c.tid, c.node, cm.c, r.need
    HAVING count(*) = r.need;
    INSERT INTO report.w_carry (tid, node, c)
    SELECT n.tid, n.node, r.c
    FROM report.w_req r JOIN report.w_node n ON n.tid = r.tid AND n.depth = r.depth
    WHERE r.depth = r.free_depth AND n.tid = ANY (p_tids)
    ON CONFLICT DO NOTHING;
    ANALYZE report.w_carry;

    -- Leaves, fixed classes: each leg takes from its src atoms (or nothing: a member arrives) and
    -- gives to its dst atoms; a class moves as many as its scarcest leg allows.
    INSERT INTO report.w_flow (tid, node, c, mm, capp, capm)
    WITH legs AS (
        SELECT p.family, p.c, p.leg, bool_or(p.src IS NULL) AS arrives, bool_or(p.dst IS NULL) AS leaves
        FROM report.class_pair p WHERE p.leg > 0 GROUP BY p.family, p.c, p.leg
    ), carrying AS (
        SELECT w.tid, w.node, w.c, t.family, (r.free_depth IS NOT NULL AND n.depth = r.free_depth AND NOT n.leaf) AS free
        FROM report.w_carry w
        JOIN report.w_node n ON n.tid = w.tid AND n.node = w.node
        JOIN report.w_table t ON t.tid = w.tid
        JOIN report.class k ON k.family = t.family AND k.c = w.c AND NOT k.is_row
        JOIN report.w_req r ON r.tid = w.tid AND r.c = w.c AND r.depth = n.depth
        WHERE w.tid = ANY (p_tids) AND (n.leaf OR n.depth = r.free_depth)
    ), src AS (
        SELECT w.tid, w.node, w.c, p.leg, sum(a.n) AS n FROM carrying w
        JOIN report.class_pair p ON p.family = w.family AND p.c = w.c AND p.leg > 0
        JOIN report.w_atom a ON a.tid = w.tid AND a.node = w.node AND a.a = p.src
        GROUP BY w.tid, w.node, w.c, p.leg
    ), dst AS (
        SELECT w.tid, w.node, w.c, p.leg, sum(a.n) AS n FROM carrying w
        JOIN report.class_pair p ON p.family = w.family AND p.c = w.c AND p.leg > 0
        JOIN report.w_atom a ON a.tid = w.tid AND a.node = w.node AND a.a = p.dst
        GROUP BY w.tid, w.node, w.c, p.leg
    )
    SELECT w.tid, w.node, w.c, 0,
           CASE WHEN w.free AND count(*) FILTER (WHERE NOT l.arrives) > 1 THEN 0
                ELSE min(CASE WHEN l.arrives THEN inf ELSE coalesce(s.n, 0) END) END,
           CASE WHEN w.free AND count(*) FILTER (WHERE NOT l.leaves) > 1 THEN 0
                ELSE min(CASE WHEN l.leaves THEN inf ELSE coalesce(d.n, 0) END) END
    FROM carrying w JOIN legs l ON l.family = w.family AND l.c = w.c
    LEFT JOIN src s ON s.tid = w.tid AND s.node = w.node AND s.c = w.c AND s.leg = l.leg
    LEFT JOIN dst d ON d.tid = w.tid AND d.node = w.node AND d.c = w.c AND d.leg = l.leg
    GROUP BY w.tid, w.node, w.c, w.free;
    -- Leaves, ROW classes: members arrive without limit; as many members of measure mm can leave as
    -- the cell counts (or, for a class of some kinds only, as the leaf has members of those kinds).
    INSERT INTO report.w_flow (tid, node, c, mm, capp, capm)
    WITH carrying AS (
        SELECT w.tid, w.node, w.c, t.family,
               EXISTS (SELECT 1 FROM report.class_pair p WHERE p.family = t.family AND p.c = w.c) AS restricted
        FROM report.w_carry w
        JOIN report.w_node n ON n.tid = w.tid AND n.node = w.node AND n.leaf
        JOIN report.w_table t ON t.tid = w.tid
        JOIN report.class k ON k.family = t.family AND k.c = w.c AND k.is_row
        WHERE w.tid = ANY (p_tids)
    ), allowed AS (
        SELECT w.tid, w.node, w.c, am.m, sum(a.n) AS n FROM carrying w
        JOIN report.class_pair p ON p.family = w.family AND p.c = w.c
        JOIN report.w_atom a ON a.tid = w.tid AND a.node = w.node AND a.a = p.src
        JOIN report.atom_measure am ON am.family = p.family AND am.a = p.src
        WHERE w.restricted
        GROUP BY w.tid, w.node, w.c, am.m
    )
    SELECT w.tid, w.node, w.c, cm.m, inf,
           CASE WHEN w.restricted THEN coalesce(al.n, 0) ELSE coalesce(c.v, 0) END
    FROM carrying w
    JOIN report.class_measure cm ON cm.family = w.family AND cm.c = w.c
    JOIN report.w_need x ON x.tid = w.tid AND x.c = w.c AND x.mm = cm.m
    LEFT JOIN report.w_cell c ON c.tid = w.tid AND c.node = w.node AND c.m = cm.m
    LEFT JOIN allowed al ON al.tid = w.tid AND al.node = w.node AND al.c = w.c AND al.m = cm.m;
    ANALYZE report.w_carry;
    ANALYZE report.w_flow;

    SELECT max(depth) INTO maxd FROM report.w_node WHERE tid = ANY (p_tids);
    FOR d IN REVERSE coalesce(maxd, 0) .. 0 LOOP
        INSERT INTO report.w_flow (tid, node, c, mm, capp, capm)
        SELECT w.tid, w.node, w.c, mms.mm,
               least(inf, coalesce(sum(f.capp), 0)), least(inf, coalesce(sum(f.capm), 0))
        FROM report.w_carry w
        JOIN report.w_node n ON n.tid = w.tid AND n.node = w.node AND NOT n.leaf AND n.depth = d
        JOIN report.w_table t ON t.tid = w.tid
        JOIN report.class k ON k.family = t.family AND k.c = w.c
        JOIN report.w_req r ON r.tid = w.tid AND r.c = w.c AND r.depth = d AND (r.free_depth IS NULL OR d < r.free_depth)
        JOIN report.w_need mms ON mms.tid = w.tid AND mms.c = w.c
        LEFT JOIN report.w_node ch ON ch.tid = w.tid AND ch.parent = w.node
        LEFT JOIN report.w_flow f ON f.tid = w.tid AND f.node = ch.node AND f.c = w.c AND f.mm = mms.mm
        WHERE w.tid = ANY (p_tids)
        GROUP BY w.tid, w.node, w.c, mms.mm;
    END LOOP;

    ANALYZE report.w_flow;
    -- Top-down: the root of an organisation's own table may change freely (nothing is published
    -- above it); every other node passes what its carrying siblings take, plus, if its parent
    -- carries the class too, whatever the parent can pass on.
    UPDATE report.w_flow f SET outp = CASE WHEN t.free_root THEN inf ELSE 0 END,
                               outm = CASE WHEN t.free_root THEN inf ELSE 0 END
    FROM report.w_node n, report.w_table t
    WHERE n.tid = f.tid AND n.node = f.node AND n.parent IS NULL AND t.tid = f.tid AND f.tid = ANY (p_tids);
    -- What the carrying siblings of each node can take, in one pass; then, top-down, a node passes
    -- that plus whatever its parent passes if the parent carries the class too.
    WITH o AS (
        SELECT f.tid, f.node, f.c, f.mm,
               sum(f.capp) OVER w - f.capp AS othp, sum(f.capm) OVER w - f.capm AS othm
        FROM report.w_flow f JOIN report.w_node n ON n.tid = f.tid AND n.node = f.node
        WHERE n.parent IS NOT NULL AND f.tid = ANY (p_tids)
        WINDOW w AS (PARTITION BY f.tid, n.parent, f.c, f.mm)
    )
    UPDATE report.w_flow f SET outp = least(inf, o.othp), outm = least(inf, o.othm)
    FROM o WHERE f.tid = o.tid AND f.node = o.node AND f.c = o.c AND f.mm = o.mm;
    FOR d IN 1 .. coalesce(maxd, 0) LOOP
        UPDATE report.w_flow f SET outp = least(inf, f.outp + pf.outp), outm = least(inf, f.outm + pf.outm)
        FROM report.w_node n, report.w_flow pf
        WHERE n.tid = f.tid AND n.node = f.node AND n.depth = d
          AND pf.tid = f.tid AND pf.node = n.parent AND pf.c = f.c AND pf.mm = f.mm AND f.tid = ANY (p_tids);
    END LOOP;
END
$$;

-- Gives every pending suppressed cell (or, with p_all, every suppressed cell afresh) the best class
-- that protects it: the cell can move by at least k between its lowest and highest feasible value
-- along that class's perturbation. Returns how many suppressed cells are left without one.
CREATE FUNCTION report.certify(p_all boolean) RETURNS integer
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    -- Row estimates of freshly filled scratch tables are poor; merge joins over them rescan badly.
    SET enable_mergejoin = off
    AS $$
DECLARE
    tids integer[];
    left_over integer;
BEGIN
    SELECT array_agg(DISTINCT tid) INTO tids FROM report.w_cell WHERE supp AND published AND (p_all OR cert IS NULL);
    IF tids IS NULL THEN RETURN 0; END IF;
    IF p_all THEN
        UPDATE report.w_cell SET cert = NULL WHERE supp AND published AND tid = ANY (tids);
    END IF;
    ANALYZE report.w_cell;
    PERFORM report.compute_flows(tids);
    WITH cand AS (
        SELECT DISTINCT ON (c.tid, c.node, c.m) c.tid, c.node, c.m, f.c AS cls, t.k,
               least(f.capp, coalesce(f.outm, 0)) + least(f.capm, coalesce(f.outp, 0)) AS width
        FROM report.w_cell c JOIN report.w_table t ON t.tid = c.tid
        JOIN report.class_measure cm ON cm.family = t.family AND cm.m = c.m
        JOIN report.w_flow f ON f.tid = c.tid AND f.node = c.node AND f.c = cm.c
                            AND f.mm = CASE WHEN cm.sign = 0 THEN c.m ELSE 0 END
        WHERE c.supp AND c.cert IS NULL AND c.tid = ANY (tids)
        ORDER BY c.tid, c.node, c.m, width DESC, f.c
    )
    UPDATE report.w_cell c SET cert = cand.cls
    FROM cand WHERE c.tid = cand.tid AND c.node = cand.node AND c.m = cand.m AND cand.width >= cand.k;
    SELECT count(*) INTO left_over FROM report.w_cell WHERE supp AND cert IS NULL AND tid = ANY (tids);
    RETURN left_over;
END
$$;

-- For every suppressed cell still without a certificate, picks the class that can protect it with
-- the fewest further suppressions (a class whose own room in the cell's unit is below k can never
-- do it) and suppresses that class's support where its perturbation has to pass: in the cell's own
-- unit, in the siblings and children already suppressed for the same measure and, if a previous
-- attempt was not enough, in every sibling and child with members of the measure, and after that in
-- the parent.
CREATE FUNCTION report.repair() RETURNS integer
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    -- Row estimates of freshly filled scratch tables are poor; merge joins over them rescan badly.
    SET enable_mergejoin = off
    SET enable_nestloop = off
    AS $$
DECLARE
    inf constant bigint := report.inf();
BEGIN
    TRUNCATE report.w_choice;
    INSERT INTO report.w_choice (tid, node, m, c, tries)
    WITH failing AS (
        SELECT c.tid, c.node, c.m, c.tries, t.family, t.k FROM report.w_cell c JOIN report.w_table t ON t.tid = c.tid
        WHERE c.supp AND c.cert IS NULL
    ), cand AS (
        SELECT f.*, cm.c, k.is_row FROM failing f
        JOIN report.class_measure cm ON cm.family = f.family AND cm.m = f.m
        JOIN report.class k ON k.family = f.family AND k.c = cm.c
    ), missing AS (
        -- A hidden zero needs members of its measure nearby to be protected: one whose parent has
        -- none either, or one of a whole sub-tree (no leaf below has any), is all but hopeless below
        -- the organisation's own totals, so it costs most.
        SELECT x.tid, x.node, x.m, x.c,
               coalesce(sum(CASE WHEN y.supp THEN 0
                                 WHEN coalesce(y.v, 0) = 0 AND (coalesce(py.v, 0) = 0 OR NOT xn.leaf) THEN 50
                                 WHEN coalesce(y.v, 0) = 0 THEN 3 ELSE 1 END), 0) AS cost
        FROM cand x JOIN report.class_measure s ON s.family = x.family AND s.c = x.c
        JOIN report.measure sm ON sm.family = s.family AND sm.m = s.m
        JOIN report.w_node xn ON xn.tid = x.tid AND xn.node = x.node
        LEFT JOIN report.w_cell y ON y.tid = x.tid AND y.node = x.node AND y.m = s.m
        LEFT JOIN report.w_cell py ON py.tid = x.tid AND py.node = xn.parent AND py.m = s.m
        WHERE sm.max_depth IS NULL OR xn.depth <= sm.max_depth
        GROUP BY x.tid, x.node, x.m, x.c
    ), legs AS (
        SELECT x.tid, x.node, x.m, x.c, p.leg,
               CASE WHEN bool_or(p.src IS NULL) THEN inf ELSE coalesce(sum(a1.n), 0) END AS capp,
               CASE WHEN bool_or(p.dst IS NULL) THEN inf ELSE coalesce(sum(a2.n), 0) END AS capm
        FROM cand x JOIN report.class_pair p ON p.family = x.family AND p.c = x.c AND p.leg > 0
        LEFT JOIN report.w_atom a1 ON a1.tid = x.tid AND a1.node = x.node AND a1.a = p.src
        LEFT JOIN report.w_atom a2 ON a2.tid = x.tid AND a2.node = x.node AND a2.a = p.dst
        WHERE NOT x.is_row
        GROUP BY x.tid, x.node, x.m, x.c, p.leg
    ), pot AS (
        SELECT tid, node, m, c, least(inf, min(capp) + min(capm)) AS pot FROM legs GROUP BY tid, node, m, c
    )
    SELECT DISTINCT ON (x.tid, x.node, x.m) x.tid, x.node, x.m, x.c, x.tries
    FROM cand x JOIN missing mi ON mi.tid = x.tid AND mi.node = x.node AND mi.m = x.m AND mi.c = x.c
    LEFT JOIN pot po ON po.tid = x.tid AND po.node = x.node AND po.m = x.m AND po.c = x.c
    WHERE x.is_row OR coalesce(po.pot, 0) >= x.k
    ORDER BY x.tid, x.node, x.m, mi.cost, (x.is_row AND x.tries < 2), coalesce(po.pot, inf) DESC, x.c;

    -- The region grows with every failed attempt: first the cell's unit, its children and siblings
    -- already suppressed for the measure; then those with members of the measure; then the parent
    -- and its siblings, the grandparent and its siblings, and so on up to the root, which nothing
    -- constrains.
    INSERT INTO report.w_add (tid, node, m)
    WITH RECURSIVE chain AS (
        SELECT h.tid, h.node, h.m, h.c, h.tries, 0 AS level FROM report.w_choice h
        UNION ALL
        SELECT ch.tid, n.parent, ch.m, ch.c, ch.tries, ch.level + 1
        FROM chain ch JOIN report.w_node n ON n.tid = ch.tid AND n.node = ch.node
        JOIN report.w_node p ON p.tid = n.tid AND p.node = n.parent
        WHERE ch.level + 1 <= ch.tries
          -- the root (the organisation's own totals) only when nothing below it was enough
          AND (p.parent IS NOT NULL OR ch.tries >= 6)
    ), region AS (
        SELECT tid, node, m, c FROM chain
        UNION
        SELECT ch.tid, s.node, ch.m, ch.c
        FROM chain ch JOIN report.w_node n ON n.tid = ch.tid AND n.node = ch.node
        JOIN report.w_node s ON s.tid = n.tid AND s.parent = n.parent AND s.node <> n.node
        JOIN report.w_cell sc ON sc.tid = s.tid AND sc.node = s.node AND sc.m = ch.m
        WHERE sc.supp OR (ch.tries >= ch.level + 1 AND sc.v > 0)
    ), down AS (
        -- members of the measure live in leaves: the class must reach them through its descendants
        SELECT tid, node, m, c, tries FROM chain
        UNION
        SELECT d.tid, k.node, d.m, d.c, d.tries
        FROM down d JOIN report.w_node k ON k.tid = d.tid AND k.parent = d.node
        JOIN report.w_cell kc ON kc.tid = k.tid AND kc.node = k.node AND kc.m = d.m
        WHERE kc.supp OR (d.tries >= 1 AND kc.v > 0)
    ), everywhere AS (
        SELECT tid, node, m, c FROM region UNION SELECT tid, node, m, c FROM down
    )
    SELECT r.tid, r.node, cm.m
    FROM everywhere r JOIN report.w_table t ON t.tid = r.tid
    JOIN report.class_measure cm ON cm.family = t.family AND cm.c = r.c
    ON CONFLICT DO NOTHING;

    UPDATE report.w_cell SET tries = tries + 1 WHERE supp AND cert IS NULL;
    RETURN report.apply_additions();
END
$$;

-- Last resorts, there so that suppression always ends. After eight attempts the cell's chosen class
-- is hidden in its unit, all the unit's ancestors and all its descendants: the perturbation can then
-- use everything below the unit and run to the root, which nothing constrains. After twelve, the
-- whole population of the cell's measure is, in the same places.
CREATE FUNCTION report.fallback() RETURNS integer
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    INSERT INTO report.w_add (tid, node, m)
    WITH RECURSIVE failing AS (
        SELECT c.tid, c.node, c.m, c.tries, h.c AS cls FROM report.w_cell c
        LEFT JOIN report.w_choice h ON h.tid = c.tid AND h.node = c.node AND h.m = c.m
        WHERE c.supp AND c.cert IS NULL AND c.tries >= 8
    ), up AS (
        SELECT f.tid, f.node, f.m, f.tries, f.cls FROM failing f
        UNION
        SELECT n.tid, n.parent, up.m, up.tries, up.cls FROM up JOIN report.w_node n ON n.tid = up.tid AND n.node = up.node WHERE n.parent IS NOT NULL
    ), down AS (
        SELECT f.tid, f.node, f.m, f.tries, f.cls FROM failing f
        UNION
        SELECT n.tid, n.node, down.m, down.tries, down.cls FROM down JOIN report.w_node n ON n.tid = down.tid AND n.parent = down.node
    ), places AS (
        SELECT * FROM up UNION SELECT * FROM down
    )
    SELECT x.tid, x.node, cm.m
    FROM places x JOIN report.w_table t ON t.tid = x.tid
    JOIN report.class_measure cm ON cm.family = t.family AND cm.c = x.cls
    WHERE x.tries < 12
    UNION
    SELECT x.tid, x.node, m2.m
    FROM places x JOIN report.w_table t ON t.tid = x.tid
    JOIN report.measure m1 ON m1.family = t.family AND m1.m = x.m
    JOIN report.measure m2 ON m2.family = t.family AND m2.population = m1.population
    WHERE x.tries >= 12 OR x.cls IS NULL
    ON CONFLICT DO NOTHING;
    RETURN report.apply_additions();
END
$$;

-- Suppresses every table in report.w_table: primary suppression of counts 1 … k−1, then (unless
-- p_secondary is false, which only the owner's test can ask for) secondary suppression until every
-- suppressed cell has a certificate, and a final check of all certificates from scratch.
CREATE FUNCTION report.suppress(p_secondary boolean DEFAULT true)
    RETURNS TABLE (iterations integer, cells bigint, suppressed bigint, primary_suppressed bigint)
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    SET work_mem = '256MB'
    AS $$
DECLARE
    d integer;
    maxd integer;
    it integer := 0;
    failing integer;
BEGIN
    SELECT max(depth) INTO maxd FROM report.w_node;
    DELETE FROM report.w_atom WHERE agg;
    FOR d IN REVERSE coalesce(maxd, 0) .. 0 LOOP
        INSERT INTO report.w_atom (tid, node, a, n, agg)
        SELECT n.tid, n.node, a.a, sum(a.n), true
        FROM report.w_node n JOIN report.w_node ch ON ch.tid = n.tid AND ch.parent = n.node
        JOIN report.w_atom a ON a.tid = ch.tid AND a.node = ch.node
        WHERE NOT n.leaf AND n.depth = d
        GROUP BY n.tid, n.node, a.a;
    END LOOP;

    DELETE FROM report.w_cell WHERE NOT fixed;
    INSERT INTO report.w_cell (tid, node, m, v)
    SELECT a.tid, a.node, am.m, sum(a.n)
    FROM report.w_atom a JOIN report.w_table t ON t.tid = a.tid
    JOIN report.atom_measure am ON am.family = t.family AND am.a = a.a
    GROUP BY a.tid, a.node, am.m
    ON CONFLICT DO NOTHING;
    -- Measures published down to some depth only are, below it, unknowns to everyone: the engine
    -- treats them as suppressed cells that need no protection of their own.
    UPDATE report.w_cell c SET supp = true, published = false, cert = 0
    FROM report.w_node n, report.w_table t, report.measure m
    WHERE n.tid = c.tid AND n.node = c.node AND t.tid = c.tid AND m.family = t.family AND m.m = c.m AND n.depth > m.max_depth;
    UPDATE report.w_cell c SET supp = true, primary_supp = true
    FROM report.w_table t WHERE t.tid = c.tid AND c.v BETWEEN 1 AND t.k - 1 AND NOT c.fixed AND c.published;
    -- The planner needs to know these tables are not empty, or it picks nested loops over them.
    ANALYZE report.w_table; ANALYZE report.w_node; ANALYZE report.w_atom; ANALYZE report.w_cell;

    IF p_secondary THEN
        LOOP
            it := it + 1;
            PERFORM report.denmark_pass();
            failing := report.certify(false);
            RAISE DEBUG 'suppress: iteration %, % cells without a certificate', it, failing;
            EXIT WHEN failing = 0;
            PERFORM report.repair();
            PERFORM report.fallback();
            IF it > 40 THEN
                RAISE EXCEPTION 'suppression did not converge: % cells without a certificate', failing;
            END IF;
        END LOOP;
        failing := report.certify(true);
        IF failing > 0 THEN
            RAISE EXCEPTION 'suppression check failed: % suppressed cells without a certificate', failing;
        END IF;
    END IF;
    RETURN QUERY SELECT it, count(*), count(*) FILTER (WHERE supp), count(*) FILTER (WHERE primary_supp) FROM report.w_cell;
END
$$;
