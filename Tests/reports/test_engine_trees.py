"""The attacker against the suppression engine itself, on small random unit trees where reasons for
not asking are rare and scattered: the shape in which an engine that reasons about "any reason"
together must still protect each reason on its own. The tables are put straight into the engine's
scratch space (report.w_*) as the owner, suppressed with report.suppress(), and every hidden cell —
hidden zeros too — is bounded by linear programming over everything left shown."""
import random

import attacker
import model

K = 5
SEEDS = range(40)


def make_tree(seed):
    """(nodes, counts): nodes as (node, parent, depth, leaf) under one organisation of two to four
    förvaltningar with one to three units each; counts per leaf, by atom code, with every reason
    present in about a third of the units and every talk in one of three months."""
    rng = random.Random(seed)
    nodes, leaves, next_id = [(0, None, 0, False)], [], 1
    for _ in range(rng.randint(2, 4)):
        branch = next_id
        next_id += 1
        nodes.append((branch, 0, 1, False))
        for _ in range(rng.randint(1, 3)):
            nodes.append((next_id, branch, 2, True))
            leaves.append(next_id)
            next_id += 1
    counts = {}
    for leaf in leaves:
        atoms = {"S:asked:est": rng.choice([0, 1, 2, 3, 6, 10, 15])}
        for reason in model.REASONS:
            if rng.random() < 0.35:
                atoms["S:%s:est" % reason] = rng.randint(1, 4)
        atoms["S:not_yet:est"] = rng.choice([0, 0, 1, 2, 5])
        held = sum(v for code, v in atoms.items() if not code.startswith("S:not_yet"))
        for _ in range(held):
            month = "MO:%d" % rng.choice([0, 1, 2])
            atoms[month] = atoms.get(month, 0) + 1
        counts[leaf] = {code: v for code, v in atoms.items() if v}
    return nodes, counts


def suppressed_table(owner, seed):
    """Runs the engine on one random tree; returns the table as the director would see it."""
    nodes, counts = make_tree(seed)
    atom_id = dict(owner.execute("SELECT code, a FROM report.atom WHERE family = 'person'").fetchall())
    owner.execute("TRUNCATE report.w_table, report.w_node, report.w_atom, report.w_cell")
    owner.execute("INSERT INTO report.w_table (tid, family, k) VALUES (1, 'person', %s)", (K,))
    for node, parent, depth, leaf in nodes:
        owner.execute("INSERT INTO report.w_node (tid, node, parent, depth, leaf) VALUES (1, %s, %s, %s, %s)",
                      (node, parent, depth, leaf))
    for leaf, atoms in counts.items():
        for code, n in atoms.items():
            owner.execute("INSERT INTO report.w_atom (tid, node, a, n) VALUES (1, %s, %s, %s)", (leaf, atom_id[code], n))
    owner.execute("SELECT * FROM report.suppress(true)")
    result = {(node, m): (v, supp) for node, m, v, supp in
              owner.execute("SELECT node, m, v, supp FROM report.w_cell WHERE tid = 1").fetchall()}
    measures = owner.execute("SELECT m, code, max_depth FROM report.measure WHERE family = 'person'").fetchall()
    table = attacker.Table("person", K, f"random tree {seed}")
    for node, parent, depth, _ in nodes:
        table.parent[node] = parent
        for m, code, max_depth in measures:
            if max_depth is None or depth <= max_depth:
                v, supp = result.get((node, m), (0, False))
                table.cells[(node, code)] = None if supp else v
    return table


def test_no_hidden_cell_of_a_random_tree_can_be_narrowed_below_k(owner):
    try:
        tables = [suppressed_table(owner, seed) for seed in SEEDS]
    finally:
        owner.execute("TRUNCATE report.w_table, report.w_node, report.w_atom, report.w_cell")
    hidden_reasons = sum(1 for t in tables for (_, code), v in t.cells.items() if v is None and code.startswith("reason_"))
    assert hidden_reasons > 50, hidden_reasons
    narrow, checked = attacker.narrow_cells(tables)
    assert checked == sum(1 for t in tables for v in t.cells.values() if v is None)
    assert narrow == [], f"{len(narrow)} of {checked} hidden cells can be narrowed below k, e.g. {narrow[:5]}"
