-- Confidential support (MISSION.md, promises 3–5 and 8). Only wr_support of the request's team, and
-- the person themself (identified door: logged in; anonymous door: with the receipt), may reach a
-- request. Managers, HR, the director and the Notifier have no privilege on this schema at all.
--
-- Everything a person or a support worker writes in their own words (what to call them, how to
-- reach them, free text, dialogue, notes) is encrypted with pgcrypto's pgp_sym_encrypt under a key
-- the database never stores: the service passes it as a bound parameter of each statement. Because
-- no acting role may use the `ext` schema, decryption happens only inside this schema's SECURITY
-- DEFINER functions, and each of them writes the audit entry for the read. A dump alone reveals
-- nothing, and a read without an audit entry is impossible through the service's roles.

-- A deterministic slow hash of anonymous receipts needs one salt per organisation (bcrypt with a
-- fixed salt, like GlobaLeaks' tenant-wide salt), so a receipt can be looked up by its hash.
CREATE TABLE support.organisation_secret (
    organisation_id uuid PRIMARY KEY REFERENCES org.organisation (id) ON DELETE CASCADE,
    receipt_salt text NOT NULL CHECK (receipt_salt LIKE '$2a$12$%')
);
CREATE FUNCTION support.create_organisation_secret() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
BEGIN
    INSERT INTO support.organisation_secret (organisation_id, receipt_salt) VALUES (NEW.id, ext.gen_salt('bf', 12));
    RETURN NEW;
END
$$;
CREATE TRIGGER organisation_secret AFTER INSERT ON org.organisation
    FOR EACH ROW EXECUTE FUNCTION support.create_organisation_secret();
INSERT INTO support.organisation_secret (organisation_id, receipt_salt)
    SELECT id, ext.gen_salt('bf', 12) FROM org.organisation;

-- Support teams: an organisation's own team, an external occupational-health service, …
CREATE TABLE support.team (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organisation_id uuid NOT NULL REFERENCES org.organisation (id) ON DELETE CASCADE,
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    is_default boolean NOT NULL DEFAULT false,
    -- Functional mailbox for the neutral "there is something new" notice (never a person's name).
    notify_email text CHECK (notify_email IS NULL OR notify_email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
    UNIQUE (id, organisation_id)
);
CREATE UNIQUE INDEX team_one_default ON support.team (organisation_id) WHERE is_default;

CREATE TABLE support.team_member (
    team_id uuid NOT NULL REFERENCES support.team (id) ON DELETE CASCADE,
    account_id uuid NOT NULL REFERENCES auth.account (id) ON DELETE CASCADE,
    is_lead boolean NOT NULL DEFAULT false,
    PRIMARY KEY (team_id, account_id)
);
CREATE INDEX team_member_account ON support.team_member (account_id);

CREATE TABLE support.request (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organisation_id uuid NOT NULL REFERENCES org.organisation (id) ON DELETE CASCADE,
    team_id uuid NOT NULL,
    kind text NOT NULL CHECK (kind IN ('exposed', 'worried', 'uses_violence', 'talk_referral')),
    -- For requests routed from a confirmed outcome of a talk: which outcome.
    referral text CHECK (referral IS NULL OR referral IN ('support_contact', 'workplace_safety')),
    door text NOT NULL CHECK (door IN ('identified', 'anonymous')),
    person_id uuid,
    receipt_hash text UNIQUE,
    status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'contacted', 'closed')),
    received_at timestamptz NOT NULL DEFAULT now(),
    warning_at timestamptz NOT NULL,     -- 75 % of the 24 working hours: the team lead is warned
    deadline_at timestamptz NOT NULL,    -- 24 hours counted on working days
    first_contact_at timestamptz,        -- the first successful contact stops the clock
    closed_at timestamptz,
    close_outcome text CHECK (close_outcome IS NULL OR close_outcome IN
        ('advice_given', 'referred_social_services', 'counselling', 'workplace_safety_measures', 'no_further_contact')),
    last_activity_at timestamptz NOT NULL DEFAULT now(),
    -- Contact wishes (the Mjölby model): channel, where, when it is safe, what may be left.
    channel text NOT NULL CHECK (channel IN ('phone', 'sms', 'email', 'dialogue')),
    contact_enc bytea,                   -- phone number or private e-mail, encrypted; NULL for dialogue
    safe_weekdays smallint[] NOT NULL DEFAULT '{1,2,3,4,5}' CHECK (safe_weekdays <@ '{1,2,3,4,5,6,7}' AND cardinality(safe_weekdays) > 0),
    safe_from time NOT NULL DEFAULT '08:00',
    safe_until time NOT NULL DEFAULT '17:00',
    voice_message_ok boolean NOT NULL DEFAULT false,
    written_message_ok boolean NOT NULL DEFAULT false,
    language text NOT NULL DEFAULT 'sv' CHECK (language ~ '^[a-z]{2,3}$'),
    interpreter_language text CHECK (interpreter_language IS NULL OR interpreter_language ~ '^[a-z]{2,3}$'),
    name_enc bytea,                      -- what the person wants to be called, if anything
    message_enc bytea,                   -- what they chose to tell, if anything
    warning_notified_at timestamptz,
    breach_notified_at timestamptz,
    FOREIGN KEY (team_id, organisation_id) REFERENCES support.team (id, organisation_id),
    FOREIGN KEY (person_id, organisation_id) REFERENCES org.person (id, organisation_id),
    CHECK ((door = 'identified') = (person_id IS NOT NULL)),
    CHECK ((door = 'anonymous') = (receipt_hash IS NOT NULL)),
    CHECK ((channel = 'dialogue') = (contact_enc IS NULL)),
    CHECK (safe_until > safe_from),
    CHECK ((status = 'closed') = (closed_at IS NOT NULL)),
    CHECK ((kind = 'talk_referral') = (referral IS NOT NULL)),
    UNIQUE (id, organisation_id)
);
CREATE INDEX request_team_open ON support.request (team_id, deadline_at) WHERE status <> 'closed';
CREATE INDEX request_person ON support.request (person_id) WHERE person_id IS NOT NULL;
CREATE INDEX request_retention ON support.request (organisation_id, closed_at, last_activity_at);
COMMENT ON TABLE support.request IS 'A request for confidential support. Content columns (*_enc) are encrypted with a key the database does not hold.';

-- The two-way dialogue inside the service, for both doors.
CREATE TABLE support.message (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    request_id uuid NOT NULL REFERENCES support.request (id) ON DELETE CASCADE,
    organisation_id uuid NOT NULL,
    author text NOT NULL CHECK (author IN ('employee', 'support')),
    author_account_id uuid,
    body_enc bytea NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    read_at timestamptz,
    CHECK ((author = 'support') = (author_account_id IS NOT NULL))
);
CREATE INDEX message_request ON support.message (request_id, created_at);

-- The support team's internal notes; never shown to the person.
CREATE TABLE support.note (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    request_id uuid NOT NULL REFERENCES support.request (id) ON DELETE CASCADE,
    organisation_id uuid NOT NULL,
    author_account_id uuid NOT NULL,
    body_enc bytea NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX note_request ON support.note (request_id, created_at);

CREATE TABLE support.contact_attempt (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    request_id uuid NOT NULL REFERENCES support.request (id) ON DELETE CASCADE,
    organisation_id uuid NOT NULL,
    attempted_at timestamptz NOT NULL DEFAULT now(),
    result text NOT NULL CHECK (result IN ('reached', 'not_reached', 'no_message_left')),
    by_account_id uuid NOT NULL
);
CREATE INDEX contact_attempt_request ON support.contact_attempt (request_id, attempted_at);

-- The case log: what happened to a request, without content.
CREATE TABLE support.case_event (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id uuid NOT NULL REFERENCES support.request (id) ON DELETE CASCADE,
    organisation_id uuid NOT NULL,
    at timestamptz NOT NULL DEFAULT now(),
    action text NOT NULL CHECK (action IN ('created', 'contact_attempt', 'contacted', 'replied', 'note', 'closed', 'reopened', 'employee_replied')),
    by_account_id uuid
);
CREATE INDEX case_event_request ON support.case_event (request_id, at);

-- A consented outcome proposed in a talk (MISSION.md, promise 3). The manager writes it only through
-- routine.propose_outcome() and can never read it back. Until the employee confirms it in their own
-- view nothing is routed; unconfirmed proposals expire and are deleted; withdrawing deletes it.
CREATE TABLE support.outcome_proposal (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organisation_id uuid NOT NULL,
    person_id uuid NOT NULL,
    kind text NOT NULL CHECK (kind IN ('support_contact', 'workplace_safety')),
    proposed_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    confirmed_at timestamptz,
    request_id uuid REFERENCES support.request (id) ON DELETE SET NULL,
    FOREIGN KEY (person_id, organisation_id) REFERENCES org.person (id, organisation_id)
);
CREATE INDEX outcome_proposal_person ON support.outcome_proposal (person_id);
CREATE INDEX outcome_proposal_expiry ON support.outcome_proposal (expires_at) WHERE confirmed_at IS NULL;
CREATE UNIQUE INDEX outcome_proposal_one_pending ON support.outcome_proposal (person_id, kind) WHERE confirmed_at IS NULL;

-- Encryption helpers, private to this schema's definer functions (never granted).
CREATE FUNCTION support.seal(p_text text, p_key text) RETURNS bytea
    LANGUAGE sql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $$
    SELECT CASE WHEN p_text IS NULL THEN NULL
                ELSE ext.pgp_sym_encrypt(p_text, p_key, 'cipher-algo=aes256, compress-algo=0, s2k-mode=3') END
$$;
CREATE FUNCTION support.unseal(p_data bytea, p_key text) RETURNS text
    LANGUAGE sql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $$
    SELECT CASE WHEN p_data IS NULL THEN NULL ELSE ext.pgp_sym_decrypt(p_data, p_key) END
$$;
