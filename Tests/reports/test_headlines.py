"""The organisation's headline figures of the main table (due, held, asked, not asked, not yet, new
hires, staff, managers recording) are never hidden merely to protect a small cell elsewhere: each
one of at least k is published at the organisation's level, while the attacker test shows the cells
below it stay protected. True values are counted here from the atoms with the attacker's own model,
independently of the database's catalogue."""
import attacker
import model

HEADLINES = ["due", "held", "asked", "not_asked", "not_yet", "new_hires_due", "staff", "managers_recording"]


def atom_code(group, atom):
    """The catalogue's code of one atom of the model (report.atom.code)."""
    if group == "S":
        return "S:%s:%s" % atom
    if group == "TR":
        return "TR:" + "".join(atom)
    return "%s:%s" % (group, atom)


def true_root_values(owner, organisation_id):
    """cycle_id -> measure -> the organisation's true count, from every counted atom."""
    rows = owner.execute(
        "SELECT t.cycle_id, a.code, sum(f.n) FROM report.fact_table t "
        "JOIN report.fact_count f ON f.tid = t.tid JOIN report.atom a ON a.family = t.family AND a.a = f.a "
        "WHERE t.organisation_id = %s AND t.family = 'person' GROUP BY t.cycle_id, a.code", (organisation_id,)).fetchall()
    counts = {}
    for cycle_id, code, n in rows:
        counts.setdefault(cycle_id, {})[code] = int(n)
    return {cycle_id: {m: sum(atoms.get(atom_code(g, a), 0) for g, a in model.person_measure(m)) for m in HEADLINES}
            for cycle_id, atoms in counts.items()}


def test_organisation_headline_figures_of_at_least_k_are_published(owner, director_login):
    owner.execute("SELECT report.refresh_all(true, true)")
    checked = 0
    for (organisation_id,) in owner.execute("SELECT id FROM org.organisation ORDER BY name").fetchall():
        truth = true_root_values(owner, organisation_id)
        attacker.act_as_director(director_login, organisation_id)
        try:
            for cycle_id, _, _, k in director_login.execute("SELECT cycle_id, name, starts_on, k FROM report.cycles()").fetchall():
                shown = dict(director_login.execute(
                    "SELECT measure, value FROM report.coverage(%s) WHERE is_selected AND period = 'cycle'", (cycle_id,)).fetchall())
                for measure in HEADLINES:
                    value = truth[cycle_id][measure]
                    if value >= k:
                        assert shown[measure] == value, (organisation_id, cycle_id, measure, value, shown[measure])
                        checked += 1
                    elif value > 0:
                        assert shown[measure] is None, (organisation_id, cycle_id, measure, value)
        finally:
            director_login.execute("ROLLBACK")
    # Three organisations, every headline of each at least k on this data.
    assert checked >= 3 * len(HEADLINES) - 2, checked
