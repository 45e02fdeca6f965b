"""The confidential support journey in a real browser: an anonymous request answered by the support
team and read back with the receipt; an identified request with safe hours reaching the inbox; bad
input kept; the quick exit (button and Shift three times) on the journey's pages. axe checks every
page reached."""
import re

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

FORBIDDEN_IN_TITLES = ("våld", "utsatt", "misshandel", "violence", "abuse")


def assert_neutral_title(site):
    title = site.driver.title.lower()
    assert title, "the page has no title"
    for word in FORBIDDEN_IN_TITLES:
        assert word not in title, f"title names '{word}': {site.driver.title}"


def send_anonymous_request(site, message):
    site.open("/stod")
    assert_neutral_title(site)
    site.driver.find_element(By.LINK_TEXT, "Skriv till oss utan inloggning").click()
    site.check()
    assert_neutral_title(site)
    site.choose("kind-2")          # Jag är orolig för någon
    site.choose("channel-4")       # Bara meddelanden här i tjänsten
    site.fill("message", message)
    site.submit("Skicka")
    assert_neutral_title(site)
    assert "kan inte tas fram igen" in site.text()
    code = site.driver.find_element(By.CSS_SELECTOR, "[data-receipt]").text
    assert re.fullmatch(r"\d{4} \d{4} \d{4} \d{4}", code), code
    # The receipt is in the page only, never in the address.
    assert re.sub(r"\D", "", code) not in site.driver.current_url
    return code


def open_newest_waiting_case(site):
    site.open("/inbox")
    rows = site.driver.find_elements(By.CSS_SELECTOR, "#waiting tbody tr")
    assert rows, "the inbox has no waiting request"
    rows[-1].find_element(By.CSS_SELECTOR, "td a").click()
    site.check()
    assert_neutral_title(site)


def test_anonymous_request_is_answered_and_the_reply_read_with_the_receipt(site):
    code = send_anonymous_request(site, "Min kollega verkar rädd för sin partner.")

    site.login("stod.sara")
    open_newest_waiting_case(site)
    assert "Min kollega verkar rädd för sin partner." in site.text()
    assert "Bara meddelanden här i tjänsten" in site.driver.find_element(By.CSS_SELECTOR, "[data-wishes]").text
    site.fill("reply", "Tack för att du hör av dig. Vi kan prata om hur du kan stötta din kollega.")
    site.submit("Skicka svaret")
    assert "Svaret är skickat." in site.text()
    site.logout()

    site.open("/stod/svar")
    assert_neutral_title(site)
    site.fill("receipt", code)
    site.submit("Visa svar")
    assert site.driver.current_url.endswith("/stod/svar")
    assert "Vi kan prata om hur du kan stötta din kollega." in site.text()
    site.fill("body", "Tack, jag ringer gärna.")
    site.submit("Skicka meddelandet")
    assert "Ditt meddelande är skickat." in site.text()
    assert "Tack, jag ringer gärna." in site.text()
    site.driver.find_element(By.XPATH, "//main//button[normalize-space()='Lås sidan']").click()
    site.check()
    assert "Sidan är låst" in site.text()


def test_a_wrong_receipt_is_explained_and_not_kept(site):
    site.open("/stod/svar")
    site.fill("receipt", "0000 0000 0000 0001")
    site.submit("Visa svar")
    assert "Koden stämmer inte" in site.driver.find_element(By.CSS_SELECTOR, ".error-summary").text
    assert site.driver.find_element(By.ID, "receipt").get_attribute("value") == ""
    assert site.driver.find_element(By.ID, "receipt").get_attribute("aria-invalid") == "true"


def test_identified_request_with_safe_hours_reaches_the_inbox(site):
    site.login("medarbetare.erik")
    site.open("/stod")
    site.driver.find_element(By.LINK_TEXT, "Logga in och skriv till oss").click()
    site.check()
    site.choose("kind")            # Jag är utsatt
    site.choose("channel-2")       # SMS
    site.fill("phone", "070-765 43 21")
    site.choose("safe_days-4")     # untick Thursday
    site.choose("safe_days-5")     # untick Friday
    site.fill("safe_from", "08:00")
    site.fill("safe_until", "10:00")
    Select(site.driver.find_element(By.ID, "interpreter")).select_by_value("ar")
    site.fill("message", "Jag vill prata med någon om hur det är hemma.")
    site.submit("Skicka")
    assert "Tack. Vi har tagit emot det du skickade. Stödteamet kontaktar dig senast" in site.text()
    assert "måndag–onsdag 08:00–10:00" in site.text()
    site.open("/stod/mina")
    assert "Väntar på kontakt" in site.text()
    site.logout()

    site.login("stod.tomas")
    open_newest_waiting_case(site)
    wishes = site.driver.find_element(By.CSS_SELECTOR, "[data-wishes]").text
    assert wishes.startswith("Bara SMS till 070-765 43 21, måndag–onsdag 08:00–10:00, inga röstmeddelanden")
    assert "tolk: arabiska" in wishes
    site.choose("result")          # Nådde personen
    site.submit("Spara kontaktförsöket")
    assert "inom tidsgränsen" in site.text()


