-- The Notifier's scheduled work and notices (0082): each function is executable by wr_notifier only.
-- No role gains any privilege on a table of `support`, `routine`, `org` or `auth` here.
GRANT EXECUTE ON FUNCTION
    notify.support_team_recipients(uuid, boolean),
    notify.support_employee_contact_plan(uuid),
    notify.support_employee_address(uuid, text),
    notify.support_apply_retention(integer),
    notify.support_deadline_scan(),
    notify.manager_digest_counts(date, uuid)
    TO wr_notifier;
