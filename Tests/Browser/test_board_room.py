"""A board that holds the room: 60 notes readable without scrolling, themes that page by themselves,
one highlighted view button, and the workshop's own language in empty columns."""
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from conftest import Server, settle
from waits import wait

# Fifteen notes per group in the style of a real brainstorm: short fragments, 3 to 15 words.
ROOM = {
    "muziek": [
        "Samen muziek maken zonder dat je hoeft te praten", "Je kunt boosheid kwijt op de trommel",
        "ritme geeft structuur en houvast", "Therapeut speelt mee in de improvisatie",
        "afstemmen op elkaars tempo", "een liedje kiezen = eigen regie",
        "muziek raakt gevoel sneller dan woorden", "samen een ritme vasthouden geeft verbinding",
        "succeservaring: het klinkt ineens mooi", "stilte samen verdragen",
        "instrument als veilige buffer tussen client en therapeut",
        "plezier maakt dat jongeren terugkomen", "volgen en leiden wisselen af",
        "tekst schrijven over wat je meemaakt", "klanken zeggen meer dan taal",
    ],
    "pmt": [
        "bewegen bouwt vertrouwen", "succeservaring in het lichaam", "grenzen voelen en aangeven",
        "samen iets doen, niet alleen praten", "ademhaling als anker bij spanning",
        "therapeut doet mee in het spel", "lichaamssignalen leren herkennen",
        "balanceren op de bank en elkaar vasthouden", "ruzie uitvechten met kussens, veilig",
        "doelen worden zichtbaar in beweging", "spiegelen van houding schept contact",
        "tikkertje als opwarming breekt het ijs", "ontspanning na afloop samen ervaren",
        "vertrouwen in je lijf (en in de ander)", "klimmen op het wandrek: durven en gezien worden",
    ],
    "beeldend": [
        "Klei is iets om vast te houden, geeft houvast", "Jongere kiest zelf de kleuren = eigen regie",
        "trots op het eindproduct", "het werkstuk als derde in de relatie",
        "praten over het beeld is minder bedreigend", "materiaal geeft structuur en veiligheid",
        "samen kijken naar wat er ontstaat", "fouten mogen, je kunt overschilderen",
        "therapeut helpt zonder over te nemen", "kleur en vorm laten gevoel zien",
        "iets maken wat blijft, om mee naar huis te nemen", "rustig worden van het tekenen",
        "doel: zelf keuzes durven maken", "het proces is belangrijker dan het resultaat",
        "contact via het materiaal, niet direct",
    ],
    "drama": [
        "veilig want het is maar spel", "rollen uitproberen die je thuis niet durft",
        "afstand nemen van je eigen verhaal", "samen een scene bouwen",
        "improviseren in het hier en nu", "therapeut speelt een rol mee",
        "feedback krijgen van de groep", "lachen om jezelf mag",
        "oefenen met nee zeggen", "een masker geeft bescherming",
        "verhalen vertellen over vroeger zonder dat het te dichtbij komt",
        "succeservaring op het podium", "lichaam en stem samen inzetten",
        "doelen spelen in plaats van bespreken", "contact maken via het personage",
    ],
}
SIZES = [(1920, 1080), (1280, 720)]


def readable_minimum(width, height):
    """18px at 1920×1080, proportionally less on a smaller screen (the same size on the wall)."""
    return 18 * min(width / 1920, height / 1080)


def seeded_room(folder):
    """A server of its own holding the 60 notes of ROOM (on the question asked first)."""
    srv = Server(folder, extra=["--notes-per-minute", "0"])
    for group, texts in ROOM.items():
        token = srv.join(group)
        for text in texts:
            srv.post_note(token, text)
    return srv


@pytest.fixture(scope="module")
def room(tmp_path_factory):
    """60 notes on a server of its own, so the shared server's state is left alone."""
    srv = seeded_room(tmp_path_factory.mktemp("room-data"))
    yield srv
    srv.stop()


def scheme(driver, dark):
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {
        "features": [{"name": "prefers-color-scheme", "value": "dark" if dark else "light"}]})


def open_board(drivers, srv, width, height, view="view-columns"):
    board = drivers(width, height)
    board.get(srv.url("/board"))
    board.execute_script("localStorage.removeItem('samenspel.board')")
    board.refresh()
    wait(board).until(EC.element_to_be_clickable((By.ID, view))).click()
    return board


# Every note (and every scrolling box) of the shown view: outside the window, outside its frame,
# or taller than its box means a trainer's audience cannot read it.
CUT_OFF = """
  const [notes, frames] = arguments;
  const bad = [];
  const inWindow = (r) => r.top >= -1 && r.left >= -1 && r.bottom <= innerHeight + 1 && r.right <= innerWidth + 1;
  const inside = (r, f) => r.top >= f.top - 1 && r.left >= f.left - 1 && r.bottom <= f.bottom + 1 && r.right <= f.right + 1;
  for (const note of document.querySelectorAll(notes)) {
    if (!note.getClientRects().length) continue;  // on another page of the themes view
    const r = note.getBoundingClientRect();
    const frame = note.closest(frames).getBoundingClientRect();
    const text = note.querySelector('.note-text');
    if (!inWindow(r)) bad.push(['outside the window', note.textContent]);
    if (!inside(r, frame)) bad.push(['outside its frame', note.textContent]);
    if (note.scrollHeight > note.clientHeight + 1 || text.scrollWidth > text.clientWidth + 1)
      bad.push(['clipped', note.textContent]);
  }
  for (const box of document.querySelectorAll('.board-app *')) {
    if (!box.getClientRects().length || box.matches('.visually-hidden')) continue;  // screen-reader text
    const style = getComputedStyle(box);
    if (/auto|scroll|hidden/.test(style.overflowY) && box.scrollHeight > box.clientHeight + 1)
      bad.push(['scrolls or hides', box.className || box.tagName, box.scrollHeight, box.clientHeight]);
  }
  return bad;
"""


