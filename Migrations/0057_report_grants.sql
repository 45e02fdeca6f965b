-- Who may do what with the report schema.
--
--   wr_director        EXECUTE on report.organisation(), cycles(), coverage(), support(); nothing else
--                      in report, and no privilege at all on any table of org, routine, support,
--                      notify, audit (Tests/reports/test_privileges.py checks both).
--   wr_report_definer  owns the suppression engine and the director's functions; reads the rollups
--                      and the catalogue; writes the scratch and published tables. It has no
--                      privilege on org, routine or support: even a bug in the engine cannot reach
--                      a person's row.
--   wr_overview        EXECUTE on report.overview_years(), report.overview(): all organisations'
--                      top-level figures side by side (a coordinator of a joint installation).
--   wr_notifier        EXECUTE on report.refresh() (scheduled).
--   the owner          report.refresh_all(), report.collect() (reads the raw tables to count).

-- The director reads the organisation's name through report.organisation(), and writes no audit
-- entries (it reads aggregates only): it keeps no privilege in org or audit.
REVOKE SELECT ON org.organisation FROM wr_director;
REVOKE EXECUTE ON FUNCTION audit.record(text, text, uuid, jsonb) FROM wr_director;
REVOKE USAGE ON SCHEMA org FROM wr_director;
REVOKE USAGE ON SCHEMA audit FROM wr_director;
REVOKE USAGE ON SCHEMA notify FROM wr_director;

-- Hand the engine and the director's functions to the definer. (ALTER … OWNER needs CREATE on the
-- schema for the new owner; it is taken back right after.)
GRANT USAGE, CREATE ON SCHEMA report TO wr_report_definer;
DO $$
DECLARE
    t text;
    f regprocedure;
BEGIN
    FOREACH t IN ARRAY ARRAY['w_table', 'w_node', 'w_atom', 'w_cell', 'w_carry', 'w_flow', 'w_need', 'w_req', 'w_add', 'w_leafq',
                             'w_fail', 'w_nc', 'w_x', 'w_opt', 'w_pick',
                             'published', 'published_table'] LOOP
        EXECUTE format('ALTER TABLE report.%I OWNER TO wr_report_definer', t);
    END LOOP;
    FOR f IN SELECT p.oid::regprocedure FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
             WHERE n.nspname = 'report' AND p.proname IN (
                 'inf', 'apply_additions', 'requirements', 'leaf_room', 'compute_flows', 'certify', 'plan', 'fallback', 'suppress',
                 'load_work', 'publish', 'suppress_and_publish', 'organisation', 'cycles', 'coverage', 'support',
                 'overview_years', 'overview') LOOP
        EXECUTE format('ALTER FUNCTION %s OWNER TO wr_report_definer', f);
        EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', f);
    END LOOP;
END
$$;
REVOKE CREATE ON SCHEMA report FROM wr_report_definer;

GRANT SELECT ON report.measure, report.relation, report.atom, report.atom_measure, report.class, report.class_measure,
                report.class_pair, report.class_side, report.link, report.fact_node, report.fact_table, report.fact_count, report.fact_contact
    TO wr_report_definer;
GRANT USAGE ON SCHEMA app TO wr_report_definer;
GRANT EXECUTE ON FUNCTION app.organisation_id() TO wr_report_definer;

-- The owner drives the engine from refresh_all().
DO $$
BEGIN
    EXECUTE format('GRANT EXECUTE ON FUNCTION report.suppress_and_publish(integer[], boolean, integer), '
                   'report.load_work(integer[]), report.suppress(boolean), report.publish() TO %I', current_user);
END
$$;

-- The acting roles.
GRANT USAGE ON SCHEMA report TO wr_director, wr_overview, wr_notifier;
GRANT EXECUTE ON FUNCTION report.overview_years(), report.overview(integer, text) TO wr_overview;
GRANT EXECUTE ON FUNCTION report.organisation(), report.cycles(), report.coverage(uuid, uuid, text),
                          report.support(uuid, text)
    TO wr_director;
GRANT EXECUTE ON FUNCTION report.refresh() TO wr_notifier;
REVOKE ALL ON FUNCTION report.refresh_all(boolean, boolean), report.refresh_organisations(uuid[], boolean), report.collect(uuid[]), report.month_offset(date, date),
                       report.mark_dirty_new(), report.mark_dirty_old(), report.mark_dirty_organisation()
    FROM PUBLIC;

COMMENT ON SCHEMA report IS $doc$
Aggregates with disclosure control applied inside the database. The director (wr_director) may only
call report.organisation(), cycles(), coverage(), support(); the coordinator (wr_overview) only
report.overview_years(), overview(). Everything they return is already suppressed.

