"""The attacker: collects every table the director can request together, as the director, and
bounds every suppressed cell by linear programming over all published figures (HiGHS)."""
import datetime

import highspy
import numpy as np

import model

DUE = {"due", "held", "asked", "not_asked", "not_yet", "new_hires_due", "new_hires_asked_in_time", "new_hires_not_in_time",
       "intro_trained", "intro_untrained"} | {"reason_" + r for r in model.REASONS}
STAFF = {"staff", "half_day_trained", "half_day_untrained", "web_course_trained", "web_course_untrained"}
MANAGERS = {"managers_recording", "managers_trained", "managers_untrained"}


def month_offset(period, starts_on):
    year, month = map(int, period.split("-"))
    return (year * 12 + month) - (starts_on.year * 12 + starts_on.month)


class Table:
    """One published table: a unit tree and its cells (None = suppressed)."""

    def __init__(self, family, k, label):
        self.family, self.k, self.label = family, k, label
        self.parent = {}
        self.cells = {}

    def leaves(self):
        parents = set(self.parent.values())
        return [n for n in self.parent if n not in parents]

    def under(self):
        """node -> the leaves under it"""
        result = {n: [] for n in self.parent}
        for leaf in self.leaves():
            node = leaf
            while node is not None:
                result[node].append(leaf)
                node = self.parent[node]
        return result


def act_as_director(conn, organisation_id):
    conn.execute("BEGIN")
    conn.execute("SET LOCAL ROLE wr_director")
    conn.execute("SELECT set_config('app.organisation_id', %s, true), set_config('app.role', 'director', true)",
                 (str(organisation_id),))


def collect(conn, organisation_id):
    """Every table the director of one organisation can request: coverage of every unit, and support,
    for every cycle. Returns a list of Table."""
    tables = []
    act_as_director(conn, organisation_id)
    try:
        cycles = conn.execute("SELECT cycle_id, name, starts_on, k FROM report.cycles()").fetchall()
        for cycle_id, name, starts_on, k in cycles:
            person = Table("person", k, f"{organisation_id}/{name}/person")
            person.parent[("org",)] = None
            queue = [None]
            while queue:
                unit = queue.pop()
                rows = conn.execute("SELECT unit_id, is_selected, is_direct, has_children, measure, period, value "
                                    "FROM report.coverage(%s, %s)", (cycle_id, unit)).fetchall()
                selected = ("org",) if unit is None else ("unit", unit)
                for unit_id, is_selected, is_direct, has_children, measure, period, value in rows:
                    if is_selected:
                        key = selected
                    else:
                        key = ("direct", unit_id) if is_direct else ("unit", unit_id)
                        if key not in person.parent:
                            person.parent[key] = selected
                            if has_children:
                                queue.append(unit_id)
                    code = measure if period == "cycle" else "held_month_%02d" % month_offset(period, starts_on)
                    person.cells[(key, code)] = value
            tables.append(person)
            support = Table("support", k, f"{organisation_id}/{name}/support")
            support.parent[("org",)] = None
            for measure, period, value in conn.execute(
                    "SELECT measure, period, value FROM report.support(%s)", (cycle_id,)).fetchall():
                if measure == "median_hours_to_first_contact":
                    continue  # not a count; shown only when it rests on at least k requests
                code = measure if period == "cycle" else "requests_month_%02d" % month_offset(period, starts_on)
                support.cells[(("org",), code)] = None if value is None else int(value)
            tables.append(support)
    finally:
        conn.execute("ROLLBACK")
    return tables


def populations(table):
    """(groups, measure function, links, measure codes) per independent population of a table."""
    if table.family == "support":
        return [(list(model.SUPPORT_GROUPS), model.support_measure, model.support_links(), None)]
    return [(["S", "MO", "IN"], model.person_measure, model.person_links(), lambda c: c in DUE or c.startswith("held_month_")),
            (["TR"], model.person_measure, [], lambda c: c in STAFF),
            (["MG"], model.person_measure, [], lambda c: c in MANAGERS)]


def bounds(table):
    """Yields (node, measure, low, high) for every suppressed cell of the table: the least and the
    greatest value consistent with every published cell of it and every relation an attacker knows."""
    under = table.under()
    for groups, measure_of, links, belongs in populations(table):
        group_atoms = model.SUPPORT_GROUPS if table.family == "support" else model.GROUPS
        column = {}
        for leaf in table.leaves():
            for g in groups:
                for atom in group_atoms[g]:
                    column[(leaf, g, atom)] = len(column)
        n = len(column)
        if n == 0:
            continue
        highs = highspy.Highs()
        highs.setOptionValue("output_flag", False)
        highs.addVars(n, np.zeros(n), np.full(n, highspy.kHighsInf))

        def expression(node, code):
            return [column[(leaf, g, a)] for leaf in under[node] for (g, a) in measure_of(code) if (leaf, g, a) in column]

        for leaf in table.leaves():
            for left, right in links:
                idx = [column[(leaf, g, a)] for g, a in left] + [column[(leaf, g, a)] for g, a in right]
                val = [1.0] * len(left) + [-1.0] * len(right)
                highs.addRow(0.0, 0.0, len(idx), np.array(idx, dtype=np.int32), np.array(val))
        hidden = []
        for (node, code), value in table.cells.items():
            if belongs is not None and not belongs(code):
                continue
            idx = expression(node, code)
            if value is None:
                hidden.append((node, code, idx))
            elif idx:
                highs.addRow(float(value), float(value), len(idx), np.array(idx, dtype=np.int32), np.ones(len(idx)))
            else:
                assert value == 0, f"{table.label}: {node} {code} published as {value} but counts no atom"
        previous = []
        for node, code, idx in hidden:
            if previous:
                highs.changeColsCost(len(previous), np.array(previous, dtype=np.int32), np.zeros(len(previous)))
            highs.changeColsCost(len(idx), np.array(idx, dtype=np.int32), np.ones(len(idx)))
            previous = idx
            result = []
            for sense in (highspy.ObjSense.kMinimize, highspy.ObjSense.kMaximize):
                highs.changeObjectiveSense(sense)
                highs.run()
                status = highs.getModelStatus()
                if status == highspy.HighsModelStatus.kOptimal:
                    result.append(highs.getInfo().objective_function_value)
                elif status == highspy.HighsModelStatus.kUnbounded and sense == highspy.ObjSense.kMaximize:
                    result.append(float("inf"))
                else:
                    raise AssertionError(f"{table.label}: the published figures are inconsistent ({status}) at {node} {code}")
            yield node, code, result[0], result[1]


def narrow_cells(tables):
    """Every suppressed cell whose feasible interval is narrower than k."""
    narrow, checked = [], 0
    for table in tables:
        for node, code, low, high in bounds(table):
            checked += 1
            if high - low < table.k - 1e-6:
                narrow.append((table.label, node, code, low, high))
    return narrow, checked
