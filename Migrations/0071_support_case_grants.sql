-- Who may call the case functions of 0070. Nothing here is a table privilege: the receipt sessions
-- are reachable only through the functions, and content only through the audited readers.
-- wr_manager, wr_director, wr_admin, wr_notifier: nothing, as for the rest of the support schema.

ALTER TABLE support.receipt_session ENABLE ROW LEVEL SECURITY;  -- no policy: functions only

-- The team: the inbox computes time left on the organisation's working calendar.
GRANT EXECUTE ON FUNCTION support.intake_calendar(uuid) TO wr_support;
GRANT EXECUTE ON FUNCTION
    support.read_case(uuid, text),
    support.log_contact_attempt(uuid, text),
    support.reply(uuid, text, text),
    support.add_note(uuid, text, text),
    support.close_request(uuid, text),
    support.reopen_request(uuid),
    support.organisation_teams(),
    support.move_request(uuid, uuid)
    TO wr_support;

-- The identified person, logged in.
GRANT EXECUTE ON FUNCTION
    support.read_own_request(uuid, text),
    support.write_own_request(uuid, text, text),
    support.delete_own_request(uuid)
    TO wr_employee;

-- The anonymous person, with the receipt.
GRANT EXECUTE ON FUNCTION
    support.open_receipt_session(uuid, text, bytea, interval, interval),
    support.read_by_receipt(bytea, interval, text),
    support.write_by_receipt(bytea, interval, text, text),
    support.delete_by_receipt(bytea, interval),
    support.close_receipt_session(bytea)
    TO wr_anonymous;