WHAT IS PUBLISHED. Per organisation and cycle, two tables: persons (question coverage, new hires,
introduction, staff training, managers' training; per unit of the unit tree, each unit with a
virtual child "(directly in this unit)" so a parent is the exact sum of its children; talks per
month for the organisation) and support requests (the organisation as a whole only, never below).
Every figure is a sum of atoms (report.atom: the finest categories a member can be in), so every
relation an attacker knows is linear: parent = Σ children, total = Σ parts, cycle = Σ months, and
the atoms are non-negative. Rare measures (reasons, new hires, introduction, managers) are
published down to the förvaltningar only, months for the organisation only: a fixed rule
(report.measure.max_depth), never chosen from the data.

PRIMARY SUPPRESSION. Every count from 1 to k-1 is hidden (k = org.organisation.suppression_threshold,
default 5); zeros are shown. A share is shown only when its numerator and denominator are both shown
and the denominator is at least k. A hidden figure is marked the same way whether it was small or
hidden to protect another (two marks would tell which cells are the small ones).

SECONDARY SUPPRESSION (report.suppress). Requirement: for every hidden cell, the values it can take
given everything published must span at least k. Method: every hidden cell must carry a
certificate, an explicit perturbation of the atoms that changes no published figure, keeps every
atom non-negative and moves the cell by at least k between its extremes. Perturbations come in
classes (report.class): a member of a unit changes category (asked -> a reason, a reason -> another,
a talk in month j -> month l, trained -> untrained, ...), members arrive from another unit, or ROW
classes move whole members of any kind between units. COARSE classes (asked -> not asked, asked or
not asked -> no talk yet, arrivals of asked or not-asked members) use that reasons and months are
not published below the förvaltningar and the organisation: a member may go to any reason or leave
any month, so a small unit's room is what it has in all reasons or months together. Which reason
is the choice of the unit that gives, so the other side's mix decides how far one reason moves: a
coarse class certifies only the measures all its moves change alike (report.class_measure.exact:
asked, not asked, held, ...), never one reason or month, though it needs those hidden wherever
they are published. For a class c, a node carries c when every published cell of c's support there
is hidden. capp/capm(n) is how many members the subtree of n can move in the + / - direction
through carrying nodes (at a leaf: the atoms a class takes from or gives to; a member may always
arrive); outp/outm(n) is how much the rest of the tree can absorb: the carrying siblings' room plus,
when the parent carries c too, the parent's; at the organisation's root, which nothing is published
above, without limit. The cell then moves by min(capp, outm) + min(capm, outp), and that must be
>= k. Proof sketch: the flow defines atom changes only inside carrying nodes; at every node the
change of any published measure is the class's effect on it times the net flow (for a coarse
class's uneven measures: the givers copy the takers' mix), which is zero at every node that does
not carry c and for every measure outside c's support; every atom stays >= 0 by the capacities. So
the cell's feasible interval (what the attacker's linear program finds) is at least as wide.
Certificates stay valid when more cells are hidden (capacities only grow). The loop: certify every
hidden cell it can; for the rest, report.plan() searches, per cell, the cheapest plan (fewest cells
to hide): a class, the cell's unit and a chain of carrying nodes below it, and partners among the
siblings of the unit or of an ancestor that carries the class too, or the root; it hides that
class's support where the plan passes. Plans first use only cells with members, then zeros too;
after four failed attempts the last resort hides the planned class's support in the unit, all its
ancestors and descendants, after six the whole population there. A final pass recomputes every
certificate from scratch and raises an error if any hidden cell lacks one.

HEADLINE FIGURES. The organisation's own totals of the main figures (report.measure.headline: due,
held, asked, not asked, not yet, new hires, staff, managers recording; support requests) are what
the director reads first. Shown at the organisation's level (>= k), they are locked: plans protect
small cells inside the unit tree instead (partners among the förvaltningar and below) and hide a
headline figure only in their third mode or as the last resort; report.suppress() returns how many
it had to hide (headline_hidden). Privacy still wins: a locked figure is hidden rather than leave
a cell without a certificate.

LIMITS. The guarantee is against linear reasoning over what is published here (the attacker test in
Tests/reports checks it with linear programming). It does not cover knowledge from outside (e.g.
the head count of a unit known from elsewhere), differences between two refreshes of the same
cycle, or the median time to first contact, which is shown only beside published support counts
and with at least k contacted requests. Certificates use one class at a time, so the engine hides
more than the least necessary. Counts are taken by the current unit of each person.
$doc$;
