"""A real OpenID Connect provider for the tests: LemonLDAP::NG 2.16 from Debian 12.

The portal (`liblemonldap-ng-portal-perl`) runs under Starman on 127.0.0.1 and a free port, from a
File configuration (`conf/lmConf-N.json`) and an ini file in a private directory made under the
`workdir` the test gives; nothing in /etc or /var/lib/lemonldap-ng is read or written (the ini file
is passed through `LLNG_DEFAULTCONFFILE`, and every storage path points into the private directory).
`stop()` ends the server's process group and removes the directory.

How it is configured (see `_configuration`):
- Users come from a SQLite file through LemonLDAP's DBI backend (authentication and user data
  `DBI`, passwords in clear text in the table: test accounts only). Each row carries `sub` (the
  pseudonymous, immutable subject, like Entra's), `name`, `email` and `employeeid`.
- The session attributes `subject`, `cn`, `mail` and `employeeid` are exported to each client as the
  claims `sub`, `name`, `email` and `employeeid`. LemonLDAP releases claims per scope and in userinfo
  by default; `oidcServiceIgnoreScopeForClaims` releases every exported claim whatever the scope (the
  relying party asks for `openid` only, as with Entra's mapped claims) and the client option
  `oidcRPMetaDataOptionsIDTokenForceClaims` puts them into the ID token itself.
- Each client is confidential (`oidcRPMetaDataOptionsPublic` 0), signs its ID tokens RS256
  (LemonLDAP has no ES256), skips the consent page (`oidcRPMetaDataOptionsBypassConsent`), and with
  `require_pkce` (the default) has `oidcRPMetaDataOptionsRequirePKCE`: after the login, an
  authorization request without `code_challenge` goes back to the redirect URI with
  `error=invalid_request`, and the token endpoint checks the verifier (`invalid_grant`; the code is
  spent either way). LemonLDAP accepts `plain` as well as `S256`. Without RequirePKCE LemonLDAP 2.16
  never checks a verifier, even when the request carried a challenge.
- RP-initiated logout: `end_session_endpoint` is `/oauth2/logout`. With `Client(logout_confirm=False)`
  (the default; `oidcRPMetaDataOptionsLogoutBypassConfirm`) a request whose `id_token_hint` names the
  client (LemonLDAP reads its `azp`, without checking the signature) ends the portal session and
  redirects straight (302) to `post_logout_redirect_uri` (plus `?state=` when given). Without an
  `id_token_hint`, or with `logout_confirm=True`, the portal first shows a confirmation page: a
  browser presses `form_selectors["logout_accept"]`, HTTP code uses `logout_http()`. Without a portal
  session the endpoint redirects straight to the (registered) post-logout URI.
- Keys: an RSA-2048 key made at start; `rotate_keys()` runs LemonLDAP's own `rotateOidcKeys`, which
  writes the next `lmConf-N.json` with a new key and kid. The old key leaves the JWKS at once, so
  tokens signed before no longer verify.

Quirks: `aud` is always an array and `azp` is always there; the callback carries no `iss` (and an
extra `session_state`); discovery advertises `none` and `HS256` among its ID token algorithms (the
relying party's allow-list must be its own); the JWKS keys have no `alg`; the session cookie has
`Domain=.127.0.0.1` (use 127.0.0.1, never localhost: Chromium and requests accept it there);
`client_secret_basic` secrets are cut at `+`, `/` or `:`, so `Client` only takes `[A-Za-z0-9._-]`.
The portal's texts are filled in by its JavaScript; the login form posts to the authorization URL
itself and the 302 to the client follows, so a Selenium test waits for the URL after the click (and
does not run axe on the provider's pages, which are not ours).
"""
import contextlib
import dataclasses
import html.parser
import json
import os
import secrets
import shutil
import signal
import socket
import sqlite3
import subprocess
import tempfile
import time
import urllib.parse
import uuid

PORTAL_ROOT = "/usr/share/lemonldap-ng/portal"
ROTATE_KEYS = "/usr/share/lemonldap-ng/bin/rotateOidcKeys"
STARMAN = "/usr/bin/starman"
SECRET_ALPHABET = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-")

