-- Who may call the functions of the manager's routine (0060–0063). No table grant is added: every
-- write these features need goes through the functions below or the grants of 0011 and 0021.

-- The HR import: administrators only, for their own organisation (checked inside).
GRANT EXECUTE ON FUNCTION org.import_people(text, boolean, boolean, integer, jsonb, integer, text[], text[], text[],
    text[], text[], text[], text[], text[], date[], date[], boolean[]) TO wr_admin;

-- A talk planned by a previous manager is moved or recorded by the current one, who becomes its
-- manager of record (row-level security's WITH CHECK already demands manager_id = the acting
-- person, so this column can only ever be set to oneself).
GRANT UPDATE (manager_id) ON routine.talk TO wr_manager;

-- Cycles and the team's status (the overview runs as the caller, so row-level security applies).
GRANT EXECUTE ON FUNCTION routine.current_cycle() TO wr_manager, wr_employee, wr_admin;
GRANT EXECUTE ON FUNCTION routine.team_overview(uuid) TO wr_manager;

-- Consented outcomes: the manager proposes; the employee declines or withdraws (confirming goes
-- through support.create_request); the Notifier deletes expired proposals.
GRANT EXECUTE ON FUNCTION routine.propose_outcome(uuid, text) TO wr_manager;
GRANT EXECUTE ON FUNCTION routine.decline_outcome(uuid), routine.withdraw_outcome(uuid) TO wr_employee;
GRANT USAGE ON SCHEMA routine TO wr_notifier;
GRANT EXECUTE ON FUNCTION routine.expire_proposals() TO wr_notifier;

-- What is stored about me.
GRANT EXECUTE ON FUNCTION auth.my_account(), auth.my_sessions() TO wr_employee;
GRANT EXECUTE ON FUNCTION audit.my_events() TO wr_employee;
