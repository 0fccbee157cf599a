"""The core loop in real browsers: phone → server → board, trainer control, i18n, XSS."""
import json
import re

from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from conftest import ROOT
from waits import click, wait

ACCENTED = "Samen muziek maken zonder dat je hoeft te praten — cliënt"




def board_cards(board, group):
    return board.find_elements(By.CSS_SELECTOR, f'.group-col[data-group="{group}"] li.note .note-text')


def board_has(board, group, text, timeout=10):
    # How fast a note reaches the boards is measured in BENCHMARKS.md (fan-out); here only that it does.
    wait(board, timeout).until(lambda d: any(c.text == text for c in board_cards(d, group)),
                               f"board did not show {text!r} in {group}")


def board_count(board, group):
    return board.find_element(By.CSS_SELECTOR, f'.group-col[data-group="{group}"] .count').text


def phone_note(phone, text):
    """The phone's acknowledged (not pending) card with this text, or None."""
    for li in phone.find_elements(By.CSS_SELECTOR, "#notes li.note:not(.is-pending)"):
        if li.find_element(By.CSS_SELECTOR, ".note-text").text == text:
            return li
    return None


def ensure_joined(phone, server, group="muziek"):
    if not phone.current_url.startswith(server.base_url):
        phone.get(server.url("/"))
    wait(phone).until(lambda d: d.find_element(By.ID, "joined").is_displayed()
                      or d.find_element(By.ID, "picker").is_displayed())
    if phone.find_element(By.ID, "picker").is_displayed():
        wait(phone).until(EC.element_to_be_clickable((By.CSS_SELECTOR, f'button[data-group="{group}"]'))).click()
        wait(phone).until(EC.visibility_of_element_located((By.ID, "note-text")))


def submit(phone, text):
    area = wait(phone).until(EC.element_to_be_clickable((By.ID, "note-text")))
    area.clear()
    area.send_keys(text)
    phone.find_element(By.ID, "send").click()
    wait(phone, 15).until(lambda d: phone_note(d, text) is not None, f"phone did not confirm {text!r}")


def test_phone_note_reaches_board(server, phone, board, screenshots):
    wait(board).until(EC.presence_of_element_located((By.CSS_SELECTOR, '.group-col[data-group="muziek"]')))
    phone.get(server.url("/"))
    wait(phone).until(EC.visibility_of_element_located((By.CSS_SELECTOR, 'button[data-group="muziek"]')))
    assert phone.find_element(By.TAG_NAME, "html").get_attribute("lang") == "nl"
    phone.find_element(By.CSS_SELECTOR, 'button[data-group="muziek"]').click()
    wait(phone).until(EC.visibility_of_element_located((By.ID, "note-text")))
    assert "Muziek" in phone.find_element(By.ID, "my-group").text

    submit(phone, ACCENTED)
    board_has(board, "muziek", ACCENTED)
    assert board_count(board, "muziek") == "1"
    header = board.find_element(By.CSS_SELECTOR, '.group-col[data-group="muziek"] .group-head').text
    assert "Muziek" in header and "♪" in header
    assert board.find_element(By.ID, "qr").is_displayed()
    assert board.find_element(By.ID, "qr-img").get_attribute("alt")
    size = board.execute_script(
        "return parseFloat(getComputedStyle(document.querySelector('.note-text')).fontSize)")
    assert size >= 24

    phone.save_screenshot(str(screenshots / "phone-390x844.png"))
    board.save_screenshot(str(screenshots / "board-1920x1080.png"))


def test_edit_and_delete_reach_board(server, phone, board):
    ensure_joined(phone, server)
    original = "Klei is iets om vast te houden"
    edited = "Klei is iets om vast te houden, geeft houvast"
    submit(phone, original)
    board_has(board, "muziek", original)
    before = int(board_count(board, "muziek"))

    phone_note(phone, original).find_element(By.CSS_SELECTOR, '[data-action="edit"]').click()
    area = wait(phone).until(EC.visibility_of_element_located((By.ID, "edit-text")))
    area.clear()
    area.send_keys(edited)
    phone.find_element(By.CSS_SELECTOR, '[data-action="save"]').click()
    board_has(board, "muziek", edited)
    assert not any(c.text == original for c in board_cards(board, "muziek"))

    wait(phone).until(lambda d: phone_note(d, edited) is not None)
    phone_note(phone, edited).find_element(By.CSS_SELECTOR, '[data-action="delete"]').click()
    wait(phone).until(EC.element_to_be_clickable((By.CSS_SELECTOR, '[data-action="confirm-delete"]'))).click()
    wait(board, 15).until(lambda d: not any(c.text == edited for c in board_cards(d, "muziek")))
    wait(board, 15).until(lambda d: board_count(d, "muziek") == str(before - 1))
    wait(phone).until(lambda d: phone_note(d, edited) is None)


