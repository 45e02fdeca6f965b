"""Signing in through the organisation's own provider, in real Chromium, through a real provider:
LemonLDAP::NG from Debian (Tests/oidc/lemonldap.py) with its own login form, configured for the demo
organisation with the operator's command. Every page of ours that a person reaches is checked by axe;
the portal's own pages are not ours and are not checked."""
import os
import subprocess
import tempfile
import time

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import Site, command, psql_value, running_service
from lemonldap import Client, LemonLDAP, User

SLUG = "ostersund-demo"
CLIENT_ID = "wr-ostersund-demo"
SECRET = "lemonldap-client-secret-2026._-"

USERS = [
    User(login="anna", password="anna-password", name="Anna Andersson", employeeid="M001"),       # manager of E101–E106
    User(login="erik", password="erik-password", name="Erik Ek", employeeid="E101"),               # employee
    User(login="skyddad", password="skyddad-password", name="Skyddad", employeeid="E106"),         # protected identity
    User(login="okand", password="okand-password", name="Okänd", employeeid="X404"),              # not in HR
    User(login="fatima", password="fatima-password", name="Fatima Farah", employeeid="E102"),     # made inactive below
    User(login="gustav", password="gustav-password", name="Gustav Gran", employeeid="E103"),      # for key rotation
]


@pytest.fixture(scope="module")
def sso(lemonldap_session_factory):
    with running_service() as service:
        base = service["base"]
        portal = lemonldap_session_factory(USERS, [Client(CLIENT_ID, SECRET, [base + "/auth/oidc/callback"],
                                                         post_logout_uris=[base + "/"])])
        with tempfile.NamedTemporaryFile("w", delete=False) as secret:
            secret.write(SECRET)
        command(service, "identity-provider", "set", "--organisation", SLUG, "--issuer", portal.issuer,
                "--client-id", CLIENT_ID, "--client-secret-file", secret.name, "--employee-number-claim", "employeeid",
                "--label", "Logga in med ditt konto i Östersunds kommun")
        os.unlink(secret.name)
        yield service, portal


@pytest.fixture()
def site(browser, sso):
    return Site(browser, sso[0]["base"])


def portal_login(site, portal, login, password):
    """Fills the provider's own form (not our page: no axe here) and waits until we are back."""
    selectors = portal.form_selectors
    WebDriverWait(site.driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, selectors["login"]))
    site.driver.find_element(By.CSS_SELECTOR, selectors["login"]).send_keys(login)
    site.driver.find_element(By.CSS_SELECTOR, selectors["password"]).send_keys(password)
    site.driver.find_element(By.CSS_SELECTOR, selectors["submit"]).click()
    WebDriverWait(site.driver, 15).until(lambda d: d.current_url.startswith(site.base))


def sign_in(site, portal, login, expect_path=None):
    """From our login page's button, through the portal's form, back to our page."""
    site.open("/login")
    site.driver.find_element(By.LINK_TEXT, "Logga in med ditt konto i Östersunds kommun").click()
    user = next(u for u in USERS if u.login == login)
    portal_login(site, portal, login, user.password)
    if expect_path:
        # Our page after the callback moves on by itself (a same-site navigation) to the landing page.
        WebDriverWait(site.driver, 10).until(lambda d: d.current_url == site.base + expect_path)
    site.check()


def test_the_login_page_offers_the_provider_and_the_administrator_sees_it_without_the_secret(site, sso):
    service, portal = sso
    site.open("/login")
    button = site.driver.find_element(By.LINK_TEXT, "Logga in med ditt konto i Östersunds kommun")
    assert "/auth/oidc/start/" in button.get_attribute("href")
    assert site.driver.find_elements(By.ID, "password"), "the demo organisation still allows passwords"
    site.login("admin.olof")
    site.open("/admin/sign-in")
    text = site.text()
    assert portal.issuer in text and CLIENT_ID in text and "employeeid" in text
    assert site.base + "/auth/oidc/callback" in text
    assert SECRET not in site.driver.page_source


def test_a_manager_signs_in_through_the_provider_and_lands_on_their_team(site, sso):
    service, portal = sso
    sign_in(site, portal, "anna", "/team")
    text = site.text()
    assert "Erik Ek" in text and "Fatima Farah" in text
    assert "Jonna Jönsson" not in text, "another manager's team must not show"
    assert "Anna Andersson" in site.driver.find_element(By.CSS_SELECTOR, ".signed-in").text


