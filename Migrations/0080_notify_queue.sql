-- The job queue's working parts (0040 created the table and notify.enqueue): how jobs are claimed,
-- completed, retried, rescued, staged and pruned, dead letters for the administrator, and the inbox
-- inside the service. Built the way River, Oban and graphile-worker do it (REFERENCES.md).
--
-- Life of a job:
--   enqueue ─► available ──claim──► running ──complete──► completed ──prune──► (gone)
--              ▲   scheduled/retryable ◄──fail (attempts left) / snooze (safe hours)
--              └── stage (run_at reached)         running ──fail (no attempts left, or permanent)──► discarded
--   running with an expired lease (the worker crashed) ──rescue──► available (or discarded)
--
-- Only `available` rows are ever claimed, so the claim index holds nothing but ready work; jobs that
-- wait (scheduled, retryable) are moved to `available` by notify.stage() when their time comes.

-- Which organisation a job belongs to, so an administrator sees only their own dead letters. NULL
-- for the Notifier's own maintenance. No foreign key: jobs are pruned on their own schedule.
ALTER TABLE notify.job ADD COLUMN organisation_id uuid;

-- Storage. Every job row is written three times (insert, claim, complete), and none of those updates
-- can be HOT because `state` is in the partial indexes' predicates. So:
--   * fillfactor 70 leaves room on each page, so the new version of a row usually lands on the
--     same page as the old one (one page dirtied instead of two, and the heap stays dense);
--   * autovacuum runs after a fixed number of dead rows (not a fraction of a table that swings
--     between empty and 100,000 rows) and without cost-based sleeping, so dead versions behind the
--     claim index are reclaimed within a minute under load instead of piling up (the classic
--     PostgreSQL queue pitfall);
--   * inserts also trigger vacuum (PostgreSQL 13+), which keeps the visibility map fresh.
ALTER TABLE notify.job SET (
    fillfactor = 70,
    autovacuum_vacuum_scale_factor = 0,
    autovacuum_vacuum_threshold = 5000,
    autovacuum_vacuum_insert_scale_factor = 0,
    autovacuum_vacuum_insert_threshold = 10000,
    autovacuum_analyze_scale_factor = 0,
    autovacuum_analyze_threshold = 10000,
    autovacuum_vacuum_cost_delay = 0
);

-- Indexes, each partial so it holds only the rows its reader needs and stays small:
-- the claim (ready work in claim order),
CREATE INDEX job_claim ON notify.job (priority, run_at, id) WHERE state = 'available';
-- staging (waiting work by time),
CREATE INDEX job_waiting ON notify.job (run_at) WHERE state IN ('scheduled', 'retryable');
-- rescue (leases by expiry),
CREATE INDEX job_lease ON notify.job (leased_until) WHERE state = 'running';
-- pruning (finished work by age),
CREATE INDEX job_finished ON notify.job (finalized_at) WHERE state IN ('completed', 'discarded');
-- and the administrator's dead letters.
CREATE INDEX job_dead_letters ON notify.job (organisation_id, finalized_at) WHERE state = 'discarded';
-- Nothing else: every index is written on every insert or claim it matches, and the queue's speed
-- is the number of index entries per job. "Is a recurring job already queued?" (every few minutes)
-- reads the three partial indexes above instead of a fourth index on kind.

-- Enqueue for a given organisation: the Notifier's own way in (it has no acting organisation) and
-- the one body notify.enqueue() uses. Runs with the caller's rights: only wr_notifier, which may
-- write the table, is granted it.
CREATE FUNCTION notify.enqueue_for(
    p_organisation_id uuid, p_kind text, p_payload jsonb, p_run_at timestamptz DEFAULT NULL,
    p_unique_key text DEFAULT NULL, p_priority smallint DEFAULT 2, p_max_attempts integer DEFAULT 10
) RETURNS bigint
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    new_id bigint;
    at timestamptz := coalesce(p_run_at, now());
BEGIN
    INSERT INTO notify.job (organisation_id, kind, payload, priority, state, run_at, unique_key, max_attempts)
    VALUES (p_organisation_id, p_kind, coalesce(p_payload, '{}'), p_priority,
            CASE WHEN at > now() THEN 'scheduled' ELSE 'available' END, at, p_unique_key, p_max_attempts)
    ON CONFLICT (unique_key) WHERE unique_key IS NOT NULL DO NOTHING
    RETURNING id INTO new_id;
    IF new_id IS NOT NULL AND at <= now() THEN
        -- Delivered at commit only; identical notifications of one transaction are coalesced.
        PERFORM pg_notify('notify_job', '');
    END IF;
    RETURN new_id;
