"""The attacker test (MISSION.md, promise 7): for every table the director can request together,
the feasible interval of every suppressed cell — by linear bounds over all published totals and the
relations between them — must be at least k wide. With secondary suppression switched off the same
attack must succeed, so this test demonstrably bites."""
import attacker


def organisations(owner):
    return [row[0] for row in owner.execute("SELECT id FROM org.organisation ORDER BY name").fetchall()]


def published(owner, director_login, secondary):
    owner.execute("SELECT report.refresh_all(true, %s)", (secondary,))
    tables = []
    for organisation_id in organisations(owner):
        tables += attacker.collect(director_login, organisation_id)
    return tables


def test_no_suppressed_cell_can_be_narrowed_below_k(owner, director_login):
    tables = published(owner, director_login, secondary=True)
    suppressed = sum(1 for t in tables for v in t.cells.values() if v is None)
    shown = sum(1 for t in tables for v in t.cells.values() if v)
    # The data has many small units: plenty is hidden, and plenty still shown.
    assert suppressed > 500 and shown > 200, (suppressed, shown)
    narrow, checked = attacker.narrow_cells(tables)
    assert checked == suppressed
    assert narrow == [], f"{len(narrow)} of {checked} suppressed cells can be narrowed below k, e.g. {narrow[:5]}"


def test_primary_suppression_alone_is_undone_by_the_attacker(owner, director_login):
    try:
        tables = published(owner, director_login, secondary=False)
        narrow, checked = attacker.narrow_cells(tables)
        assert checked > 0
        assert len(narrow) > 0, "without secondary suppression some small count must be recoverable"
        # Most of them are recovered exactly.
        assert any(high - low < 1e-6 for _, _, _, low, high in narrow)
    finally:
        owner.execute("SELECT report.refresh_all(true, true)")
