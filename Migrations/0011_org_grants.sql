-- Who may read the organisation.
--   manager:  their own row, their direct reports, all unit names of their organisation
--   employee: their own row
--   admin:    the masked directory, units, resources, import runs; writes go through import functions
--   anonymous: organisation names and support resources (the public support start page)
--   support, director: nothing here

ALTER TABLE org.unit ENABLE ROW LEVEL SECURITY;
ALTER TABLE org.person ENABLE ROW LEVEL SECURITY;
ALTER TABLE org.support_resource ENABLE ROW LEVEL SECURITY;
ALTER TABLE org.import_run ENABLE ROW LEVEL SECURITY;

GRANT SELECT ON org.unit TO wr_manager, wr_employee, wr_admin;
CREATE POLICY unit_same_organisation ON org.unit FOR SELECT TO wr_manager, wr_employee, wr_admin
    USING (organisation_id = (SELECT app.organisation_id()));

GRANT SELECT ON org.person TO wr_manager, wr_employee;
CREATE POLICY person_manager_reports ON org.person FOR SELECT TO wr_manager
    USING (organisation_id = (SELECT app.organisation_id())
           AND (manager_id = (SELECT app.person_id()) OR id = (SELECT app.person_id())));
CREATE POLICY person_employee_self ON org.person FOR SELECT TO wr_employee
    USING (organisation_id = (SELECT app.organisation_id()) AND id = (SELECT app.person_id()));

GRANT SELECT ON org.person_directory TO wr_admin;

GRANT SELECT ON org.support_resource TO wr_manager, wr_employee, wr_admin, wr_support, wr_anonymous;
GRANT INSERT, UPDATE, DELETE ON org.support_resource TO wr_admin;
CREATE POLICY resource_read ON org.support_resource FOR SELECT TO wr_manager, wr_employee, wr_admin, wr_support, wr_anonymous
    USING (organisation_id = (SELECT app.organisation_id()));
CREATE POLICY resource_admin_write ON org.support_resource FOR ALL TO wr_admin
    USING (organisation_id = (SELECT app.organisation_id()))
    WITH CHECK (organisation_id = (SELECT app.organisation_id()));

GRANT SELECT ON org.import_run TO wr_admin;
CREATE POLICY import_run_admin ON org.import_run FOR SELECT TO wr_admin
    USING (organisation_id = (SELECT app.organisation_id()));

-- The public support start page lists organisations by name so a person can choose theirs.
GRANT USAGE ON SCHEMA org TO wr_anonymous;
GRANT SELECT (id, name, slug) ON org.organisation TO wr_anonymous;
CREATE POLICY organisation_public_names ON org.organisation FOR SELECT TO wr_anonymous USING (true);

-- Administrators change their organisation's settings.
GRANT UPDATE (new_hire_days, correction_days, proposal_expiry_days, suppression_threshold, closing_days,
              extra_closed_dates, retention_closed_months, retention_anonymous_days) ON org.organisation TO wr_admin;
CREATE POLICY organisation_admin_settings ON org.organisation FOR UPDATE TO wr_admin
    USING (id = (SELECT app.organisation_id())) WITH CHECK (id = (SELECT app.organisation_id()));