END
$$;

-- The product's enqueue (0040), now recording the acting organisation. Same signature and grants.
CREATE OR REPLACE FUNCTION notify.enqueue(
    p_kind text, p_payload jsonb, p_run_at timestamptz DEFAULT NULL, p_unique_key text DEFAULT NULL,
    p_priority smallint DEFAULT 2, p_max_attempts integer DEFAULT 10
) RETURNS bigint
    LANGUAGE sql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
    SELECT notify.enqueue_for(app.organisation_id(), p_kind, p_payload, p_run_at, p_unique_key, p_priority, p_max_attempts)
$$;

-- Claims up to p_limit ready jobs for p_worker in one statement: the oldest of the most urgent,
-- skipping rows another worker is claiming right now (SKIP LOCKED), so any number of workers can
-- claim at once without waiting for each other or getting the same job. Each claimed job counts an
-- attempt and gets a lease; a worker that dies leaves the lease to expire (notify.rescue()).
-- PL/pgSQL so the plan is prepared once per session, not planned again on every call.
CREATE FUNCTION notify.claim(p_worker text, p_limit integer, p_lease interval)
    RETURNS TABLE (id bigint, kind text, payload jsonb, attempt integer, max_attempts integer,
                   run_at timestamptz, created_at timestamptz, organisation_id uuid)
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    RETURN QUERY
    UPDATE notify.job j
    SET state = 'running', attempt = j.attempt + 1, attempted_at = now(), leased_until = now() + p_lease, worker = p_worker
    FROM (SELECT x.id FROM notify.job x WHERE x.state = 'available'
          ORDER BY x.priority, x.run_at, x.id LIMIT p_limit FOR UPDATE SKIP LOCKED) picked
    WHERE j.id = picked.id
    RETURNING j.id, j.kind, j.payload, j.attempt, j.max_attempts, j.run_at, j.created_at, j.organisation_id;
END
$$;

