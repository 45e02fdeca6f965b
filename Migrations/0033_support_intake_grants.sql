-- The identified door (wr_employee) and the anonymous door (wr_anonymous) create requests only
-- through support.create_request().
GRANT EXECUTE ON FUNCTION support.intake_calendar(uuid) TO wr_employee, wr_anonymous;
GRANT EXECUTE ON FUNCTION support.create_request(uuid, text, text, text, uuid, timestamptz, timestamptz, text, text, smallint[],
    time, time, boolean, boolean, text, text, text, text, text) TO wr_employee, wr_anonymous;
