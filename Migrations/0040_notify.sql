-- The job queue (the Notifier's work), built the way River, Oban and graphile-worker build theirs.
-- Jobs are enqueued in the same transaction as the change that causes them, so a rolled-back change
-- sends nothing. Payloads carry identifiers and codes only — never a name or anything a person wrote.

CREATE TABLE notify.job (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9_.]{1,80}$'),
    payload jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(payload) = 'object'),
    priority smallint NOT NULL DEFAULT 2 CHECK (priority BETWEEN 1 AND 4),
    state text NOT NULL DEFAULT 'available'
        CHECK (state IN ('available', 'scheduled', 'running', 'retryable', 'completed', 'discarded')),
    run_at timestamptz NOT NULL DEFAULT now(),
    attempt integer NOT NULL DEFAULT 0 CHECK (attempt >= 0),
    max_attempts integer NOT NULL DEFAULT 10 CHECK (max_attempts BETWEEN 1 AND 100),
    -- The same reminder is never queued twice: keys carry their own date where they repeat.
    unique_key text CHECK (unique_key IS NULL OR length(unique_key) <= 200),
    leased_until timestamptz,
    worker text,
    -- [{"at": …, "attempt": n, "error": "<classified code>"}]: kept for dead letters.
    errors jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(errors) = 'array'),
    created_at timestamptz NOT NULL DEFAULT now(),
    attempted_at timestamptz,
    finalized_at timestamptz,
    CHECK ((state = 'running') = (leased_until IS NOT NULL))
);
CREATE UNIQUE INDEX job_unique_key ON notify.job (unique_key) WHERE unique_key IS NOT NULL;

-- Enqueue from any acting role without giving it any privilege on the queue table.
CREATE FUNCTION notify.enqueue(
    p_kind text, p_payload jsonb, p_run_at timestamptz DEFAULT NULL, p_unique_key text DEFAULT NULL,
    p_priority smallint DEFAULT 2, p_max_attempts integer DEFAULT 10
) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    new_id bigint;
    at timestamptz := coalesce(p_run_at, now());
BEGIN
    INSERT INTO notify.job (kind, payload, priority, state, run_at, unique_key, max_attempts)
    VALUES (p_kind, coalesce(p_payload, '{}'), p_priority,
            CASE WHEN at > now() THEN 'scheduled' ELSE 'available' END, at, p_unique_key, p_max_attempts)
    ON CONFLICT (unique_key) WHERE unique_key IS NOT NULL DO NOTHING
    RETURNING id INTO new_id;
    IF new_id IS NOT NULL AND at <= now() THEN
        -- Delivered at commit only; one NOTIFY per transaction is coalesced by PostgreSQL.
        PERFORM pg_notify('notify_job', '');
    END IF;
    RETURN new_id;
END
$$;
