"""The test providers' own tests: a minimal relying party runs the code flow with PKCE against
LemonLDAP::NG through its real login form, and against the scripted provider with each knob, and
checks that each produces exactly the answer or the defect it is meant to."""
import base64
import hashlib
import hmac
import http.server
import json
import os
import secrets
import subprocess
import sys
import threading
import time
import urllib.parse

import pytest
import requests
from joserfc import jwt
from joserfc.errors import BadSignatureError, InvalidKeyIdError
from joserfc.jwk import KeySet, RSAKey

from lemonldap import Client, LemonLDAP, LemonLDAPError, User
from scripted_provider import MISBEHAVIOURS, b64url_decode, free_port

CLIENT_ID = "wr-ostersund"
SECRET = "s3cret-AZaz09._-" + secrets.token_hex(8)
CALLBACK = "http://127.0.0.1:9/auth/oidc/callback"   # never contacted: the flow stops at the redirect
POST_LOGOUT = "http://127.0.0.1:9/"


class MiniRP:
    """Just enough of a relying party: authorization URLs with state, nonce and PKCE S256, the code's
    redemption, and signature verification with joserfc against the provider's JWKS."""

    def __init__(self, issuer, client_id=CLIENT_ID, secret=SECRET, redirect_uri=CALLBACK):
        self.metadata = requests.get(issuer + "/.well-known/openid-configuration", timeout=10).json()
        self.client_id, self.secret, self.redirect_uri = client_id, secret, redirect_uri

    def authorization(self, pkce=True):
        request = {"state": secrets.token_urlsafe(16), "nonce": secrets.token_urlsafe(16),
                   "verifier": secrets.token_urlsafe(48)}
        query = {"response_type": "code", "client_id": self.client_id, "redirect_uri": self.redirect_uri,
                 "scope": "openid", "state": request["state"], "nonce": request["nonce"]}
        if pkce:
            challenge = base64.urlsafe_b64encode(hashlib.sha256(request["verifier"].encode()).digest())
            query.update(code_challenge=challenge.rstrip(b"=").decode(), code_challenge_method="S256")
        request["url"] = self.metadata["authorization_endpoint"] + "?" + urllib.parse.urlencode(query)
        return request

    def redeem(self, code, verifier, basic=False):
        data = {"grant_type": "authorization_code", "code": code, "redirect_uri": self.redirect_uri,
                "code_verifier": verifier}
        if basic:
            auth = (self.client_id, self.secret)
        else:
            auth = None
            data.update(client_id=self.client_id, client_secret=self.secret)
        return requests.post(self.metadata["token_endpoint"], data=data, auth=auth, timeout=30)

    def jwks(self):
        return requests.get(self.metadata["jwks_uri"], timeout=10).json()

    def verify(self, id_token, jwks=None):
        return jwt.decode(id_token, KeySet.import_key_set(jwks or self.jwks()), algorithms=["RS256", "ES256"])


def query(url):
    return {k: v[0] for k, v in urllib.parse.parse_qs(urllib.parse.urlsplit(url).query).items()}


def segments(token):
    header, payload, signature = token.split(".")
    return json.loads(b64url_decode(header)), json.loads(b64url_decode(payload)), signature


# ---- LemonLDAP::NG

USERS = [
    User(login="anna", password="anna-pw-" + secrets.token_hex(4), name="Anna Berg", employeeid="E1001",
         email="anna@ostersund.example"),
    User(login="bo", password="bo-pw-" + secrets.token_hex(4), name="Bo Ek", employeeid="E1002"),
]


@pytest.fixture(scope="module")
def lm(lemonldap_session_factory):
    clients = [
        Client(client_id=CLIENT_ID, secret=SECRET, redirect_uris=[CALLBACK], post_logout_uris=[POST_LOGOUT]),
        Client(client_id="wr-confirming", secret=SECRET, redirect_uris=[CALLBACK], post_logout_uris=[POST_LOGOUT],
               logout_confirm=True),
    ]
    return lemonldap_session_factory(USERS, clients)


