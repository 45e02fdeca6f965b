-- Who may work the queue (0080). The Notifier (wr_notifier, reached only by the login role wr_worker)
-- holds the queue functions; administrators reach dead letters of their own organisation only
-- through definer functions; employees read and mark their own inbox entries.

GRANT EXECUTE ON FUNCTION
    notify.enqueue_for(uuid, text, jsonb, timestamptz, text, smallint, integer),
    notify.claim(text, integer, interval),
    notify.complete(bigint[], text),
    notify.fail(bigint, text, jsonb, timestamptz),
    notify.snooze(bigint, text, timestamptz),
    notify.release(bigint[], text),
    notify.extend_leases(bigint[], text, interval),
    notify.rescue(),
    notify.stage(),
    notify.prune(interval, interval, integer),
    notify.retry(bigint),
    notify.discard(bigint),
    notify.store_inbox_message(bigint, uuid, text, timestamptz),
    notify.prune_inbox(interval)
    TO wr_notifier;

GRANT EXECUTE ON FUNCTION notify.admin_dead_letters(integer), notify.admin_retry(bigint), notify.admin_discard(bigint)
    TO wr_admin;

-- The inbox: an employee sees their own entries and may mark them read; nobody else reads it.
ALTER TABLE notify.inbox_message ENABLE ROW LEVEL SECURITY;
GRANT SELECT, UPDATE (read_at) ON notify.inbox_message TO wr_employee;
CREATE POLICY inbox_own ON notify.inbox_message FOR ALL TO wr_employee
    USING (account_id = (SELECT app.account_id()) AND organisation_id = (SELECT app.organisation_id()))
    WITH CHECK (account_id = (SELECT app.account_id()) AND organisation_id = (SELECT app.organisation_id()));
