-- The organisation as imported from the HR system: units (förvaltning → enhet → …), people and who
-- manages whom. Data flows in from HR and never back. People absent from a full import become
-- inactive, never deleted, so their history (talks asked) stays countable.

-- Per-organisation settings used across features.
ALTER TABLE org.organisation
    ADD COLUMN new_hire_days integer NOT NULL DEFAULT 90 CHECK (new_hire_days BETWEEN 7 AND 365),
    ADD COLUMN correction_days integer NOT NULL DEFAULT 14 CHECK (correction_days BETWEEN 1 AND 90),
    ADD COLUMN proposal_expiry_days integer NOT NULL DEFAULT 14 CHECK (proposal_expiry_days BETWEEN 1 AND 90),
    ADD COLUMN suppression_threshold integer NOT NULL DEFAULT 5 CHECK (suppression_threshold BETWEEN 3 AND 50),
    ADD COLUMN closing_days text[] NOT NULL DEFAULT '{midsummer_eve,christmas_eve,new_years_eve}',
    ADD COLUMN extra_closed_dates date[] NOT NULL DEFAULT '{}',
    ADD COLUMN retention_closed_months integer NOT NULL DEFAULT 12 CHECK (retention_closed_months BETWEEN 1 AND 120),
    ADD COLUMN retention_anonymous_days integer NOT NULL DEFAULT 90 CHECK (retention_anonymous_days BETWEEN 7 AND 3650);

CREATE TABLE org.unit (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organisation_id uuid NOT NULL REFERENCES org.organisation (id) ON DELETE CASCADE,
    code text NOT NULL CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$'),
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    parent_id uuid,
    active boolean NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (organisation_id, code),
    UNIQUE (id, organisation_id),
    CHECK (parent_id IS DISTINCT FROM id),
    FOREIGN KEY (parent_id, organisation_id) REFERENCES org.unit (id, organisation_id) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX unit_parent ON org.unit (parent_id);
COMMENT ON TABLE org.unit IS 'Förvaltning, enhet …: a tree per organisation, imported from HR.';

CREATE TABLE org.person (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organisation_id uuid NOT NULL REFERENCES org.organisation (id) ON DELETE CASCADE,
    hr_id text NOT NULL CHECK (hr_id ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    work_email text CHECK (work_email IS NULL OR work_email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
    unit_id uuid NOT NULL,
    manager_id uuid,
    hire_date date NOT NULL,
    end_date date,
    -- Skyddade personuppgifter: shown only to their own manager and themself, never in notifications.
    protected_identity boolean NOT NULL DEFAULT false,
    active boolean NOT NULL DEFAULT true,
    deactivated_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (organisation_id, hr_id),
    UNIQUE (id, organisation_id),
    CHECK (end_date IS NULL OR end_date >= hire_date),
    CHECK (manager_id IS DISTINCT FROM id),
    CHECK (active OR deactivated_at IS NOT NULL),
    FOREIGN KEY (unit_id, organisation_id) REFERENCES org.unit (id, organisation_id),
    FOREIGN KEY (manager_id, organisation_id) REFERENCES org.person (id, organisation_id) DEFERRABLE INITIALLY DEFERRED
);
-- Row-level security filters on these; index them (REFERENCES.md: 100x differences reported).
CREATE INDEX person_manager ON org.person (manager_id);
CREATE INDEX person_unit ON org.person (unit_id);
CREATE INDEX person_organisation_active ON org.person (organisation_id) WHERE active;
COMMENT ON TABLE org.person IS 'An employee as known to HR. No field here says anything about violence or support.';

ALTER TABLE auth.account
    ADD CONSTRAINT account_person FOREIGN KEY (person_id, organisation_id) REFERENCES org.person (id, organisation_id) ON DELETE SET NULL (person_id);
CREATE UNIQUE INDEX account_person_unique ON auth.account (person_id) WHERE person_id IS NOT NULL;

-- The people an administrator may see: names and e-mail of people with protected identity are
-- masked here, so an administrator's page cannot show them even by mistake.
CREATE VIEW org.person_directory WITH (security_barrier = true) AS
    SELECT p.id, p.organisation_id, p.hr_id,
           CASE WHEN p.protected_identity THEN NULL ELSE p.name END AS name,
           CASE WHEN p.protected_identity THEN NULL ELSE p.work_email END AS work_email,
           p.unit_id, p.manager_id, p.hire_date, p.end_date, p.protected_identity, p.active, p.deactivated_at
    FROM org.person p
    WHERE p.organisation_id = (SELECT app.organisation_id());

-- Support resources shown in the guide and on the support start page (configurable per organisation).
CREATE TABLE org.support_resource (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organisation_id uuid NOT NULL REFERENCES org.organisation (id) ON DELETE CASCADE,
    position integer NOT NULL DEFAULT 0,
    kind text NOT NULL CHECK (kind IN ('own_team', 'out_of_hours', 'emergency', 'helpline', 'perpetrator', 'other')),
    name_sv text NOT NULL CHECK (length(name_sv) BETWEEN 1 AND 200),
    name_en text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
    phone text CHECK (phone IS NULL OR phone ~ '^[0-9 +()-]{2,30}$'),
    description_sv text NOT NULL DEFAULT '' CHECK (length(description_sv) <= 2000),
    description_en text NOT NULL DEFAULT '' CHECK (length(description_en) <= 2000),
    url text CHECK (url IS NULL OR url ~ '^https://'),
    UNIQUE (organisation_id, position, name_sv)
);

-- A record of every HR import: when, by whom, the outcome and the per-row report. Rows are never
-- stored here, only counts and reasons.
CREATE TABLE org.import_run (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organisation_id uuid NOT NULL REFERENCES org.organisation (id) ON DELETE CASCADE,
    started_by uuid,  -- account id; NULL when run from the command line
    started_at timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz,
    source text NOT NULL CHECK (source IN ('csv', 'json')),
    dry_run boolean NOT NULL,
    status text NOT NULL CHECK (status IN ('running', 'rejected', 'previewed', 'applied', 'failed')),
    total_rows integer NOT NULL DEFAULT 0,
    processed_rows integer NOT NULL DEFAULT 0,
    added integer NOT NULL DEFAULT 0,
    updated integer NOT NULL DEFAULT 0,
    deactivated integer NOT NULL DEFAULT 0,
    reactivated integer NOT NULL DEFAULT 0,
    -- [{"line": 12, "field": "hire_date", "reason": "not_a_date"}, …]: codes only, never values.
    errors jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(errors) = 'array')
);
CREATE INDEX import_run_organisation ON org.import_run (organisation_id, started_at DESC);