def test_an_employee_lands_on_their_own_page_and_logout_goes_through_the_provider(site, sso):
    service, portal = sso
    sign_in(site, portal, "erik", "/mine")
    assert site.heading()
    sessions = int(psql_value(service["database"], "SELECT count(*) FROM auth.session s JOIN auth.account a ON a.id = s.account_id "
                                                   "JOIN org.person p ON p.id = a.person_id WHERE p.hr_id = 'E101'"))
    assert sessions >= 1
    site.driver.find_element(By.CSS_SELECTOR, "form[action='/logout'] button").click()
    # Ours first ("logged out here"), then the provider's logout, then back to our start page.
    WebDriverWait(site.driver, 15).until(lambda d: d.current_url == site.base + "/")
    site.check()
    assert site.heading() == "Medarbetarstöd"
    assert psql_value(service["database"], "SELECT count(*) FROM auth.session s JOIN auth.account a ON a.id = s.account_id "
                                           "JOIN org.person p ON p.id = a.person_id WHERE p.hr_id = 'E101'") == "0"
    # The provider's session ended too: the next sign-in shows its form again.
    site.open("/login")
    site.driver.find_element(By.LINK_TEXT, "Logga in med ditt konto i Östersunds kommun").click()
    WebDriverWait(site.driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, portal.form_selectors["login"]))


def test_a_person_with_protected_identity_signs_in_like_anyone_else(site, sso):
    service, portal = sso
    sign_in(site, portal, "skyddad", "/mine")
    assert "Skyddad Person" in site.driver.find_element(By.CSS_SELECTOR, ".signed-in").text


def test_someone_the_register_does_not_know_gets_a_clear_page_and_nothing_is_stored(site, sso):
    service, portal = sso
    accounts = psql_value(service["database"], "SELECT count(*) FROM auth.account")
    sign_in(site, portal, "okand")
    assert site.heading() == "Vi hittade dig inte i personalregistret"
    assert "Kontakta din chef eller HR" in site.text()
    assert psql_value(service["database"], "SELECT count(*) FROM auth.account") == accounts


def full_import_without(service, hr_id):
    """The organisation's people as a full HR file, minus `hr_id`, through the operator's import."""
    database = service["database"]
    csv = subprocess.run(["psql", "-qAt", "-d", database, "-c", f"""
        COPY (SELECT p.hr_id, p.name, p.work_email, u.code AS unit_code, u.name AS unit_name, pu.code AS parent_unit_code,
                     m.hr_id AS manager_hr_id, p.hire_date, p.end_date, CASE WHEN p.protected_identity THEN 'ja' ELSE 'nej' END
              FROM org.person p JOIN org.organisation o ON o.id = p.organisation_id JOIN org.unit u ON u.id = p.unit_id
              LEFT JOIN org.unit pu ON pu.id = u.parent_id LEFT JOIN org.person m ON m.id = p.manager_id
              WHERE o.slug = '{SLUG}' AND p.active AND p.hr_id <> '{hr_id}' ORDER BY p.hr_id)
        TO STDOUT WITH (FORMAT csv, HEADER, DELIMITER ';')"""], check=True, capture_output=True, text=True).stdout
    header = "hr_id;name;work_email;unit_code;unit_name;parent_unit_code;manager_hr_id;hire_date;end_date;protected_identity"
    lines = [header] + csv.splitlines()[1:]
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as handle:
        handle.write("\n".join(lines) + "\n")
    try:
        command(service, "import", "org", handle.name, "--organisation", SLUG)
    finally:
        os.unlink(handle.name)


def test_a_person_made_inactive_by_an_import_loses_their_session_and_cannot_sign_in(site, sso):
    service, portal = sso
    sign_in(site, portal, "fatima", "/mine")
    full_import_without(service, "E102")
    site.open("/mine")
    assert site.driver.current_url.startswith(site.base + "/login"), "the import ended her session"
    # A fresh browser session at the provider would not help either: HR says she is not employed.
    site.driver.delete_all_cookies()
    sign_in(site, portal, "fatima")
    assert site.heading() == "Din anställning är inte aktiv"


def test_a_key_rotation_at_the_provider_is_picked_up_without_a_restart(site, sso):
    service, portal = sso
    sign_in(site, portal, "gustav", "/mine")
    old = {key["kid"] for key in portal.jwks()["keys"]}
    portal.rotate_keys()
    assert not old & {key["kid"] for key in portal.jwks()["keys"]}
    site.driver.delete_all_cookies()
    sign_in(site, portal, "gustav", "/mine")
    assert "Gustav Gran" in site.driver.find_element(By.CSS_SELECTOR, ".signed-in").text