# How long the portal may take to answer discovery after its start, and each HTTP call's timeout.
START_TIMEOUT = 30
HTTP_TIMEOUT = 10


@dataclasses.dataclass
class User:
    """An account at the provider. `sub` is the subject claim (a random UUID unless given);
    `employeeid` becomes the claim of that name (absent when None)."""
    login: str
    password: str
    name: str = ""
    employeeid: str | None = None
    email: str | None = None
    sub: str | None = None


@dataclasses.dataclass
class Client:
    """A confidential relying party registered at the provider."""
    client_id: str
    secret: str
    redirect_uris: list
    post_logout_uris: list = dataclasses.field(default_factory=list)
    require_pkce: bool = True
    # True: /oauth2/logout shows LemonLDAP's confirmation page before it redirects.
    logout_confirm: bool = False
    id_token_lifetime: int = 3600


class LemonLDAPError(RuntimeError):
    """The portal failed to start or to do what was asked; the message has the log's tail."""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _rsa_key():
    """A fresh RSA-2048 key as LemonLDAP stores it: PKCS#1 private PEM, SubjectPublicKeyInfo PEM."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    private = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL,
                                serialization.NoEncryption()).decode()
    public = key.public_key().public_bytes(serialization.Encoding.PEM,
                                           serialization.PublicFormat.SubjectPublicKeyInfo).decode()
    return private, public


def _message(page):
    """The portal's message on a page, for an exception. The portal's texts are filled in by its
    JavaScript, so the HTML carries only the message's kind and code (`trmsg`, see LemonLDAP's
    Portal::Main::Constants: 5 is bad credentials)."""
    import re
    found = re.search(r'<div class="message (message-[a-z]+)[^>]*>(.*?)</div>', page, re.S)
    if not found:
        return "no message on the page: " + " ".join(re.sub(r"<[^>]+>", " ", page[:2000]).split())[:300]
    codes = re.findall(r'tr(?:msg|span)="([^"]*)"', found.group(2))
    text = " ".join(re.sub(r"<[^>]+>", " ", found.group(2)).split())
    return f"{found.group(1)} {' '.join(codes)} {text}".strip()


class _Form(html.parser.HTMLParser):
    """The forms of a page: action, method and the inputs' name/value pairs (hidden ones included)."""

    def __init__(self):
        super().__init__()
        self.forms = []

    @classmethod
    def parse(cls, page):
        """The page's forms by id."""
        parser = cls()
        parser.feed(page)
        return {form["id"]: form for form in parser.forms if form["id"]}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append({"action": attrs.get("action") or "", "method": (attrs.get("method") or "get").lower(),
                               "id": attrs.get("id"), "fields": {}})
        elif tag in ("input", "button") and self.forms and attrs.get("name"):
            if attrs.get("type") in ("checkbox", "radio") and "checked" not in attrs:
                return
            if tag == "button":
                return  # buttons are added by the caller that knows which one it presses
            self.forms[-1]["fields"][attrs["name"]] = attrs.get("value") or ""


