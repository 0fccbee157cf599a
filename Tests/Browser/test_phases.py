"""Trainer moderation in real browsers: phases, the countdown, hide, delete + undo, theme rename, PIN."""
import datetime
import time

import pytest

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from conftest import Server, settle
from test_core_loop import ensure_joined
from waits import click, wait

STEP = '#steps button[data-phase="{}"]'


def shown(driver, css):
    return any(e.is_displayed() for e in driver.find_elements(By.CSS_SELECTOR, css))


def card_texts(board):
    """Texts of the board's column cards (read from the DOM, so hidden views count too)."""
    return board.execute_script(
        "return [...document.querySelectorAll('.group-col li.note .note-text')].map((p) => p.textContent)")


def phone_texts(phone):
    return phone.execute_script(
        "return [...document.querySelectorAll('#notes li.note .note-text')].map((p) => p.textContent)")


def mod_note(trainer, text):
    return trainer.execute_script("""
        return [...document.querySelectorAll('#moderation li.mod-note')]
          .find((li) => li.querySelector('.note-text')?.textContent === arguments[0]) || null;""", text)


def mod_click(trainer, text, action):
    def go(d):
        li = mod_note(d, text)
        if not li:
            return False
        li.find_element(By.CSS_SELECTOR, f'[data-action="{action}"]').click()
        return True
    wait(trainer).until(go, f"no {action} button for {text!r} on the trainer page")


def go_phase(trainer, phase):
    click(trainer, STEP.format(phase))
    wait(trainer).until(EC.presence_of_element_located((By.CSS_SELECTOR, STEP.format(phase) + '[aria-current="step"]')))


