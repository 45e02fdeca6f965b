-- Every acting role may enqueue; only the Notifier works the queue; administrators may look at dead
-- letters (codes, never content) through functions the Notifier issue adds.
GRANT USAGE ON SCHEMA notify TO wr_anonymous, wr_employee, wr_manager, wr_support, wr_admin, wr_notifier;
GRANT EXECUTE ON FUNCTION notify.enqueue(text, jsonb, timestamptz, text, smallint, integer)
    TO wr_anonymous, wr_employee, wr_manager, wr_support, wr_admin, wr_notifier;
GRANT SELECT, INSERT, UPDATE, DELETE ON notify.job TO wr_notifier;
