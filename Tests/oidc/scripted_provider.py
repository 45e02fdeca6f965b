"""A scriptable, and on request hostile, OpenID Connect provider for the relying party's tests.

It runs in the test's own process (a ThreadingHTTPServer on 127.0.0.1 and a free port) and has no
user interface: `/authorize` records the request and redirects straight back with a one-time code.
Endpoints: `/.well-known/openid-configuration`, `/jwks` (an RSA-2048 and an EC P-256 key, each with a
kid), `/authorize`, `/token` (client_secret_post or client_secret_basic; redirect_uri, single-use code
and the PKCE S256 verifier checked, `invalid_grant` otherwise) and `/logout` (records `id_token_hint`
and `post_logout_redirect_uri` and redirects there; when `post_logout_uris` were given, only to one
of them). There is no userinfo endpoint: the relying party must take its claims from the ID token.

A test sets, before it starts a sign-in:
- `next_claims`: claims merged into the ID token over the defaults (`iss`, `sub`, `aud`, `exp`, `iat`,
  `auth_time`, `nonce`); a value of None removes that claim;
- `signing`: "RS256" (default) or "ES256";
- `misbehave`: one of MISBEHAVIOURS (None is well-behaved); it stays until changed. A provider that
  is down is `stop()`, not a knob (`start()` again serves on the same port).
Counters (`discovery_fetches`, `jwks_fetches`, `authorize_calls`, `token_calls`), records
(`last_authorize`, `last_token_request`, `last_logout`, `last_id_token`, `requests`) and
`rotate_keys()` (new kids; the old keys leave the JWKS) let a test see what the relying party did.

Run as a program it serves a well-behaved provider until interrupted:
    python Tests/oidc/scripted_provider.py --port N --client-id X --client-secret Y --redirect-uri U
"""
import argparse
import base64
import contextlib
import hashlib
import hmac
import http.server
import json
import re
import secrets
import signal
import socket
import threading
import time
import urllib.parse

from joserfc import jwt
from joserfc.jwk import ECKey, RSAKey

