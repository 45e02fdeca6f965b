-- The support schema's visibility. Reading metadata (kind, door, status, deadlines) is allowed by
-- row-level security; reading content (the *_enc columns) is only possible through the audited
-- definer functions, since no acting role may use pgcrypto. Writes go through definer functions that
-- keep the case log and the audit log in step.
--
-- wr_manager, wr_director, wr_admin, wr_notifier: no privilege of any kind on this schema.

GRANT USAGE ON SCHEMA support TO wr_support, wr_employee, wr_anonymous;

ALTER TABLE support.organisation_secret ENABLE ROW LEVEL SECURITY;  -- no policy: functions only
ALTER TABLE support.team ENABLE ROW LEVEL SECURITY;
ALTER TABLE support.team_member ENABLE ROW LEVEL SECURITY;
ALTER TABLE support.request ENABLE ROW LEVEL SECURITY;
ALTER TABLE support.message ENABLE ROW LEVEL SECURITY;
ALTER TABLE support.note ENABLE ROW LEVEL SECURITY;
ALTER TABLE support.contact_attempt ENABLE ROW LEVEL SECURITY;
ALTER TABLE support.case_event ENABLE ROW LEVEL SECURITY;
ALTER TABLE support.outcome_proposal ENABLE ROW LEVEL SECURITY;

-- A support worker sees the teams they belong to and everything routed to those teams.
CREATE FUNCTION support.my_team_ids() RETURNS uuid[]
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
    SELECT coalesce(array_agg(m.team_id), '{}') FROM support.team_member m
    JOIN support.team t ON t.id = m.team_id
    WHERE m.account_id = app.account_id() AND t.organisation_id = app.organisation_id()
$$;
GRANT EXECUTE ON FUNCTION support.my_team_ids() TO wr_support;

GRANT SELECT ON support.team TO wr_support;
CREATE POLICY team_member_reads ON support.team FOR SELECT TO wr_support
    USING (id = ANY ((SELECT support.my_team_ids())::uuid[]));
GRANT SELECT ON support.team_member TO wr_support;
CREATE POLICY team_member_list ON support.team_member FOR SELECT TO wr_support
    USING (team_id = ANY ((SELECT support.my_team_ids())::uuid[]));

GRANT SELECT ON support.request TO wr_support;
CREATE POLICY request_team ON support.request FOR SELECT TO wr_support
    USING (organisation_id = (SELECT app.organisation_id()) AND team_id = ANY ((SELECT support.my_team_ids())::uuid[]));
GRANT SELECT ON support.message, support.note, support.contact_attempt, support.case_event TO wr_support;
CREATE POLICY message_team ON support.message FOR SELECT TO wr_support
    USING (EXISTS (SELECT 1 FROM support.request r WHERE r.id = request_id));
CREATE POLICY note_team ON support.note FOR SELECT TO wr_support
    USING (EXISTS (SELECT 1 FROM support.request r WHERE r.id = request_id));
CREATE POLICY attempt_team ON support.contact_attempt FOR SELECT TO wr_support
    USING (EXISTS (SELECT 1 FROM support.request r WHERE r.id = request_id));
CREATE POLICY case_event_team ON support.case_event FOR SELECT TO wr_support
    USING (EXISTS (SELECT 1 FROM support.request r WHERE r.id = request_id));

-- The identified employee sees their own requests and dialogue (not the team's notes), and their own
-- pending outcome proposals.
GRANT SELECT ON support.request TO wr_employee;
CREATE POLICY request_own ON support.request FOR SELECT TO wr_employee
    USING (organisation_id = (SELECT app.organisation_id()) AND person_id = (SELECT app.person_id()));
GRANT SELECT ON support.message TO wr_employee;
CREATE POLICY message_own ON support.message FOR SELECT TO wr_employee
    USING (EXISTS (SELECT 1 FROM support.request r WHERE r.id = request_id));
GRANT SELECT ON support.outcome_proposal TO wr_employee;
CREATE POLICY outcome_proposal_own ON support.outcome_proposal FOR SELECT TO wr_employee
    USING (organisation_id = (SELECT app.organisation_id()) AND person_id = (SELECT app.person_id()));