def test_phases_move_board_and_phone(server, trainer, board, phone, screenshots):
    ensure_joined(phone, server)
    trainer.get(server.trainer_url)
    board.execute_script("localStorage.removeItem('samenspel.board')")
    board.get(server.url("/board"))
    expect = {
        "briefing": ("#briefing", "briefing"),
        "open": ("#columns", None),
        "closed": ("#themes", "closed"),
        "summary": ("#summary-view", "summary"),
    }
    try:
        for phase, (view, banner) in expect.items():
            go_phase(trainer, phase)
            wait(board).until(lambda d: shown(d, view), f"board did not show {view} in {phase}")
            assert board.find_element(By.CSS_SELECTOR, "body").get_attribute("data-phase") == phase
            if banner:
                wait(phone).until(lambda d: shown(d, f'#closed[data-phase="{banner}"]'), f"phone banner in {phase}")
                assert not phone.find_element(By.ID, "send").is_enabled()
            else:
                wait(phone).until(lambda d: not shown(d, "#closed") and d.find_element(By.ID, "send").is_enabled())
            settle(board)
            board.save_screenshot(str(screenshots / f"board-phase-{phase}.png"))
            phone.save_screenshot(str(screenshots / f"phone-phase-{phase}.png"))
            if phase == "closed":
                settle(trainer)
                trainer.save_screenshot(str(screenshots / "trainer-phase-closed.png"))
        session_id = server.api("GET", "/api/session")["id"]
        assert board.find_element(By.ID, "summary-url").text.endswith(f"/summary?session={session_id}")
        qr = board.find_element(By.ID, "summary-view-qr")  # the QR code, not only the URL
        wait(board).until(lambda d: d.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0", qr))
        assert f"session={session_id}" in qr.get_attribute("src")
        assert shown(phone, "#summary-link")
        # Keys: ← goes back one view, → forward again (the board never leaves the summary by itself).
        board.find_element(By.TAG_NAME, "body").send_keys("\ue012")  # ←
        wait(board).until(lambda d: not shown(d, "#summary-view"))
        board.find_element(By.TAG_NAME, "body").send_keys("\ue014")  # →
        wait(board).until(lambda d: shown(d, "#summary-view"))
    finally:
        go_phase(trainer, "open")
    wait(board).until(lambda d: shown(d, "#columns"))


def test_timer_closes_submissions_after_grace(server, trainer, board, phone, screenshots):
    ensure_joined(phone, server)
    trainer.get(server.trainer_url)
    minutes = wait(trainer).until(EC.visibility_of_element_located((By.ID, "timer-minutes")))
    minutes.clear()
    minutes.send_keys("0.06")  # 3.6 s → a 4-second countdown
    click(trainer, "#timer-custom button[type=submit]")
    try:
        wait(board, 15).until(lambda d: shown(d, "#timer"), "the board shows no countdown")
        wait(phone, 15).until(lambda d: shown(d, "#countdown"), "the phone shows no countdown")
        wait(trainer, 15).until(lambda d: shown(d, "#timer-stop"))
        assert board.find_element(By.CSS_SELECTOR, "#timer .timer-value").text.startswith("0:0")
        board.save_screenshot(str(screenshots / "board-timer.png"))
        trainer.save_screenshot(str(screenshots / "trainer-timer-1280x900.png"))
        phone.save_screenshot(str(screenshots / "phone-timer.png"))
        session = server.api("GET", "/api/session")
        assert session["phase"] == "open" and session["timer"]["seconds"] == 4
        parse = lambda s: datetime.datetime.fromisoformat(s.replace("Z", "+00:00"))  # noqa: E731
        left = (parse(session["timer"]["endsAt"]) - parse(session["serverTime"])).total_seconds()
        time.sleep(max(0, left) + 0.4)
        # The countdown is over; a note still in flight is accepted during the grace.
        wait(phone, 15).until(lambda d: shown(d, '#countdown[data-done="true"]'), "phone does not say the time is up")
        late = "net op tijd binnen"
        note = server.post_note(server.join("drama"), late)
        assert note["text"] == late
        wait(phone, 10).until(lambda d: shown(d, '#closed[data-phase="closed"]'), "submissions did not close by themselves")
        assert not phone.find_element(By.ID, "send").is_enabled()
        wait(board, 15).until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-phase") == "closed")
        assert late in card_texts(board)
        assert server.api("GET", "/api/session")["phase"] == "closed"
    finally:
        server.trainer("POST", "/api/trainer/phase", {"phase": "open"})
    wait(phone).until(lambda d: d.find_element(By.ID, "send").is_enabled())


def test_hide_and_delete_with_undo(server, trainer, board, phone):
    ensure_joined(phone, server)
    token = server.join("muziek")
    text = "deze notitie verbergt de trainer"
    server.post_note(token, text)
    trainer.get(server.trainer_url)
    wait(board).until(lambda d: text in card_texts(d))
    wait(phone).until(lambda d: text in phone_texts(d))

    mod_click(trainer, text, "hide")
    wait(board).until(lambda d: text not in card_texts(d), "hidden note stays on the board")
    wait(phone).until(lambda d: text not in phone_texts(d), "hidden note stays on the phone")
    assert all(n["text"] != text for n in server.notes())
    wait(trainer).until(lambda d: mod_note(d, text) and mod_note(d, text).get_attribute("data-hidden") == "true")
    mod_click(trainer, text, "unhide")
    wait(board).until(lambda d: text in card_texts(d), "unhidden note does not come back")

    mod_click(trainer, text, "delete")
    wait(board).until(lambda d: text not in card_texts(d), "deleted note stays on the board")
    wait(trainer).until(lambda d: shown(d, "#toast-undo"))
    assert trainer.switch_to.active_element.get_attribute("id") == "toast-undo"
    trainer.find_element(By.ID, "toast-undo").click()
    wait(board).until(lambda d: text in card_texts(d), "undo did not bring the note back")
    wait(phone).until(lambda d: text in phone_texts(d))
    wait(trainer).until(lambda d: mod_note(d, text) is not None)


def test_theme_rename_reaches_board(server, trainer, board, screenshots):
    pair = ("samen spelen zonder woorden", "samen spel zonder te praten")
    server.post_note(server.join("muziek"), pair[0])
    server.post_note(server.join("drama"), pair[1])
    trainer.get(server.trainer_url)
    find = """
        return [...document.querySelectorAll('#theme-list details.theme-item')].find((d) =>
          [...d.querySelectorAll('.note-text')].some((p) => p.textContent === arguments[0])) || null;"""
    wait(trainer, 15).until(lambda d: d.execute_script(find, pair[0]), "no theme holds the pair")
    # Open the theme and focus its name field in one go; live re-renders keep the focus there.
    theme = trainer.execute_script(find.replace("return [", "const item = [").replace("|| null;", "") + """
        item.querySelector('summary').click();
        const name = item.querySelector('input[id^="tm-name-"]');
        name.focus(); name.select();
        return item.dataset.theme;""", pair[0])
    ActionChains(trainer).send_keys("Spelen zonder woorden\n").perform()
    click(board, "#view-themes")
    try:
        wait(board, 10).until(lambda d: "Spelen zonder woorden" in d.execute_script(
            "return [...document.querySelectorAll('#themes-table .theme-label')].map((p) => p.textContent)"),
            "the renamed theme does not show on the board")
        assert any(t["label"] == "Spelen zonder woorden" for t in server.api("GET", "/api/themes")["themes"])
        trainer.execute_script("document.querySelector('#theme-list details[open]')?.scrollIntoView({block: 'center'})")
        trainer.save_screenshot(str(screenshots / "trainer-themes-1280x900.png"))
    finally:
        click(board, "#view-columns")


def test_trainer_pin(tmp_path, drivers):
    pinned = Server(tmp_path, extra=["--trainer-pin", "2468"])
    try:
        driver = drivers(1024, 768)  # a tablet
        driver.get(pinned.trainer_url)
        field = wait(driver).until(EC.visibility_of_element_located((By.ID, "pin-input")))
        field.send_keys("1111\n")
        wait(driver).until(lambda d: shown(d, "#pin-error"))
        field.clear()
        field.send_keys("2468\n")
        wait(driver).until(lambda d: shown(d, "#steps button[aria-current]"), "the PIN did not open the trainer page")
    finally:
        pinned.stop()


def test_board_s_key_needs_the_trainer(server, trainer, board):
    body = board.find_element(By.TAG_NAME, "body")
    body.send_keys("s")  # this board has no trainer cookie
    wait(board).until(lambda d: shown(d, "#board-toast"))
    assert server.api("GET", "/api/session").get("timer") is None
    trainer.get(server.trainer_url)  # sets the cookie
    trainer.get(server.url("/board"))
    wait(trainer).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".group-col")))
    try:
        trainer.find_element(By.TAG_NAME, "body").send_keys("s")
        wait(trainer, 15).until(lambda d: shown(d, "#timer"), "S did not start the countdown")
        assert server.api("GET", "/api/session")["timer"]["seconds"] == 300
        trainer.find_element(By.TAG_NAME, "body").send_keys("s")
        wait(trainer, 15).until(lambda d: not shown(d, "#timer"), "S did not stop the countdown")
    finally:
        server.trainer("POST", "/api/trainer/timer", {"seconds": 0})
        trainer.get(server.trainer_url)


def test_phone_explains_its_limits(tmp_path, drivers):
    limited = Server(tmp_path, extra=["--notes-per-minute", "3", "--notes-per-phone", "2"])
    try:
        phone = drivers(390, 844)
        phone.get(limited.url("/"))
        click(phone, 'button[data-group="drama"]')

        def send(text):
            area = wait(phone).until(EC.element_to_be_clickable((By.ID, "note-text")))
            area.send_keys(text)
            click(phone, "#send")
        send("een")
        send("twee")
        wait(phone).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#notes li.note:not(.is-pending)")) == 2)
        send("drie")  # over the notes one phone may send: 403, said in Dutch, the text kept as a draft
        wait(phone).until(lambda d: "maximum" in d.find_element(By.ID, "compose-error").text)
        assert phone.find_element(By.ID, "note-text").get_attribute("value") == "drie"
        click(phone, "#send")  # the fourth try in a minute: 429, the phone waits for Retry-After
        wait(phone).until(lambda d: "te veel notities" in d.find_element(By.ID, "compose-error").text.lower())
        assert shown(phone, "#notes li.note.is-pending")
        phone.execute_script("localStorage.clear()")
    finally:
        limited.stop()
