"""Phones that survive bad Wi-Fi: notes typed while the server is down arrive once it is back."""
from collections import Counter

import pytest
from selenium.common.exceptions import (ElementNotInteractableException, NoSuchElementException,
                                        StaleElementReferenceException)
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from conftest import Server, settle
from waits import wait

TEXTS = ["Ritme geeft houvast (offline 1)", "Samen stil zijn mag ook (offline 2)", "Trommel = boosheid kwijt (offline 3)"]


@pytest.fixture(scope="module")
def flaky_server(tmp_path_factory):
    """A server of this module's own, so stopping it disturbs no other test."""
    running = Server(tmp_path_factory.mktemp("flaky-data"))
    yield running
    running.stop()




def click(driver, selector):
    """Clicks once the element is there, retrying while the page re-renders it."""
    def attempt(d):
        d.find_element(By.CSS_SELECTOR, selector).click()
        return True
    WebDriverWait(driver, 10, ignored_exceptions=(StaleElementReferenceException, NoSuchElementException,
                                                  ElementNotInteractableException)).until(attempt)


def cards(phone):
    """[(text, pending)] of the phone's list, read in one go (it re-renders often)."""
    return phone.execute_script("""
        return [...document.querySelectorAll('#notes li.note')].map((li) =>
          [li.querySelector('.note-text').textContent, li.classList.contains('is-pending')]);""")


def test_notes_typed_while_the_server_is_down_arrive_exactly_once(flaky_server, drivers, screenshots):
    phone = drivers(390, 844)
    phone.get(flaky_server.url("/"))
    click(phone, 'button[data-group="muziek"]')
    area = wait(phone).until(EC.element_to_be_clickable((By.ID, "note-text")))
    port = flaky_server.port

    flaky_server.stop()  # SIGTERM
    for text in TEXTS:
        area.send_keys(text)
        phone.find_element(By.ID, "send").click()
        wait(phone).until(lambda d, text=text: [text, True] in cards(d))
    statuses = [e.text for e in phone.find_elements(By.CSS_SELECTOR, "#notes li.is-pending .status")]
    assert len(statuses) == 3 and all(s in ("Wacht op verzending", "Wordt verstuurd…") for s in statuses), statuses
    wait(phone).until(EC.visibility_of_element_located((By.ID, "offline")))
    settle(phone)
    phone.save_screenshot(str(screenshots / "phone-waiting-390x844.png"))
    stored = phone.execute_script(
        "return Object.keys(localStorage).filter((k) => k.startsWith('samenspel.outbox.'))"
        ".map((k) => JSON.parse(localStorage.getItem(k)).length)")
    assert stored == [3], stored  # kept on the phone, a reload would not lose them

    flaky_server.start()  # same --data folder, same port
    assert flaky_server.port == port
    # Another phone of the group posts right away; the first phone only learns of it by
    # resyncing when its live stream reconnects.
    other = "Van de andere telefoon, net na de herstart"
    flaky_server.post_note(flaky_server.join("muziek"), other)

    wait(phone, 20).until(lambda d: all([t, False] in cards(d) for t in TEXTS), "the phone never showed them as sent")
    wait(phone, 10).until(lambda d: [other, False] in cards(d), "the phone did not resync after reconnecting")
    wait(phone).until(EC.invisibility_of_element_located((By.ID, "offline")))
    counts = Counter(n["text"] for n in flaky_server.notes())
    assert all(counts[t] == 1 for t in TEXTS), counts
    assert not phone.find_elements(By.CSS_SELECTOR, "#notes li.is-pending")
    assert not phone.execute_script(
        "return Object.keys(localStorage).filter((k) => k.startsWith('samenspel.outbox.'))")
    # The polite live region said so, in the page's language.
    live = phone.find_element(By.ID, "live").get_attribute("textContent")
    assert live.startswith(("Verstuurd: ", "Nieuwe notitie van je groep: ")), live
