"""The take-away in real browsers: group summaries written on two phones, publishing, the
summary page and its downloads, the board's summaries view and the trainer's archive."""
import urllib.error
import urllib.request

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC

from conftest import Server, settle
from test_core_loop import ACCENTED
from waits import click, reread, wait

WORKSHOP = "werkalliantie-vaktherapie"
SUMMARY = "Vertrouwen komt vóór techniek. Wij nemen mee: eerst samen spelen, dan pas praten — ook met de cliënt."
SEED = {
    "muziek": [ACCENTED, "Vertrouwen groeit als je samen ritme vindt", "Stilte mag er zijn"],
    "drama": ["Vertrouwen groeit in het spel", "Rollen wisselen geeft ruimte"],
    "beeldend": ["Vertrouwen in het materiaal", "Kleur zegt meer dan woorden"],
}
TYPES = {"pdf": "application/pdf", "md": "text/markdown", "csv": "text/csv",
         "json": "application/json", "html": "text/html"}


@pytest.fixture(scope="module")
def take_away(tmp_path_factory):
    """A server of its own: this module publishes, starts a new session and deletes one."""
    srv = Server(tmp_path_factory.mktemp("summary-data"),
                 extra=["--notes-per-minute", "0", "--joins-per-minute", "0", "--connections-per-ip", "0"])
    for group, texts in SEED.items():
        token = srv.join(group)
        for text in texts:
            srv.post_note(token, text)
    srv.trainer("POST", "/api/trainer/phase", {"phase": "closed"})
    srv.api("PUT", "/api/groups/drama/summary", {"text": "Spel maakt veilig."}, srv.join("drama"))
    yield srv
    srv.stop()


def join(phone, srv, group="muziek"):
    phone.get(srv.url("/"))
    click(phone, f'button[data-group="{group}"]')
    wait(phone).until(EC.visibility_of_element_located((By.ID, "summary-text")))


def status(url):
    """HTTP status and Content-Type of a GET (no browser: what a download link answers)."""
    try:
        with urllib.request.urlopen(url, timeout=20) as response:
            return response.status, response.headers.get("Content-Type", ""), response.headers.get("Content-Disposition", "")
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), ""


def test_group_summary_travels_between_phones(take_away, phone, drivers):
    other = drivers(390, 844)
    join(phone, take_away)
    join(other, take_away)
    area = phone.find_element(By.ID, "summary-text")
    area.click()
    area.send_keys(SUMMARY)
    wait(other).until(lambda d: d.find_element(By.ID, "summary-text").get_attribute("value") == SUMMARY,
                      "the other phone of the group did not receive the summary")
    wait(phone).until(lambda d: d.find_element(By.ID, "summary-status").text.startswith("Bewaard"))
    assert take_away.api("GET", "/api/summaries")["summaries"]["muziek"]["text"] == SUMMARY
    # Nothing left waiting on the phone once the server has it.
    assert phone.execute_script(
        "return Object.keys(localStorage).filter((k) => k.startsWith('samenspel.summary.') && localStorage[k] !== null).length") == 0
    # Typing on this phone is never overwritten by an older text arriving from elsewhere.
    area.send_keys(" Extra")
    take_away.api("PUT", "/api/groups/muziek/summary", {"text": "ouder"}, take_away.join("muziek"))
    wait(phone).until(lambda d: take_away.api("GET", "/api/summaries")["summaries"]["muziek"]["text"] == SUMMARY + " Extra")
    assert area.get_attribute("value") == SUMMARY + " Extra"
    wait(other).until(lambda d: d.find_element(By.ID, "summary-text").get_attribute("value") == SUMMARY + " Extra")
    area.send_keys(Keys.BACKSPACE * 6)
    wait(other).until(lambda d: d.find_element(By.ID, "summary-text").get_attribute("value") == SUMMARY)
    other.execute_script("localStorage.clear()")


