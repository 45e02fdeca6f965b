"""The service as a relying party, against the scripted (and on request hostile) provider.

The real `workplace-routine serve` runs against its own database with the demo organisation; each
test configures a fresh scripted provider for the organisation with the operator's own command
(`identity-provider set`), signs in over plain HTTP the way a browser would (start, the provider's
redirect back, the callback) and then checks the page and the database. Every refusal must leave no
account, pin or session behind, only a counted audit event without identifiers.
"""
import http.client
import os
import re
import sys
import tempfile
import urllib.parse

import pytest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from wr_service import command, psql, psql_value, running_service  # noqa: E402

CLIENT_ID = "wr-ostersund-demo"
CLIENT_SECRET = "scripted-secret-0123456789._-"
SLUG = "ostersund-demo"


@pytest.fixture(scope="module")
def service():
    # Calls to a provider may take 2 s here, so the slow provider's test is quick.
    with running_service(environment={"WR_OIDC_TIMEOUT_SECONDS": "2"}) as running:
        yield running


class Client:
    """A browser without a screen: a cookie jar for the service, redirects followed by the test."""

    def __init__(self, base):
        self.base = urllib.parse.urlsplit(base)
        self.cookies = {}

    def get(self, url):
        parts = urllib.parse.urlsplit(url if "://" in url else f"{self.base.scheme}://{self.base.netloc}{url}")
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        headers = {}
        ours = parts.netloc == self.base.netloc
        if ours and self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        connection.request("GET", target, headers=headers)
        response = connection.getresponse()
        body = response.read().decode("utf-8", "replace")
        if ours:
            for header, value in response.getheaders():
                if header.lower() != "set-cookie":
                    continue
                name, _, rest = value.partition("=")
                cookie_value = rest.split(";", 1)[0]
                if "max-age=0" in value.lower():
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = cookie_value
        connection.close()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, body


def configure(service, provider, **options):
    """`identity-provider set` for the demo organisation; returns the provider's id."""
    with tempfile.NamedTemporaryFile("w", delete=False) as secret:
        secret.write(CLIENT_SECRET + "\n")
    try:
        arguments = ["identity-provider", "set", "--organisation", SLUG, "--issuer", provider.issuer, "--client-id", CLIENT_ID,
                     "--client-secret-file", secret.name, "--employee-number-claim", "employeeid"]
        for name, value in options.items():
            arguments += ["--" + name.replace("_", "-"), value]
        out = command(service, *arguments).stdout
    finally:
        os.unlink(secret.name)
    return re.search(r"provider ([0-9a-f-]{36})", out).group(1)


@pytest.fixture
def provider(service, scripted_provider):
    made = scripted_provider(CLIENT_ID, CLIENT_SECRET, service["base"] + "/auth/oidc/callback",
                             post_logout_uris=[service["base"] + "/"])
    made.provider_id = configure(service, made)
    yield made
    command(service, "identity-provider", "remove", "--organisation", SLUG, "--issuer", made.issuer)


def footprint(service):
    return psql_value(service["database"], """
        SELECT (SELECT count(*) FROM auth.account) || ' ' || (SELECT count(*) FROM auth.session) || ' '
            || (SELECT count(*) FROM auth.external_identity) || ' ' || (SELECT count(*) FROM auth.oidc_pending)""")


def refusals(service):
    return psql_value(service["database"], """
        SELECT coalesce(string_agg(detail->>'reason', ',' ORDER BY id), '') FROM audit.event
        WHERE action = 'auth.sso_refused' AND actor_account_id IS NULL AND object_id IS NULL""")


def refusal_count(service):
    return int(psql_value(service["database"], "SELECT count(*) FROM audit.event WHERE action = 'auth.sso_refused'"))


def sign_in(service, provider, client=None):
    """Start → the provider's redirect back → our callback. Returns (client, status, body, callback URL)."""
    client = client or Client(service["base"])
    status, headers, _ = client.get(f"/auth/oidc/start/{provider.provider_id}")
    assert status == 303, "the start must redirect to the provider"
    assert "wr_signin" in client.cookies
    status, headers, _ = client.get(headers["location"])
    assert status == 302, "the scripted provider redirects straight back"
    callback = headers["location"]
    assert callback.startswith(service["base"] + "/auth/oidc/callback")
    status, _, body = client.get(callback)
    return client, status, body, callback


def session_count(service):
    return int(psql_value(service["database"], "SELECT count(*) FROM auth.session"))


