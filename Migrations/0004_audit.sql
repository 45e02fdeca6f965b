-- The audit log: who read or changed confidential data, when, which object, what action — never
-- the content. Append-only: only its owner may UPDATE or DELETE (0005 grants nothing else), and
-- entries are written through audit.record(), which takes the actor from the transaction's settings
-- so a caller cannot write an entry in someone else's name.
CREATE TABLE audit.event (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at timestamptz NOT NULL DEFAULT clock_timestamp(),
    organisation_id uuid,            -- no foreign key: the log outlives what it describes
    actor_account_id uuid,
    actor_role text,
    action text NOT NULL CHECK (action ~ '^[a-z][a-z_.]{1,80}$'),
    object_kind text CHECK (object_kind ~ '^[a-z][a-z_.]{1,80}$'),
    object_id uuid,
    -- Codes and counts only (e.g. {"field": "asked"} or {"deleted": 3}); never text a person wrote.
    detail jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(detail) = 'object')
);
CREATE INDEX event_organisation_at ON audit.event (organisation_id, at);
CREATE INDEX event_object ON audit.event (object_id) WHERE object_id IS NOT NULL;

CREATE FUNCTION audit.record(p_action text, p_object_kind text, p_object_id uuid, p_detail jsonb DEFAULT '{}')
    RETURNS void
    LANGUAGE sql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
    INSERT INTO audit.event (organisation_id, actor_account_id, actor_role, action, object_kind, object_id, detail)
    VALUES (app.organisation_id(), app.account_id(), app.role(), p_action, p_object_kind, p_object_id,
            coalesce(p_detail, '{}'));
$$;

-- A second line behind the grants: even a role that were mistakenly granted UPDATE or DELETE could
-- not change history, because only the table's owner passes this trigger.
CREATE FUNCTION audit.refuse_change() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF current_user <> (SELECT tableowner FROM pg_catalog.pg_tables WHERE schemaname = 'audit' AND tablename = 'event') THEN
        RAISE EXCEPTION 'the audit log is append-only' USING ERRCODE = '42501';
    END IF;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    IF TG_OP = 'UPDATE' THEN RETURN NEW; END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER event_append_only BEFORE UPDATE OR DELETE ON audit.event
    FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER event_no_truncate BEFORE TRUNCATE ON audit.event
    FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
