"""Real-browser tests: Chromium (Debian's) driven by Selenium, pages checked by axe-core.

The service under test is the real `workplace-routine` binary against a fresh database in the
throwaway PostgreSQL that `make test` started (its PG* environment is inherited). Every page a test
reaches is checked with axe for WCAG 2.1 A and AA violations.
"""
import contextlib
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from selenium_axe_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

ROOT = os.environ.get("WR_REPO_ROOT") or os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))

# The OpenID Connect providers (LemonLDAP::NG and the scripted one) and their fixtures.
# Appended, not prepended: `from conftest import ...` in the browser tests must stay this file.
sys.path.append(os.path.join(ROOT, "Tests", "oidc"))
from fixtures import lemonldap_factory, lemonldap_session_factory, scripted_provider  # noqa: E402,F401

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


@contextlib.contextmanager
def running_service(setup=()):
    """Migrates a fresh database, loads the demo organisation, runs each extra `workplace-routine`
    command of `setup` (e.g. a synthetic organisation) and serves it on a free port."""
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
        "WR_MIGRATIONS_DIR": os.path.join(ROOT, "Migrations"),
        "WR_CONTENT_KEY": "browser-test-content-key-" + secrets.token_hex(16),
        "WR_LOG_LEVEL": "warning",
        "WR_DEMO_PASSWORD": DEMO_PASSWORD,
        # No network here: the quick exit leaves for a page of our own that needs no session.
        "WR_QUICK_EXIT_URL": f"http://127.0.0.1:{http_port}/healthz",
    })
    exe = binary()
    subprocess.run([exe, "migrate"], env=env, check=True, cwd=ROOT, capture_output=True)
    subprocess.run([exe, "demo"], env=env, check=True, cwd=ROOT, capture_output=True)
    for command in setup:
        subprocess.run([exe, *command], env=env, check=True, cwd=ROOT, capture_output=True)
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
    yield {"base": base, "env": env, "database": database, "binary": exe}
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=20) == 0, "the service did not stop cleanly on SIGTERM"
    log.close()
    psql("postgres", f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")


@pytest.fixture(scope="session")
def service():
    """The demo organisation served for the whole session."""
    with running_service() as running:
        yield running


@pytest.fixture()
def browser():
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--window-size=1280,1000", "--lang=sv-SE"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.implicitly_wait(3)
    yield driver
    driver.quit()


class Site:
    """A browser on the service, with an axe check on every page it reaches."""

    AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

    def __init__(self, driver, base):
        self.driver = driver
        self.base = base
        self.checked = []

    def open(self, path):
        self.driver.get(self.base + path)
        self.check()

    def check(self):
        axe = Axe(self.driver)
        axe.inject()
        results = axe.run(options={"runOnly": {"type": "tag", "values": self.AXE_TAGS}})
        violations = results["violations"]
        # Guard against a vacuous check: the WCAG rules must really have run on this page.
        assert len(results["passes"]) >= 10, f"axe evaluated almost nothing on {self.driver.current_url}"
        self.checked.append(self.driver.current_url)
        assert violations == [], f"axe found WCAG violations on {self.driver.current_url}:\n" + json.dumps(
            [{"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]]} for v in violations], indent=1)

    def fill(self, field_id, value):
        element = self.driver.find_element(By.ID, field_id)
        element.clear()
        element.send_keys(value)

    def choose(self, field_id):
        self.driver.find_element(By.ID, field_id).click()

    def submit(self, button_text=None):
        if button_text is None:
            self.driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
        else:
            self.driver.find_element(By.XPATH, f"//main//button[normalize-space()='{button_text}']").click()
        self.check()

    def login(self, username, password=DEMO_PASSWORD):
        self.open("/login")
        self.fill("username", username)
        self.fill("password", password)
        self.submit()

    def logout(self):
        self.driver.find_element(By.CSS_SELECTOR, "form[action='/logout'] button").click()
        self.check()

    def text(self):
        return self.driver.find_element(By.TAG_NAME, "main").text

    def heading(self):
        return self.driver.find_element(By.TAG_NAME, "h1").text


@pytest.fixture()
def site(browser, service):
    return Site(browser, service["base"])
