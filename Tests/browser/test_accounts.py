"""Accounts and the shared frame: every demo role logs in and out, a wrong password is explained,
the language switch works, and the quick exit ends the session (button and Shift three times)."""
import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

ROLES = {
    "direktor.lena": ["Översikt"],
    "admin.olof": ["Administration"],
    "chef.anna": ["Mitt team", "Guide för frågan"],
    "stod.sara": ["Inkorg"],
    "medarbetare.erik": ["Mina sidor"],
}


@pytest.mark.parametrize("login", sorted(ROLES))
def test_each_demo_role_logs_in_sees_its_areas_and_logs_out(site, login):
    site.login(login)
    assert site.heading().startswith("Välkommen")
    links = [a.text for a in site.driver.find_elements(By.CSS_SELECTOR, "nav.main-nav a")]
    for area in ROLES[login]:
        assert area in links, f"{login} should see {area}: {links}"
    site.logout()
    assert "Du är utloggad" in site.text()
    site.open("/")
    assert site.heading() == "Medarbetarstöd"


def test_wrong_password_is_explained_and_the_username_kept(site):
    site.login("chef.anna", "not-the-password")
    summary = site.driver.find_element(By.CSS_SELECTOR, ".error-summary")
    assert "stämmer inte" in summary.text
    assert site.driver.switch_to.active_element == summary
    assert site.driver.find_element(By.ID, "username").get_attribute("value") == "chef.anna"
    assert site.driver.find_element(By.ID, "password").get_attribute("value") == ""
    assert site.driver.find_element(By.ID, "username").get_attribute("aria-invalid") == "true"


def test_empty_fields_are_named_next_to_each_field(site):
    site.open("/login")
    site.submit()
    errors = [e.text for e in site.driver.find_elements(By.CSS_SELECTOR, ".field__error")]
    assert any("användarnamn" in e for e in errors) and any("lösenord" in e for e in errors)


def test_language_switch_renders_english_and_keeps_the_page(site):
    site.open("/login")
    site.driver.find_element(By.CSS_SELECTOR, "a.language-switch").click()
    site.check()
    assert site.driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    assert site.heading() == "Log in"
    assert site.driver.current_url.endswith("/login")


def test_quick_exit_button_ends_the_session(site):
    site.login("medarbetare.erik")
    site.driver.find_element(By.CSS_SELECTOR, "[data-quick-exit]").click()
    WebDriverWait(site.driver, 5).until(lambda d: d.current_url.endswith("/healthz"))
    site.driver.get(site.base + "/")
    assert site.heading() == "Medarbetarstöd"


def test_pressing_shift_three_times_leaves_the_page(site):
    site.login("medarbetare.erik")
    shift = ActionChains(site.driver)
    for _ in range(3):
        shift.key_down(Keys.SHIFT).key_up(Keys.SHIFT)
    shift.perform()
    WebDriverWait(site.driver, 5).until(lambda d: d.current_url.endswith("/healthz"))
    site.driver.get(site.base + "/")
    assert site.heading() == "Medarbetarstöd"


def test_shift_with_other_keys_does_not_leave(site):
    site.open("/login")
    field = site.driver.find_element(By.ID, "username")
    field.send_keys(Keys.SHIFT, "a")
    field.send_keys(Keys.SHIFT, "b")
    field.send_keys(Keys.SHIFT, "c")
    assert site.driver.current_url.endswith("/login")
