"""The real `workplace-routine` binary served for Python test suites (Tests/browser, Tests/oidc).

The service runs against a fresh database in the throwaway PostgreSQL that `make test` started (its
PG* environment is inherited), with the demo organisation loaded, on a free port of 127.0.0.1.
"""
import contextlib
import os
import secrets
import signal
import socket
import subprocess
import time
import urllib.request

ROOT = os.environ.get("WR_REPO_ROOT") or os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DEMO_PASSWORD = "demo-medarbetarstod-2026"


def binary():
    path = subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
    return os.path.join(path, "workplace-routine")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def psql(database, sql):
    subprocess.run(["psql", "-v", "ON_ERROR_STOP=1", "-qAt", "-d", database, "-c", sql], check=True, capture_output=True)


def psql_value(database, sql):
    """The first column of the first row, as text ('' for none)."""
    out = subprocess.run(["psql", "-v", "ON_ERROR_STOP=1", "-qAt", "-d", database, "-c", sql], check=True,
                         capture_output=True, text=True).stdout
    return out.splitlines()[0] if out.strip() else ""


def command(running, *arguments, check=True):
    """Runs `workplace-routine ARGUMENTS` with the service's environment; returns the completed process."""
    return subprocess.run([running["binary"], *arguments], env=running["env"], cwd=ROOT, capture_output=True, text=True,
                          check=check)


@contextlib.contextmanager
def running_service(setup=(), environment=None):
    """Migrates a fresh database, loads the demo organisation, runs each extra `workplace-routine`
    command of `setup` (e.g. a synthetic organisation) and serves it on a free port. `environment`
    adds or overrides WR_* variables."""
    database = "browser_" + secrets.token_hex(4)
    host = os.environ["PGHOST"]
    port = os.environ["PGPORT"]
    psql("postgres", "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'wr_owner') THEN CREATE ROLE wr_owner LOGIN CREATEROLE; END IF; END $$")
    psql("postgres", f"CREATE DATABASE {database} OWNER wr_owner")
    url = lambda role: f"postgres:///{database}?host={host}&port={port}&user={role}"
    http_port = free_port()
    env = dict(os.environ)
    env.update({
        "WR_DATABASE_URL": url("wr_app"),
        "WR_MIGRATION_DATABASE_URL": url("wr_owner"),
        "WR_NOTIFIER_DATABASE_URL": url("wr_worker"),
        "WR_PORT": str(http_port),
        "WR_PUBLIC_URL": f"http://127.0.0.1:{http_port}",
        "WR_MIGRATIONS_DIR": os.path.join(ROOT, "Migrations"),
        "WR_CONTENT_KEY": "browser-test-content-key-" + secrets.token_hex(16),
        "WR_LOG_LEVEL": "warning",
        "WR_DEMO_PASSWORD": DEMO_PASSWORD,
        # No network here: the quick exit leaves for a page of our own that needs no session.
        "WR_QUICK_EXIT_URL": f"http://127.0.0.1:{http_port}/healthz",
    })
    env.update(environment or {})
    exe = binary()
    subprocess.run([exe, "migrate"], env=env, check=True, cwd=ROOT, capture_output=True)
    subprocess.run([exe, "demo"], env=env, check=True, cwd=ROOT, capture_output=True)
    for step in setup:
        subprocess.run([exe, *step], env=env, check=True, cwd=ROOT, capture_output=True)
    log = open(os.path.join(os.environ.get("WR_TEST_WORKDIR", "/tmp"), f"serve-{http_port}.log"), "w")
    process = subprocess.Popen([exe, "serve"], env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{http_port}"
    deadline = time.time() + 30
    while True:
        try:
            with urllib.request.urlopen(base + "/readyz", timeout=1) as response:
                if response.status == 200:
                    break
        except OSError:
            pass
        if process.poll() is not None or time.time() > deadline:
            raise RuntimeError("the service did not become ready; see " + log.name)
        time.sleep(0.2)
    try:
        yield {"base": base, "env": env, "database": database, "binary": exe, "log": log.name}
    finally:
        process.send_signal(signal.SIGTERM)
        stopped = process.wait(timeout=20)
        log.close()
        psql("postgres", f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")
        assert stopped == 0, "the service did not stop cleanly on SIGTERM"
