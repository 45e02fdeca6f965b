"""All organisations together (wr_overview): every organisation's row is exactly its own published
top-level figures, and a total is shown only where it is the sum of shown figures — so the overview
tells nobody anything the organisations' own tables do not, and needs no suppression of its own."""
import attacker


def test_overview_rows_are_the_organisations_own_figures_and_totals_only_sums_of_shown_ones(owner, director_login):
    owner.execute("SELECT report.refresh_all(true, true)")
    director_login.execute("BEGIN")
    try:
        director_login.execute("SET LOCAL ROLE wr_overview")
        (year, count), = director_login.execute("SELECT year, organisations FROM report.overview_years() LIMIT 1").fetchall()
        rows = director_login.execute("SELECT organisation_id, measure, value, suppressed FROM report.overview(%s)", (year,)).fetchall()
    finally:
        director_login.execute("ROLLBACK")
    assert count == 3
    by_org = {}
    for organisation_id, measure, value, suppressed in rows:
        assert suppressed == (value is None)
        by_org.setdefault(organisation_id, {})[measure] = value
    assert set(by_org) - {None} == {r[0] for r in owner.execute("SELECT id FROM org.organisation").fetchall()}

    for organisation_id, figures in by_org.items():
        if organisation_id is None:
            continue
        attacker.act_as_director(director_login, organisation_id)
        try:
            cycle = director_login.execute("SELECT cycle_id FROM report.cycles() WHERE extract(year FROM starts_on) = %s",
                                           (year,)).fetchone()[0]
            own = dict(director_login.execute("SELECT measure, value FROM report.coverage(%s) WHERE is_selected AND period = 'cycle'",
                                              (cycle,)).fetchall())
        finally:
            director_login.execute("ROLLBACK")
        assert figures == {m: own[m] for m in figures}

    totals = by_org[None]
    shown_somewhere = False
    for measure, total in totals.items():
        parts = [by_org[o][measure] for o in by_org if o is not None]
        if any(p is None for p in parts):
            assert total is None, measure
        else:
            assert total == sum(parts), measure
            shown_somewhere = True
    assert shown_somewhere
