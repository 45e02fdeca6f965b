-- The structure of every figure the compliance view publishes (MISSION.md, promise 7), as data.
--
-- Each published number is a cell: (node of the unit tree, measure). A measure counts the members of
-- one population (persons due in the cycle, staff, managers who recorded talks, support requests)
-- that fall in a set of *atoms*: the finest categories a member can be in. Atoms come in groups; each
-- group partitions the same population (e.g. the status of a due person, the month of their talk,
-- their introduction course), so every relation an attacker knows (due = held + not yet; held =
-- asked + not asked; not asked = the sum of its reasons; held = the sum of the months; a parent unit
-- = the sum of its children) is a sum of atoms. The suppression (0055) and the attacker test
-- (Tests/reports) both read this catalogue.
--
-- A *class* is a way to change the atoms inside one unit without changing any published total of a
-- measure outside the class's support: e.g. "one person moves from asked to a not-asked reason". Its
-- support (report.class_measure) lists the measures it changes; its pairs (report.class_pair) say
-- which atoms it takes from (src) and gives to (dst), so the room a unit offers in either direction
-- is a sum of atom counts. ROW classes move whole members between units: they change every measure
-- of their population, by as much as the chosen members count there.

CREATE TABLE report.measure (
    family text NOT NULL CHECK (family IN ('person', 'support')),
    m smallint NOT NULL CHECK (m BETWEEN 1 AND 99),
    code text NOT NULL CHECK (code ~ '^[a-z][a-z0-9_]*$'),
    population text NOT NULL CHECK (population IN ('due', 'staff', 'managers', 'requests')),
    -- The measure this one is a share of, if any (a share is shown only beside both numbers).
    share_of smallint,
    -- Month measures carry their month offset from the cycle's first month; NULL for the whole cycle.
    month_offset smallint CHECK (month_offset BETWEEN 0 AND 12),
    -- Published in the overview of all organisations together (months are not: cycles differ).
    overview boolean NOT NULL DEFAULT true,
    -- Published down to this depth of the unit tree only (0: the organisation; 1: its förvaltningar;
    -- NULL: every unit). Rare events (a reason for not asking, a new hire, a manager's course, a
    -- month's talks) are a handful in a small unit: published there, they would be suppressed
    -- anyway and would drag their neighbours' figures, up to the organisation's own totals, into
    -- suppression with them. The depth is fixed in advance, never chosen from the data.
    max_depth smallint CHECK (max_depth >= 0),
    -- The organisation's own headline figure (due, held, asked, ...): never hidden to protect another
    -- cell (the engine protects inside the unit tree instead); hidden only when it is itself below k.
    headline boolean NOT NULL DEFAULT false,
    PRIMARY KEY (family, m),
    UNIQUE (family, code)
);

-- total = Σ parts, within one unit.
CREATE TABLE report.relation (
    family text NOT NULL,
    relation smallint NOT NULL,
    total smallint NOT NULL,
    part smallint NOT NULL,
    PRIMARY KEY (family, relation, part),
    FOREIGN KEY (family, total) REFERENCES report.measure (family, m),
    FOREIGN KEY (family, part) REFERENCES report.measure (family, m)
);

CREATE TABLE report.atom (
    family text NOT NULL,
    a smallint NOT NULL,
    grp text NOT NULL,
    code text NOT NULL,
    PRIMARY KEY (family, a),
    UNIQUE (family, code)
);

CREATE TABLE report.atom_measure (
    family text NOT NULL,
    a smallint NOT NULL,
    m smallint NOT NULL,
    PRIMARY KEY (family, a, m),
    FOREIGN KEY (family, a) REFERENCES report.atom (family, a),
    FOREIGN KEY (family, m) REFERENCES report.measure (family, m)
);

CREATE TABLE report.class (
    family text NOT NULL,
    c smallint NOT NULL,
    code text NOT NULL,
    population text NOT NULL,
    is_row boolean NOT NULL DEFAULT false,
    -- A coarse class: each leg is a product src set × dst set, so a member may move from any of its
    -- src atoms to any of its dst atoms (e.g. asked -> any reason). Its pairs differ in effect only on
    -- measures that are published high up (reasons at the förvaltningar, months at the organisation),
    -- and its support is the union of its pairs' effects. See COMMENT ON SCHEMA report.
    coarse boolean NOT NULL DEFAULT false,
    size smallint,  -- number of measures in the support, filled below
    PRIMARY KEY (family, c),
    UNIQUE (family, code)
);

CREATE TABLE report.class_measure (
    family text NOT NULL,
    c smallint NOT NULL,
    m smallint NOT NULL,
    sign smallint NOT NULL CHECK (sign IN (-1, 0, 1)),  -- 0 only for ROW classes (any direction)
    -- Does every move of the class change this measure by the same amount? Not so for the reasons a
    -- coarse class moves members into (or the months it takes them from): which reason is the choice
    -- of the unit that gives, so the other side's mix decides how far one reason can move. The class
    -- still needs such a measure hidden where it is published, but never certifies or plans for it.
    exact boolean NOT NULL DEFAULT true,
    PRIMARY KEY (family, c, m),
    FOREIGN KEY (family, c) REFERENCES report.class (family, c),
    FOREIGN KEY (family, m) REFERENCES report.measure (family, m)
);
CREATE INDEX class_measure_m ON report.class_measure (family, m);

-- One member moves from src to dst (NULL: arrives from / leaves to another unit). Pairs of one leg
-- are alternatives with the same effect; legs of one class happen together (one per atom group).
-- For a ROW class, leg-0 rows list the only atoms (src) whose members it moves; none: all of them.
CREATE TABLE report.class_pair (
    family text NOT NULL,
    c smallint NOT NULL,
    leg smallint NOT NULL,
    src smallint,
    dst smallint,
    CHECK (src IS NOT NULL OR dst IS NOT NULL),
    FOREIGN KEY (family, c) REFERENCES report.class (family, c)
);

-- ---------------------------------------------------------------------------------------------
-- Persons (family 'person')
INSERT INTO report.measure (family, m, code, population, share_of) VALUES
    ('person', 1, 'due', 'due', NULL),
    ('person', 2, 'held', 'due', 1),
    ('person', 3, 'asked', 'due', 1),
    ('person', 4, 'not_asked', 'due', 1),
    ('person', 5, 'reason_no_private_setting', 'due', NULL),
    ('person', 6, 'reason_interpreter_present', 'due', NULL),
    ('person', 7, 'reason_employee_declined_talk', 'due', NULL),
    ('person', 8, 'reason_talk_cancelled', 'due', NULL),
    ('person', 9, 'reason_on_leave', 'due', NULL),
    ('person', 10, 'reason_other', 'due', NULL),
    ('person', 11, 'not_yet', 'due', 1),
    ('person', 12, 'new_hires_due', 'due', NULL),
    ('person', 13, 'new_hires_asked_in_time', 'due', 12),
    ('person', 14, 'new_hires_not_in_time', 'due', 12),
    ('person', 15, 'intro_trained', 'due', 12),
    ('person', 16, 'intro_untrained', 'due', 12),
    ('person', 17, 'staff', 'staff', NULL),
    ('person', 18, 'half_day_trained', 'staff', 17),
    ('person', 19, 'half_day_untrained', 'staff', 17),
    ('person', 20, 'web_course_trained', 'staff', 17),
    ('person', 21, 'web_course_untrained', 'staff', 17),
    ('person', 22, 'managers_recording', 'managers', NULL),
    ('person', 23, 'managers_trained', 'managers', 22),
    ('person', 24, 'managers_untrained', 'managers', 22);
INSERT INTO report.measure (family, m, code, population, share_of, month_offset, overview, max_depth)
    SELECT 'person', 30 + j, 'held_month_' || lpad(j::text, 2, '0'), 'due', 2, j, false, 0 FROM generate_series(0, 12) j;
UPDATE report.measure SET max_depth = 1 WHERE family = 'person'
    AND (code LIKE 'reason\_%' OR code LIKE 'new\_hires\_%' OR code LIKE 'intro\_%' OR code LIKE 'managers\_%');

INSERT INTO report.relation (family, relation, total, part) VALUES
    ('person', 1, 1, 2), ('person', 1, 1, 11),
    ('person', 2, 2, 3), ('person', 2, 2, 4),
    ('person', 3, 4, 5), ('person', 3, 4, 6), ('person', 3, 4, 7), ('person', 3, 4, 8), ('person', 3, 4, 9), ('person', 3, 4, 10),
    ('person', 4, 12, 13), ('person', 4, 12, 14),
    ('person', 5, 12, 15), ('person', 5, 12, 16),
    ('person', 7, 17, 18), ('person', 7, 17, 19),
    ('person', 8, 17, 20), ('person', 8, 17, 21),
    ('person', 9, 22, 23), ('person', 9, 22, 24);
INSERT INTO report.relation (family, relation, total, part) SELECT 'person', 6, 2, 30 + j FROM generate_series(0, 12) j;

-- Atoms. S: status × hire class (est = established, nh_by = new hire asked by the due date,
-- nh_other = any other new hire); MO: month of the deciding talk; IN: introduction course of a new
-- hire; TR: half-day × web course of staff; MG: course of a manager who recorded talks.
CREATE TEMP TABLE status (s text, pos integer, m smallint) ON COMMIT DROP;
INSERT INTO status VALUES ('asked', 1, 3), ('no_private_setting', 2, 5), ('interpreter_present', 3, 6),
    ('employee_declined_talk', 4, 7), ('talk_cancelled', 5, 8), ('on_leave', 6, 9), ('other', 7, 10), ('not_yet', 8, 11);
INSERT INTO report.atom (family, a, grp, code)
SELECT 'person', row_number() OVER (ORDER BY st.pos, h.pos), 'S', 'S:' || st.s || ':' || h.h
FROM status st CROSS JOIN (VALUES ('est', 1), ('nh_by', 2), ('nh_other', 3)) AS h (h, pos)
WHERE h.h <> 'nh_by' OR st.s = 'asked';
INSERT INTO report.atom (family, a, grp, code) SELECT 'person', 40 + j, 'MO', 'MO:' || j FROM generate_series(0, 12) j;
INSERT INTO report.atom (family, a, grp, code) VALUES
    ('person', 60, 'IN', 'IN:y'), ('person', 61, 'IN', 'IN:n'),
    ('person', 70, 'TR', 'TR:yy'), ('person', 71, 'TR', 'TR:yn'), ('person', 72, 'TR', 'TR:ny'), ('person', 73, 'TR', 'TR:nn'),
    ('person', 80, 'MG', 'MG:t'), ('person', 81, 'MG', 'MG:u');

INSERT INTO report.atom_measure (family, a, m)
SELECT 'person', a.a, x.m FROM report.atom a
JOIN status st ON a.code LIKE 'S:' || st.s || ':%'
CROSS JOIN LATERAL (
    SELECT 1::smallint AS m
    UNION ALL SELECT 2 WHERE st.s <> 'not_yet'
    UNION ALL SELECT st.m
    UNION ALL SELECT 4 WHERE st.pos BETWEEN 2 AND 7
    UNION ALL SELECT 12 WHERE a.code NOT LIKE '%:est'
    UNION ALL SELECT 13 WHERE a.code LIKE '%:nh_by'
    UNION ALL SELECT 14 WHERE a.code LIKE '%:nh_other'
) x
WHERE a.family = 'person' AND a.grp = 'S';
INSERT INTO report.atom_measure (family, a, m) SELECT 'person', 40 + j, 30 + j FROM generate_series(0, 12) j;
INSERT INTO report.atom_measure (family, a, m) VALUES
    ('person', 60, 15), ('person', 61, 16),
    ('person', 70, 17), ('person', 70, 18), ('person', 70, 20),
    ('person', 71, 17), ('person', 71, 18), ('person', 71, 21),
    ('person', 72, 17), ('person', 72, 19), ('person', 72, 20),
    ('person', 73, 17), ('person', 73, 19), ('person', 73, 21),
    ('person', 80, 22), ('person', 80, 23),
    ('person', 81, 22), ('person', 81, 24);

-- Classes. Helper: the atom id of a code.
CREATE FUNCTION pg_temp.atom(p_code text) RETURNS smallint LANGUAGE sql AS
    $$ SELECT a FROM report.atom WHERE family = 'person' AND code = p_code $$;

CREATE TEMP TABLE def (code text, population text, is_row boolean, leg smallint, src text, dst text,
                       coarse boolean NOT NULL DEFAULT false) ON COMMIT DROP;
-- asked ↔ a reason
INSERT INTO def SELECT 'asked_to_' || st.s, 'due', false, 1, 'S:asked:' || h, 'S:' || st.s || ':' || h
    FROM status st CROSS JOIN (VALUES ('est'), ('nh_other')) AS hh (h) WHERE st.pos BETWEEN 2 AND 7;
-- a reason ↔ another reason
INSERT INTO def SELECT 'reason_' || s1.pos || '_to_' || s2.pos, 'due', false, 1, 'S:' || s1.s || ':' || h, 'S:' || s2.s || ':' || h
    FROM status s1 JOIN status s2 ON s1.pos < s2.pos AND s2.pos <= 7
    CROSS JOIN (VALUES ('est'), ('nh_other')) AS hh (h) WHERE s1.pos >= 2;
-- a new hire asked by the due date ↔ asked later
INSERT INTO def VALUES ('new_hire_in_time_to_late', 'due', false, 1, 'S:asked:nh_by', 'S:asked:nh_other');
-- established ↔ new hire (the new hire's introduction course changes with it)
INSERT INTO def SELECT 'established_to_new_hire_' || i, 'due', false, 1, 'S:' || st.s || ':est', 'S:' || st.s || ':nh_other'
    FROM status st CROSS JOIN (VALUES ('y'), ('n')) AS ii (i);
INSERT INTO def SELECT 'established_to_new_hire_' || i, 'due', false, 2, NULL, 'IN:' || i FROM (VALUES ('y'), ('n')) AS ii (i);
-- a talk in month j ↔ month l (months are published for the organisation only)
INSERT INTO def SELECT 'month_' || j || '_to_' || l, 'due', false, 1, 'MO:' || j, 'MO:' || l
    FROM generate_series(0, 11) j CROSS JOIN generate_series(1, 12) l WHERE j < l;
-- courses
INSERT INTO def VALUES ('intro_trained_to_untrained', 'due', false, 1, 'IN:y', 'IN:n');
INSERT INTO def VALUES ('half_day_trained_to_untrained', 'staff', false, 1, 'TR:yy', 'TR:ny'),
                       ('half_day_trained_to_untrained', 'staff', false, 1, 'TR:yn', 'TR:nn'),
                       ('web_course_trained_to_untrained', 'staff', false, 1, 'TR:yy', 'TR:yn'),
                       ('web_course_trained_to_untrained', 'staff', false, 1, 'TR:ny', 'TR:nn'),
                       ('manager_trained_to_untrained', 'managers', false, 1, 'MG:t', 'MG:u');
-- one member arrives (from another unit)
INSERT INTO def VALUES ('arrives_not_yet', 'due', false, 1, NULL, 'S:not_yet:est');
INSERT INTO def SELECT 'arrives_staff_' || t, 'staff', false, 1, NULL, 'TR:' || t FROM unnest(ARRAY['yy', 'yn', 'ny', 'nn']) t;
INSERT INTO def SELECT 'arrives_manager_' || t, 'managers', false, 1, NULL, 'MG:' || t FROM unnest(ARRAY['t', 'u']) t;
-- Coarse classes (established members): below the förvaltningar neither the reason for not asking
-- nor the month of a talk is published, so there "asked -> not asked" may use any reason and "asked
-- -> no talk yet" a talk of any month. Their room in a small unit is what the unit has in all
-- reasons or months together, not in one of them.
INSERT INTO def SELECT 'asked_to_not_asked', 'due', false, 1, 'S:asked:est', 'S:' || st.s || ':est', true
    FROM status st WHERE st.pos BETWEEN 2 AND 7;
INSERT INTO def VALUES ('asked_to_not_yet', 'due', false, 1, 'S:asked:est', 'S:not_yet:est', true);
INSERT INTO def SELECT 'asked_to_not_yet', 'due', false, 2, 'MO:' || j, NULL, true FROM generate_series(0, 12) j;
INSERT INTO def SELECT 'not_asked_to_not_yet', 'due', false, 1, 'S:' || st.s || ':est', 'S:not_yet:est', true
    FROM status st WHERE st.pos BETWEEN 2 AND 7;
INSERT INTO def SELECT 'not_asked_to_not_yet', 'due', false, 2, 'MO:' || j, NULL, true FROM generate_series(0, 12) j;
INSERT INTO def VALUES ('arrives_asked', 'due', false, 1, NULL, 'S:asked:est', true);
INSERT INTO def SELECT 'arrives_asked', 'due', false, 2, NULL, 'MO:' || j, true FROM generate_series(0, 12) j;
INSERT INTO def SELECT 'arrives_not_asked', 'due', false, 1, NULL, 'S:' || st.s || ':est', true
    FROM status st WHERE st.pos BETWEEN 2 AND 7;
INSERT INTO def SELECT 'arrives_not_asked', 'due', false, 2, NULL, 'MO:' || j, true FROM generate_series(0, 12) j;
-- whole members of any kind move between units (the engine's last resort: with the whole population
-- hidden up to the organisation, nothing bounds them)
INSERT INTO def VALUES ('row_due', 'due', true, 0, NULL, NULL), ('row_staff', 'staff', true, 0, NULL, NULL),
                       ('row_managers', 'managers', true, 0, NULL, NULL);

INSERT INTO report.class (family, c, code, population, is_row, coarse)
SELECT 'person', row_number() OVER (ORDER BY min(ord)), code, population, bool_or(is_row), bool_or(coarse)
FROM (SELECT d.*, row_number() OVER () AS ord FROM def d) x GROUP BY code, population;
INSERT INTO report.class_pair (family, c, leg, src, dst)
SELECT 'person', c.c, d.leg, pg_temp.atom(d.src), pg_temp.atom(d.dst)
FROM def d JOIN report.class c ON c.family = 'person' AND c.code = d.code WHERE NOT d.is_row;

-- ---------------------------------------------------------------------------------------------
-- Support requests (family 'support'): only ever published for the organisation as a whole.
INSERT INTO report.measure (family, m, code, population, share_of) VALUES
    ('support', 1, 'requests', 'requests', NULL),
    ('support', 2, 'kind_exposed', 'requests', NULL),
    ('support', 3, 'kind_worried', 'requests', NULL),
    ('support', 4, 'kind_uses_violence', 'requests', NULL),
    ('support', 5, 'kind_talk_referral', 'requests', NULL),
    ('support', 6, 'door_identified', 'requests', NULL),
    ('support', 7, 'door_anonymous', 'requests', NULL),
    ('support', 8, 'deadline_passed_or_contacted', 'requests', NULL),
    ('support', 9, 'contacted_within_deadline', 'requests', 8),
    ('support', 10, 'contacted_late_or_not', 'requests', 8),
    ('support', 11, 'waiting_within_deadline', 'requests', NULL);
INSERT INTO report.measure (family, m, code, population, share_of, month_offset, overview)
    SELECT 'support', 20 + j, 'requests_month_' || lpad(j::text, 2, '0'), 'requests', NULL, j, false FROM generate_series(0, 12) j;
INSERT INTO report.relation (family, relation, total, part) VALUES
    ('support', 1, 1, 2), ('support', 1, 1, 3), ('support', 1, 1, 4), ('support', 1, 1, 5),
    ('support', 2, 1, 6), ('support', 2, 1, 7),
    ('support', 3, 1, 8), ('support', 3, 1, 11),
    ('support', 4, 8, 9), ('support', 4, 8, 10);
INSERT INTO report.relation (family, relation, total, part) SELECT 'support', 5, 1, 20 + j FROM generate_series(0, 12) j;

INSERT INTO report.atom (family, a, grp, code) VALUES
    ('support', 1, 'K', 'K:exposed'), ('support', 2, 'K', 'K:worried'), ('support', 3, 'K', 'K:uses_violence'), ('support', 4, 'K', 'K:talk_referral'),
    ('support', 10, 'D', 'D:identified'), ('support', 11, 'D', 'D:anonymous'),
    ('support', 20, 'T', 'T:within'), ('support', 21, 'T', 'T:late'), ('support', 22, 'T', 'T:waiting');
INSERT INTO report.atom (family, a, grp, code) SELECT 'support', 40 + j, 'MS', 'MS:' || j FROM generate_series(0, 12) j;
INSERT INTO report.atom_measure (family, a, m) VALUES
    ('support', 1, 1), ('support', 1, 2), ('support', 2, 1), ('support', 2, 3), ('support', 3, 1), ('support', 3, 4),
    ('support', 4, 1), ('support', 4, 5),
    ('support', 10, 6), ('support', 11, 7),
    ('support', 20, 8), ('support', 20, 9), ('support', 21, 8), ('support', 21, 10), ('support', 22, 11);
INSERT INTO report.atom_measure (family, a, m) SELECT 'support', 40 + j, 20 + j FROM generate_series(0, 12) j;

CREATE FUNCTION pg_temp.satom(p_code text) RETURNS smallint LANGUAGE sql AS
    $$ SELECT a FROM report.atom WHERE family = 'support' AND code = p_code $$;
TRUNCATE def;
INSERT INTO def SELECT 'kind_' || k1 || '_to_' || k2, 'requests', false, 1, 'K:' || k1, 'K:' || k2
    FROM unnest(ARRAY['exposed', 'worried', 'uses_violence', 'talk_referral']) WITH ORDINALITY AS a (k1, o1)
    JOIN unnest(ARRAY['exposed', 'worried', 'uses_violence', 'talk_referral']) WITH ORDINALITY AS b (k2, o2) ON o1 < o2;
INSERT INTO def VALUES ('identified_to_anonymous', 'requests', false, 1, 'D:identified', 'D:anonymous'),
                       ('within_to_late', 'requests', false, 1, 'T:within', 'T:late'),
                       ('within_to_waiting', 'requests', false, 1, 'T:within', 'T:waiting'),
                       ('late_to_waiting', 'requests', false, 1, 'T:late', 'T:waiting');
INSERT INTO def SELECT 'month_' || j || '_to_' || l, 'requests', false, 1, 'MS:' || j, 'MS:' || l
    FROM generate_series(0, 11) j CROSS JOIN generate_series(1, 12) l WHERE j < l;
INSERT INTO def VALUES ('row_requests', 'requests', true, 0, NULL, NULL);
INSERT INTO report.class (family, c, code, population, is_row)
SELECT 'support', row_number() OVER (ORDER BY min(ord)), code, population, bool_or(is_row)
FROM (SELECT d.*, row_number() OVER () AS ord FROM def d) x GROUP BY code, population;
INSERT INTO report.class_pair (family, c, leg, src, dst)
SELECT 'support', c.c, d.leg, pg_temp.satom(d.src), pg_temp.satom(d.dst)
FROM def d JOIN report.class c ON c.family = 'support' AND c.code = d.code WHERE NOT d.is_row;

-- ---------------------------------------------------------------------------------------------
-- The support of each class follows from its pairs: a move from src to dst changes the measures of
-- dst by +1 and those of src by −1. Every pair of a leg of an ordinary class has the same effect; a
-- coarse class's support is the union of its pairs' effects. A ROW class moves whole members: its
-- support is its whole population (sign 0).
-- A measure is exact for the class when all pairs of the one leg that changes it change it alike
-- (a measure counts atoms of one group, and the legs of a class move different groups: checked below).
INSERT INTO report.class_measure (family, c, m, sign, exact)
SELECT x.family, x.c, x.m, CASE WHEN min(x.d) = max(x.d) THEN min(x.d) ELSE 1 END::smallint,
       min(x.d) = max(x.d) AND count(DISTINCT x.leg) = 1
       AND count(*) = (SELECT count(*) FROM report.class_pair q WHERE q.family = x.family AND q.c = x.c AND q.leg = min(x.leg))
FROM (
    SELECT p.family, p.c, p.leg, p.src, p.dst, am.m, sum(sgn.d) AS d
    FROM report.class_pair p
    CROSS JOIN LATERAL (VALUES (p.dst, 1), (p.src, -1)) AS sgn (a, d)
    JOIN report.atom_measure am ON am.family = p.family AND am.a = sgn.a
    GROUP BY p.family, p.c, p.leg, p.src, p.dst, am.m HAVING sum(sgn.d) <> 0
) x GROUP BY x.family, x.c, x.m;
INSERT INTO report.class_measure (family, c, m, sign)
SELECT c.family, c.c, m.m, 0 FROM report.class c JOIN report.measure m ON m.family = c.family AND m.population = c.population
WHERE c.is_row;
UPDATE report.class c SET size = (SELECT count(*) FROM report.class_measure x WHERE x.family = c.family AND x.c = c.c);

-- The atoms each leg of a class takes from (side 's') and gives to (side 'd'), each once; a NULL
-- atom: the member arrives from or leaves to another unit. The room of a leg in a unit is the sum of
-- its atoms' counts there (unbounded with a NULL atom).
CREATE TABLE report.class_side (
    family text NOT NULL,
    c smallint NOT NULL,
    leg smallint NOT NULL,
    side "char" NOT NULL CHECK (side IN ('s', 'd')),
    a smallint,
    FOREIGN KEY (family, c) REFERENCES report.class (family, c)
);
CREATE INDEX class_side_c ON report.class_side (family, c);
INSERT INTO report.class_side (family, c, leg, side, a)
SELECT DISTINCT family, c, leg, 's'::"char", src FROM report.class_pair
UNION
SELECT DISTINCT family, c, leg, 'd'::"char", dst FROM report.class_pair;

-- What ties the atom groups of one unit together: the atoms of group grp count exactly the members
-- of measure m (every person with a talk has one month; every new hire one introduction status;
-- every request one door, one timing, one month). Classes must keep these (checked below); the
-- attacker test knows them independently (Tests/reports/model.py).
CREATE TABLE report.link (
    family text NOT NULL,
    grp text NOT NULL,
    m smallint NOT NULL,
    PRIMARY KEY (family, grp),
    FOREIGN KEY (family, m) REFERENCES report.measure (family, m)
);
INSERT INTO report.link (family, grp, m) VALUES
    ('person', 'MO', 2), ('person', 'IN', 12),
    ('support', 'D', 1), ('support', 'T', 1), ('support', 'MS', 1);

DO $$
DECLARE
    bad integer;
BEGIN
    -- every pair of a leg of an ordinary class has the leg's effect
    SELECT count(*) INTO bad FROM (
        SELECT p.family, p.c, p.leg,
               count(DISTINCT (SELECT string_agg(x.m || ':' || x.d, ',' ORDER BY x.m) FROM (
                   SELECT am.m, sum(s.d) AS d FROM (VALUES (p.dst, 1), (p.src, -1)) AS s (a, d)
                   JOIN report.atom_measure am ON am.family = p.family AND am.a = s.a GROUP BY am.m HAVING sum(s.d) <> 0) x)) AS effects
        FROM report.class_pair p JOIN report.class k ON k.family = p.family AND k.c = p.c AND NOT k.coarse
        GROUP BY p.family, p.c, p.leg) e
    WHERE effects <> 1;
    IF bad > 0 THEN RAISE EXCEPTION 'report catalogue: % class legs with pairs of different effect', bad; END IF;
    -- every leg of a coarse class is a product: each of its src atoms with each of its dst atoms
    SELECT count(*) INTO bad FROM (
        SELECT p.family, p.c, p.leg FROM report.class_pair p JOIN report.class k ON k.family = p.family AND k.c = p.c AND k.coarse
        GROUP BY p.family, p.c, p.leg
        HAVING count(*) <> count(DISTINCT coalesce(p.src, -1)) * count(DISTINCT coalesce(p.dst, -1))
            OR count(*) <> count(DISTINCT (coalesce(p.src, -1), coalesce(p.dst, -1)))) e;
    IF bad > 0 THEN RAISE EXCEPTION 'report catalogue: % coarse class legs that are not a product', bad; END IF;
    -- only a coarse class changes a measure unevenly, and it changes some measure evenly
    SELECT count(*) INTO bad FROM report.class k WHERE EXISTS (
        SELECT 1 FROM report.class_measure x WHERE x.family = k.family AND x.c = k.c AND NOT x.exact AND NOT k.coarse)
        OR NOT EXISTS (SELECT 1 FROM report.class_measure x WHERE x.family = k.family AND x.c = k.c AND x.exact);
    IF bad > 0 THEN RAISE EXCEPTION 'report catalogue: % classes with an uneven measure that are not coarse, or with no even one', bad; END IF;
    -- the legs of a class move atoms of different groups, and no two groups count a common measure
    SELECT count(*) INTO bad FROM (
        SELECT p.family, p.c, a.grp FROM report.class_pair p
        JOIN report.atom a ON a.family = p.family AND a.a IN (p.src, p.dst)
        GROUP BY p.family, p.c, a.grp HAVING count(DISTINCT p.leg) > 1) e;
    IF bad > 0 THEN RAISE EXCEPTION 'report catalogue: % classes with two legs in one atom group', bad; END IF;
    SELECT count(*) INTO bad FROM (
        SELECT am.family, am.m FROM report.atom_measure am JOIN report.atom a ON a.family = am.family AND a.a = am.a
        GROUP BY am.family, am.m HAVING count(DISTINCT a.grp) > 1) e;
    IF bad > 0 THEN RAISE EXCEPTION 'report catalogue: % measures counting atoms of two groups', bad; END IF;
    -- every class keeps the links: per leg, each pair changes a linked group's count and the linked
    -- measure by the same amounts, and over the legs of the class the two changes are equal
    SELECT count(*) INTO bad FROM (
        WITH pair AS (
            SELECT p.family, p.c, p.leg, p.src, p.dst, l.grp, l.m,
                   (SELECT count(*) FROM report.atom a WHERE a.family = p.family AND a.a = p.dst AND a.grp = l.grp)
                   - (SELECT count(*) FROM report.atom a WHERE a.family = p.family AND a.a = p.src AND a.grp = l.grp) AS dgrp,
                   (SELECT count(*) FROM report.atom_measure am WHERE am.family = p.family AND am.a = p.dst AND am.m = l.m)
                   - (SELECT count(*) FROM report.atom_measure am WHERE am.family = p.family AND am.a = p.src AND am.m = l.m) AS dm
            FROM report.class_pair p JOIN report.link l ON l.family = p.family
        ), leg AS (
            SELECT family, c, leg, grp, min(dgrp) AS dgrp, min(dm) AS dm,
                   count(DISTINCT (dgrp, dm)) AS variants
            FROM pair GROUP BY family, c, leg, grp
        )
        SELECT family, c, grp FROM leg GROUP BY family, c, grp
        HAVING max(variants) > 1 OR sum(dgrp) <> sum(dm)) e;
    IF bad > 0 THEN RAISE EXCEPTION 'report catalogue: % classes that break a link between atom groups', bad; END IF;
    -- every class changes something, and a measure of one population only
    SELECT count(*) INTO bad FROM report.class c WHERE c.size = 0 OR EXISTS (
        SELECT 1 FROM report.class_measure x JOIN report.measure m ON m.family = x.family AND m.m = x.m
        WHERE x.family = c.family AND x.c = c.c AND m.population <> c.population);
    IF bad > 0 THEN RAISE EXCEPTION 'report catalogue: % classes with an empty or mixed support', bad; END IF;
    -- a relation's total and parts are of one population
    SELECT count(*) INTO bad FROM report.relation r
    JOIN report.measure t ON t.family = r.family AND t.m = r.total
    JOIN report.measure p ON p.family = r.family AND p.m = r.part WHERE t.population <> p.population;
    IF bad > 0 THEN RAISE EXCEPTION 'report catalogue: % relations across populations', bad; END IF;
END
$$;

UPDATE report.measure SET headline = true
WHERE (family = 'person' AND code IN ('due', 'held', 'asked', 'not_asked', 'not_yet', 'new_hires_due', 'staff', 'managers_recording'))
   OR (family = 'support' AND code = 'requests');
