"""The director's overview in a real Chromium, with axe on every page reached: the director opens the
dashboard, filters by unit and month, follows the breadcrumbs back, and downloads the CSV file (read
with the browser's own session cookie); every chart is an image with a title and a data table.

The service of this module has, besides the demo organisation (20 people: nearly every figure
hidden), a generated organisation of 1 500 people whose director is `direktor.kommun`, so the
charts have bars. It is a service of its own: a second organisation would change the public
support pages the other modules walk through.
"""
import csv
import datetime
import io
import urllib.request

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import Site, running_service

DIRECTOR = "direktor.kommun"


@pytest.fixture(scope="module")
def director_service():
    with running_service(setup=[["demo", "--employees", "1500", "--organisations", "1", "--cycles", "2", "--seed", "7",
                                 "--director", DIRECTOR]]) as running:
        yield running


@pytest.fixture()
def site(browser, director_service):
    return Site(browser, director_service["base"])


def download(site, href):
    """Fetches `href` with the browser's session cookie, as the browser's download would."""
    cookie = site.driver.get_cookie("wr_session")["value"]
    request = urllib.request.Request(href if href.startswith("http") else site.base + href, headers={"Cookie": f"wr_session={cookie}"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, dict(response.headers), response.read()


def charts_have_tables(site):
    charts = site.driver.find_elements(By.CSS_SELECTOR, "main svg.chart[role=img]")
    assert charts, "the overview has no charts"
    for chart in charts:
        labelled = chart.get_attribute("aria-labelledby").split()
        title = chart.find_element(By.TAG_NAME, "title")
        assert title.get_attribute("id") == labelled[0] and title.get_attribute("textContent").strip()
        # The figure holding the chart is followed by a table with a caption and header cells.
        table = chart.find_element(By.XPATH, "ancestor::figure/following-sibling::div[contains(@class,'table-wrap')][1]/table")
        assert table.find_element(By.TAG_NAME, "caption").text.strip()
        assert table.find_elements(By.CSS_SELECTOR, "th[scope=col]") and table.find_elements(By.CSS_SELECTOR, "th[scope=row]")
    return charts


def test_director_opens_the_dashboard_filters_and_exports_csv(site):
    site.login(DIRECTOR)
    site.driver.find_element(By.XPATH, "//nav[contains(@class,'main-nav')]//a[normalize-space()='Översikt']").click()
    site.check()
    assert site.heading() == "Översikt"
    assert "Kommun 1" in site.text()
    assert "färre än 5 personer visas inte" in site.text()
    charts = charts_have_tables(site)
    assert len(charts) == 3
    # Bars are drawn for the förvaltningar (solid fill), not only hidden stripes.
    assert site.driver.find_elements(By.CSS_SELECTOR, "#main svg rect[fill='#0b4f8a']")

    # Filter: a förvaltning and a month, through the form (a GET, no script needed).
    unit = Select(site.driver.find_element(By.ID, "unit"))
    department = unit.options[1].text
    unit.select_by_index(1)
    site.submit("Visa")
    assert "unit=" in site.driver.current_url
    crumbs = site.driver.find_element(By.CSS_SELECTOR, "nav.breadcrumbs")
    assert crumbs.find_element(By.CSS_SELECTOR, "[aria-current=page]").text == department
    assert "Stödärenden redovisas bara för hela organisationen." in site.text()
    charts_have_tables(site)

    # The CSV file of this filter: the same rows, hidden figures as the mark, never a number.
    href = site.driver.find_element(By.XPATH, "//main//a[normalize-space()='Tabellerna som CSV-fil (för Excel)']").get_attribute("href")
    assert "unit=" in href
    status, headers, body = download(site, href)
    assert status == 200 and headers["Content-Type"] == "text/csv; charset=utf-8"
    assert headers["Content-Disposition"].startswith('attachment; filename="oversikt-')
    assert body.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert rows[0][:3] == ["table", "unit_id", "unit_code"]
    assert any(r[4] == "selected" and r[3] == department and r[5] == "due" for r in rows[1:])
    assert {r[4] for r in rows[1:]} >= {"selected", "child"}
    for row in rows[1:]:
        assert row[8] == "dold" or row[8].isdigit(), row

    # Back to the whole organisation by the breadcrumbs, then one month.
    crumbs = site.driver.find_element(By.CSS_SELECTOR, "nav.breadcrumbs")
    crumbs.find_element(By.LINK_TEXT, "Hela organisationen").click()
    site.check()
    # (the generated cycles are calendar years up to this one; the newest is shown first)
    year = datetime.date.today().year
    Select(site.driver.find_element(By.ID, "period")).select_by_visible_text(f"mars {year}")
    site.submit("Visa")
    assert site.driver.find_element(By.ID, "month-heading").text == f"mars {year}"
    assert f"period={year}-03" in site.driver.current_url

    # The JSON API answers the same session.
    status, headers, body = download(site, f"/api/overview?period={year}-03")
    assert status == 200 and headers["Content-Type"] == "application/json" and b'"coverage"' in body


def test_hidden_figures_are_stripes_with_the_mark_and_the_page_prints_without_the_form(site):
    # The demo organisation has 20 people: its director sees the mark nearly everywhere.
    site.login("direktor.lena")
    site.open("/overview")
    assert site.heading() == "Översikt"
    charts_have_tables(site)
    hidden = site.driver.find_elements(By.CSS_SELECTOR, "#main svg rect[fill^='url(#']")
    assert hidden, "hidden figures should be drawn as stripes"
    cells = site.driver.find_elements(By.CSS_SELECTOR, "td.figure--hidden")
    assert cells and all(cell.text == "dold" for cell in cells)
    # Printing: the filter form and the download links are left out, the tables stay.
    site.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    assert not site.driver.find_element(By.CSS_SELECTOR, "form.report-filter").is_displayed()
    assert not site.driver.find_element(By.CSS_SELECTOR, ".report-downloads").is_displayed()
    assert site.driver.find_element(By.CSS_SELECTOR, "main table").is_displayed()
    site.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def test_the_overview_in_english(site):
    site.login(DIRECTOR)
    site.open("/overview")
    site.driver.find_element(By.CSS_SELECTOR, "a.language-switch").click()
    site.check()
    assert site.heading() == "Overview"
    assert "Figures about fewer than 5 people are not shown" in site.text()
    charts_have_tables(site)


def test_other_roles_do_not_see_the_overview(site):
    site.login("chef.anna")
    assert not site.driver.find_elements(By.XPATH, "//nav[contains(@class,'main-nav')]//a[normalize-space()='Översikt']")
    site.open("/overview")
    assert site.heading() == "Du har inte tillgång till sidan"