def test_board_summaries_view_and_publishing(take_away, drivers, phone, screenshots):
    board = drivers(1920, 1080)
    board.get(take_away.url("/board"))
    wait(board).until(EC.presence_of_element_located((By.ID, "view-summaries")))
    board.find_element(By.TAG_NAME, "body").send_keys("g")
    card = '.summary-card[data-group="muziek"] .summary-card-text'
    wait(board).until(lambda d: d.find_element(By.CSS_SELECTOR, card).text == SUMMARY)
    assert not board.find_element(By.ID, "summary-qr").is_displayed()
    assert not phone.find_element(By.ID, "take-summary").is_displayed()

    laptop = drivers(1280, 900)
    laptop.get(take_away.trainer_url)
    click(laptop, "#publish")
    wait(phone).until(EC.visibility_of_element_located((By.ID, "take-summary")))
    wait(board).until(EC.visibility_of_element_located((By.ID, "summary-qr")))
    assert "/summary" in board.find_element(By.ID, "summary-qr-url").text
    assert board.execute_script("return document.getElementById('summary-qr-img').naturalWidth") > 0
    settle(board)
    board.save_screenshot(str(screenshots / "board-summaries-1920x1080.png"))
    settle(phone)
    phone.save_screenshot(str(screenshots / "phone-take-summary.png"))
    wait(laptop).until(lambda d: d.find_element(By.ID, "publish").get_attribute("data-published") == "true")


def test_phone_opens_the_summary(take_away, phone, drivers, screenshots):
    phone.find_element(By.ID, "take-summary").click()
    wait(phone).until(EC.url_contains("/summary"))
    own = '.summary-group[data-group="muziek"] .group-summary-text'
    wait(phone, 15).until(lambda d: d.find_element(By.CSS_SELECTOR, own).text == SUMMARY)
    # The page re-renders on live events: each read is taken again if that happened under it.
    notes = reread(phone, lambda d: [e.text for e in d.find_elements(
        By.CSS_SELECTOR, '.summary-group[data-group="muziek"] .summary-notes li')])
    assert ACCENTED in notes
    assert phone.find_element(By.ID, "title").text == "Werkalliantie in vaktherapie"
    assert phone.find_element(By.ID, "date").text  # "23 november 2026"
    chips = reread(phone, lambda d: [len(t.find_elements(By.CSS_SELECTOR, ".theme-groups .group-chip"))
                                     for t in d.find_elements(By.CSS_SELECTOR, "#themes .summary-theme:not(.is-singles)")])
    assert chips, "no shared theme on the summary"
    assert any(count >= 2 for count in chips)
    assert phone.find_element(By.ID, "matrix").get_attribute("src").split("?")[0].endswith("/api/summary/matrix.svg")
    links = reread(phone, lambda d: {a.get_attribute("data-format"): a.get_attribute("href")
                                     for a in d.find_elements(By.CSS_SELECTOR, "#downloads a[download]")})
    assert set(links) == set(TYPES)
    settle(phone)
    phone.save_screenshot(str(screenshots / "summary-390x844.png"))
    wide = drivers(1280, 900)
    wide.get(take_away.url("/summary"))
    wait(wide).until(lambda d: d.find_element(By.CSS_SELECTOR, own).text == SUMMARY)
    settle(wide)
    wide.save_screenshot(str(screenshots / "summary-1280x900.png"))

    matrix, kind, _ = status(take_away.url("/api/summary/matrix.svg"))
    assert matrix == 200 and kind.startswith("image/svg+xml")
    assert phone.execute_script("return document.getElementById('matrix').naturalWidth") > 0
    for fmt, href in links.items():
        code, kind, disposition = status(href)
        assert code == 200 and kind.startswith(TYPES[fmt]), f"{fmt}: {code} {kind}"
        assert "attachment" in disposition and f".{fmt}" in disposition


def test_not_shared_yet_updates_live(take_away, drivers):
    reader = drivers(390, 844)
    take_away.trainer("POST", "/api/trainer/publish", {"published": False})
    reader.get(take_away.url("/summary"))
    wait(reader).until(EC.visibility_of_element_located((By.ID, "not-shared")))
    assert "nog niet gedeeld" in reader.find_element(By.ID, "not-shared").text
    take_away.trainer("POST", "/api/trainer/publish", {"published": True})
    wait(reader).until(EC.visibility_of_element_located((By.CSS_SELECTOR, ".summary-group")))


def test_summary_typed_offline_is_saved_after_restart(take_away, phone):
    phone.get(take_away.url("/"))
    area = wait(phone).until(EC.visibility_of_element_located((By.ID, "summary-text")))
    take_away.stop()
    area.send_keys(" Offline getypt.")
    wait(phone).until(lambda d: d.find_element(By.ID, "summary-status").get_attribute("data-state") == "problem")
    take_away.start()
    wait(phone, 20).until(
        lambda d: take_away.api("GET", "/api/summaries")["summaries"]["muziek"]["text"] == SUMMARY + " Offline getypt.")
    wait(phone).until(lambda d: d.find_element(By.ID, "summary-status").text.startswith("Bewaard"))


