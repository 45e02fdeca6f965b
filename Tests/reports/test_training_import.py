"""Training records are imported like the organisation (HR id, course, date): codes per rejected
line, nothing written on a dry run, duplicates counted, only an administrator of the organisation."""
import json
import os

import psycopg
import pytest


@pytest.fixture()
def admin(database, owner):
    organisation_id = owner.execute("SELECT id FROM org.organisation ORDER BY name LIMIT 1").fetchone()[0]
    with psycopg.connect(host=os.environ["PGHOST"], port=os.environ["PGPORT"], dbname=database, user=os.environ["PGUSER"]) as conn:
        conn.execute("SET ROLE wr_admin")
        conn.execute("SELECT set_config('app.organisation_id', %s, false), set_config('app.role', 'admin', false)",
                     (str(organisation_id),))
        yield conn, organisation_id
        conn.rollback()


def hr_ids(owner, organisation_id, n):
    return [r[0] for r in owner.execute("SELECT hr_id FROM org.person WHERE organisation_id = %s AND hire_date < current_date - 400 "
                                        "ORDER BY hr_id LIMIT %s", (organisation_id, n)).fetchall()]


def test_import_reports_each_bad_line_by_code_and_writes_only_on_a_real_run(admin, owner):
    conn, organisation_id = admin
    a, b = hr_ids(owner, organisation_id, 2)
    rows = [(a, "staff_half_day", "2025-03-04"), (b, "web_course", "2025-02-30"), ("nobody-here", "web_course", "2025-01-01"),
            (a, "yoga", "2025-01-01"), (b, "manager_full_day", "2999-01-01"), (a, "staff_half_day", "2025-03-04")]
    columns = [list(c) for c in zip(*rows)]
    before = owner.execute("SELECT count(*) FROM org.training_record WHERE organisation_id = %s", (organisation_id,)).fetchone()[0]

    total, added, duplicates, rejected, errors = conn.execute(
        "SELECT * FROM org.import_training(%s, %s, %s, true)", columns).fetchone()
    assert (total, added, duplicates, rejected) == (6, 1, 1, 4)
    assert [(e["line"], e["reason"]) for e in errors] == [(3, "not_a_date"), (4, "unknown_person"), (5, "unknown_course"),
                                                           (6, "date_in_future")]
    assert "nobody-here" not in json.dumps(errors)  # codes, never values
    conn.commit()
    assert owner.execute("SELECT count(*) FROM org.training_record WHERE organisation_id = %s",
                         (organisation_id,)).fetchone()[0] == before

    total, added, duplicates, rejected, _ = conn.execute("SELECT * FROM org.import_training(%s, %s, %s, false)", columns).fetchone()
    assert (added, duplicates, rejected) == (1, 1, 4)
    conn.commit()
    assert owner.execute("SELECT count(*) FROM org.training_record WHERE organisation_id = %s",
                         (organisation_id,)).fetchone()[0] == before + 1
    _, added, duplicates, _, _ = conn.execute("SELECT * FROM org.import_training(%s, %s, %s, false)", columns).fetchone()
    assert (added, duplicates) == (0, 2)
    conn.commit()


def test_import_is_refused_to_anyone_but_an_administrator(admin):
    conn, _ = admin
    conn.execute("SELECT set_config('app.role', 'manager', false)")
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("SELECT * FROM org.import_training(ARRAY['x'], ARRAY['web_course'], ARRAY['2025-01-01'], true)")