def test_the_authorization_request_carries_pkce_state_and_nonce(service, provider):
    provider.next_claims = {"sub": "sub-gustav", "employeeid": "E103"}
    client, status, body, _ = sign_in(service, provider)
    request = provider.last_authorize
    assert request["response_type"] == "code" and request["scope"] == "openid"
    assert request["code_challenge_method"] == "S256" and len(request["code_challenge"]) == 43
    assert len(request["state"]) >= 43 and len(request["nonce"]) >= 43 and request["state"] != request["nonce"]
    assert request["redirect_uri"] == service["base"] + "/auth/oidc/callback"
    token = provider.last_token_request
    assert token["auth_method"] == "client_secret_post" and len(token["code_verifier"]) >= 43
    assert status == 200 and "Du är inloggad" in body
    assert 'http-equiv="refresh"' in body and "url=/mine" in body
    assert "wr_signin" not in client.cookies, "the pre-login cookie is spent"
    status, _, body = client.get("/mine")
    assert status == 200 and "Gustav Gran" in body


def test_a_manager_lands_on_the_team_and_an_existing_password_account_is_pinned(service, provider):
    accounts = psql_value(service["database"], "SELECT count(*) FROM auth.account")
    provider.next_claims = {"sub": "sub-anna", "employeeid": "M001"}
    client, status, body, _ = sign_in(service, provider)
    assert status == 200 and "url=/team" in body
    status, _, body = client.get("/team")
    assert status == 200 and "Erik Ek" in body
    assert psql_value(service["database"], "SELECT count(*) FROM auth.account") == accounts
    assert psql_value(service["database"], """
        SELECT a.login FROM auth.external_identity e JOIN auth.account a ON a.id = e.account_id
        WHERE e.subject = 'sub-anna'""") == "chef.anna"


@pytest.mark.parametrize("misbehave, status", [
    ("wrong_iss", 403), ("wrong_aud", 403), ("multi_aud_no_azp", 403), ("multi_aud_wrong_azp", 403),
    ("expired", 403), ("iat_future", 403), ("wrong_nonce", 403), ("no_nonce", 403), ("alg_none", 403),
    ("hs256_with_rsa_public_key", 403), ("tampered_payload", 403), ("wrong_state", 403), ("omit_state", 403),
    ("error_response", 403), ("token_error", 502), ("token_500", 502),
])
def test_a_hostile_or_broken_answer_is_refused_and_leaves_nothing(service, provider, misbehave, status):
    provider.next_claims = {"sub": "sub-hanna-" + misbehave, "employeeid": "E104"}
    if misbehave == "tampered_payload":
        provider.tamper_claims = {"employeeid": "M001"}
    before, audited = footprint(service), refusal_count(service)
    provider.misbehave = misbehave
    client, got, body, _ = sign_in(service, provider)
    assert got == status
    assert "Inget om dig har sparats" in body
    assert footprint(service) == before, "a refused sign-in must create no account, pin, session or pending row"
    assert "wr_session" not in client.cookies
    assert refusal_count(service) == audited + 1, "one counted refusal"


@pytest.mark.parametrize("claims, reason, text", [
    ({"employeeid": "X999"}, "unknown_person", "Vi hittade dig inte i personalregistret"),
    ({"employeeid": None}, "missing_claim", "Vi hittade dig inte i personalregistret"),
    ({"employeeid": ["E104", "E105"]}, "ambiguous_person", "Vi kunde inte avgöra vem du är"),
])
def test_a_claim_that_matches_no_one_or_several_people_is_refused(service, provider, claims, reason, text):
    provider.next_claims = dict({"sub": "sub-" + reason}, **claims)
    before = footprint(service)
    _, status, body, _ = sign_in(service, provider)
    assert status == 403 and text in body
    assert footprint(service) == before
    assert refusals(service).endswith(reason)


def test_a_code_is_taken_once(service, provider):
    provider.next_claims = {"sub": "sub-ivan", "employeeid": "E105"}
    client, status, _, callback = sign_in(service, provider)
    assert status == 200
    sessions, calls = session_count(service), provider.token_calls
    # The same callback again (a replayed code and state), with and without the pre-login cookie.
    replay = Client(service["base"])
    replay.cookies = dict(client.cookies)
    status, _, body = replay.get(callback)
    assert status == 400 and "Inloggningen har gått ut" in body
    assert session_count(service) == sessions and provider.token_calls == calls


def test_a_code_injected_from_another_sign_in_fails_the_pkce_check(service, provider):
    provider.next_claims = {"sub": "sub-attacker", "employeeid": "E201"}
    victim = Client(service["base"])
    status, headers, _ = victim.get(f"/auth/oidc/start/{provider.provider_id}")
    victim_state = urllib.parse.parse_qs(urllib.parse.urlsplit(headers["location"]).query)["state"][0]
    attacker = Client(service["base"])
    _, headers, _ = attacker.get(f"/auth/oidc/start/{provider.provider_id}")
    _, headers, _ = attacker.get(headers["location"])
    attacker_code = urllib.parse.parse_qs(urllib.parse.urlsplit(headers["location"]).query)["code"][0]
    before = footprint(service)
    # The attacker's code in the victim's browser, with the victim's own state: only PKCE can tell.
    status, _, body = victim.get("/auth/oidc/callback?" + urllib.parse.urlencode({"code": attacker_code, "state": victim_state}))
    assert provider.last_token_request["code"] == attacker_code
    assert status == 502 and "Inget om dig har sparats" in body
    # The victim's pending row is spent; the attacker's pending row is still there (it expires).
    assert footprint(service).split()[:3] == before.split()[:3]
    assert int(footprint(service).split()[3]) == int(before.split()[3]) - 1