def test_archive_lists_and_deletes_for_good(take_away, drivers, screenshots):
    old = take_away.api("GET", "/api/session")["id"]
    take_away.trainer("POST", "/api/trainer/sessions", {"workshop": WORKSHOP})
    laptop = drivers(1280, 900)
    laptop.get(take_away.trainer_url)
    row = f'#sessions tr[data-session="{old}"]'
    wait(laptop).until(EC.presence_of_element_located((By.CSS_SELECTOR, row)))
    # The page re-renders the archive on live events: read each value afresh if it did meanwhile.
    assert reread(laptop, lambda d: d.find_element(By.CSS_SELECTOR, row + ' a[data-action="open"]').get_attribute("href")).endswith(
        f"/summary?session={old}")
    formats = reread(laptop, lambda d: {a.get_attribute("data-format") for a in d.find_elements(By.CSS_SELECTOR, row + " .arch-exports a[download]")})
    assert formats == set(TYPES)
    laptop.execute_script("arguments[0].scrollIntoView({block: 'center'})", laptop.find_element(By.CSS_SELECTOR, row))
    settle(laptop)
    laptop.save_screenshot(str(screenshots / "trainer-archive.png"))
    click(laptop, row + ' [data-action="delete"]')
    dialog = wait(laptop).until(EC.visibility_of_element_located((By.ID, "delete-dialog")))
    assert "Werkalliantie in vaktherapie" in dialog.text
    laptop.save_screenshot(str(screenshots / "trainer-delete-dialog.png"))
    laptop.find_element(By.ID, "delete-yes").click()
    wait(laptop).until(EC.invisibility_of_element_located((By.CSS_SELECTOR, row)))
    assert old not in [s["id"] for s in take_away.trainer("GET", "/api/trainer/overview")["sessions"]]
    # The active session has no delete button (the server refuses it: 409).
    current = take_away.api("GET", "/api/session")["id"]
    assert not laptop.find_elements(By.CSS_SELECTOR, f'#sessions tr[data-session="{current}"] [data-action="delete"]')


def test_take_away_link_outlives_the_next_session(take_away, drivers, screenshots):
    """The phone's take-away button names its session: after the trainer starts the next
    session, it still opens this one's summary, not 'not shared yet'."""
    take_away.trainer("POST", "/api/trainer/phase", {"phase": "open"})  # the archive test left a new, empty session
    take_away.post_note(take_away.join("muziek"), "Klank draagt wat woorden niet kunnen")
    take_away.trainer("POST", "/api/trainer/publish", {"published": True})
    first = take_away.api("GET", "/api/session")
    assert first["summaryUrl"].endswith(f"/summary?session={first['id']}")
    phone = drivers(390, 844)
    phone.get(take_away.url("/"))
    button = wait(phone).until(EC.visibility_of_element_located((By.ID, "take-summary")))
    href = button.get_attribute("href")
    assert href.endswith(f"/summary?session={first['id']}")
    take_away.trainer("POST", "/api/trainer/sessions", {"workshop": WORKSHOP})
    later = drivers(390, 844)
    later.get(href)
    wait(later).until(EC.visibility_of_element_located((By.CSS_SELECTOR, ".summary-group")))
    assert later.find_element(By.ID, "title").text == "Werkalliantie in vaktherapie"
    assert not later.find_element(By.ID, "not-shared").is_displayed()


def test_archive_shows_shared_state_and_reopens_a_session(take_away, drivers, screenshots):
    """An archived row says whether it is shared and offers the one action that changes it;
    'make active again' brings an archived session back to the room."""
    archived = take_away.api("GET", "/api/session")["id"]
    take_away.trainer("POST", "/api/trainer/publish", {"published": False})
    take_away.trainer("POST", "/api/trainer/sessions", {"workshop": WORKSHOP})
    laptop = drivers(1280, 900)
    laptop.get(take_away.trainer_url)
    row = f'#sessions tr[data-session="{archived}"]'
    wait(laptop).until(EC.presence_of_element_located((By.CSS_SELECTOR, row + " .arch-actions")))
    actions = reread(laptop, lambda d: [b.get_attribute("data-action") for b in d.find_elements(By.CSS_SELECTOR, row + " .arch-actions button")])
    assert ("publish" in actions) != ("withdraw" in actions), actions  # one of the two, never both
    assert reread(laptop, lambda d: d.find_element(By.CSS_SELECTOR, row + " .badge").text) == "niet gedeeld"
    click(laptop, row + ' [data-action="reopen"]')
    wait(laptop).until(EC.presence_of_element_located((By.CSS_SELECTOR, row + ".is-current")))
    assert take_away.api("GET", "/api/session")["id"] == archived