def test_trainer_closes_submissions(server, phone, board, trainer):
    ensure_joined(phone, server)
    trainer.get(server.trainer_url)
    step = '#steps button[data-phase="{}"]'
    wait(trainer).until(EC.presence_of_element_located((By.CSS_SELECTOR, step.format("open") + '[aria-current="step"]')))
    try:
        click(trainer, step.format("closed"))
        wait(phone).until(EC.visibility_of_element_located((By.ID, "closed")))
        assert not phone.find_element(By.ID, "send").is_enabled()
        assert not phone.find_element(By.ID, "note-text").is_enabled()
        assert not phone.find_elements(By.CSS_SELECTOR, '#notes [data-action="edit"]')
        wait(board).until(EC.invisibility_of_element_located((By.ID, "qr")))
        assert "pill-closed" in board.find_element(By.ID, "phase").get_attribute("class")
        # The server refuses too (409), whatever the page shows.
        status = phone.execute_async_script("""
            const done = arguments[arguments.length - 1];
            const key = Object.keys(localStorage).find((k) => k.startsWith('samenspel.token.'));
            const token = JSON.parse(localStorage.getItem(key)).token;
            import('/js/api.js').then(({ uuid }) => fetch('/api/notes', {method: 'POST',
              headers: {'Content-Type': 'application/json', Authorization: 'Bearer ' + token},
              body: JSON.stringify({id: uuid(), text: 'te laat'})})).then((r) => done(r.status));
        """)
        assert status == 409
    finally:
        click(trainer, step.format("open"))
        wait(phone).until(EC.invisibility_of_element_located((By.ID, "closed")))
    assert phone.find_element(By.ID, "send").is_enabled()


def test_i18n_catalogues_have_the_same_keys(server, board):
    keys = board.execute_async_script("""
        const done = arguments[arguments.length - 1];
        import('/js/i18n.js').then((m) => done(Object.fromEntries(Object.entries(m.catalogues)
          .map(([lang, cat]) => [lang, Object.entries(cat).filter(([k, v]) => v).map(([k]) => k)]))))
          .catch((e) => done({error: String(e)}));
    """)
    assert "error" not in keys, keys
    assert set(keys) >= {"nl", "en"}
    assert set(keys["nl"]) == set(keys["en"]), set(keys["nl"]) ^ set(keys["en"])
    # Every key the pages use exists.
    used = set()
    static = ROOT / "Static"
    for page in static.glob("*.html"):
        used |= set(re.findall(r'data-i18n(?:-[a-z-]+)?="([^"]+)"', page.read_text("utf-8")))
    for module in (static / "js").glob("*.js"):
        source = module.read_text("utf-8")
        used |= set(re.findall(r"\bt\('([a-zA-Z.]+)'", source))
        used |= {f"{k}.{form}" for k in re.findall(r"\btn\('([a-zA-Z.]+)'", source) for form in ("one", "other")}
    missing = used - set(keys["nl"])
    assert not missing, missing


def test_html_payloads_are_shown_as_text(server, phone, board):
    ensure_joined(phone, server)
    payloads = ["<img src=x onerror=alert(1)>", "<script>alert(1)</script>"]
    for payload in payloads:
        submit(phone, payload)
        board_has(board, "muziek", payload)
    try:
        board.switch_to.alert
        raise AssertionError("an alert was opened")
    except NoAlertPresentException:
        pass
    column = board.find_element(By.CSS_SELECTOR, '.group-col[data-group="muziek"]')
    assert not column.find_elements(By.CSS_SELECTOR, ".note img, .note script")
    assert not phone.find_elements(By.CSS_SELECTOR, "#notes img, #notes script")
    texts = json.dumps([c.text for c in board_cards(board, "muziek")])
    assert all(json.dumps(p)[1:-1] in texts for p in payloads)