def lemonldap_sign_in(lm, login, client_id=CLIENT_ID, pkce=True):
    """A fresh browser-like session through the login form; returns (rp, request, callback, session)."""
    rp = MiniRP(lm.issuer, client_id=client_id)
    request = rp.authorization(pkce=pkce)
    session = requests.Session()
    callback = lm.login_http(session, request["url"], login)
    return rp, request, callback, session


def test_lemonldap_signs_in_through_its_form_and_puts_employeeid_into_the_id_token(lm):
    rp, request, callback, _ = lemonldap_sign_in(lm, "anna")
    assert callback.startswith(CALLBACK + "?")
    back = query(callback)
    assert back["state"] == request["state"] and "iss" not in back
    answer = rp.redeem(back["code"], request["verifier"])
    assert answer.status_code == 200, answer.text
    tokens = answer.json()
    assert tokens["token_type"].lower() == "bearer"
    jwks = rp.jwks()
    token = rp.verify(tokens["id_token"], jwks)
    assert token.header["alg"] == "RS256"
    assert token.header["kid"] in [key["kid"] for key in jwks["keys"]]
    claims = token.claims
    assert claims["iss"] == lm.issuer == rp.metadata["issuer"]
    assert claims["aud"] == [CLIENT_ID] and claims["azp"] == CLIENT_ID
    assert claims["nonce"] == request["nonce"]
    assert claims["employeeid"] == "E1001"
    assert claims["sub"] == lm.user("anna").sub
    assert claims["iat"] <= time.time() + 5 < claims["exp"]


def test_lemonldap_accepts_client_secret_basic(lm):
    rp, request, callback, _ = lemonldap_sign_in(lm, "bo")
    answer = rp.redeem(query(callback)["code"], request["verifier"], basic=True)
    assert answer.status_code == 200, answer.text
    assert rp.verify(answer.json()["id_token"]).claims["employeeid"] == "E1002"


def test_lemonldap_refuses_an_authorization_request_without_code_challenge(lm):
    _, request, callback, _ = lemonldap_sign_in(lm, "anna", pkce=False)
    back = query(callback)
    assert back["error"] == "invalid_request" and "code" not in back
    assert back["state"] == request["state"]


def test_lemonldap_refuses_a_wrong_code_verifier_and_burns_the_code(lm):
    rp, request, callback, _ = lemonldap_sign_in(lm, "anna")
    code = query(callback)["code"]
    wrong = rp.redeem(code, secrets.token_urlsafe(48))
    assert wrong.status_code == 400 and wrong.json()["error"] == "invalid_grant"
    again = rp.redeem(code, request["verifier"])
    assert again.status_code == 400 and again.json()["error"] == "invalid_grant"


def test_lemonldap_refuses_a_wrong_password(lm):
    rp = MiniRP(lm.issuer)
    with pytest.raises(LemonLDAPError, match="message-"):
        lm.login_http(requests.Session(), rp.authorization()["url"], "anna", "not-the-password")


def test_lemonldap_releases_a_changed_or_removed_employee_number_at_the_next_sign_in(lm):
    try:
        lm.set_user_employeeid("bo", "E2002")
        rp, request, callback, _ = lemonldap_sign_in(lm, "bo")
        claims = rp.verify(rp.redeem(query(callback)["code"], request["verifier"]).json()["id_token"]).claims
        assert claims["employeeid"] == "E2002"
        lm.set_user_employeeid("bo", None)
        rp, request, callback, _ = lemonldap_sign_in(lm, "bo")
        claims = rp.verify(rp.redeem(query(callback)["code"], request["verifier"]).json()["id_token"]).claims
        assert "employeeid" not in claims and claims["sub"] == lm.user("bo").sub
    finally:
        lm.set_user_employeeid("bo", "E1002")