def test_an_unknown_key_id_refetches_the_key_set_once(service, provider):
    provider.next_claims = {"sub": "sub-jonna", "employeeid": "E201"}
    assert sign_in(service, provider)[1] == 200
    fetched = provider.jwks_fetches
    provider.misbehave = "unknown_kid"
    before = footprint(service)
    assert sign_in(service, provider)[1] == 403
    assert provider.jwks_fetches == fetched + 1, "an unknown kid refetches the key set once"
    assert sign_in(service, provider)[1] == 403
    assert provider.jwks_fetches == fetched + 1, "and not again within the refetch interval"
    assert footprint(service) == before


def test_es256_tokens_are_accepted(service, provider):
    provider.signing = "ES256"
    provider.next_claims = {"sub": "sub-karl", "employeeid": "E202"}
    assert sign_in(service, provider)[1] == 200


@pytest.mark.parametrize("trouble", ["down", "slow", "discovery_garbage", "discovery_wrong_issuer"])
def test_a_provider_that_fails_gives_a_clear_page_and_stores_nothing(service, provider, trouble):
    before = footprint(service)
    client = Client(service["base"])
    if trouble == "down":
        provider.stop()
    elif trouble == "slow":
        # Discovery answers; the token endpoint is slower than WR_OIDC_TIMEOUT_SECONDS.
        provider.next_claims = {"sub": "sub-slow", "employeeid": "E203"}
        provider.misbehave = "token_slow"
        provider.slow_seconds = 4
        _, status, body, _ = sign_in(service, provider, client)
        assert status == 502 and "Inloggningstjänsten svarar inte" in body
        assert footprint(service) == before
        return
    else:
        provider.misbehave = trouble
    status, _, body = client.get(f"/auth/oidc/start/{provider.provider_id}")
    assert status == 502 and "Inloggningstjänsten svarar inte" in body
    assert footprint(service) == before and "wr_signin" not in client.cookies


def test_logout_ends_the_session_and_continues_at_the_provider_with_the_hint(service, provider):
    provider.next_claims = {"sub": "sub-linnea", "employeeid": "E203"}
    client, status, _, _ = sign_in(service, provider)
    id_token = provider.last_id_token
    status, _, page = client.get("/mine")
    csrf = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
    connection = http.client.HTTPConnection("127.0.0.1", urllib.parse.urlsplit(service["base"]).port)
    connection.request("POST", "/logout", body=urllib.parse.urlencode({"_csrf": csrf}),
                       headers={"Cookie": "; ".join(f"{k}={v}" for k, v in client.cookies.items()),
                                "Content-Type": "application/x-www-form-urlencoded"})
    response = connection.getresponse()
    body = response.read().decode()
    assert response.status == 200 and "Du är utloggad från Medarbetarstöd" in body
    target = re.search(r'http-equiv="refresh" content="0;url=([^"]+)"', body).group(1).replace("&amp;", "&")
    assert target.startswith(provider.end_session_endpoint)
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(target).query)
    assert query["id_token_hint"] == [id_token]
    assert query["post_logout_redirect_uri"] == [service["base"] + "/"]
    assert psql_value(service["database"], """
        SELECT count(*) FROM auth.session s JOIN auth.external_identity e ON e.account_id = s.account_id
        WHERE e.subject = 'sub-linnea'""") == "0", "the session and its sealed hint are gone"
    status, headers, _ = Client(service["base"]).get(target)
    assert status == 302 and headers["location"] == service["base"] + "/"
    assert provider.last_logout["id_token_hint"] == id_token


def test_the_intranet_link_goes_straight_to_the_provider(service, provider):
    command(service, "organisation", "password-login", "--organisation", SLUG, "off")
    try:
        client = Client(service["base"])
        status, headers, _ = client.get(f"/login/{SLUG}")
        assert status == 303 and headers["location"].startswith(provider.authorization_endpoint)
        status, _, body = client.get("/login")
        assert 'name="password"' not in body and f"/auth/oidc/start/{provider.provider_id}" in body
        status, _, _ = client.get("/login/no-such-organisation")
        assert status == 404
    finally:
        command(service, "organisation", "password-login", "--organisation", SLUG, "on")


def test_nothing_of_a_token_reaches_the_log(service, provider):
    provider.next_claims = {"sub": "sub-mohammed", "employeeid": "E204"}
    sign_in(service, provider)
    provider.misbehave = "wrong_nonce"
    sign_in(service, provider)
    with open(service["log"]) as log:
        text = log.read()
    assert provider.last_id_token.split(".")[1] not in text
    assert "sub-mohammed" not in text and "E204" not in text and CLIENT_SECRET not in text
