"""What a real room does to a trainer: phones joining (counted per group), a note the trainer
hides, a new session in another language, the countdown's extra minute, the briefing first."""
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select

from conftest import Server, settle
from waits import click, reread, wait


@pytest.fixture(scope="module")
def room(tmp_path_factory):
    """A server of its own: this module starts sessions of other workshops."""
    srv = Server(tmp_path_factory.mktemp("room-data"))
    yield srv
    srv.stop()


def chip_count(driver, group):
    return reread(driver, lambda d: d.find_element(
        By.CSS_SELECTOR, f'#join-counts .join-chip[data-group="{group}"] .join-chip-n').text)


def test_trainer_and_board_see_phones_join_per_group(room, drivers, screenshots):
    laptop = drivers(1280, 900)
    laptop.get(room.trainer_url)
    board = drivers(1920, 1080)
    board.get(room.url("/board"))
    on_board = '.group-col[data-group="pmt"] .phones'
    wait(laptop).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#join-counts .join-chip")))
    wait(board).until(lambda d: d.find_element(By.CSS_SELECTOR, on_board).text.startswith("📱"))
    before = int(chip_count(laptop, "pmt"))
    room.join("pmt")
    room.join("pmt")
    wait(laptop).until(lambda d: chip_count(d, "pmt") == str(before + 2), "the trainer page did not count the joins")
    wait(board).until(lambda d: d.find_element(By.CSS_SELECTOR, on_board).text == f"📱 {before + 2}", "the board did not count the joins")
    assert room.api("GET", "/api/session")["joined"]["pmt"] == before + 2
    settle(laptop)
    laptop.save_screenshot(str(screenshots / "trainer-join-counts.png"))


def test_adding_a_minute_from_the_trainer_page(room, drivers):
    laptop = drivers(1280, 900)
    laptop.get(room.trainer_url)
    room.trainer("POST", "/api/trainer/timer", {"seconds": 120})
    wait(laptop).until(EC.visibility_of_element_located((By.ID, "timer-add")))
    ends = room.api("GET", "/api/session")["timer"]["endsAt"]
    click(laptop, "#timer-add")
    wait(laptop).until(lambda d: room.api("GET", "/api/session")["timer"]["endsAt"] != ends)
    assert room.api("GET", "/api/session")["timer"]["seconds"] == 180
    room.trainer("POST", "/api/trainer/timer", {"seconds": 0})


def test_phone_is_told_when_the_trainer_hides_its_note(room, drivers, screenshots):
    phone = drivers(390, 844)
    phone.get(room.url("/"))
    click(phone, '#group-buttons [data-group="drama"]')
    text = "Rollenspel maakt het gesprek veilig"
    phone.find_element(By.ID, "note-text").send_keys(text)
    click(phone, "#send")
    # The phone lists a note while it is still on its way; wait until the server has it.
    note = wait(phone).until(lambda d: next((n for n in room.notes() if n["text"] == text), None))
    wait(phone).until(EC.presence_of_element_located((By.CSS_SELECTOR, f'#notes li.note[data-id="{note["id"]}"]:not(.is-pending)')))
    room.trainer("PATCH", f"/api/trainer/notes/{note['id']}", {"hidden": True})
    notice = wait(phone).until(EC.visibility_of_element_located((By.ID, "hidden-notice")))
    assert "trainer" in notice.text and text in notice.text
    settle(phone)
    phone.save_screenshot(str(screenshots / "phone-hidden-note-390x844.png"))
    room.trainer("PATCH", f"/api/trainer/notes/{note['id']}", {"hidden": False})
    wait(phone).until(EC.invisibility_of_element_located((By.ID, "hidden-notice")))