def test_lemonldap_end_session_redirects_straight_to_the_post_logout_uri_and_ends_the_session(lm):
    rp, request, callback, session = lemonldap_sign_in(lm, "anna")
    id_token = rp.redeem(query(callback)["code"], request["verifier"]).json()["id_token"]
    logout = lm.end_session_endpoint + "?" + urllib.parse.urlencode(
        {"id_token_hint": id_token, "post_logout_redirect_uri": POST_LOGOUT, "state": "after"})
    first = session.get(logout, allow_redirects=False, timeout=10)
    assert first.status_code == 302 and first.headers["Location"] == POST_LOGOUT + "?state=after"
    # The portal session is gone: the next authorization request shows the login form again.
    page = session.get(rp.authorization()["url"], allow_redirects=False, timeout=10)
    assert page.status_code == 200 and 'id="lform"' in page.text


def test_lemonldap_end_session_asks_for_confirmation_when_the_client_wants_it(lm):
    rp, request, callback, session = lemonldap_sign_in(lm, "anna", client_id="wr-confirming")
    id_token = rp.redeem(query(callback)["code"], request["verifier"]).json()["id_token"]
    logout = lm.end_session_endpoint + "?" + urllib.parse.urlencode(
        {"id_token_hint": id_token, "post_logout_redirect_uri": POST_LOGOUT})
    page = session.get(logout, allow_redirects=False, timeout=10)
    assert page.status_code == 200 and 'id="form"' in page.text and "positive" in page.text
    assert lm.logout_http(session, logout) == POST_LOGOUT
    page = session.get(rp.authorization()["url"], allow_redirects=False, timeout=10)
    assert page.status_code == 200 and 'id="lform"' in page.text