MISBEHAVIOURS = (
    "wrong_iss",                  # iss is another issuer
    "wrong_aud",                  # aud is another client only
    "multi_aud_no_azp",           # aud is [client, other] and there is no azp
    "multi_aud_wrong_azp",        # aud is [client, other] and azp is the other
    "expired",                    # exp 10 minutes ago (iat 15 minutes ago)
    "iat_future",                 # iat an hour ahead (exp two hours ahead)
    "wrong_nonce",                # nonce is not the one the request carried
    "no_nonce",                   # no nonce claim
    "alg_none",                   # header alg "none", empty signature
    "hs256_with_rsa_public_key",  # HS256, the HMAC keyed with the RSA public key's PEM, RSA kid
    "unknown_kid",                # signed by a fresh key whose fresh kid is not in the JWKS
    "tampered_payload",           # signed, then the payload changed (see `tamper_claims`)
    "wrong_state",                # /authorize redirects back with a different state
    "omit_state",                 # /authorize redirects back without state
    "error_response",             # /authorize redirects back with error=access_denied
    "token_error",                # /token answers 400 invalid_grant
    "token_500",                  # /token answers 500 with an HTML body
    "token_slow",                 # /token sleeps `slow_seconds`, then answers normally
    "discovery_garbage",          # discovery answers 200 with a body that is not JSON
    "discovery_wrong_issuer",     # discovery names another issuer
)
ALGORITHMS = ("RS256", "ES256")
CODE_LIFETIME = 60
VERIFIER = re.compile(r"^[A-Za-z0-9._~-]{43,128}$")


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def b64url_decode(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def compact_json(value):
    return json.dumps(value, separators=(",", ":")).encode()


def s256(verifier):
    """The PKCE S256 challenge of a verifier (RFC 7636 4.2)."""
    return b64url(hashlib.sha256(verifier.encode()).digest())


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ScriptedProvider:
    """See the module's doc."""

    def __init__(self, client_id, client_secret, redirect_uris, post_logout_uris=(), *, port=None,
                 require_pkce=True):
        self.client_id = client_id
        self.client_secret = client_secret
        self.redirect_uris = [redirect_uris] if isinstance(redirect_uris, str) else list(redirect_uris)
        self.post_logout_uris = [post_logout_uris] if isinstance(post_logout_uris, str) else list(post_logout_uris)
        self.require_pkce = require_pkce
        self.port = port
        self.next_claims = {}
        self.signing = "RS256"
        self.slow_seconds = 5.0
        self.id_token_lifetime = 300
        # What `tampered_payload` writes over the signed claims (default: another `sub`).
        self.tamper_claims = None
        self._misbehave = None
        self._lock = threading.Lock()
        self._codes = {}
        self._server = None
        self._thread = None
        self._connections = set()
        self.rotate_keys()
        self.reset_records()

    # ---- knobs

    @property
    def misbehave(self):
        return self._misbehave

    @misbehave.setter
    def misbehave(self, value):
        if value == "down":
            raise ValueError("a provider that is down is provider.stop(), not a knob")
        if value is not None and value not in MISBEHAVIOURS:
            raise ValueError(f"unknown misbehaviour {value!r}")
        self._misbehave = value

    def rotate_keys(self):
        """New RSA and EC keys with new kids; the old ones leave the JWKS at once."""
        with self._lock:
            self.rsa_key = RSAKey.generate_key(2048, parameters={"kid": "rsa-" + secrets.token_hex(6),
                                                                  "alg": "RS256", "use": "sig"})
            self.ec_key = ECKey.generate_key("P-256", parameters={"kid": "ec-" + secrets.token_hex(6),
                                                                  "alg": "ES256", "use": "sig"})
        return self.rsa_key.kid, self.ec_key.kid

    def reset_records(self):
        """Zeroes the counters and forgets the records."""
        with self._lock:
            self.discovery_fetches = 0
            self.jwks_fetches = 0
            self.authorize_calls = 0
            self.token_calls = 0
            self.last_authorize = None
            self.last_token_request = None
            self.last_logout = None
            self.last_id_token = None
            self.requests = []

    # ---- URLs

    @property
    def issuer(self):
        return f"http://127.0.0.1:{self.port}"

    @property
    def discovery_url(self):
        return self.issuer + "/.well-known/openid-configuration"

    @property
    def authorization_endpoint(self):
        return self.issuer + "/authorize"

    @property
    def token_endpoint(self):
        return self.issuer + "/token"

    @property
    def jwks_uri(self):
        return self.issuer + "/jwks"

    @property
    def end_session_endpoint(self):
        return self.issuer + "/logout"

    def jwks(self):
        with self._lock:
            return {"keys": [self.rsa_key.as_dict(private=False), self.ec_key.as_dict(private=False)]}

    def metadata(self):
        return {
            "issuer": self.issuer,
            "authorization_endpoint": self.authorization_endpoint,
            "token_endpoint": self.token_endpoint,
            "jwks_uri": self.jwks_uri,
            "end_session_endpoint": self.end_session_endpoint,
            "response_types_supported": ["code"],
            "response_modes_supported": ["query"],
            "grant_types_supported": ["authorization_code"],
            "subject_types_supported": ["public"],
            "scopes_supported": ["openid"],
            "id_token_signing_alg_values_supported": list(ALGORITHMS),
            "code_challenge_methods_supported": ["S256"],
            "token_endpoint_auth_methods_supported": ["client_secret_post", "client_secret_basic"],
            "claims_supported": ["iss", "sub", "aud", "exp", "iat", "auth_time", "nonce", "azp"],
        }

    # ---- life cycle

    def start(self):
        """Serves on 127.0.0.1 (the port given, the previous one after a stop(), or a free one)."""
        if self._server is not None:
            raise RuntimeError("already started")
        port = self.port or 0
        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", port), self._handler_class())
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        name=f"scripted-oidc-{self.port}", daemon=True)
        self._thread.start()
        return self

    def stop(self):
        """Stops serving and cuts open (keep-alive) connections, so the provider is really down."""
        server, self._server = self._server, None
        if server is None:
            return
        server.shutdown()
        server.server_close()
        with self._lock:
            connections = list(self._connections)
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)
        self._thread.join(timeout=5)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    # ---- tokens

    def id_token_claims(self, nonce=None, now=None):
        """The claims of the next well-behaved ID token (before `misbehave`)."""
        now = int(time.time()) if now is None else now
        claims = {
            "iss": self.issuer,
            "sub": "scripted-subject",
            "aud": self.client_id,
            "exp": now + self.id_token_lifetime,
            "iat": now,
            "auth_time": now,
        }
        if nonce is not None:
            claims["nonce"] = nonce
        for name, value in self.next_claims.items():
            if value is None:
                claims.pop(name, None)
            else:
                claims[name] = value
        return claims

    def sign(self, claims, algorithm=None):
        """A compact JWS of `claims` with the provider's current key for `algorithm` (default `signing`)."""
        algorithm = algorithm or self.signing
        key = {"RS256": self.rsa_key, "ES256": self.ec_key}[algorithm]
        return jwt.encode({"alg": algorithm, "typ": "JWT", "kid": key.kid}, claims, key, algorithms=[algorithm])

    def make_id_token(self, nonce):
        """The ID token for a redemption: the claims, then the current misbehaviour applied."""
        mode = self._misbehave
        now = int(time.time())
        claims = self.id_token_claims(nonce, now)
        if mode == "wrong_iss":
            claims["iss"] = "http://127.0.0.1:9/not-this-issuer"
        elif mode == "wrong_aud":
            claims["aud"] = "another-client"
        elif mode == "multi_aud_no_azp":
            claims["aud"] = [self.client_id, "another-client"]
            claims.pop("azp", None)
        elif mode == "multi_aud_wrong_azp":
            claims["aud"] = [self.client_id, "another-client"]
            claims["azp"] = "another-client"
        elif mode == "expired":
            claims.update(iat=now - 900, auth_time=now - 900, exp=now - 600)
        elif mode == "iat_future":
            claims.update(iat=now + 3600, auth_time=now, exp=now + 7200)
        elif mode == "wrong_nonce":
            claims["nonce"] = "not-" + secrets.token_urlsafe(16)
        elif mode == "no_nonce":
            claims.pop("nonce", None)

        if mode == "alg_none":
            header = {"alg": "none", "typ": "JWT"}
            return f"{b64url(compact_json(header))}.{b64url(compact_json(claims))}."
        if mode == "hs256_with_rsa_public_key":
            header = {"alg": "HS256", "typ": "JWT", "kid": self.rsa_key.kid}
            signing_input = f"{b64url(compact_json(header))}.{b64url(compact_json(claims))}"
            mac = hmac.new(self.rsa_public_pem(), signing_input.encode(), hashlib.sha256).digest()
            return f"{signing_input}.{b64url(mac)}"
        if mode == "unknown_kid":
            if self.signing == "ES256":
                stranger = ECKey.generate_key("P-256", parameters={"kid": "unknown-" + secrets.token_hex(6)})
            else:
                stranger = RSAKey.generate_key(2048, parameters={"kid": "unknown-" + secrets.token_hex(6)})
            return jwt.encode({"alg": self.signing, "typ": "JWT", "kid": stranger.kid}, claims, stranger,
                              algorithms=[self.signing])
        token = self.sign(claims)
        if mode == "tampered_payload":
            header, _, signature = token.split(".")
            changed = dict(claims, **(self.tamper_claims or {"sub": str(claims.get("sub")) + "-tampered"}))
            token = f"{header}.{b64url(compact_json(changed))}.{signature}"
        return token

    def rsa_public_pem(self):
        """The RSA public key as the PEM (SubjectPublicKeyInfo) bytes the HS256 confusion attack uses."""
        return self.rsa_key.as_pem(private=False)

    # ---- HTTP

    def _handler_class(self):
        provider = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            server_version = "ScriptedOIDC/1"

            def setup(self):
                super().setup()
                with provider._lock:
                    provider._connections.add(self.connection)

            def finish(self):
                with provider._lock:
                    provider._connections.discard(self.connection)
                with contextlib.suppress(OSError):
                    super().finish()

            def log_message(self, *args):
                pass

            def do_GET(self):
                self._dispatch("GET", urllib.parse.urlsplit(self.path).query)

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode("utf-8", "replace") if length else ""
                self._dispatch("POST", body)

            def _dispatch(self, method, form):
                path = urllib.parse.urlsplit(self.path).path
                with provider._lock:
                    provider.requests.append((method, path))
                params = {k: v[0] for k, v in urllib.parse.parse_qs(form, keep_blank_values=True).items()}
                route = {
                    "/.well-known/openid-configuration": provider._discovery,
                    "/jwks": provider._jwks,
                    "/authorize": provider._authorize,
                    "/token": provider._token,
                    "/logout": provider._logout,
                }.get(path)
                if route is None or (path == "/token" and method != "POST"):
                    return self.respond(404, b"not found\n", "text/plain")
                route(self, params)

            def respond(self, status, body, content_type="application/json", headers=()):
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Cache-Control", "no-store")
                for name, value in headers:
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)

            def respond_json(self, status, value, headers=()):
                self.respond(status, compact_json(value), "application/json", headers)

            def redirect(self, url):
                self.respond(302, b"", "text/plain", [("Location", url)])

        return Handler

    def _discovery(self, handler, params):
        with self._lock:
            self.discovery_fetches += 1
        if self._misbehave == "discovery_garbage":
            return handler.respond(200, b"<html><body>Service unavailable</body></html>", "application/json")
        metadata = self.metadata()
        if self._misbehave == "discovery_wrong_issuer":
            metadata["issuer"] = "http://127.0.0.1:9/not-this-issuer"
        handler.respond_json(200, metadata)

    def _jwks(self, handler, params):
        with self._lock:
            self.jwks_fetches += 1
        handler.respond_json(200, self.jwks())

    def _authorize(self, handler, params):
        record = {name: params.get(name) for name in ("client_id", "redirect_uri", "response_type", "scope", "state",
                                                      "nonce", "code_challenge", "code_challenge_method", "prompt")}
        with self._lock:
            self.authorize_calls += 1
            self.last_authorize = record
        redirect_uri = params.get("redirect_uri")
        # Without a known client and redirect URI the provider must not redirect (OIDC Core 3.1.2.6).
        if params.get("client_id") != self.client_id or redirect_uri not in self.redirect_uris:
            return handler.respond(400, b"unknown client or redirect_uri\n", "text/plain")
        state = params.get("state")

        def back(**values):
            if self._misbehave == "wrong_state":
                values["state"] = "not-" + (state or "") + secrets.token_urlsafe(8)
            elif self._misbehave != "omit_state" and state is not None:
                values["state"] = state
            separator = "&" if urllib.parse.urlsplit(redirect_uri).query else "?"
            handler.redirect(redirect_uri + separator + urllib.parse.urlencode(values))

        if self._misbehave == "error_response":
            return back(error="access_denied", error_description="The user refused")
        if params.get("response_type") != "code" or "openid" not in (params.get("scope") or "").split():
            return back(error="invalid_request", error_description="response_type code and scope openid")
        challenge, method = params.get("code_challenge"), params.get("code_challenge_method")
        if challenge is None and self.require_pkce:
            return back(error="invalid_request", error_description="code_challenge required")
        if challenge is not None and method != "S256":
            return back(error="invalid_request", error_description="code_challenge_method must be S256")
        code = secrets.token_urlsafe(32)
        with self._lock:
            self._codes[code] = {"client_id": params["client_id"], "redirect_uri": redirect_uri,
                                 "nonce": params.get("nonce"), "code_challenge": challenge,
                                 "expires": time.monotonic() + CODE_LIFETIME}
        back(code=code)

    def _client_authentication(self, handler, params):
        """(client_id, method) when the client authenticated with exactly one method, else None."""
        methods = []
        header = handler.headers.get("Authorization") or ""
        if header[:6].lower() == "basic ":
            try:
                decoded = base64.b64decode(header[6:].strip(), validate=True).decode()
                user, _, password = decoded.partition(":")
                methods.append((urllib.parse.unquote_plus(user), urllib.parse.unquote_plus(password),
                                "client_secret_basic"))
            except (ValueError, UnicodeDecodeError):
                return None
        if "client_secret" in params:
            methods.append((params.get("client_id"), params["client_secret"], "client_secret_post"))
        if len(methods) != 1:
            return None
        client_id, secret, method = methods[0]
        if client_id != self.client_id or not hmac.compare_digest(secret.encode(), self.client_secret.encode()):
            return None
        if "client_id" in params and params["client_id"] != client_id:
            return None
        return client_id, method

    def _token(self, handler, params):
        with self._lock:
            self.token_calls += 1
            self.last_token_request = {name: params.get(name) for name in ("grant_type", "code", "redirect_uri",
                                                                           "code_verifier", "client_id")}
        mode = self._misbehave
        if mode == "token_slow":
            time.sleep(self.slow_seconds)
        if mode == "token_500":
            return handler.respond(500, b"<html><body>Internal Server Error</body></html>", "text/html")
        if mode == "token_error":
            return handler.respond_json(400, {"error": "invalid_grant", "error_description": "scripted refusal"})
        authenticated = self._client_authentication(handler, params)
        if authenticated is None:
            return handler.respond_json(401, {"error": "invalid_client"},
                                        [("WWW-Authenticate", 'Basic realm="token"')])
        with self._lock:
            self.last_token_request["auth_method"] = authenticated[1]
        if params.get("grant_type") != "authorization_code":
            return handler.respond_json(400, {"error": "unsupported_grant_type"})
        with self._lock:
            # A code is gone after its first redemption, whatever the outcome.
            grant = self._codes.pop(params.get("code"), None)
        if grant is None or grant["expires"] < time.monotonic():
            return handler.respond_json(400, {"error": "invalid_grant", "error_description": "unknown or used code"})
        if grant["client_id"] != authenticated[0] or grant["redirect_uri"] != params.get("redirect_uri"):
            return handler.respond_json(400, {"error": "invalid_grant", "error_description": "redirect_uri"})
        if grant["code_challenge"] is not None:
            verifier = params.get("code_verifier") or ""
            if not VERIFIER.match(verifier) or not hmac.compare_digest(s256(verifier), grant["code_challenge"]):
                return handler.respond_json(400, {"error": "invalid_grant", "error_description": "PKCE verifier"})
        id_token = self.make_id_token(grant["nonce"])
        with self._lock:
            self.last_id_token = id_token
        handler.respond_json(200, {"access_token": secrets.token_urlsafe(32), "token_type": "Bearer",
                                   "id_token": id_token, "expires_in": 3600}, [("Pragma", "no-cache")])

    def _logout(self, handler, params):
        record = {name: params.get(name) for name in ("id_token_hint", "post_logout_redirect_uri", "state",
                                                      "client_id")}
        with self._lock:
            self.last_logout = record
        target = params.get("post_logout_redirect_uri")
        if target is None:
            return handler.respond(200, b"<html><body>Signed out</body></html>", "text/html")
        # With no post-logout URIs registered any is accepted; with some, only those.
        if self.post_logout_uris and target not in self.post_logout_uris:
            return handler.respond(400, b"post_logout_redirect_uri not registered\n", "text/plain")
        if params.get("state"):
            separator = "&" if urllib.parse.urlsplit(target).query else "?"
            target += separator + urllib.parse.urlencode({"state": params["state"]})
        handler.redirect(target)


def main():
    parser = argparse.ArgumentParser(description="Serve a well-behaved scripted OpenID Connect provider.")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--client-id", required=True)
    parser.add_argument("--client-secret", required=True)
    parser.add_argument("--redirect-uri", action="append", required=True)
    parser.add_argument("--post-logout-uri", action="append", default=[])
    parser.add_argument("--signing", choices=ALGORITHMS, default="RS256")
    parser.add_argument("--claim", action="append", default=[], metavar="NAME=VALUE",
                        help="a claim of every ID token, e.g. sub=s-1 or employeeid=E1001")
    args = parser.parse_args()
    provider = ScriptedProvider(args.client_id, args.client_secret, args.redirect_uri, args.post_logout_uri,
                                port=args.port or None)
    provider.signing = args.signing
    provider.next_claims = dict(claim.split("=", 1) for claim in args.claim)
    stop = threading.Event()
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, lambda *_: stop.set())
    provider.start()
    print(provider.issuer, flush=True)
    stop.wait()
    provider.stop()


if __name__ == "__main__":
    main()
