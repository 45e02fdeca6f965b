-- Disclosure control inside the database (MISSION.md, promise 7). See the COMMENT ON SCHEMA report
-- (0057) for the method and why it is sound; the attacker test in Tests/reports checks it with linear
-- programming on generated data.
--
-- The engine works on a batch of tables at once (set-based): report.w_table lists them, report.w_node
-- holds their unit trees, report.w_atom their atom counts per node. report.suppress() fills
-- report.w_cell with every cell, its value and whether it is suppressed, and leaves a certificate (the
-- class whose perturbation protects it) on every suppressed cell. The w_* tables are scratch space of
-- one refresh at a time (every refresh holds an advisory lock).

CREATE UNLOGGED TABLE report.w_table (
    tid integer PRIMARY KEY,
    family text NOT NULL,
    k integer NOT NULL CHECK (k >= 2),
    -- May the root change freely (true for an organisation's own tables: nothing is published above
    -- them)?
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
    fixed boolean NOT NULL DEFAULT false,   -- decided elsewhere: never changed here
    published boolean NOT NULL DEFAULT true, -- false: not a published cell (rare measures below their depth)
    -- An organisation's headline figure of at least k: secondary suppression protects below it and
    -- hides it only in the plan's last mode or the last resort (report.suppress() returns how many).
    lock boolean NOT NULL DEFAULT false,
    plan_c smallint,               -- the class of the last plan chosen for the cell (for the last resort)
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
CREATE UNLOGGED TABLE report.w_add (tid integer, node integer, m smallint, PRIMARY KEY (tid, node, m));
-- Flow leaves whose room report.leaf_room() computes (inner: a node at the depth below which
-- nothing of the class is published, counted from its whole subtree).
CREATE UNLOGGED TABLE report.w_leafq (tid integer, node integer, c smallint, inner_node boolean, PRIMARY KEY (tid, node, c));
-- Planning (report.plan): the failing cells, every (node, class) that could take part in their
-- protection, the search rows, the options found and the nodes picked.
CREATE UNLOGGED TABLE report.w_fail (tid integer, node integer, m smallint, k integer, PRIMARY KEY (tid, node, m));
CREATE UNLOGGED TABLE report.w_nc (
    tid integer NOT NULL, node integer NOT NULL, c smallint NOT NULL,
    depth smallint NOT NULL, leaf boolean NOT NULL, flow_leaf boolean NOT NULL,
    need integer NOT NULL,         -- published cells of the class's support at the node
    hid integer NOT NULL,          -- of them hidden already
    ok boolean NOT NULL,           -- the rest may be hidden
    cost integer NOT NULL,         -- how many that is
    capp bigint, capm bigint,      -- room in the + / − direction through the node (its chain)
    dcost integer NOT NULL DEFAULT 0,  -- cells to hide below the node for that chain
    via integer,                   -- the child the chain runs through (NULL: only free children)
    PRIMARY KEY (tid, node, c)
);
CREATE UNLOGGED TABLE report.w_x (
    tid integer NOT NULL, node integer NOT NULL, m smallint NOT NULL, c smallint NOT NULL, k integer NOT NULL,
    ap bigint NOT NULL, am bigint NOT NULL, ocost integer NOT NULL,
    anchor integer NOT NULL, ucost integer NOT NULL, lvl smallint NOT NULL,
    PRIMARY KEY (tid, node, m, c, lvl)
);
CREATE UNLOGGED TABLE report.w_opt (
    tid integer NOT NULL, node integer NOT NULL, m smallint NOT NULL, c smallint NOT NULL, lvl smallint NOT NULL,
    cost integer NOT NULL, width bigint NOT NULL, partners integer[] NOT NULL
);
CREATE INDEX w_opt_cell ON report.w_opt (tid, node, m);
CREATE UNLOGGED TABLE report.w_pick (tid integer, node integer, c smallint, PRIMARY KEY (tid, node, c));

-- "Infinite" room: a root that nothing is published above, or a member arriving from elsewhere.
CREATE FUNCTION report.inf() RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT 1000000000000000::bigint $$;

-- Suppresses the cells in report.w_add (inserting zero cells as needed). Locked cells (an
-- organisation's headline figures) only with p_force, the last resort. Returns how many changed.
CREATE FUNCTION report.apply_additions(p_force boolean DEFAULT false) RETURNS integer
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
    ON CONFLICT (tid, node, m) DO UPDATE SET supp = true
        WHERE NOT c.supp AND NOT c.fixed AND c.published AND (p_force OR NOT c.lock);
    GET DIAGNOSTICS n = ROW_COUNT;
    TRUNCATE report.w_add;
    RETURN n;
END
$$;

-- For every (table, class) in report.w_need and every depth of the table's tree: how many measures
-- of the class's support are published there (need), and the depth below which none is
-- (free_depth; NULL when some measure is published at every depth). Below free_depth nothing of the
-- class is published: the first node down there is a leaf of the flow, its room counted from the
-- atoms of its whole subtree.
CREATE FUNCTION report.requirements() RETURNS void
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
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
END
$$;

-- The room of an ordinary class at the flow leaves listed in report.w_leafq: in the + direction
-- (members move from src to dst) as many members as the scarcest leg has in its src atoms, in the −
-- direction as many as it has in its dst atoms; a leg whose side is open (a member arrives from or
-- leaves to another unit) does not limit. At an inner flow leaf (counted from its whole subtree) two
-- limiting legs could have their members in different units: no room is counted then.
-- The planner (report.plan) and the certificates (report.compute_flows) share this one definition.
CREATE FUNCTION report.leaf_room() RETURNS TABLE (tid integer, node integer, c smallint, capp bigint, capm bigint)
    LANGUAGE sql
    SET search_path = pg_catalog, pg_temp
    SET enable_mergejoin = off
    AS $$
    WITH sides AS (
        SELECT q.tid, q.node, q.c, q.inner_node, s.leg, s.side, bool_or(s.a IS NULL) AS open, coalesce(sum(a.n), 0) AS n
        FROM report.w_leafq q JOIN report.w_table t ON t.tid = q.tid
        JOIN report.class_side s ON s.family = t.family AND s.c = q.c
        LEFT JOIN report.w_atom a ON a.tid = q.tid AND a.node = q.node AND a.a = s.a
        GROUP BY q.tid, q.node, q.c, q.inner_node, s.leg, s.side
    )
    SELECT x.tid, x.node, x.c,
           CASE WHEN x.inner_node AND count(*) FILTER (WHERE x.side = 's' AND NOT x.open) > 1 THEN 0
                ELSE min(CASE WHEN x.open THEN report.inf() ELSE x.n END) FILTER (WHERE x.side = 's') END,
           CASE WHEN x.inner_node AND count(*) FILTER (WHERE x.side = 'd' AND NOT x.open) > 1 THEN 0
                ELSE min(CASE WHEN x.open THEN report.inf() ELSE x.n END) FILTER (WHERE x.side = 'd') END
    FROM sides x GROUP BY x.tid, x.node, x.c, x.inner_node
$$;

-- Room for every class in every node that carries it (all published cells of the class's support
-- hidden): capp / capm = how many members the node's subtree can move in the class's + / − direction
-- through carrying nodes only; outp / outm = how much the rest of the tree can absorb in the + / −
-- direction while every published cell stays as it is. Only for the tables in p_tids, and only for
-- the classes (and, for ROW classes, the measures) a suppressed cell without a certificate needs.
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
    TRUNCATE report.w_carry, report.w_flow, report.w_need, report.w_leafq;
    INSERT INTO report.w_need (tid, c, mm)
    SELECT DISTINCT c.tid, cm.c, CASE WHEN k.is_row THEN c.m ELSE 0 END
    FROM report.w_cell c JOIN report.w_table t ON t.tid = c.tid
    JOIN report.class_measure cm ON cm.family = t.family AND cm.m = c.m AND cm.exact
    JOIN report.class k ON k.family = cm.family AND k.c = cm.c
    WHERE c.supp AND c.published AND c.cert IS NULL AND c.tid = ANY (p_tids);
    ANALYZE report.w_need;
    PERFORM report.requirements();

    -- A node carries a class when every cell of the class's support published at its depth is
    -- hidden; the first node below the deepest such depth carries it always.
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

    -- Flow leaves, ordinary classes.
    INSERT INTO report.w_leafq (tid, node, c, inner_node)
    SELECT w.tid, w.node, w.c, NOT n.leaf
    FROM report.w_carry w
    JOIN report.w_node n ON n.tid = w.tid AND n.node = w.node
    JOIN report.w_table t ON t.tid = w.tid
    JOIN report.class k ON k.family = t.family AND k.c = w.c AND NOT k.is_row
    JOIN report.w_req r ON r.tid = w.tid AND r.c = w.c AND r.depth = n.depth
    WHERE w.tid = ANY (p_tids) AND (n.leaf OR n.depth = r.free_depth);
    ANALYZE report.w_leafq;
    INSERT INTO report.w_flow (tid, node, c, mm, capp, capm)
    SELECT x.tid, x.node, x.c, 0, x.capp, x.capm FROM report.leaf_room() x;
    -- Leaves, ROW classes: members arrive without limit; as many members of measure mm can leave as
    -- the leaf counts.
    INSERT INTO report.w_flow (tid, node, c, mm, capp, capm)
    SELECT w.tid, w.node, w.c, x.mm, inf, coalesce(c.v, 0)
    FROM report.w_carry w
    JOIN report.w_node n ON n.tid = w.tid AND n.node = w.node AND n.leaf
    JOIN report.w_table t ON t.tid = w.tid
    JOIN report.class k ON k.family = t.family AND k.c = w.c AND k.is_row
    JOIN report.w_need x ON x.tid = w.tid AND x.c = w.c
    LEFT JOIN report.w_cell c ON c.tid = w.tid AND c.node = w.node AND c.m = x.mm
    WHERE w.tid = ANY (p_tids);
    ANALYZE report.w_flow;

    -- Bottom-up: an inner carrying node moves what its carrying children move.
    SELECT max(depth) INTO maxd FROM report.w_node WHERE tid = ANY (p_tids);
    FOR d IN REVERSE coalesce(maxd, 0) .. 0 LOOP
        INSERT INTO report.w_flow (tid, node, c, mm, capp, capm)
        SELECT w.tid, w.node, w.c, mms.mm,
               least(inf, coalesce(sum(f.capp), 0)), least(inf, coalesce(sum(f.capm), 0))
        FROM report.w_carry w
        JOIN report.w_node n ON n.tid = w.tid AND n.node = w.node AND NOT n.leaf AND n.depth = d
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
        -- only a class that moves the cell's measure alike in every move certifies it
        JOIN report.class_measure cm ON cm.family = t.family AND cm.m = c.m AND cm.exact
        JOIN report.class k ON k.family = cm.family AND k.c = cm.c
        JOIN report.w_flow f ON f.tid = c.tid AND f.node = c.node AND f.c = cm.c
                            AND f.mm = CASE WHEN k.is_row THEN c.m ELSE 0 END
        WHERE c.supp AND c.published AND c.cert IS NULL AND c.tid = ANY (tids)
        ORDER BY c.tid, c.node, c.m, width DESC, f.c
    )
    UPDATE report.w_cell c SET cert = cand.cls
    FROM cand WHERE c.tid = cand.tid AND c.node = cand.node AND c.m = cand.m AND cand.width >= cand.k;
    SELECT count(*) INTO left_over FROM report.w_cell WHERE supp AND published AND cert IS NULL AND tid = ANY (tids);
    RETURN left_over;
END
$$;

-- Plans the protection of every suppressed cell still without a certificate (of those whose attempts
-- put them in mode p_mode) and hides what the plan needs. A plan for a cell x in unit u is a class c
-- whose support contains x's measure and a way for c's perturbation to pass:
--   * u itself carries c (its other published cells of c's support are hidden), and when u is not
--     a leaf of the flow, a chain of carrying nodes below it down to one (its room);
--   * the perturbation is balanced by partners: siblings of u, or siblings of an ancestor a of u
--     when the ancestors up to a carry c as well, each with its own chain; or it runs up to the
--     organisation's root, which nothing constrains, when the root carries c;
--   * the width it gives x, min(room+ of u, Σ room− of partners) + min(room− of u, Σ room+ of
--     partners), is at least k (report.compute_flows then finds at least that much).
-- Among all plans the cheapest (fewest cells to hide) wins; the partners of one level are taken in
-- order of cost per protection they add. In mode 0 a plan may hide only cells with members (a hidden
-- zero protects nothing and needs protection itself) and never an organisation's headline figure;
-- mode 1 may hide zeros; mode 2 also headline figures. Returns the number of cells hidden.
CREATE FUNCTION report.plan(p_mode integer) RETURNS integer
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    SET enable_mergejoin = off
    SET enable_nestloop = off
    AS $$
DECLARE
    inf constant bigint := report.inf();
    d integer;
    maxd integer;
    lv integer := 0;
    n integer;
BEGIN
    TRUNCATE report.w_fail, report.w_nc, report.w_x, report.w_opt, report.w_pick, report.w_leafq;
    INSERT INTO report.w_fail (tid, node, m, k)
    SELECT c.tid, c.node, c.m, t.k FROM report.w_cell c JOIN report.w_table t ON t.tid = c.tid
    WHERE c.supp AND c.published AND c.cert IS NULL
      AND CASE p_mode WHEN 0 THEN c.tries < 2 WHEN 1 THEN c.tries = 2 ELSE c.tries = 3 END;
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n = 0 THEN RETURN 0; END IF;
    ANALYZE report.w_fail;

    -- Every (node, class) that could take part: the ordinary classes of the failing cells' measures,
    -- in every node of their tables down to the class's first unpublished depth.
    INSERT INTO report.w_nc (tid, node, c, depth, leaf, flow_leaf, need, hid, ok, cost)
    WITH cls AS (
        SELECT DISTINCT f.tid, cm.c FROM report.w_fail f JOIN report.w_table t ON t.tid = f.tid
        JOIN report.class_measure cm ON cm.family = t.family AND cm.m = f.m AND cm.exact
        JOIN report.class k ON k.family = cm.family AND k.c = cm.c AND NOT k.is_row
    ), cnt AS (
        SELECT x.tid, c.node, x.c,
               count(*) FILTER (WHERE c.supp) AS hid,
               count(*) FILTER (WHERE NOT c.supp AND c.v > 0 AND NOT c.lock AND NOT c.fixed) AS pos,
               count(*) FILTER (WHERE NOT c.supp AND (c.lock OR c.fixed)) AS lockn
        FROM cls x JOIN report.w_table t ON t.tid = x.tid
        JOIN report.class_measure cm ON cm.family = t.family AND cm.c = x.c
        JOIN report.w_cell c ON c.tid = x.tid AND c.m = cm.m AND c.published
        GROUP BY x.tid, c.node, x.c
    )
    SELECT x.tid, n.node, x.c, n.depth, n.leaf, n.leaf OR coalesce(n.depth = r.free_depth, false), r.need, coalesce(ct.hid, 0),
           CASE p_mode WHEN 0 THEN coalesce(ct.hid, 0) + coalesce(ct.pos, 0) = r.need
                       WHEN 1 THEN coalesce(ct.lockn, 0) = 0
                       ELSE true END,
           r.need - coalesce(ct.hid, 0)
    FROM cls x JOIN report.w_node n ON n.tid = x.tid
    JOIN report.w_req r ON r.tid = x.tid AND r.c = x.c AND r.depth = n.depth
    LEFT JOIN cnt ct ON ct.tid = x.tid AND ct.node = n.node AND ct.c = x.c
    WHERE r.free_depth IS NULL OR n.depth <= r.free_depth;
    ANALYZE report.w_nc;
    RAISE DEBUG 'plan %: % cells, w_nc % (% s)', p_mode, n, (SELECT count(*) FROM report.w_nc), round(extract(epoch FROM clock_timestamp() - now())::numeric, 1);

    -- Room at the flow leaves.
    INSERT INTO report.w_leafq (tid, node, c, inner_node)
    SELECT tid, node, c, NOT leaf FROM report.w_nc WHERE flow_leaf AND ok;
    ANALYZE report.w_leafq;
    UPDATE report.w_nc w SET capp = x.capp, capm = x.capm
    FROM report.leaf_room() x WHERE w.tid = x.tid AND w.node = x.node AND w.c = x.c;

    -- Chains, bottom-up: an inner node passes what its children that need nothing hidden pass, plus,
    -- when that is not k both ways, the child whose own chain adds most (then fewest cells).
    SELECT max(depth) INTO maxd FROM report.w_nc;
    FOR d IN REVERSE coalesce(maxd, 0) - 1 .. 0 LOOP
        WITH ch AS (
            SELECT p.tid, p.node, p.c, x.node AS child, x.capp, x.capm, x.cost + x.dcost AS tc
            FROM report.w_nc p
            JOIN report.w_node n ON n.tid = p.tid AND n.parent = p.node
            JOIN report.w_nc x ON x.tid = n.tid AND x.node = n.node AND x.c = p.c AND x.ok AND x.capp IS NOT NULL
            WHERE p.depth = d AND NOT p.flow_leaf AND p.ok
        ), free AS (
            SELECT ch.tid, ch.node, ch.c, coalesce(sum(ch.capp) FILTER (WHERE ch.tc = 0), 0) AS fp,
                   coalesce(sum(ch.capm) FILTER (WHERE ch.tc = 0), 0) AS fm, t.k
            FROM ch JOIN report.w_table t ON t.tid = ch.tid GROUP BY ch.tid, ch.node, ch.c, t.k
        ), best AS (
            SELECT DISTINCT ON (ch.tid, ch.node, ch.c) ch.tid, ch.node, ch.c, ch.child, ch.capp, ch.capm, ch.tc
            FROM ch JOIN free f ON f.tid = ch.tid AND f.node = ch.node AND f.c = ch.c
            WHERE ch.tc > 0
            ORDER BY ch.tid, ch.node, ch.c, least(f.fp + ch.capp, f.k) + least(f.fm + ch.capm, f.k) DESC, ch.tc,
                     ch.capp + ch.capm DESC, ch.child
        ), chosen AS (
            SELECT f.tid, f.node, f.c,
                   (b.child IS NOT NULL AND least(f.fp, f.k) + least(f.fm, f.k) < 2 * f.k
                    AND least(f.fp + b.capp, f.k) + least(f.fm + b.capm, f.k) > least(f.fp, f.k) + least(f.fm, f.k)) AS use_best,
                   f.fp, f.fm, b.child, b.capp, b.capm, b.tc
            FROM free f LEFT JOIN best b ON b.tid = f.tid AND b.node = f.node AND b.c = f.c
        )
        UPDATE report.w_nc w
        SET capp = least(inf, x.fp + CASE WHEN x.use_best THEN x.capp ELSE 0 END),
            capm = least(inf, x.fm + CASE WHEN x.use_best THEN x.capm ELSE 0 END),
            dcost = CASE WHEN x.use_best THEN x.tc ELSE 0 END,
            via = CASE WHEN x.use_best THEN x.child END
        FROM chosen x WHERE w.tid = x.tid AND w.node = x.node AND w.c = x.c;
    END LOOP;

    RAISE DEBUG 'plan %: chains (% s)', p_mode, round(extract(epoch FROM clock_timestamp() - now())::numeric, 1);
    -- The search: level 0 looks for partners among the cell's siblings, level l among the siblings
    -- of its l-th ancestor (the ancestors carrying the class too). A level is searched only by the
    -- cells and classes whose cost so far could still beat the best plan found.
    INSERT INTO report.w_x (tid, node, m, c, k, ap, am, ocost, anchor, ucost, lvl)
    SELECT f.tid, f.node, f.m, w.c, f.k, w.capp, w.capm, w.cost + w.dcost, f.node, 0, 0
    FROM report.w_fail f JOIN report.w_table t ON t.tid = f.tid
    JOIN report.class_measure cm ON cm.family = t.family AND cm.m = f.m AND cm.exact
    JOIN report.w_nc w ON w.tid = f.tid AND w.node = f.node AND w.c = cm.c AND w.ok AND (w.capp > 0 OR w.capm > 0);
    LOOP
        ANALYZE report.w_x;
        -- up to the root, which nothing constrains
        INSERT INTO report.w_opt (tid, node, m, c, lvl, cost, width, partners)
        SELECT x.tid, x.node, x.m, x.c, lv, x.ocost + x.ucost, least(inf, x.ap + x.am), '{}'
        FROM report.w_x x JOIN report.w_node a ON a.tid = x.tid AND a.node = x.anchor AND a.parent IS NULL
        JOIN report.w_table t ON t.tid = x.tid AND t.free_root
        WHERE x.lvl = lv AND x.ap + x.am >= x.k;
        -- partners among the anchor's siblings
        INSERT INTO report.w_opt (tid, node, m, c, lvl, cost, width, partners)
        WITH p AS (
            SELECT x.tid, x.node, x.m, x.c, x.k, x.ap, x.am, x.ocost + x.ucost AS base, s.node AS partner,
                   s.cost + s.dcost AS pc, s.capp AS bp, s.capm AS bm,
                   least(x.k, least(x.ap, s.capm) + least(x.am, s.capp)) AS contrib
            FROM report.w_x x
            JOIN report.w_node a ON a.tid = x.tid AND a.node = x.anchor
            JOIN report.w_node sn ON sn.tid = a.tid AND sn.parent = a.parent AND sn.node <> a.node
            JOIN report.w_nc s ON s.tid = sn.tid AND s.node = sn.node AND s.c = x.c AND s.ok AND s.capp IS NOT NULL
            WHERE x.lvl = lv
        ), o AS (
            SELECT p.*, sum(p.bp) OVER w AS sp, sum(p.bm) OVER w AS sm, sum(p.pc) OVER w AS spc,
                   array_agg(p.partner) OVER w AS ps
            FROM p WHERE p.contrib > 0
            WINDOW w AS (PARTITION BY p.tid, p.node, p.m, p.c
                         ORDER BY p.pc > 0, p.pc::float8 / p.contrib, p.contrib DESC, p.partner ROWS UNBOUNDED PRECEDING)
        )
        SELECT DISTINCT ON (o.tid, o.node, o.m, o.c) o.tid, o.node, o.m, o.c, lv, o.base + o.spc,
               least(inf, least(o.ap, o.sm) + least(o.am, o.sp)), o.ps
        FROM o WHERE least(o.ap, o.sm) + least(o.am, o.sp) >= o.k
        ORDER BY o.tid, o.node, o.m, o.c, o.spc, cardinality(o.ps);
        -- one level up: the anchor's parent must carry the class as well
        lv := lv + 1;
        INSERT INTO report.w_x (tid, node, m, c, k, ap, am, ocost, anchor, ucost, lvl)
        SELECT x.tid, x.node, x.m, x.c, x.k, x.ap, x.am, x.ocost, a.parent, x.ucost + pw.cost, lv
        FROM report.w_x x
        JOIN report.w_node a ON a.tid = x.tid AND a.node = x.anchor AND a.parent IS NOT NULL
        JOIN report.w_nc pw ON pw.tid = x.tid AND pw.node = a.parent AND pw.c = x.c AND pw.ok
        WHERE x.lvl = lv - 1
          AND NOT EXISTS (SELECT 1 FROM report.w_opt o WHERE o.tid = x.tid AND o.node = x.node AND o.m = x.m
                          AND o.cost <= x.ocost + x.ucost + pw.cost);
        GET DIAGNOSTICS n = ROW_COUNT;
        RAISE DEBUG 'plan %: level % done, % rows go on (% s)', p_mode, lv - 1, n, round(extract(epoch FROM clock_timestamp() - now())::numeric, 1);
        EXIT WHEN n = 0;
    END LOOP;

    -- The cheapest plan of every cell, and the nodes it needs: the cell's unit and its chain, the
    -- ancestors up to the level, the partners and their chains.
    INSERT INTO report.w_pick (tid, node, c)
    WITH RECURSIVE best AS (
        SELECT DISTINCT ON (o.tid, o.node, o.m) o.* FROM report.w_opt o
        ORDER BY o.tid, o.node, o.m, o.cost, o.width DESC, o.lvl, o.c
    ), up AS (
        SELECT b.tid, b.node, b.c, b.lvl::integer FROM best b
        UNION ALL
        SELECT u.tid, n.parent, u.c, u.lvl - 1 FROM up u JOIN report.w_node n ON n.tid = u.tid AND n.node = u.node
        WHERE u.lvl > 0
    ), start AS (
        SELECT u.tid, u.node, u.c FROM up u
        UNION
        SELECT b.tid, p.node, b.c FROM best b CROSS JOIN LATERAL unnest(b.partners) AS p (node)
    ), chain AS (
        SELECT s.tid, s.node, s.c FROM start s
        UNION
        SELECT w.tid, w.via, w.c FROM chain ch JOIN report.w_nc w ON w.tid = ch.tid AND w.node = ch.node AND w.c = ch.c
        WHERE w.via IS NOT NULL
    )
    SELECT DISTINCT tid, node, c FROM chain;
    UPDATE report.w_cell c SET plan_c = b.c
    FROM (SELECT DISTINCT ON (o.tid, o.node, o.m) o.tid, o.node, o.m, o.c FROM report.w_opt o
          ORDER BY o.tid, o.node, o.m, o.cost, o.width DESC, o.lvl, o.c) b
    WHERE c.tid = b.tid AND c.node = b.node AND c.m = b.m;

    INSERT INTO report.w_add (tid, node, m)
    SELECT DISTINCT p.tid, p.node, cm.m
    FROM report.w_pick p JOIN report.w_table t ON t.tid = p.tid
    JOIN report.w_node n ON n.tid = p.tid AND n.node = p.node
    JOIN report.class_measure cm ON cm.family = t.family AND cm.c = p.c
    JOIN report.measure m ON m.family = cm.family AND m.m = cm.m AND (m.max_depth IS NULL OR m.max_depth >= n.depth)
    ON CONFLICT DO NOTHING;
    RETURN report.apply_additions(p_mode >= 2);
END
$$;

-- Last resorts, there so that suppression always ends. After four attempts the cell's planned class
-- is hidden in its unit, all the unit's ancestors and all its descendants: the perturbation can then
-- use everything below the unit and run to the root, which nothing constrains. After six (or with no
-- plan ever found), the whole population of the cell's measure is, in the same places: the ROW
-- class then moves members freely.
CREATE FUNCTION report.fallback() RETURNS integer
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    INSERT INTO report.w_add (tid, node, m)
    WITH RECURSIVE failing AS (
        SELECT c.tid, c.node, c.m, c.tries, c.plan_c AS cls FROM report.w_cell c
        WHERE c.supp AND c.published AND c.cert IS NULL AND c.tries >= 4
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
    WHERE x.tries < 6
    UNION
    SELECT x.tid, x.node, m2.m
    FROM places x JOIN report.w_table t ON t.tid = x.tid
    JOIN report.measure m1 ON m1.family = t.family AND m1.m = x.m
    JOIN report.measure m2 ON m2.family = t.family AND m2.population = m1.population
    WHERE x.tries >= 6 OR x.cls IS NULL
    ON CONFLICT DO NOTHING;
    RETURN report.apply_additions(true);
END
$$;

-- Suppresses every table in report.w_table: primary suppression of counts 1 … k−1, then (unless
-- p_secondary is false, which only the owner's test can ask for) secondary suppression until every
-- suppressed cell has a certificate, and a final check of all certificates from scratch.
CREATE FUNCTION report.suppress(p_secondary boolean DEFAULT true)
    RETURNS TABLE (iterations integer, cells bigint, suppressed bigint, primary_suppressed bigint, headline_hidden bigint)
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    SET work_mem = '256MB'
    -- Compiling the engine's large statements costs more than it saves on these row counts.
    SET jit = off
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
    -- The organisation's headline figures that are shown stay shown.
    UPDATE report.w_cell c SET lock = true
    FROM report.w_node n, report.w_table t, report.measure m
    WHERE n.tid = c.tid AND n.node = c.node AND n.parent IS NULL AND t.tid = c.tid AND m.family = t.family AND m.m = c.m
      AND m.headline AND NOT c.supp;
    -- The planner needs to know these tables are not empty, or it picks nested loops over them.
    ANALYZE report.w_table; ANALYZE report.w_node; ANALYZE report.w_atom; ANALYZE report.w_cell;

    IF p_secondary THEN
        LOOP
            it := it + 1;
            failing := report.certify(false);
            RAISE DEBUG 'suppress: iteration %, % cells without a certificate (% s)', it, failing,
                round(extract(epoch FROM clock_timestamp() - now())::numeric, 1);
            EXIT WHEN failing = 0;
            IF it > 30 THEN
                RAISE EXCEPTION 'suppression did not converge: % cells without a certificate', failing;
            END IF;
            RAISE DEBUG 'suppress: plans hid % + % + % cells, the last resort % (% s)', report.plan(0), report.plan(1), report.plan(2),
                report.fallback(), round(extract(epoch FROM clock_timestamp() - now())::numeric, 1);
            UPDATE report.w_cell SET tries = tries + 1 WHERE supp AND published AND cert IS NULL;
        END LOOP;
        failing := report.certify(true);
        IF failing > 0 THEN
            RAISE EXCEPTION 'suppression check failed: % suppressed cells without a certificate', failing;
        END IF;
    END IF;
    RETURN QUERY SELECT it, count(*) FILTER (WHERE published), count(*) FILTER (WHERE supp AND published),
                        count(*) FILTER (WHERE primary_supp), count(*) FILTER (WHERE lock AND supp)
    FROM report.w_cell;
END
$$;