def test_bad_input_is_shown_next_to_the_field_with_everything_kept(site):
    site.open("/stod/anonym")
    site.choose("kind-3")
    site.choose("channel")         # Telefonsamtal
    site.fill("phone", "12")
    for day in range(1, 6):        # untick every weekday
        site.choose("safe_days" if day == 1 else f"safe_days-{day}")
    site.fill("name", "Kim")
    site.submit("Skicka")
    summary = site.driver.find_element(By.CSS_SELECTOR, ".error-summary")
    assert site.driver.switch_to.active_element == summary
    assert "Telefonnumret ser inte ut att stämma" in summary.text
    assert "Välj minst en dag" in summary.text
    assert site.driver.find_element(By.ID, "phone").get_attribute("value") == "12"
    assert site.driver.find_element(By.ID, "phone").get_attribute("aria-invalid") == "true"
    assert site.driver.find_element(By.ID, "name").get_attribute("value") == "Kim"
    assert site.driver.find_element(By.ID, "kind-3").is_selected()


def test_quick_exit_button_ends_the_receipt_session(site):
    code = send_anonymous_request(site, "Jag vill bara veta vad som finns.")
    site.open("/stod/svar")
    site.fill("receipt", code)
    site.submit("Visa svar")
    assert "Jag vill bara veta vad som finns." in site.text()
    site.driver.find_element(By.CSS_SELECTOR, "[data-quick-exit]").click()
    WebDriverWait(site.driver, 5).until(lambda d: d.current_url.endswith("/healthz"))
    site.driver.get(site.base + "/stod/svar")
    assert site.driver.find_elements(By.ID, "receipt"), "the receipt session survived the quick exit"
    assert "Jag vill bara veta vad som finns." not in site.text()


def test_pressing_shift_three_times_leaves_the_request_form(site):
    site.open("/stod/anonym")
    site.fill("message", "Något jag inte vill att någon ser")
    shift = ActionChains(site.driver)
    for _ in range(3):
        shift.key_down(Keys.SHIFT).key_up(Keys.SHIFT)
    shift.perform()
    WebDriverWait(site.driver, 5).until(lambda d: d.current_url.endswith("/healthz"))


def test_every_journey_page_is_neutral_and_clean(site):
    for path in ("/stod", "/stod/sakerhet", "/stod/anonym", "/stod/svar"):
        site.open(path)
        assert_neutral_title(site)
        assert site.driver.find_element(By.CSS_SELECTOR, "[data-quick-exit]").is_displayed()
    site.login("medarbetare.fatima")
    for path in ("/stod", "/stod/ny", "/stod/mina"):
        site.open(path)
        assert_neutral_title(site)
    site.logout()
    site.login("stod.sara")
    site.open("/inbox")
    assert_neutral_title(site)


def test_the_person_deletes_their_request_after_confirming(site):
    site.login("medarbetare.fatima")
    site.open("/stod/mina")
    before = len(site.driver.find_elements(By.CSS_SELECTOR, "main tbody tr"))
    site.open("/stod/ny")
    site.choose("kind-3")          # Jag använder våld och vill ha hjälp att sluta
    site.choose("channel-3")       # Privat e-post
    site.fill("email", "fatima.privat@example.se")
    site.submit("Skicka")
    assert "Bara e-post till fatima.privat@example.se" in site.text()
    site.driver.find_element(By.LINK_TEXT, "Radera min kontakt").click()
    site.check()
    assert_neutral_title(site)
    site.submit("Ja, radera allt")
    assert "Din kontakt och allt i den är raderad." in site.text()
    site.open("/stod/mina")
    assert len(site.driver.find_elements(By.CSS_SELECTOR, "main tbody tr")) == before
