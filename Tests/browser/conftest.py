"""Real-browser tests: Chromium (Debian's) driven by Selenium, pages checked by axe-core.

The service under test is the real `workplace-routine` binary against a fresh database in the
throwaway PostgreSQL that `make test` started (its PG* environment is inherited). Every page a test
reaches is checked with axe for WCAG 2.1 A and AA violations.
"""
import json
import os
import sys

import pytest
from selenium_axe_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from wr_service import DEMO_PASSWORD, ROOT, binary, command, free_port, psql, psql_value, running_service  # noqa: E402,F401

# The OpenID Connect providers (LemonLDAP::NG and the scripted one) and their fixtures.
# Appended, not prepended: `from conftest import ...` in the browser tests must stay this file.
sys.path.append(os.path.join(ROOT, "Tests", "oidc"))
from fixtures import lemonldap_factory, lemonldap_session_factory, scripted_provider  # noqa: E402,F401


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
