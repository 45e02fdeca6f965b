"""The administrator's page of notifications that were not delivered: listed without content,
retried with a button, and every page passes axe."""
import subprocess

from selenium.webdriver.common.by import By

from conftest import psql


def dead_letter(service):
    """A team notice of the demo organisation that used all its attempts; returns its id."""
    sql = """
        INSERT INTO notify.job (organisation_id, kind, state, attempt, max_attempts, errors, attempted_at, finalized_at)
        SELECT id, 'support.team_notice', 'discarded', 3, 3,
               '[{"error": "smtp.connectFailed"}, {"error": "smtp.connectFailed"}, {"error": "smtp.temporaryFailure"}]',
               now(), now()
        FROM org.organisation WHERE slug = 'ostersund-demo' RETURNING id"""
    out = subprocess.run(["psql", "-v", "ON_ERROR_STOP=1", "-qAt", "-d", service["database"], "-c", sql],
                         check=True, capture_output=True, text=True).stdout
    return int(out.split()[0])


def test_an_administrator_retries_a_notification_that_was_not_delivered(site, service):
    job = dead_letter(service)
    site.login("admin.olof")
    site.open("/admin/notifications")
    assert site.heading() == "Aviseringar som inte kom fram"
    row = site.driver.find_element(By.XPATH, f"//tr[th[contains(., '#{job}')]]")
    assert "Meddelande till stödteamet" in row.text
    assert "smtp.temporaryFailure" in row.text
    row.find_element(By.CSS_SELECTOR, f"form[action='/admin/notifications/{job}/retry'] button").click()
    site.check()
    assert "Aviseringen skickas igen nu." in site.text()
    state = subprocess.run(["psql", "-qAt", "-d", service["database"], "-c", f"SELECT state FROM notify.job WHERE id = {job}"],
                           check=True, capture_output=True, text=True).stdout.strip()
    assert state == "available"
    psql(service["database"], f"DELETE FROM notify.job WHERE id = {job}")


def test_the_page_says_so_when_nothing_failed(site):
    site.login("admin.olof")
    site.open("/admin/notifications")
    assert "Inga aviseringar har misslyckats." in site.text()