@pytest.fixture
def callback_site():
    """A page for the browser to land on after the provider: http://127.0.0.1:PORT, any path."""
    class Page(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            body = b"<!DOCTYPE html><html lang='en'><head><title>Back</title></head><body>Back</body></html>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Page)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_lemonldap_form_selectors_sign_in_and_out_in_chromium(lemonldap_factory, callback_site):
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    callback, post_logout = callback_site + "/auth/oidc/callback", callback_site + "/"
    lm = lemonldap_factory(USERS[:1], [Client(client_id=CLIENT_ID, secret=SECRET, redirect_uris=[callback],
                                              post_logout_uris=[post_logout], logout_confirm=True)])
    rp = MiniRP(lm.issuer, redirect_uri=callback)
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    select = lambda name: driver.find_element(By.CSS_SELECTOR, lm.form_selectors[name])
    try:
        request = rp.authorization()
        driver.get(request["url"])
        select("login").send_keys("anna")
        select("password").send_keys("not-the-password")
        select("submit").click()
        assert select("error").text   # refused, the form again
        select("login").clear()
        select("login").send_keys("anna")
        select("password").send_keys(lm.user("anna").password)
        select("submit").click()
        WebDriverWait(driver, 10).until(lambda d: d.current_url.startswith(callback))
        back = query(driver.current_url)
        assert back["state"] == request["state"]
        id_token = rp.redeem(back["code"], request["verifier"]).json()["id_token"]
        driver.get(lm.end_session_endpoint + "?" + urllib.parse.urlencode(
            {"id_token_hint": id_token, "post_logout_redirect_uri": post_logout}))
        select("logout_form")
        select("logout_accept").click()
        WebDriverWait(driver, 10).until(lambda d: d.current_url == post_logout)
        driver.get(rp.authorization()["url"])
        assert driver.find_elements(By.CSS_SELECTOR, lm.form_selectors["form"])   # signed out at the portal
    finally:
        driver.quit()


def test_lemonldap_key_rotation_replaces_the_key_and_old_tokens_stop_verifying(lemonldap_factory):
    lm = lemonldap_factory(USERS[:1], [Client(client_id=CLIENT_ID, secret=SECRET, redirect_uris=[CALLBACK])])
    rp, request, callback, _ = lemonldap_sign_in(lm, "anna")
    old_token = rp.redeem(query(callback)["code"], request["verifier"]).json()["id_token"]
    old_jwks = rp.jwks()
    rp.verify(old_token, old_jwks)
    kid = lm.rotate_keys()
    new_jwks = rp.jwks()
    assert [key["kid"] for key in new_jwks["keys"]] == [kid]
    assert kid not in [key["kid"] for key in old_jwks["keys"]]
    with pytest.raises(InvalidKeyIdError):
        rp.verify(old_token, new_jwks)
    rp, request, callback, _ = lemonldap_sign_in(lm, "anna")
    new_token = rp.redeem(query(callback)["code"], request["verifier"]).json()["id_token"]
    assert rp.verify(new_token, new_jwks).header["kid"] == kid


def test_lemonldap_start_reports_a_portal_that_dies_with_the_log_tail(tmp_path, monkeypatch):
    def broken_psgi(self):
        with open(self._path("portal.psgi"), "w") as f:
            f.write('die "portal broken on purpose\\n";\n')
    monkeypatch.setattr(LemonLDAP, "_write_psgi", broken_psgi)
    lm = LemonLDAP(str(tmp_path), USERS, [Client(client_id=CLIENT_ID, secret=SECRET, redirect_uris=[CALLBACK])])
    try:
        with pytest.raises(LemonLDAPError, match="(?s)exited.*portal broken on purpose"):
            lm.start()
    finally:
        lm.stop()
    assert not os.path.exists(lm.dir)


def test_lemonldap_refuses_secrets_its_basic_auth_parser_would_cut(tmp_path):
    with pytest.raises(ValueError):
        LemonLDAP(str(tmp_path), USERS, [Client(client_id="x", secret="a+b/c:d", redirect_uris=[CALLBACK])])


# ---- the scripted provider

@pytest.fixture
def provider(scripted_provider):
    provider = scripted_provider(CLIENT_ID, SECRET, CALLBACK, [POST_LOGOUT])
    provider.next_claims = {"sub": "subject-1", "employeeid": "E1001"}
    return provider


def scripted_flow(provider, pkce=True):
    """(rp, request, callback parameters, token response) of one sign-in."""
    rp = MiniRP(provider.issuer)
    request = rp.authorization(pkce=pkce)
    redirect = requests.get(request["url"], allow_redirects=False, timeout=10)
    assert redirect.status_code == 302
    back = query(redirect.headers["Location"])
    answer = rp.redeem(back["code"], request["verifier"]) if "code" in back else None
    return rp, request, back, answer


def scripted_id_token(provider):
    rp, request, back, answer = scripted_flow(provider)
    assert answer.status_code == 200, answer.text
    return rp, request, answer.json()["id_token"]


def test_scripted_discovery_names_the_endpoints_and_counts_fetches(provider):
    metadata = requests.get(provider.discovery_url, timeout=10).json()
    assert metadata["issuer"] == provider.issuer
    assert metadata["code_challenge_methods_supported"] == ["S256"]
    assert metadata["id_token_signing_alg_values_supported"] == ["RS256", "ES256"]
    assert set(metadata["token_endpoint_auth_methods_supported"]) == {"client_secret_post", "client_secret_basic"}
    assert metadata["end_session_endpoint"] == provider.issuer + "/logout"
    jwks = requests.get(metadata["jwks_uri"], timeout=10).json()
    assert {(key["kty"], key.get("crv")) for key in jwks["keys"]} == {("RSA", None), ("EC", "P-256")}
    assert all(key["kid"] for key in jwks["keys"])
    assert provider.discovery_fetches == 1 and provider.jwks_fetches == 1


def test_scripted_well_behaved_rs256_token_verifies_with_the_merged_claims(provider):
    provider.next_claims["email"] = None   # None removes a claim; absent anyway
    rp, request, id_token = scripted_id_token(provider)
    token = rp.verify(id_token)
    assert token.header["alg"] == "RS256" and token.header["kid"] == provider.rsa_key.kid
    assert token.claims["iss"] == provider.issuer and token.claims["aud"] == CLIENT_ID
    assert token.claims["nonce"] == request["nonce"]
    assert token.claims["sub"] == "subject-1" and token.claims["employeeid"] == "E1001"
    assert provider.last_authorize["code_challenge_method"] == "S256"
    assert provider.last_token_request["auth_method"] == "client_secret_post"
    assert provider.token_calls == 1 and provider.last_id_token == id_token


def test_scripted_es256_token_verifies_with_the_ec_key(provider):
    provider.signing = "ES256"
    rp, _, id_token = scripted_id_token(provider)
    token = rp.verify(id_token)
    assert token.header["alg"] == "ES256" and token.header["kid"] == provider.ec_key.kid


def test_scripted_none_in_next_claims_removes_a_claim(provider):
    provider.next_claims["employeeid"] = None
    rp, _, id_token = scripted_id_token(provider)
    assert "employeeid" not in rp.verify(id_token).claims


@pytest.mark.parametrize("knob, check", [
    ("wrong_iss", lambda claims, provider, request: claims["iss"] != provider.issuer),
    ("wrong_aud", lambda claims, provider, request: CLIENT_ID not in [claims["aud"]]
        and isinstance(claims["aud"], str)),
    ("multi_aud_no_azp", lambda claims, provider, request: CLIENT_ID in claims["aud"]
        and len(claims["aud"]) == 2 and "azp" not in claims),
    ("multi_aud_wrong_azp", lambda claims, provider, request: CLIENT_ID in claims["aud"]
        and len(claims["aud"]) == 2 and claims["azp"] != CLIENT_ID),
    ("expired", lambda claims, provider, request: claims["exp"] < time.time() - 300),
    ("iat_future", lambda claims, provider, request: claims["iat"] > time.time() + 1800),
    ("wrong_nonce", lambda claims, provider, request: claims["nonce"] != request["nonce"]),
    ("no_nonce", lambda claims, provider, request: "nonce" not in claims),
])
def test_scripted_claim_defects_are_in_a_validly_signed_token(provider, knob, check):
    provider.misbehave = knob
    rp, request, id_token = scripted_id_token(provider)
    claims = rp.verify(id_token).claims   # the signature is good: only the claim is wrong
    assert check(claims, provider, request)
    for name in ("sub", "employeeid"):
        assert claims[name] == provider.next_claims[name]


def test_scripted_alg_none_has_an_empty_signature(provider):
    provider.misbehave = "alg_none"
    rp, request, id_token = scripted_id_token(provider)
    header, payload, signature = segments(id_token)
    assert header["alg"] == "none" and signature == "" and id_token.endswith(".")
    assert payload["nonce"] == request["nonce"] and payload["iss"] == provider.issuer


def test_scripted_hs256_is_keyed_with_the_rsa_public_key_from_the_jwks(provider):
    provider.misbehave = "hs256_with_rsa_public_key"
    rp, _, id_token = scripted_id_token(provider)
    header, payload, signature = segments(id_token)
    assert header["alg"] == "HS256" and header["kid"] == provider.rsa_key.kid
    # What an attacker has: the public key as published; its PEM is the HMAC key.
    published = next(key for key in rp.jwks()["keys"] if key["kid"] == header["kid"])
    pem = RSAKey.import_key(published).as_pem(private=False)
    signing_input = id_token.rsplit(".", 1)[0].encode()
    assert hmac.compare_digest(b64url_decode(signature), hmac.new(pem, signing_input, hashlib.sha256).digest())
    assert payload["aud"] == CLIENT_ID


def test_scripted_unknown_kid_is_absent_from_the_jwks(provider):
    provider.misbehave = "unknown_kid"
    rp, _, id_token = scripted_id_token(provider)
    header, payload, _ = segments(id_token)
    assert header["alg"] == "RS256" and header["kid"] not in [key["kid"] for key in rp.jwks()["keys"]]
    with pytest.raises(InvalidKeyIdError):
        rp.verify(id_token)
    assert payload["iss"] == provider.issuer


def test_scripted_tampered_payload_fails_its_signature(provider):
    provider.misbehave = "tampered_payload"
    rp, _, id_token = scripted_id_token(provider)
    header, payload, _ = segments(id_token)
    assert header["kid"] == provider.rsa_key.kid and payload["sub"] == "subject-1-tampered"
    with pytest.raises(BadSignatureError):
        rp.verify(id_token)


def test_scripted_wrong_state_comes_back_with_a_different_state(provider):
    provider.misbehave = "wrong_state"
    _, request, back, answer = scripted_flow(provider)
    assert back["state"] != request["state"] and "code" in back and answer.status_code == 200


def test_scripted_omit_state_comes_back_without_state(provider):
    provider.misbehave = "omit_state"
    _, _, back, answer = scripted_flow(provider)
    assert "state" not in back and "code" in back and answer.status_code == 200


def test_scripted_error_response_comes_back_with_access_denied(provider):
    provider.misbehave = "error_response"
    _, request, back, answer = scripted_flow(provider)
    assert back["error"] == "access_denied" and "code" not in back and back["state"] == request["state"]
    assert answer is None and provider.token_calls == 0


@pytest.mark.parametrize("knob, status", [("token_error", 400), ("token_500", 500)])
def test_scripted_token_endpoint_failures(provider, knob, status):
    provider.misbehave = knob
    _, _, _, answer = scripted_flow(provider)
    assert answer.status_code == status and "id_token" not in answer.text
    if knob == "token_error":
        assert answer.json()["error"] == "invalid_grant"
    else:
        with pytest.raises(ValueError):
            answer.json()


def test_scripted_token_slow_waits_before_answering(provider):
    provider.misbehave, provider.slow_seconds = "token_slow", 0.3
    rp = MiniRP(provider.issuer)
    request = rp.authorization()
    code = query(requests.get(request["url"], allow_redirects=False, timeout=10).headers["Location"])["code"]
    started = time.monotonic()
    answer = rp.redeem(code, request["verifier"])
    assert time.monotonic() - started >= 0.3 and answer.status_code == 200


def test_scripted_discovery_garbage_is_not_json(provider):
    provider.misbehave = "discovery_garbage"
    answer = requests.get(provider.discovery_url, timeout=10)
    assert answer.status_code == 200
    with pytest.raises(ValueError):
        json.loads(answer.text)


def test_scripted_discovery_wrong_issuer_names_another_issuer(provider):
    provider.misbehave = "discovery_wrong_issuer"
    metadata = requests.get(provider.discovery_url, timeout=10).json()
    assert metadata["issuer"] != provider.issuer and metadata["token_endpoint"] == provider.token_endpoint


def test_scripted_knobs_refuse_down_and_unknown_values(provider):
    assert set(MISBEHAVIOURS) >= {"wrong_iss", "alg_none", "token_slow", "discovery_garbage"}
    for value in ("down", "wrong-iss", "none"):
        with pytest.raises(ValueError):
            provider.misbehave = value
    assert provider.misbehave is None


def test_scripted_stop_is_down_and_start_serves_again_on_the_same_port(provider):
    port = provider.port
    session = requests.Session()   # keep-alive: stop() must cut this connection too
    assert session.get(provider.discovery_url, timeout=5).status_code == 200
    provider.stop()
    with pytest.raises(requests.ConnectionError):
        session.get(provider.discovery_url, timeout=5)
    provider.start()
    assert provider.port == port and requests.get(provider.discovery_url, timeout=5).status_code == 200


def test_scripted_code_is_single_use(provider):
    rp = MiniRP(provider.issuer)
    request = rp.authorization()
    code = query(requests.get(request["url"], allow_redirects=False, timeout=10).headers["Location"])["code"]
    assert rp.redeem(code, request["verifier"]).status_code == 200
    again = rp.redeem(code, request["verifier"])
    assert again.status_code == 400 and again.json()["error"] == "invalid_grant"


def test_scripted_wrong_pkce_verifier_gets_invalid_grant(provider):
    rp = MiniRP(provider.issuer)
    request = rp.authorization()
    code = query(requests.get(request["url"], allow_redirects=False, timeout=10).headers["Location"])["code"]
    wrong = rp.redeem(code, secrets.token_urlsafe(48))
    assert wrong.status_code == 400 and wrong.json()["error"] == "invalid_grant"


def test_scripted_authorization_without_code_challenge_is_refused(provider):
    _, _, back, _ = scripted_flow(provider, pkce=False)
    assert back["error"] == "invalid_request" and "code" not in back


def test_scripted_client_authentication(provider):
    rp = MiniRP(provider.issuer)
    for basic in (True, False):
        request = rp.authorization()
        code = query(requests.get(request["url"], allow_redirects=False, timeout=10).headers["Location"])["code"]
        assert rp.redeem(code, request["verifier"], basic=basic).status_code == 200
        assert provider.last_token_request["auth_method"] == ("client_secret_basic" if basic else "client_secret_post")
    request = rp.authorization()
    code = query(requests.get(request["url"], allow_redirects=False, timeout=10).headers["Location"])["code"]
    rp.secret = "wrong"
    answer = rp.redeem(code, request["verifier"])
    assert answer.status_code == 401 and answer.json()["error"] == "invalid_client"


def test_scripted_authorize_does_not_redirect_to_an_unregistered_uri(provider):
    rp = MiniRP(provider.issuer, redirect_uri="http://127.0.0.1:9/elsewhere")
    answer = requests.get(rp.authorization()["url"], allow_redirects=False, timeout=10)
    assert answer.status_code == 400 and "Location" not in answer.headers


def test_scripted_rotate_keys_drops_the_old_kids(provider):
    rp, _, old_token = scripted_id_token(provider)
    old_kids = {key["kid"] for key in rp.jwks()["keys"]}
    provider.rotate_keys()
    new_jwks = rp.jwks()
    assert not old_kids & {key["kid"] for key in new_jwks["keys"]} and len(new_jwks["keys"]) == 2
    with pytest.raises(InvalidKeyIdError):
        rp.verify(old_token, new_jwks)
    assert provider.jwks_fetches == 2


def test_scripted_logout_records_the_hint_and_redirects(provider):
    answer = requests.get(provider.end_session_endpoint, params={"id_token_hint": "h.i.nt",
                                                                  "post_logout_redirect_uri": POST_LOGOUT},
                          allow_redirects=False, timeout=10)
    assert answer.status_code == 302 and answer.headers["Location"] == POST_LOGOUT
    assert provider.last_logout["id_token_hint"] == "h.i.nt"
    assert provider.last_logout["post_logout_redirect_uri"] == POST_LOGOUT
    refused = requests.get(provider.end_session_endpoint, params={"post_logout_redirect_uri": "http://evil.example/"},
                           allow_redirects=False, timeout=10)
    assert refused.status_code == 400


def test_scripted_logout_without_registered_uris_redirects_anywhere(scripted_provider):
    provider = scripted_provider(CLIENT_ID, SECRET, CALLBACK)
    answer = requests.get(provider.end_session_endpoint, params={"post_logout_redirect_uri": POST_LOGOUT},
                          allow_redirects=False, timeout=10)
    assert answer.status_code == 302 and answer.headers["Location"] == POST_LOGOUT


def test_scripted_provider_runs_as_a_program():
    port = free_port()
    script = os.path.join(os.path.dirname(__file__), "scripted_provider.py")
    process = subprocess.Popen([sys.executable, script, "--port", str(port), "--client-id", CLIENT_ID,
                                "--client-secret", SECRET, "--redirect-uri", CALLBACK, "--claim", "employeeid=E9"],
                               stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout.readline().strip() == f"http://127.0.0.1:{port}"
        rp = MiniRP(f"http://127.0.0.1:{port}")
        request = rp.authorization()
        code = query(requests.get(request["url"], allow_redirects=False, timeout=10).headers["Location"])["code"]
        assert rp.verify(rp.redeem(code, request["verifier"]).json()["id_token"]).claims["employeeid"] == "E9"
    finally:
        process.terminate()
        assert process.wait(timeout=10) == 0
