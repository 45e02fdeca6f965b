-- Privileges for signing in through an organisation's provider (0100).
--
-- The public side (wr_anonymous, before anyone is signed in) reaches providers, pending sign-ins,
-- pins and sessions only through the definer functions below. Administrators see their own
-- organisation's providers read-only and never the secret: the column privilege leaves it out.
-- Pins and pending sign-ins are readable by no acting role at all.

ALTER TABLE auth.identity_provider ENABLE ROW LEVEL SECURITY;
ALTER TABLE auth.external_identity ENABLE ROW LEVEL SECURITY;
ALTER TABLE auth.oidc_pending ENABLE ROW LEVEL SECURITY;

GRANT SELECT (id, organisation_id, kind, issuer, client_id, client_authentication, employee_number_claim, label,
              created_at, updated_at)
    ON auth.identity_provider TO wr_admin;
CREATE POLICY identity_provider_admin ON auth.identity_provider FOR SELECT TO wr_admin
    USING (organisation_id = (SELECT app.organisation_id()));

GRANT EXECUTE ON FUNCTION auth.login_options(text) TO wr_anonymous;
GRANT EXECUTE ON FUNCTION auth.provider_for_sign_in(uuid, text) TO wr_anonymous;
GRANT EXECUTE ON FUNCTION auth.begin_sign_in(uuid, bytea, text, text, text, text, interval) TO wr_anonymous;
GRANT EXECUTE ON FUNCTION auth.take_sign_in(bytea) TO wr_anonymous;
GRANT EXECUTE ON FUNCTION auth.complete_staff_sign_in(uuid, text, text, boolean, text, text, bytea, text, interval)
    TO wr_anonymous;
GRANT EXECUTE ON FUNCTION auth.record_sign_in_refusal(uuid, text) TO wr_anonymous;
GRANT EXECUTE ON FUNCTION auth.end_session(bytea, boolean, text) TO wr_anonymous;
