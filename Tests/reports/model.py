"""What an attacker knows about the published figures, written down independently of the
database's own catalogue: every figure is a sum of atoms (the finest categories a member of a
population can be in), atom counts are non-negative, and the structure of the organisation is
public. The attacker test feeds this, with every published number, to a linear program.
"""
REASONS = ["no_private_setting", "interpreter_present", "employee_declined_talk", "talk_cancelled", "on_leave", "other"]
STATUSES = ["asked"] + REASONS + ["not_yet"]
MONTHS = 13

# Per leaf unit of a cycle: the atoms of each group.
S_ATOMS = [(s, h) for s in STATUSES for h in ("est", "nh_by", "nh_other") if h != "nh_by" or s == "asked"]
GROUPS = {
    "S": S_ATOMS,
    "MO": list(range(MONTHS)),   # month of the deciding talk of a person who had one
    "IN": ["y", "n"],            # introduction course of a new hire
    "TR": [("y", "y"), ("y", "n"), ("n", "y"), ("n", "n")],  # half-day × web course of staff
    "MG": ["t", "u"],            # course of a manager who recorded talks
}


def person_measure(code):
    """The atoms (group, atom) a person measure counts."""
    s = lambda pred: [("S", a) for a in S_ATOMS if pred(a)]
    table = {
        "due": s(lambda a: True),
        "held": s(lambda a: a[0] != "not_yet"),
        "asked": s(lambda a: a[0] == "asked"),
        "not_asked": s(lambda a: a[0] in REASONS),
        "not_yet": s(lambda a: a[0] == "not_yet"),
        "new_hires_due": s(lambda a: a[1] != "est"),
        "new_hires_asked_in_time": s(lambda a: a[1] == "nh_by"),
        "new_hires_not_in_time": s(lambda a: a[1] == "nh_other"),
        "intro_trained": [("IN", "y")],
        "intro_untrained": [("IN", "n")],
        "staff": [("TR", a) for a in GROUPS["TR"]],
        "half_day_trained": [("TR", a) for a in GROUPS["TR"] if a[0] == "y"],
        "half_day_untrained": [("TR", a) for a in GROUPS["TR"] if a[0] == "n"],
        "web_course_trained": [("TR", a) for a in GROUPS["TR"] if a[1] == "y"],
        "web_course_untrained": [("TR", a) for a in GROUPS["TR"] if a[1] == "n"],
        "managers_recording": [("MG", "t"), ("MG", "u")],
        "managers_trained": [("MG", "t")],
        "managers_untrained": [("MG", "u")],
    }
    for reason in REASONS:
        table["reason_" + reason] = s(lambda a, r=reason: a[0] == r)
    if code.startswith("held_month_"):
        return [("MO", int(code[-2:]))]
    return table[code]


def person_links():
    """Per leaf: groups that count the same members (Σ left = Σ right)."""
    return [
        ([("MO", j) for j in range(MONTHS)], person_measure("held")),
        ([("IN", "y"), ("IN", "n")], person_measure("new_hires_due")),
    ]


SUPPORT_GROUPS = {
    "K": ["exposed", "worried", "uses_violence", "talk_referral"],
    "D": ["identified", "anonymous"],
    "T": ["within", "late", "waiting"],
    "MS": list(range(MONTHS)),
}


def support_measure(code):
    table = {
        "requests": [("K", k) for k in SUPPORT_GROUPS["K"]],
        "deadline_passed_or_contacted": [("T", "within"), ("T", "late")],
        "contacted_within_deadline": [("T", "within")],
        "contacted_late_or_not": [("T", "late")],
        "waiting_within_deadline": [("T", "waiting")],
    }
    for k in SUPPORT_GROUPS["K"]:
        table["kind_" + k] = [("K", k)]
    for d in SUPPORT_GROUPS["D"]:
        table["door_" + d] = [("D", d)]
    if code.startswith("requests_month_"):
        return [("MS", int(code[-2:]))]
    return table[code]


def support_links():
    total = support_measure("requests")
    return [([("D", d) for d in SUPPORT_GROUPS["D"]], total),
            ([("T", t) for t in SUPPORT_GROUPS["T"]], total),
            ([("MS", j) for j in range(MONTHS)], total)]