def font_sizes(driver, css):
    return driver.execute_script(
        "return [...document.querySelectorAll(arguments[0])].filter((n) => n.getClientRects().length)"
        ".map((n) => parseFloat(getComputedStyle(n).fontSize))", css)


@pytest.mark.parametrize("size", SIZES, ids=["1920x1080", "1280x720"])
def test_sixty_notes_fit_the_columns_view(room, drivers, screenshots, size):
    width, height = size
    board = open_board(drivers, room, width, height)
    wait(board).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, ".group-col .note")) == 60)
    for dark in (False, True):
        scheme(board, dark)
        settle(board)
        bad = board.execute_script(CUT_OFF, ".group-col .note", ".group-col")
        assert not bad, bad
        smallest = min(font_sizes(board, ".group-col .note"))
        assert smallest >= readable_minimum(width, height) - 0.5, smallest
        suffix = "-dark" if dark else ""
        board.save_screenshot(str(screenshots / f"board-60-{width}x{height}{suffix}.png"))
    scheme(board, False)


def test_few_notes_keep_large_type(drivers, tmp_path, screenshots):
    srv = Server(tmp_path)
    try:
        srv.post_note(srv.join("muziek"), ROOM["muziek"][0])
        board = open_board(drivers, srv, 1920, 1080)
        wait(board).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".group-col .note")))
        assert min(font_sizes(board, ".group-col .note")) >= 24
    finally:
        srv.stop()


def page_label(driver):
    return driver.execute_script("const p = document.getElementById('themes-page'); return p && !p.hidden ? p.textContent : ''")


@pytest.mark.parametrize("size", SIZES, ids=["1920x1080", "1280x720"])
def test_themes_view_shows_everything_or_pages_by_itself(room, drivers, screenshots, size):
    width, height = size
    board = open_board(drivers, room, width, height, view="view-themes")
    wait(board, 20).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#themes-table .theme-card")) == 60)
    wait(board, 20).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#themes-table .theme-row[data-kind='theme']"))
    settle(board)
    for dark in (False, True):
        scheme(board, dark)
        settle(board)
        bad = board.execute_script(CUT_OFF, "#themes-table .theme-card", ".theme-cell")
        assert not bad, bad
        figure = board.execute_script(
            "const f = document.getElementById('overlap').getBoundingClientRect(); return [f.height, f.bottom, innerHeight]")
        assert 0 < figure[0] and figure[1] <= figure[2] + 1, f"the shared-themes figure is cut off: {figure}"
        board.save_screenshot(str(screenshots / f"board-60-themes-{width}x{height}{'-dark' if dark else ''}.png"))
    scheme(board, False)
    label = page_label(board)
    if label:  # more themes than one screen holds: the board turns the page by itself
        assert label.startswith("Pagina 1/"), label
        wait(board, 40).until(lambda d: page_label(d).startswith("Pagina 2/"), "the themes view never turned the page")
        settle(board)
        bad = board.execute_script(CUT_OFF, "#themes-table .theme-card", ".theme-cell")
        assert not bad, bad
        board.save_screenshot(str(screenshots / f"board-60-themes-{width}x{height}-page2.png"))
    else:
        shown = board.execute_script(
            "return [...document.querySelectorAll('#themes-table .theme-card')].filter((c) => c.getClientRects().length).length")
        assert shown == 60


def test_lens_highlights_only_its_own_button(room, drivers):
    board = open_board(drivers, room, 1920, 1080, view="view-themes")
    wait(board, 20).until(EC.element_to_be_clickable((By.ID, "view-lens"))).click()
    wait(board).until(lambda d: "Bordin" in d.find_element(By.ID, "themes-title").text)
    pressed = [b.get_attribute("id") for b in board.find_elements(By.CSS_SELECTOR, ".view-btn")
               if b.get_attribute("aria-pressed") == "true"]
    assert pressed == ["view-lens"]
    board.find_element(By.ID, "view-lens").click()
    wait(board).until(lambda d: [b.get_attribute("id") for b in d.find_elements(By.CSS_SELECTOR, ".view-btn")
                                 if b.get_attribute("aria-pressed") == "true"] == ["view-themes"])


def test_english_board_says_so_in_english(drivers, tmp_path):
    srv = Server(tmp_path, workshop="Workshops/team-retrospective.yaml")
    try:
        board = open_board(drivers, srv, 1280, 720)
        wait(board).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".col-empty"))
        empties = {e.text for e in board.find_elements(By.CSS_SELECTOR, ".col-empty")}
        assert empties == {"No notes yet"}, empties
    finally:
        srv.stop()
