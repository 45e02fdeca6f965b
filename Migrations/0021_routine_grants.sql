-- Managers plan and record talks of their current direct reports only; employees read their own.
-- Row-level security, not a filter in Swift, decides (a crafted id from another team finds nothing).

GRANT USAGE ON SCHEMA routine TO wr_manager, wr_employee, wr_admin;
ALTER TABLE routine.cycle ENABLE ROW LEVEL SECURITY;
ALTER TABLE routine.talk ENABLE ROW LEVEL SECURITY;

GRANT SELECT ON routine.cycle TO wr_manager, wr_employee, wr_admin;
GRANT INSERT, UPDATE, DELETE ON routine.cycle TO wr_admin;
CREATE POLICY cycle_read ON routine.cycle FOR SELECT TO wr_manager, wr_employee, wr_admin
    USING (organisation_id = (SELECT app.organisation_id()));
CREATE POLICY cycle_admin ON routine.cycle FOR ALL TO wr_admin
    USING (organisation_id = (SELECT app.organisation_id()))
    WITH CHECK (organisation_id = (SELECT app.organisation_id()));

GRANT EXECUTE ON FUNCTION routine.due_on(date, date, date, date, integer) TO wr_manager, wr_employee, wr_admin;

GRANT SELECT, DELETE ON routine.talk TO wr_manager;
GRANT INSERT (organisation_id, cycle_id, person_id, manager_id, planned_at, held_on, question_asked, not_asked_reason, recorded_at, recorded_by)
    ON routine.talk TO wr_manager;
GRANT UPDATE (planned_at, held_on, question_asked, not_asked_reason, recorded_at, recorded_by) ON routine.talk TO wr_manager;
CREATE POLICY talk_manager ON routine.talk FOR ALL TO wr_manager
    USING (organisation_id = (SELECT app.organisation_id())
           AND EXISTS (SELECT 1 FROM org.person p
                       WHERE p.id = talk.person_id AND p.manager_id = (SELECT app.person_id()) AND p.active))
    WITH CHECK (organisation_id = (SELECT app.organisation_id())
                AND manager_id = (SELECT app.person_id())
                AND EXISTS (SELECT 1 FROM org.person p
                            WHERE p.id = talk.person_id AND p.manager_id = (SELECT app.person_id()) AND p.active));

GRANT SELECT ON routine.talk TO wr_employee;
CREATE POLICY talk_employee_own ON routine.talk FOR SELECT TO wr_employee
    USING (organisation_id = (SELECT app.organisation_id()) AND person_id = (SELECT app.person_id()));
