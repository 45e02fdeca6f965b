-- Training records: administrators import and read their organisation's; an employee reads their own
-- (they see what is stored about them). Managers, support and the director have no privilege here;
-- the director sees training only as suppressed coverage through the report functions.
ALTER TABLE org.training_record ENABLE ROW LEVEL SECURITY;

GRANT SELECT, DELETE ON org.training_record TO wr_admin;
CREATE POLICY training_admin ON org.training_record FOR ALL TO wr_admin
    USING (organisation_id = (SELECT app.organisation_id()))
    WITH CHECK (organisation_id = (SELECT app.organisation_id()));

GRANT SELECT ON org.training_record TO wr_employee;
CREATE POLICY training_own ON org.training_record FOR SELECT TO wr_employee
    USING (organisation_id = (SELECT app.organisation_id()) AND person_id = (SELECT app.person_id()));

GRANT EXECUTE ON FUNCTION org.import_training(text[], text[], text[], boolean) TO wr_admin;
