"""The board's themes view: rows per theme, columns per group, the theory lens, live updates."""
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from conftest import Server, settle
from waits import wait

SHARED = ("samen spelen zonder woorden", "samen spel zonder te praten")
NOTES = {
    "muziek": [SHARED[0], "Je kunt boosheid kwijt op de trommel", "ritme geeft structuur en houvast"],
    "drama": [SHARED[1], "veilig want het is maar spel", "Therapeut speelt mee in de improvisatie"],
    "beeldend": ["Klei is iets om vast te houden, geeft houvast", "Jongere kiest zelf de kleuren = eigen regie",
                 "trots op het eindproduct"],
    "pmt": ["bewegen bouwt vertrouwen", "succeservaring in het lichaam", "grenzen voelen en aangeven"],
}
LENS_LABELS = {"Band", "Doelen", "Taken", "Containment", "Zonder woorden"}




def press(driver, key):
    ActionChains(driver).send_keys(key).perform()


def new_session(server):
    session = server.trainer("POST", "/api/trainer/sessions", {"workshop": "werkalliantie-vaktherapie"})
    server.trainer("POST", "/api/trainer/phase", {"phase": "open"})  # it starts in its briefing
    return session


def row_with(driver, pairs):
    """The themes row whose cells hold every (group, text), or None."""
    return driver.execute_script("""
        const pairs = arguments[0];
        return [...document.querySelectorAll('#themes-table .theme-row:not(.theme-header)')].find((row) =>
          pairs.every(([group, text]) => [...row.querySelectorAll(`.theme-cell[data-group="${group}"] .note-text`)]
            .some((p) => p.textContent === text))) || null;
    """, pairs)


def row_labels(driver):
    return driver.execute_script("""
        return [...document.querySelectorAll('#themes-table .theme-row:not(.theme-header) .theme-label')]
          .map((p) => p.textContent);""")


def themes_board(server, drivers, notes):
    """A new session with `notes` ({group: [text]}) and a 1920×1080 board showing its themes."""
    new_session(server)
    for group, texts in notes.items():
        token = server.join(group)
        for text in texts:
            server.post_note(token, text)
    board = drivers(1920, 1080)
    board.get(server.url("/board"))
    wait(board).until(EC.element_to_be_clickable((By.ID, "view-themes"))).click()
    return board


def test_themes_view_groups_shared_notes(server, drivers, screenshots):
    board = themes_board(server, drivers, NOTES)
    assert board.find_element(By.ID, "view-themes").get_attribute("aria-pressed") == "true"
    assert not board.find_element(By.ID, "columns").is_displayed()
    pairs = [["muziek", SHARED[0]], ["drama", SHARED[1]]]
    # `.text` is what a person sees: empty while a new row still fades in from opacity 0.
    wait(board).until(lambda d: (row := row_with(d, pairs)) and row.find_element(By.CSS_SELECTOR, ".theme-label").text,
                      "no labelled theme row holds both 'samen spel' notes")
    settle(board)
    # Every note is on the board exactly once; the overlap figure is drawn with DOM-made SVG.
    cards = board.find_elements(By.CSS_SELECTOR, "#themes-table .theme-card .note-text")
    assert sorted(c.text for c in cards) == sorted(t for texts in NOTES.values() for t in texts)
    assert board.find_element(By.ID, "overlap").is_displayed()
    assert board.find_elements(By.CSS_SELECTOR, "#overlap-figure svg rect.ov-cell")
    assert board.find_element(By.ID, "overlap-top").text

    # Remembered across a refresh.
    board.refresh()
    wait(board).until(lambda d: row_with(d, pairs))
    settle(board)
    board.save_screenshot(str(screenshots / "board-themes-1920x1080.png"))

    # Live: a new note shows up in the themes view without a reload.
    late = "samen muziek maken zonder te hoeven praten"
    server.post_note(server.join("muziek"), late)
    wait(board, 15).until(lambda d: row_with(d, [["muziek", late]]))

    # The theory lens (key L): framework labels, "Overig" last.
    press(board, "l")
    wait(board).until(lambda d: LENS_LABELS <= set(row_labels(d)))
    assert row_labels(board)[-1] in ("Overig", "Net binnen")
    assert board.find_element(By.ID, "view-lens").get_attribute("aria-pressed") == "true"
    assert "Bordin" in board.find_element(By.ID, "themes-title").text
    settle(board)
    board.save_screenshot(str(screenshots / "board-themes-lens-1920x1080.png"))
    press(board, "l")
    wait(board).until(lambda d: not LENS_LABELS <= set(row_labels(d)))

    # V goes back to the columns.
    press(board, "v")
    wait(board).until(EC.visibility_of_element_located((By.ID, "columns")))
    assert not board.find_element(By.ID, "themes").is_displayed()


