"""The manager's routine in a real Chromium, with axe on every page reached: a manager plans a talk,
opens the guide, records "asked", records "not asked" with a reason, proposes an outcome; the employee
logs in, confirms it and withdraws it again; the administrator uploads an HR file with upload progress.

The service is shared by the whole session (see conftest.py), so each test works on its own demo
person: Erik (plan, guide, asked, then the outcome he confirms), Fatima (not asked), a new person in
Cecilia's team (the upload).
"""
import datetime
import os
import tempfile
import zoneinfo

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

STOCKHOLM = zoneinfo.ZoneInfo("Europe/Stockholm")


def today():
    return datetime.datetime.now(STOCKHOLM).date()


def soon():
    """A day a few days ahead that is still inside the current (calendar-year) period."""
    day = today() + datetime.timedelta(days=3)
    return min(day, datetime.date(today().year, 12, 31))


def click_link(site, text):
    site.driver.find_element(By.XPATH, f"//main//a[normalize-space()='{text}']").click()
    site.check()


def open_person(site, name):
    site.open("/team")
    click_link(site, name)
    assert site.heading() == name


def team_row(site, name):
    return site.driver.find_element(By.XPATH, f"//main//tr[th//a[normalize-space()='{name}']]").text


def test_manager_plans_a_talk_opens_the_guide_and_records_that_the_question_was_asked(site):
    site.login("chef.anna")
    open_person(site, "Erik Ek")
    site.fill("date", soon().isoformat())
    site.fill("time", "14:00")
    site.submit("Planera samtalet")
    assert "Samtalet är planerat." in site.text()
    assert f"Planerat: {soon().isoformat()} 14:00" in site.text()

    # The guide, from the navigation, and its printable version.
    site.driver.find_element(By.XPATH, "//nav[contains(@class,'main-nav')]//a[normalize-space()='Guide för frågan']").click()
    site.check()
    assert site.heading() == "Guide för frågan om våld i nära relationer"
    assert "Kvinnofridslinjen" in site.text() and "063-14 30 00" in site.text()
    click_link(site, "Utskriftsvänlig version")
    assert site.driver.find_element(By.CSS_SELECTOR, "[data-print]").is_displayed()

    open_person(site, "Erik Ek")
    click_link(site, "Registrera samtalet")
    site.fill("held_on", today().isoformat())
    site.choose("asked")
    site.submit("Spara registreringen")
    assert "Samtalet är registrerat." in site.text()
    assert "Frågan ställd" in team_row(site, "Erik Ek")


def test_manager_records_not_asked_with_a_reason_from_the_list(site):
    site.login("chef.anna")
    open_person(site, "Fatima Farah")
    click_link(site, "Registrera samtalet")
    # "No" without a reason is explained next to the field.
    site.fill("held_on", today().isoformat())
    site.choose("asked-2")
    site.submit("Spara registreringen")
    assert "Välj varför frågan inte ställdes." in site.driver.find_element(By.CSS_SELECTOR, ".error-summary").text
    assert site.driver.switch_to.active_element == site.driver.find_element(By.CSS_SELECTOR, ".error-summary")
    assert not site.driver.find_elements(By.TAG_NAME, "textarea")
    site.choose("reason-2")  # interpreter present
    site.submit("Spara registreringen")
    row = team_row(site, "Fatima Farah")
    assert "Frågan inte ställd" in row and "Tolk var med" in row


def test_manager_proposes_an_outcome_and_the_employee_confirms_it(site):
    site.login("chef.anna")
    open_person(site, "Erik Ek")
    click_link(site, "Föreslå stöd tillsammans med medarbetaren")
    site.choose("kind")  # wants contact from the support team
    site.choose("present")
    site.submit("Gör förslaget")
    assert "Förslaget visas för medarbetaren när hen loggar in." in site.text()
    site.logout()

    site.login("medarbetare.erik")
    site.open("/mine")
    assert "Kontakt med stödfunktionen" in site.text()
    click_link(site, "Bekräfta eller avböj")
    assert site.heading() == "Bekräfta eller avböj förslaget"
    site.choose("channel-4")  # only the dialogue inside the service
    site.submit("Bekräfta")
    assert "Förfrågan är skickad till stödfunktionen" in site.text()
    assert "Ta tillbaka ditt samtycke" in site.text()
    # What is stored about me shows the confirmed outcome, and the download is offered.
    click_link(site, "Visa allt som sparas om mig")
    assert "E101" in site.text() and "bekräftat" in site.text()
    assert site.driver.find_element(By.CSS_SELECTOR, "a[href='/mine/data.json']").get_attribute("download")
    # Withdrawing consent deletes the outcome and its request (which also leaves the support team's
    # inbox as the other browser tests expect it).
    site.open("/mine")
    click_link(site, "Ta tillbaka ditt samtycke")
    site.submit("Ta tillbaka samtycket")
    assert "Ditt samtycke är tillbakataget och förfrågan är borttagen." in site.text()
    assert "Ta tillbaka ditt samtycke" not in site.text()


def test_administrator_uploads_an_hr_file_with_progress_and_sees_the_result(site):
    rows = [
        "Anställningsnummer;Namn;E-post;Enhetskod;Enhet;Överordnad enhet;Chef;Anställningsdatum;Slutdatum;Skyddade personuppgifter",
        "E390;Quentin Quist;quentin@ostersund-demo.example;BUF-FOD;Förskolan Odensala;BUF;M003;2026-09-01;;nej",
    ]
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False, encoding="utf-8-sig") as handle:
        handle.write("\r\n".join(rows) + "\r\n")
        path = handle.name
    try:
        site.login("admin.olof")
        site.open("/admin")
        # Only the people in the file: this browser session shares the demo with the other tests.
        site.choose("full")
        site.driver.find_element(By.ID, "file").send_keys(path)
        site.driver.find_element(By.XPATH, "//main//button[normalize-space()='Importera']").click()
        WebDriverWait(site.driver, 30).until(lambda d: "/admin/import/" in d.current_url)
        WebDriverWait(site.driver, 10).until(lambda d: d.find_element(By.TAG_NAME, "h1").text == "Import från HR-systemet")
        site.check()
        assert "Importen är genomförd." in site.text()
        assert "Bara personerna i filen" in site.text()
    finally:
        os.unlink(path)
    # Cecilia's team page shows the new person.
    site.logout()
    site.login("chef.cecilia")
    site.open("/team")
    assert "Quentin Quist" in site.text()


def test_team_page_in_english(site):
    site.login("chef.bengt")
    site.open("/team")
    site.driver.find_element(By.CSS_SELECTOR, "a.language-switch").click()
    site.check()
    assert site.heading() == "My team"
    assert "Talk planned" in site.text() or "Asked" in site.text()