def test_a_new_session_in_another_language_speaks_it(room, drivers):
    phone = drivers(390, 844)
    phone.get(room.url("/"))
    click(phone, '#group-buttons [data-group="muziek"]')
    wait(phone).until(EC.visibility_of_element_located((By.ID, "joined")))
    started = room.trainer("POST", "/api/trainer/sessions", {"workshop": "team-retrospective"})
    assert started["phase"] == "briefing"  # it has briefing slides: the question is introduced first
    banner = wait(phone).until(EC.visibility_of_element_located((By.CSS_SELECTOR, "#group-buttons .banner")))
    assert banner.text.startswith("A new session has started")
    board = drivers(1280, 720)
    board.get(room.url("/board"))
    wait(board).until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-phase") == "briefing")
    room.trainer("POST", "/api/trainer/phase", {"phase": "open"})
    wait(board).until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-phase") == "open")


def test_spotlight_from_the_trainer_and_by_a_click_on_the_board(room, drivers, screenshots):
    room.trainer("POST", "/api/trainer/sessions", {"workshop": "werkalliantie-vaktherapie"})
    room.trainer("POST", "/api/trainer/phase", {"phase": "open"})
    text = "Samen improviseren maakt de relatie zichtbaar"
    room.post_note(room.join("muziek"), text)
    note = next(n for n in room.notes() if n["text"] == text)
    board = drivers(1920, 1080)
    board.get(room.url("/board"))
    card = f'#columns li.note[data-id="{note["id"]}"]'
    wait(board).until(EC.presence_of_element_located((By.CSS_SELECTOR, card)))
    laptop = drivers(1280, 900)
    laptop.get(room.trainer_url)
    click(laptop, f'#moderation li.mod-note[data-id="{note["id"]}"] [data-action="spotlight"]')
    shown = wait(board).until(EC.visibility_of_element_located((By.ID, "spotlight")))
    wait(board).until(lambda d: d.find_element(By.ID, "spotlight-text").text == text)
    assert "Muziek" in shown.find_element(By.CSS_SELECTOR, ".spotlight-group").text
    assert room.api("GET", "/api/session")["spotlight"] == note["id"]
    settle(board)
    board.save_screenshot(str(screenshots / "board-spotlight-1920x1080.png"))
    click(laptop, "#spotlight-end")
    wait(board).until(EC.invisibility_of_element_located((By.ID, "spotlight")))
    # A click on a card shows it on this board only; Esc goes back.
    click(board, card)
    wait(board).until(EC.visibility_of_element_located((By.ID, "spotlight")))
    assert room.api("GET", "/api/session").get("spotlight") is None
    board.find_element(By.TAG_NAME, "body").send_keys("\ue00c")  # Esc
    wait(board).until(EC.invisibility_of_element_located((By.ID, "spotlight")))


def test_trainer_chooses_the_address_phones_join_on(tmp_path, drivers):
    """A VPN or a hotspot gives the laptop several addresses: the trainer picks the one phones
    reach, and the board's QR code follows at once."""
    srv = Server(tmp_path, extra=["--join-url", "http://10.42.0.1:8080/"])
    try:
        laptop = drivers(1280, 900)
        laptop.get(srv.trainer_url)
        choice = wait(laptop).until(EC.visibility_of_element_located((By.ID, "join-choice")))
        options = [o.get_attribute("value") for o in choice.find_elements(By.TAG_NAME, "option")]
        local = srv.url("/").replace("127.0.0.1", "localhost")
        assert options == ["http://10.42.0.1:8080/", local], options
        board = drivers(1280, 720)
        board.get(srv.url("/board"))
        wait(board).until(lambda d: d.find_element(By.ID, "join-url").text == "http://10.42.0.1:8080/")
        before = board.find_element(By.ID, "qr-img").get_attribute("src")
        Select(choice).select_by_value(local)
        wait(board).until(lambda d: d.find_element(By.ID, "join-url").text == local)
        wait(board).until(lambda d: d.find_element(By.ID, "qr-img").get_attribute("src") != before)
        assert srv.api("GET", "/api/session")["joinUrl"] == local
    finally:
        srv.stop()