class LemonLDAP:
    """LemonLDAP::NG's portal as an OpenID Connect provider on 127.0.0.1 (see the module's doc)."""

    # The login form as a browser sees it (By.CSS_SELECTOR). The portal shows it at the
    # authorization URL itself when no session exists; submitting it continues to the client's
    # redirect URI with `code` and `state`.
    form_selectors = {
        "form": "form#lform",
        "login": "form#lform input#userfield",         # name="user"
        "password": "form#lform input#passwordfield",  # name="password"
        "submit": "form#lform button[type='submit']",  # the only button, "Connect"; it has no id
        "error": ".message-negative",                  # shown above the form after a refused login
        # Only with Client(logout_confirm=True): the page /oauth2/logout shows before redirecting.
        "logout_form": "form#form.confirm",
        "logout_accept": "form#form button.positive",  # "Accept"; "Refuse" is button#refuse
    }

    def __init__(self, workdir, users, clients, *, workers=3, log_level="warn"):
        for client in clients:
            if not client.secret or not set(client.secret) <= SECRET_ALPHABET:
                raise ValueError("client secrets must be [A-Za-z0-9._-]: LemonLDAP's basic-auth parser cuts at + / :")
        self.users = [dataclasses.replace(u, sub=u.sub or str(uuid.uuid4())) for u in users]
        self.clients = list(clients)
        self.workers = workers
        self.log_level = log_level
        self.dir = tempfile.mkdtemp(prefix="lemonldap-", dir=workdir)
        self.port = None
        self.process = None
        self.cfg_num = 0

    # ---- paths and URLs

    @property
    def issuer(self):
        return f"http://127.0.0.1:{self.port}"

    @property
    def discovery_url(self):
        return self.issuer + "/.well-known/openid-configuration"

    @property
    def authorization_endpoint(self):
        return self.issuer + "/oauth2/authorize"

    @property
    def token_endpoint(self):
        return self.issuer + "/oauth2/token"

    @property
    def jwks_uri(self):
        return self.issuer + "/oauth2/jwks"

    @property
    def end_session_endpoint(self):
        return self.issuer + "/oauth2/logout"

    @property
    def log_path(self):
        return os.path.join(self.dir, "portal.log")

    def _path(self, *parts):
        return os.path.join(self.dir, *parts)

    # ---- life cycle

    def start(self):
        """Writes the configuration, starts the portal and waits until discovery answers."""
        if self.process is not None:
            raise LemonLDAPError("already started")
        for sub in ("conf", "sessions/lock", "psessions/lock", "cache"):
            os.makedirs(self._path(sub), exist_ok=True)
        self._write_users()
        self._write_ini()
        self._write_psgi()
        for attempt in range(3):
            self.port = free_port()
            self._write_configuration(self._configuration())
            try:
                self._spawn()
                self._wait_ready()
                return self
            except LemonLDAPError:
                bound = "Address already in use" in self.log_tail()
                self._kill()
                if not bound or attempt == 2:
                    raise

    def stop(self):
        """Ends the portal's processes and removes the private directory."""
        self._kill()
        shutil.rmtree(self.dir, ignore_errors=True)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    def _env(self):
        return {
            "PATH": "/usr/bin:/bin",
            "LANG": "C.UTF-8",
            "HOME": self.dir,
            "TMPDIR": self.dir,
            "LLNG_DEFAULTCONFFILE": self._path("lemonldap-ng.ini"),
        }

    def _last_cfg_num(self):
        numbers = [int(name[7:-5]) for name in os.listdir(self._path("conf"))
                   if name.startswith("lmConf-") and name.endswith(".json")]
        return max(numbers, default=0)

    def _spawn(self):
        env = self._env()
        command = [STARMAN, "--listen", f"127.0.0.1:{self.port}", "--workers", str(self.workers),
                   "--preload-app", "--disable-keepalive", "--error-log", self.log_path,
                   self._path("portal.psgi")]
        self.log = open(self.log_path, "ab")
        self.process = subprocess.Popen(command, cwd=self.dir, env=env, stdin=subprocess.DEVNULL,
                                        stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        # `make test` ends whatever is listed here should the test process itself die first.
        work = os.environ.get("WR_TEST_WORKDIR")
        if work and os.path.isdir(work):
            with open(os.path.join(work, "pids"), "a") as pids:
                pids.write(f"{self.process.pid}\n")

    def _kill(self):
        process, self.process = self.process, None
        if process is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
        # Starman's workers share the group; make sure none outlived the master.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        self.log.close()

    def _wait_ready(self, expect_kid=None):
        deadline = time.monotonic() + START_TIMEOUT
        last = "no answer"
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise LemonLDAPError(f"the portal exited with {self.process.returncode}:\n{self.log_tail()}")
            try:
                metadata = self._get_json(self.discovery_url)
                if metadata.get("issuer") == self.issuer:
                    return metadata
                last = f"issuer {metadata.get('issuer')!r}"
            except (OSError, ValueError) as error:
                last = str(error)
            time.sleep(0.1)
        raise LemonLDAPError(f"discovery did not answer within {START_TIMEOUT}s ({last}):\n{self.log_tail()}")

    def log_tail(self, lines=40):
        try:
            with open(self.log_path, errors="replace") as f:
                return "".join(f.readlines()[-lines:])
        except OSError:
            return "(no log)"

    @staticmethod
    def _get_json(url):
        import urllib.request
        with urllib.request.urlopen(url, timeout=HTTP_TIMEOUT) as response:
            return json.loads(response.read())

    # ---- actions

    def rotate_keys(self):
        """Runs LemonLDAP's own `rotateOidcKeys` (a new RSA-2048 key and kid in the next lmConf-N.json;
        the old key leaves the JWKS at once) and returns the new kid once every portal worker serves it.

        The workers reread the configuration on a request at least `checkTime` (1 s) after their last
        check, counted in whole seconds, so the new configuration is everywhere 2 s after it was written;
        this waits that long (the script itself takes about a second) and then checks the JWKS."""
        old = {key["kid"] for key in self.jwks()["keys"]}
        result = subprocess.run([ROTATE_KEYS], env=self._env(), cwd=self.dir, capture_output=True, text=True,
                                timeout=60)
        if result.returncode != 0:
            raise LemonLDAPError(f"rotateOidcKeys failed ({result.returncode}): {result.stderr.strip()}")
        self.cfg_num = self._last_cfg_num()
        written = os.stat(self._path("conf", f"lmConf-{self.cfg_num}.json")).st_mtime
        with open(self._path("conf", f"lmConf-{self.cfg_num}.json")) as f:
            kid = json.load(f)["oidcServiceKeyIdSig"]
        if kid in old:
            raise LemonLDAPError(f"rotateOidcKeys kept the kid {kid}")
        time.sleep(max(0.0, written + 2.1 - time.time()))
        deadline = time.monotonic() + 5
        seen = 0
        while seen < 2 * self.workers:
            if time.monotonic() > deadline:
                raise LemonLDAPError(f"the JWKS does not show the new kid {kid}:\n{self.log_tail()}")
            seen = seen + 1 if [key["kid"] for key in self.jwks()["keys"]] == [kid] else 0
        return kid

    def jwks(self):
        return self._get_json(self.jwks_uri)

    def discovery(self):
        return self._get_json(self.discovery_url)

    def login_http(self, session, authorize_url, login, password=None):
        """Signs `login` in through the portal's real login form with a `requests.Session`, starting
        at `authorize_url` (an authorization request the relying party built), and returns the URL the
        provider finally redirects to outside itself: the client's redirect URI with `code` and `state`
        (or with `error`, e.g. `invalid_request` when PKCE is required and the request had no
        `code_challenge`). When `session` already holds a portal session the form is skipped (SSO).
        The form's hidden fields (the one-time `token`, `url`, `skin`) and the portal's cookies
        (`lemonldappdata` keeps the pending request, `lemonldap` is the session) are carried along.
        Raises LemonLDAPError with the portal's message when the login is refused."""
        if password is None:
            password = self.user(login).password
        response = session.get(authorize_url, allow_redirects=False, timeout=HTTP_TIMEOUT)
        posted = False
        for _ in range(10):
            if response.is_redirect:
                target = urllib.parse.urljoin(response.url, response.headers["Location"])
                if not target.startswith(self.issuer + "/"):
                    return target
                response = session.get(target, allow_redirects=False, timeout=HTTP_TIMEOUT)
                continue
            forms = _Form.parse(response.text)
            form = forms.get("lform")
            if response.status_code != 200 or form is None or posted:
                raise LemonLDAPError(f"the portal did not sign {login} in (HTTP {response.status_code}): "
                                     f"{_message(response.text)}\n{self.log_tail(10)}")
            fields = dict(form["fields"], user=login, password=password)
            action = urllib.parse.urljoin(response.url, form["action"])
            response = session.post(action, data=fields, allow_redirects=False, timeout=HTTP_TIMEOUT)
            posted = True
        raise LemonLDAPError("too many redirects at the portal")

    def logout_http(self, session, end_session_url):
        """Follows an RP-initiated logout URL (`end_session_endpoint` with `id_token_hint` and
        `post_logout_redirect_uri`) with a `requests.Session`, accepting the confirmation page when
        the client has `logout_confirm`, and returns the URL the provider redirects to outside itself
        (the post-logout URI)."""
        response = session.get(end_session_url, allow_redirects=False, timeout=HTTP_TIMEOUT)
        confirmed = False
        for _ in range(10):
            if response.is_redirect:
                target = urllib.parse.urljoin(response.url, response.headers["Location"])
                if not target.startswith(self.issuer + "/"):
                    return target
                response = session.get(target, allow_redirects=False, timeout=HTTP_TIMEOUT)
                continue
            form = _Form.parse(response.text).get("form")
            if response.status_code != 200 or form is None or confirmed:
                raise LemonLDAPError(f"the portal did not log out (HTTP {response.status_code}): "
                                     f"{_message(response.text)}\n{self.log_tail(10)}")
            action = urllib.parse.urljoin(response.url, form["action"])
            method = session.post if form["method"] == "post" else session.get
            key = "data" if form["method"] == "post" else "params"
            response = method(action, allow_redirects=False, timeout=HTTP_TIMEOUT, **{key: form["fields"]})
            confirmed = True
        raise LemonLDAPError("too many redirects at the portal")

    # ---- configuration

    def _write_users(self):
        with contextlib.closing(sqlite3.connect(self._path("users.sqlite"))) as db, db:
            db.execute("CREATE TABLE users (login TEXT PRIMARY KEY, password TEXT NOT NULL, sub TEXT NOT NULL UNIQUE,"
                       " name TEXT, email TEXT, employeeid TEXT)")
            db.executemany("INSERT INTO users VALUES (?, ?, ?, ?, ?, ?)",
                           [(u.login, u.password, u.sub, u.name, u.email, u.employeeid) for u in self.users])

    def set_user_employeeid(self, login, value):
        """Changes (or with None removes) a user's employee number; the next sign-in's ID token carries it
        (LemonLDAP reads the user at login, so a session made before keeps the old value)."""
        with contextlib.closing(sqlite3.connect(self._path("users.sqlite"))) as db, db:
            changed = db.execute("UPDATE users SET employeeid = ? WHERE login = ?", (value, login)).rowcount
        if changed != 1:
            raise KeyError(login)
        for user in self.users:
            if user.login == login:
                user.employeeid = value

    def user(self, login):
        return next(u for u in self.users if u.login == login)

    def _write_ini(self):
        # Only the configuration backend is read from here; everything else is in lmConf-N.json.
        ini = (
            "[all]\n"
            f"logLevel = {self.log_level}\n"
            "checkTime = 1\n"
            "[configuration]\n"
            "type = File\n"
            f"dirName = {self._path('conf')}\n"
            "prettyPrint = 1\n"
            "[portal]\n"
            "staticPrefix = /static\n"
            f"templateDir = {PORTAL_ROOT}/templates\n"
            "languages = en\n"
        )
        with open(self._path("lemonldap-ng.ini"), "w") as f:
            f.write(ini)

    def _write_psgi(self):
        psgi = f"""use strict;
use Plack::Builder;
use Plack::App::File;
use Lemonldap::NG::Portal::Main;
my $portal = Lemonldap::NG::Portal::Main->run({{}});
builder {{
    mount '/static' => Plack::App::File->new(root => '{PORTAL_ROOT}/htdocs/static')->to_app;
    mount '/javascript' => Plack::App::File->new(root => '/usr/share/javascript')->to_app;
    mount '/' => $portal;
}};
"""
        with open(self._path("portal.psgi"), "w") as f:
            f.write(psgi)

    def _configuration(self):
        private, public = _rsa_key()
        storage = {
            "Directory": self._path("sessions"),
            "LockDirectory": self._path("sessions", "lock"),
            "generateModule": "Lemonldap::NG::Common::Apache::Session::Generate::SHA256",
        }
        rps = {}
        exported = {}
        for index, client in enumerate(self.clients):
            key = f"rp{index}"
            rps[key] = {
                "oidcRPMetaDataOptionsClientID": client.client_id,
                "oidcRPMetaDataOptionsClientSecret": client.secret,
                "oidcRPMetaDataOptionsDisplayName": client.client_id,
                "oidcRPMetaDataOptionsPublic": 0,
                "oidcRPMetaDataOptionsRedirectUris": " ".join(client.redirect_uris),
                "oidcRPMetaDataOptionsPostLogoutRedirectUris": " ".join(client.post_logout_uris),
                "oidcRPMetaDataOptionsRequirePKCE": 1 if client.require_pkce else 0,
                "oidcRPMetaDataOptionsIDTokenSignAlg": "RS256",
                "oidcRPMetaDataOptionsIDTokenForceClaims": 1,
                "oidcRPMetaDataOptionsIDTokenExpiration": client.id_token_lifetime,
                "oidcRPMetaDataOptionsAccessTokenSignAlg": "RS256",
                "oidcRPMetaDataOptionsBypassConsent": 1,
                "oidcRPMetaDataOptionsLogoutBypassConfirm": 0 if client.logout_confirm else 1,
                "oidcRPMetaDataOptionsUserIDAttr": "subject",
                "oidcRPMetaDataOptionsRefreshToken": 0,
                "oidcRPMetaDataOptionsAllowOffline": 0,
            }
            exported[key] = {"employeeid": "employeeid", "name": "cn", "email": "mail"}
        return {
            "cfgAuthor": "WorkplaceRoutine tests",
            "cfgDate": str(int(time.time())),
            "cfgVersion": "2.16.1",
            "portal": self.issuer + "/",
            "domain": "127.0.0.1",
            "cookieName": "lemonldap",
            "securedCookie": 0,
            "https": 0,
            "httpOnly": 1,
            "authentication": "DBI",
            "userDB": "Same",
            "passwordDB": "Null",
            "registerDB": "Null",
            "dbiAuthChain": "dbi:SQLite:dbname=" + self._path("users.sqlite"),
            "dbiAuthUser": "",
            "dbiAuthPassword": "",
            "dbiAuthTable": "users",
            "dbiAuthLoginCol": "login",
            "dbiAuthPasswordCol": "password",
            "dbiAuthPasswordHash": "",
            "dbiExportedVars": {"uid": "login", "subject": "sub", "cn": "name", "mail": "email",
                                "employeeid": "employeeid"},
            "exportedVars": {},
            "whatToTrace": "uid",
            "globalStorage": "Apache::Session::File",
            "globalStorageOptions": storage,
            "persistentStorage": "Apache::Session::File",
            "persistentStorageOptions": dict(storage, Directory=self._path("psessions"),
                                             LockDirectory=self._path("psessions", "lock")),
            # directory_umask is a number: Perl reads the string "077" as decimal 77, which takes the
            # owner's x bit away (root does not notice, any other user gets HTTP 500).
            "localSessionStorage": "Cache::FileCache",
            "localSessionStorageOptions": {"cache_root": self._path("cache"), "cache_depth": 3,
                                           "default_expires_in": 600, "directory_umask": 0o077,
                                           "namespace": "lemonldap-ng-sessions"},
            "notification": 0,
            "loginHistoryEnabled": 0,
            "portalCheckLogins": 0,
            "portalDisplayRegister": 0,
            "portalDisplayResetPassword": 0,
            "portalDisplayChangePassword": 0,
            "bruteForceProtection": 0,
            "stayConnected": 0,
            "locationRules": {},
            "applicationList": {},
            "issuerDBOpenIDConnectActivation": 1,
            "oidcServiceMetaDataIssuer": self.issuer,
            "oidcServicePrivateKeySig": private,
            "oidcServicePublicKeySig": public,
            "oidcServiceKeyIdSig": secrets.token_hex(5),
            "oidcServiceAllowAuthorizationCodeFlow": 1,
            "oidcServiceAllowImplicitFlow": 0,
            "oidcServiceAllowHybridFlow": 0,
            "oidcServiceAllowDynamicRegistration": 0,
            "oidcServiceIgnoreScopeForClaims": 1,
            "oidcRPMetaDataOptions": rps,
            "oidcRPMetaDataExportedVars": exported,
        }

    def _write_configuration(self, configuration):
        """Writes lmConf-(N+1).json atomically; LemonLDAP picks it up within checkTime (1 s)."""
        self.cfg_num += 1
        configuration = dict(configuration, cfgNum=self.cfg_num)
        path = self._path("conf", f"lmConf-{self.cfg_num}.json")
        with open(path + ".tmp", "w") as f:
            json.dump(configuration, f, indent=1)
        os.replace(path + ".tmp", path)