-- Marks jobs of p_worker delivered, in one statement per batch. A job rescued after its lease
-- expired but not yet claimed again still counts as delivered by this worker (state 'available'
-- with this worker's name): completing it saves a second delivery.
CREATE FUNCTION notify.complete(p_ids bigint[], p_worker text) RETURNS integer
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    n integer;
BEGIN
    UPDATE notify.job j SET state = 'completed', finalized_at = now(), leased_until = NULL
    WHERE j.id = ANY (p_ids) AND j.worker = p_worker AND j.state IN ('running', 'available');
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END
$$;

-- Records a failed attempt: the error (codes only: {"error": "smtp.temporaryFailure", …}) is
-- appended to the job's history, then the job waits until p_retry_at, or is discarded when
-- p_retry_at is NULL (the failure is permanent) or no attempt is left. Returns the new state.
CREATE FUNCTION notify.fail(p_id bigint, p_worker text, p_error jsonb, p_retry_at timestamptz) RETURNS text
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    new_state text;
BEGIN
    UPDATE notify.job j SET
        errors = j.errors || jsonb_build_array(jsonb_build_object('at', now(), 'attempt', j.attempt) || coalesce(p_error, '{}')),
        state = CASE WHEN p_retry_at IS NULL OR j.attempt >= j.max_attempts THEN 'discarded' ELSE 'retryable' END,
        run_at = CASE WHEN p_retry_at IS NULL OR j.attempt >= j.max_attempts THEN j.run_at ELSE p_retry_at END,
        finalized_at = CASE WHEN p_retry_at IS NULL OR j.attempt >= j.max_attempts THEN now() END,
        leased_until = NULL
    WHERE j.id = p_id AND j.worker = p_worker AND j.state = 'running'
    RETURNING j.state INTO new_state;
    RETURN new_state;
END
$$;

-- Puts a job back to wait until p_run_at without counting the attempt: an employee's notice that
-- arrived outside their safe hours waits for the next safe window.
CREATE FUNCTION notify.snooze(p_id bigint, p_worker text, p_run_at timestamptz) RETURNS boolean
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    UPDATE notify.job j SET state = 'scheduled', run_at = p_run_at, attempt = greatest(j.attempt - 1, 0), leased_until = NULL
    WHERE j.id = p_id AND j.worker = p_worker AND j.state = 'running';
    RETURN FOUND;
END
$$;

-- Gives unfinished jobs back on a graceful shutdown, uncounted, for another worker to take now.
CREATE FUNCTION notify.release(p_ids bigint[], p_worker text) RETURNS integer
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    n integer;
BEGIN
    UPDATE notify.job j SET state = 'available', attempt = greatest(j.attempt - 1, 0), leased_until = NULL
    WHERE j.id = ANY (p_ids) AND j.worker = p_worker AND j.state = 'running';
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n > 0 THEN PERFORM pg_notify('notify_job', ''); END IF;
    RETURN n;
END
$$;

-- Extends the leases of jobs still being delivered (a slow relay), so they are not rescued while
-- their worker is alive.
CREATE FUNCTION notify.extend_leases(p_ids bigint[], p_worker text, p_lease interval) RETURNS integer
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    n integer;
BEGIN
    UPDATE notify.job j SET leased_until = now() + p_lease
    WHERE j.id = ANY (p_ids) AND j.worker = p_worker AND j.state = 'running';
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END
$$;

-- Jobs whose worker vanished (kill -9, a machine lost) are found by their expired lease and run
-- again; the lost attempt is kept in the history as 'lease_expired', and a job that has used all
-- its attempts this way is discarded. Any worker may call this; it is cheap when nothing expired.
CREATE FUNCTION notify.rescue() RETURNS integer
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    n integer;
BEGIN
    UPDATE notify.job j SET
        errors = j.errors || jsonb_build_array(jsonb_build_object('at', now(), 'attempt', j.attempt, 'error', 'lease_expired')),
        state = CASE WHEN j.attempt >= j.max_attempts THEN 'discarded' ELSE 'available' END,
        finalized_at = CASE WHEN j.attempt >= j.max_attempts THEN now() END,
        leased_until = NULL
    WHERE j.state = 'running' AND j.leased_until < now();
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n > 0 THEN PERFORM pg_notify('notify_job', ''); END IF;
    RETURN n;
END
$$;

-- Makes waiting jobs whose time has come ready to claim, and wakes the workers if there were any.
CREATE FUNCTION notify.stage() RETURNS integer
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    n integer;
BEGIN
    UPDATE notify.job j SET state = 'available'
    WHERE j.state IN ('scheduled', 'retryable') AND j.run_at <= now();
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n > 0 THEN PERFORM pg_notify('notify_job', ''); END IF;
    RETURN n;
END
$$;

-- Deletes finished jobs: completed ones after p_completed_after, dead letters after
-- p_discarded_after (they stay visible to the administrator until then), at most p_limit rows per
-- call so a large backlog is removed in short transactions.
CREATE FUNCTION notify.prune(p_completed_after interval, p_discarded_after interval, p_limit integer DEFAULT 10000)
    RETURNS integer
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    n integer;
BEGIN
    DELETE FROM notify.job j WHERE j.id IN (
        SELECT x.id FROM notify.job x
        WHERE (x.state = 'completed' AND x.finalized_at < now() - p_completed_after)
           OR (x.state = 'discarded' AND x.finalized_at < now() - p_discarded_after)
        LIMIT p_limit);
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END
$$;

-- Operators (`workplace-routine notifier retry ID`) and administrators: run a dead, failing or
-- waiting job again now. A job that used all its attempts gets one more.
CREATE FUNCTION notify.retry(p_id bigint) RETURNS boolean
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    UPDATE notify.job j SET state = 'available', run_at = now(), finalized_at = NULL, leased_until = NULL,
        attempt = least(j.attempt, 99), max_attempts = least(100, greatest(j.max_attempts, least(j.attempt, 99) + 1))
    WHERE j.id = p_id AND j.state IN ('discarded', 'retryable', 'scheduled');
    IF FOUND THEN PERFORM pg_notify('notify_job', ''); END IF;
    RETURN FOUND;
END
$$;

-- Operators and administrators: give up a job that has not run yet or is failing. A running job
-- belongs to its worker and cannot be discarded.
CREATE FUNCTION notify.discard(p_id bigint) RETURNS boolean
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    UPDATE notify.job j SET state = 'discarded', finalized_at = now(),
        errors = j.errors || jsonb_build_array(jsonb_build_object('at', now(), 'attempt', j.attempt, 'error', 'discarded_by_operator'))
    WHERE j.id = p_id AND j.state IN ('available', 'scheduled', 'retryable');
    RETURN FOUND;
END
$$;

-- Dead letters for the administrator of the acting organisation: kind, attempts, the error codes
-- and times — never the payload (ids of people and requests). Failing jobs that will still be
-- retried are listed too, so an administrator sees a relay problem before messages are lost.
CREATE FUNCTION notify.admin_dead_letters(p_limit integer DEFAULT 200)
    RETURNS TABLE (id bigint, kind text, state text, attempt integer, max_attempts integer, error_codes text[],
                   created_at timestamptz, attempted_at timestamptz, finalized_at timestamptz, run_at timestamptz)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
    SELECT j.id, j.kind, j.state, j.attempt, j.max_attempts,
           ARRAY(SELECT e ->> 'error' FROM jsonb_array_elements(j.errors) e),
           j.created_at, j.attempted_at, j.finalized_at, j.run_at
    FROM notify.job j
    WHERE app.role() = 'admin' AND j.organisation_id = app.organisation_id()
      AND (j.state = 'discarded' OR (j.state = 'retryable' AND jsonb_array_length(j.errors) > 0))
    ORDER BY coalesce(j.finalized_at, j.attempted_at) DESC, j.id DESC
    LIMIT least(greatest(p_limit, 1), 1000)
$$;

-- The administrator's retry and discard buttons: only for their own organisation's jobs, and each
-- use is written to the audit log.
CREATE FUNCTION notify.admin_retry(p_id bigint) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF app.role() IS DISTINCT FROM 'admin' OR NOT EXISTS (
        SELECT 1 FROM notify.job j WHERE j.id = p_id AND j.organisation_id = app.organisation_id()) THEN
        RETURN false;
    END IF;
    IF notify.retry(p_id) THEN
        PERFORM audit.record('notification.retried', 'notify.job', NULL, jsonb_build_object('job_id', p_id));
        RETURN true;
    END IF;
    RETURN false;
END
$$;

CREATE FUNCTION notify.admin_discard(p_id bigint) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    IF app.role() IS DISTINCT FROM 'admin' OR NOT EXISTS (
        SELECT 1 FROM notify.job j WHERE j.id = p_id AND j.organisation_id = app.organisation_id()) THEN
        RETURN false;
    END IF;
    IF notify.discard(p_id) THEN
        PERFORM audit.record('notification.discarded', 'notify.job', NULL, jsonb_build_object('job_id', p_id));
        RETURN true;
    END IF;
    RETURN false;
END
$$;

-- The inbox inside the service (*meddelanden i tjänsten*): which account has something new, from
-- which job, with which template. No text: the page renders the template, so nothing about an
-- event lies here. `job_id` is the key, so a retried job stores its message once.
CREATE TABLE notify.inbox_message (
    job_id bigint PRIMARY KEY,              -- no foreign key: jobs are pruned, the message stays
    organisation_id uuid NOT NULL REFERENCES org.organisation (id) ON DELETE CASCADE,
    account_id uuid NOT NULL REFERENCES auth.account (id) ON DELETE CASCADE,
    template text NOT NULL CHECK (template IN ('new-message-employee', 'new-message-support', 'manager-digest')),
    created_at timestamptz NOT NULL DEFAULT now(),
    read_at timestamptz
);
CREATE INDEX inbox_message_account ON notify.inbox_message (account_id, created_at DESC);
COMMENT ON TABLE notify.inbox_message IS 'In-service notifications: recipient, template and time only, never text.';

-- The Notifier stores a message without any privilege on accounts: the account's organisation is
-- looked up here. Storing the same job's message again changes nothing. Returns false when the
-- account no longer exists or is disabled (nothing to deliver to).
CREATE FUNCTION notify.store_inbox_message(p_job_id bigint, p_account_id uuid, p_template text, p_created_at timestamptz)
    RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    INSERT INTO notify.inbox_message (job_id, organisation_id, account_id, template, created_at)
    SELECT p_job_id, a.organisation_id, a.id, p_template, p_created_at
    FROM auth.account a WHERE a.id = p_account_id AND a.disabled_at IS NULL
    ON CONFLICT (job_id) DO NOTHING;
    RETURN EXISTS (SELECT 1 FROM notify.inbox_message m WHERE m.job_id = p_job_id);
END
$$;

-- Old inbox entries go after p_after (scheduled maintenance).
CREATE FUNCTION notify.prune_inbox(p_after interval) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    n integer;
BEGIN
    DELETE FROM notify.inbox_message m WHERE m.created_at < now() - p_after;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END
$$;
