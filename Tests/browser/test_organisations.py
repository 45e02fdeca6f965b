"""The coordinator's page of all organisations in a real Chromium, with axe on every page reached.

The operator grants `overview` with the real command (`workplace-routine account role LOGIN overview`)
to direktor.lena of the demo organisation; the service also has a generated organisation of 1 500
people, so some figures are shown and some hidden. Every cell of the page is compared with what
`report.overview()` returns to wr_overview in the same database: the page shows the published,
suppressed figures and nothing else.
"""
import re
import subprocess

import pytest
from selenium.webdriver.common.by import By

from conftest import Site, running_service

COORDINATOR = "direktor.lena"


@pytest.fixture(scope="module")
def organisations_service():
    with running_service(setup=[["demo", "--employees", "1500", "--organisations", "1", "--cycles", "2", "--seed", "7"],
                                ["account", "role", COORDINATOR, "overview"]]) as running:
        yield running


@pytest.fixture()
def site(browser, organisations_service):
    return Site(browser, organisations_service["base"])


def published(database, year, family):
    """report.overview(year, family) as wr_overview sees it: {(organisation id or '', measure): value or None}."""
    sql = (f"SET ROLE wr_overview; SELECT coalesce(organisation_id::text, ''), measure, coalesce(value::text, '') "
           f"FROM report.overview({int(year)}, '{family}')")
    out = subprocess.run(["psql", "-v", "ON_ERROR_STOP=1", "-qAt", "-F", "\t", "-d", database, "-c", sql],
                         check=True, capture_output=True, text=True).stdout
    rows = {}
    for line in out.splitlines():
        organisation, measure, value = line.split("\t")
        rows[(organisation, measure)] = int(value) if value else None
    return rows


# The page's columns, in order (OrganisationsPage.personColumns / supportColumns); a share column
# ("Andel") may follow a figure.
COLUMNS = {
    "person": ["due", "held", "asked", "not_yet", "staff", "half_day_trained", "managers_recording", "managers_trained"],
    "support": ["requests", "door_anonymous", "contacted_within_deadline", "contacted_late_or_not"],
}


def test_the_coordinator_sees_each_organisations_published_figures_only(site, organisations_service):
    site.login(COORDINATOR)
    site.driver.find_element(By.XPATH, "//nav[contains(@class,'main-nav')]//a[normalize-space()='Alla organisationer']").click()
    site.check()
    assert site.heading() == "Alla organisationer"
    year = site.driver.find_element(By.ID, "year").get_attribute("value")
    tables = site.driver.find_elements(By.CSS_SELECTOR, "main table")
    assert len(tables) == 2
    shown = hidden = 0
    for table, family in zip(tables, ["person", "support"]):
        expected = published(organisations_service["database"], year, family)
        assert expected, f"report.overview({year}, {family}) returned nothing"
        headings = [th.get_attribute("textContent").strip() for th in table.find_elements(By.CSS_SELECTOR, "thead th")][1:]
        figure_positions = [i for i, heading in enumerate(headings) if heading != "Andel"]
        assert len(figure_positions) == len(COLUMNS[family])
        rows = table.find_elements(By.CSS_SELECTOR, "tbody tr")
        organisations = [row.get_attribute("data-organisation") or "" for row in rows]
        # The demo organisation, the generated one, and all together (first).
        assert len(rows) == 3 and organisations[0] == ""
        assert sorted(organisations) == sorted({organisation for (organisation, _) in expected})
        for row, organisation in zip(rows, organisations):
            cells = row.find_elements(By.CSS_SELECTOR, "td")
            assert len(cells) == len(headings)
            for position, measure in zip(figure_positions, COLUMNS[family]):
                cell = cells[position]
                value = expected.get((organisation, measure))
                if value is None:
                    # Hidden (or not published): the mark, never a number.
                    assert "figure--hidden" in cell.get_attribute("class") and cell.text.strip() == "dold", (organisation, measure, cell.text)
                    hidden += 1
                else:
                    assert re.sub(r"\D", "", cell.text) == str(value), (organisation, measure, cell.text, value)
                    shown += 1
    # Not vacuous: the generated organisation shows figures, the demo organisation's are hidden.
    assert shown >= 5 and hidden >= 5


def test_other_roles_do_not_see_the_organisations_page(site):
    site.login("chef.anna")
    assert not site.driver.find_elements(By.XPATH, "//nav[contains(@class,'main-nav')]//a[normalize-space()='Alla organisationer']")
    site.open("/organisations")
    assert site.heading() == "Du har inte tillgång till sidan"