def test_many_themes_scroll_and_small_screen(server, drivers, screenshots):
    """Many themes at 1280×720: single notes share one row, the list scrolls, its last row can be reached."""
    token = server.join("pmt")
    for text in ["ademhaling als anker", "balanceren op de bank", "tikkertje als opwarming",
                 "ruzie uitvechten met kussens", "ontspanning na afloop", "de bal overgooien",
                 "klimmen op het wandrek", "spiegelen van houding"]:
        server.post_note(token, text)
    small = drivers(1280, 720)
    small.get(server.url("/board"))
    wait(small).until(EC.element_to_be_clickable((By.ID, "view-themes"))).click()
    wait(small).until(lambda d: "Losse notities" in row_labels(d) and "Net binnen" not in row_labels(d))
    texts = small.execute_script("return [...document.querySelectorAll('#themes-table .theme-card')].map((c) => c.textContent)")
    assert len(texts) == len(set(texts)) == len(server.notes())  # every note once, none cut off
    settle(small)
    small.save_screenshot(str(screenshots / "board-themes-1280x720.png"))
    metrics = small.execute_script("""
        const box = document.querySelector('#themes-table');
        box.scrollTop = box.scrollHeight;
        return new Promise((done) => requestAnimationFrame(() => {
          const rows = box.querySelectorAll('.theme-row');
          const last = rows[rows.length - 1].getBoundingClientRect();
          const frame = box.getBoundingClientRect();
          done({overflow: getComputedStyle(box).overflowY, scrolls: box.scrollHeight > box.clientHeight,
                lastBottom: last.bottom, frameBottom: frame.bottom, pageScroll: document.documentElement.scrollHeight,
                viewport: innerHeight});
        }));
    """)
    assert metrics["overflow"] == "auto"
    assert metrics["lastBottom"] <= metrics["frameBottom"] + 1, metrics
    assert metrics["pageScroll"] <= metrics["viewport"], metrics


def test_themes_of_the_latest_notes_only(tmp_path, drivers, screenshots):
    """With more notes than themes use (--theme-notes), the oldest sit in their own row and every page says so."""
    limited = Server(tmp_path, extra=["--theme-notes", "3", "--notes-per-minute", "0"])
    try:
        token = limited.join("pmt")
        texts = ["ademhaling als anker", "balanceren op de bank", "tikkertje als opwarming",
                 "bewegen bouwt vertrouwen", "succeservaring in het lichaam", "grenzen voelen en aangeven"]
        for text in texts:
            limited.post_note(token, text)
        board = drivers(1920, 1080)
        board.get(limited.url("/board"))
        wait(board).until(EC.element_to_be_clickable((By.ID, "view-themes"))).click()
        wait(board).until(lambda d: "Eerdere notities (niet ingedeeld)" in row_labels(d))
        title = board.find_element(By.ID, "themes-title").text
        assert "uit de laatste 3 van 6 notities" in title, title
        older = board.execute_script("""
            return [...document.querySelectorAll('#themes-table .theme-row[data-kind="older"] .note-text')]
              .map((p) => p.textContent);""")
        assert texts[0] in older and texts[-1] not in older, older
        cards = board.execute_script("return [...document.querySelectorAll('#themes-table .note-text')].map((p) => p.textContent)")
        assert sorted(cards) == sorted(texts)  # every note once: none lost, none in two rows
        settle(board)
        board.save_screenshot(str(screenshots / "board-themes-window-1920x1080.png"))

        laptop = drivers(1280, 900)
        laptop.get(limited.trainer_url)
        wait(laptop).until(lambda d: "uit de laatste 3 van 6 notities" in d.find_element(By.ID, "theme-list").text)

        limited.trainer("POST", "/api/trainer/publish", {"published": True})
        phone = drivers(390, 844)
        phone.get(limited.url("/summary"))
        line = wait(phone, 15).until(EC.visibility_of_element_located((By.ID, "themes-window")))
        assert line.text == "Thema's uit de laatste 3 van 6 notities"
    finally:
        limited.stop()


MEANING_BOARD = {
    "muziek": ["samen muziek maken zonder te praten", "het is gewoon leuk om te doen", "voelen wat je lijf doet"],
    "pmt": ["contact via ritme, woorden zijn niet nodig", "plezier zorgt dat jongeren graag komen",
            "lichamelijke sensaties opmerken"],
    "beeldend": ["klanken zeggen meer dan taal", "lol hebben motiveert", "de therapeut is zelf het instrument"],
    "drama": ["bewust worden van spanning in je spieren", "als hulpverlener zet je je eigen persoon in"],
}


def test_themes_by_meaning_say_so(server, drivers, screenshots):
    """Notes that say the same in other words share a row, marked "≈ zelfde betekenis"; the trainer page names the engine."""
    board = themes_board(server, drivers, MEANING_BOARD)
    pair = [["beeldend", "de therapeut is zelf het instrument"], ["drama", "als hulpverlener zet je je eigen persoon in"]]
    wait(board, 20).until(lambda d: row_with(d, pair), "the two 'therapist as instrument' notes share no row")
    def marks(d):
        row = row_with(d, pair)
        return [m.text for m in row.find_elements(By.CSS_SELECTOR, ".same-meaning")] if row else []
    wait(board).until(lambda d: marks(d) == ["≈ zelfde betekenis"] * 2, "no '≈ zelfde betekenis' under both notes")
    settle(board)
    board.save_screenshot(str(screenshots / "board-themes-meaning-1920x1080.png"))

    trainer = drivers(1280, 900)
    trainer.get(server.trainer_url)
    wait(trainer, 20).until(lambda d: "Thema's op betekenis" in d.find_element(By.TAG_NAME, "body").text)
