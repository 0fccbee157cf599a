"""Screenshots of every screen (light and dark, phone and projector sizes), axe-core audits
(no violations at all) and colour-blind renderings of the board."""
import functools
import importlib.resources
import json

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC

from conftest import Server, settle
from waits import wait

# Machado, Oliveira & Fernandes (2009), severity 1, for linear RGB (feColorMatrix's default space).
SIMULATIONS = {
    "protanopia": "0.152286 1.052583 -0.204868 0 0  0.114503 0.786281 0.099216 0 0  "
                  "-0.003882 -0.048116 1.051998 0 0  0 0 0 1 0",
    "deuteranopia": "0.367322 0.860646 -0.227968 0 0  0.280085 0.672501 0.047413 0 0  "
                    "-0.011820 0.042940 0.968881 0 0  0 0 0 1 0",
}




def scheme(driver, dark):
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {
        "features": [{"name": "prefers-color-scheme", "value": "dark" if dark else "light"}]})


# WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


@functools.cache
def axe_source():
    """axe-core as the PyPI package axe-playwright-python ships it (axe.min.js in its folder);
    only the file is used, injected through selenium, so nothing of it is kept in this repository."""
    return (importlib.resources.files("axe_playwright_python") / "axe.min.js").read_text(encoding="utf-8")


def axe_report(violations):
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v.get('impact')}): {v['help']} [{v.get('helpUrl', '')}]")
        for node in v["nodes"]:
            lines.append(f"    {' '.join(map(str, node['target']))}: {node.get('failureSummary', '').replace(chr(10), ' ')}")
    return "\n".join(lines)


def audit(driver, name, screenshots):
    """Runs axe-core 4.12 on the page; saves the results; fails on any violation."""
    settle(driver)
    if not driver.execute_script("return typeof axe === 'object'"):
        driver.execute_script(axe_source())
    version = driver.execute_script("return axe.version")
    assert version.startswith("4.12"), f"axe-core {version}, not 4.12"
    driver.set_script_timeout(60)  # a full run on the board takes a few seconds on a slow machine
    results = driver.execute_async_script("""
        const [tags, done] = arguments;
        axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations', 'incomplete']})
            .then(done, (error) => done({error: String(error)}));
    """, AXE_TAGS)
    assert "error" not in results, f"{name}: axe.run failed: {results.get('error')}"
    (screenshots / f"axe-{name}.json").write_text(json.dumps({
        "url": results.get("url"), "axeVersion": version, "tags": AXE_TAGS,
        "violations": results["violations"], "incomplete": results.get("incomplete", []),
    }, indent=1))
    driver.execute_script("window.scrollTo(0, 0)")  # axe scrolls while it checks contrast
    assert not results["violations"], f"{name}: axe-core {version} found:\n" + axe_report(results["violations"])


def board_ready(driver):
    wait(driver).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".group-col .note")))


@pytest.fixture(scope="module")
def big_board(drivers, server):
    driver = drivers(1920, 1080)
    driver.get(server.url("/board"))
    driver.execute_script("localStorage.removeItem('samenspel.board')")
    driver.refresh()
    board_ready(driver)
    return driver


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_board_columns_and_themes(big_board, server, screenshots, dark):
    scheme(big_board, dark)
    mode = "dark" if dark else "light"
    big_board.find_element(By.ID, "view-columns").click()
    settle(big_board)
    big_board.save_screenshot(str(screenshots / f"board-1920x1080-{mode}.png"))
    audit(big_board, f"board-columns-{mode}", screenshots)
    big_board.find_element(By.ID, "view-themes").click()
    wait(big_board).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#themes-table .theme-card")))
    settle(big_board)
    big_board.save_screenshot(str(screenshots / f"board-themes-1920x1080-{mode}.png"))
    audit(big_board, f"board-themes-{mode}", screenshots)
    big_board.find_element(By.ID, "view-lens").click()
    wait(big_board).until(lambda d: "Bordin" in d.find_element(By.ID, "themes-title").text)
    audit(big_board, f"board-lens-{mode}", screenshots)
    big_board.find_element(By.ID, "view-lens").click()
    big_board.find_element(By.ID, "view-columns").click()
    scheme(big_board, False)


def test_board_small_projector(drivers, server, screenshots):
    board = drivers(1280, 720)
    board.get(server.url("/board"))
    board_ready(board)
    for dark in (False, True):
        scheme(board, dark)
        settle(board)
        board.save_screenshot(str(screenshots / f"board-1280x720-{'dark' if dark else 'light'}.png"))


@pytest.mark.parametrize("kind", sorted(SIMULATIONS))
def test_board_under_colour_blindness(big_board, screenshots, kind):
    """Renders the board through a colour-blindness filter; groups must stay apart (icon, name, colour)."""
    big_board.execute_script("""
        const [id, matrix] = arguments;
        const NS = 'http://www.w3.org/2000/svg';
        document.getElementById('cvd-filter')?.remove();
        const svg = document.createElementNS(NS, 'svg');
        svg.id = 'cvd-filter';
        svg.setAttribute('width', '0'); svg.setAttribute('height', '0');
        svg.setAttribute('aria-hidden', 'true');
        const filter = document.createElementNS(NS, 'filter'); filter.id = id;
        const m = document.createElementNS(NS, 'feColorMatrix');
        m.setAttribute('type', 'matrix'); m.setAttribute('values', matrix);
        filter.append(m); svg.append(filter); document.body.append(svg);
        document.documentElement.style.filter = `url(#${id})`;
    """, kind, SIMULATIONS[kind])
    try:
        settle(big_board)
        big_board.save_screenshot(str(screenshots / f"board-{kind}.png"))
        # The simulated group colours: every pair still differs in lightness or hue enough to
        # tell apart next to each other, and each header has an icon and a name anyway.
        heads = big_board.find_elements(By.CSS_SELECTOR, ".group-col .group-head")
        assert all(h.find_element(By.CSS_SELECTOR, ".group-icon").text and h.find_element(By.CSS_SELECTOR, ".group-name").text
                   for h in heads)
    finally:
        big_board.execute_script(
            "document.documentElement.style.filter = ''; document.getElementById('cvd-filter')?.remove();")


@pytest.mark.parametrize("size", [(390, 844), (320, 568)], ids=["390x844", "320x568"])
def test_phone_pages(drivers, server, screenshots, size):
    phone = drivers(*size)
    name = f"{size[0]}x{size[1]}"
    phone.get(server.url("/"))
    wait(phone).until(EC.visibility_of_element_located((By.CSS_SELECTOR, 'button[data-group="drama"]')))
    audit(phone, f"join-picker-{name}", screenshots)
    phone.save_screenshot(str(screenshots / f"phone-picker-{name}.png"))
    phone.find_element(By.CSS_SELECTOR, 'button[data-group="drama"]').click()
    wait(phone).until(EC.visibility_of_element_located((By.ID, "note-text")))
    wait(phone).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#notes li.note")))
    audit(phone, f"join-{name}", screenshots)
    phone.save_screenshot(str(screenshots / f"phone-{name}.png"))
    scheme(phone, True)
    settle(phone)
    phone.save_screenshot(str(screenshots / f"phone-{name}-dark.png"))
    audit(phone, f"join-{name}-dark", screenshots)
    phone.execute_script("localStorage.clear()")


def test_trainer_and_summary(drivers, server, screenshots):
    driver = drivers(1280, 900)
    driver.get(server.trainer_url)
    wait(driver).until(EC.visibility_of_element_located((By.CSS_SELECTOR, "#steps button[aria-current]")))
    audit(driver, "trainer", screenshots)
    driver.save_screenshot(str(screenshots / "trainer-1280x900.png"))
    scheme(driver, True)
    audit(driver, "trainer-dark", screenshots)
    driver.save_screenshot(str(screenshots / "trainer-1280x900-dark.png"))
    scheme(driver, False)
    tablet = drivers(768, 1024)
    tablet.get(server.trainer_url)
    wait(tablet).until(EC.visibility_of_element_located((By.CSS_SELECTOR, "#steps button[aria-current]")))
    settle(tablet)
    tablet.save_screenshot(str(screenshots / "trainer-tablet-768x1024.png"))
    driver.get(server.url("/summary"))
    wait(driver).until(EC.visibility_of_element_located((By.CSS_SELECTOR, ".summary-group")))
    audit(driver, "summary", screenshots)
    driver.save_screenshot(str(screenshots / "summary-1280x900.png"))
    scheme(driver, True)
    audit(driver, "summary-dark", screenshots)
    scheme(driver, False)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True})
    driver.refresh()
    wait(driver).until(EC.visibility_of_element_located((By.CSS_SELECTOR, ".summary-group")))
    audit(driver, "summary-390x844", screenshots)


def test_board_summaries_view(big_board, screenshots):
    big_board.find_element(By.ID, "view-summaries").click()
    wait(big_board).until(EC.visibility_of_element_located((By.CSS_SELECTOR, "#summaries .summary-card")))
    for dark in (False, True):
        scheme(big_board, dark)
        audit(big_board, f"board-summaries-{'dark' if dark else 'light'}", screenshots)
    scheme(big_board, False)
    big_board.find_element(By.ID, "view-columns").click()


LONG_NOTE = ("Wat de jongere in het spel laat zien, komt later in het gesprek terug; "
             "daarom bespreken we na elke sessie samen wat er gebeurde en wat het betekende. ")


@pytest.fixture(scope="module")
def overflowing(tmp_path_factory):
    """A server of its own whose drama column and summary hold more than a 1280×720 board shows."""
    srv = Server(tmp_path_factory.mktemp("overflow-data"), extra=["--notes-per-minute", "0"])
    token = srv.join("drama")
    for i in range(90):
        srv.post_note(token, f"{i + 1}. {LONG_NOTE}")
    srv.api("PUT", "/api/groups/drama/summary", {"text": (LONG_NOTE + "\n") * 11}, token)
    yield srv
    srv.stop()


def test_board_scrolling_regions_are_reachable(drivers, overflowing, screenshots):
    """A column or summary that scrolls takes keyboard focus (tabindex 0), and ↓ scrolls it."""
    board = drivers(1280, 720)
    board.get(overflowing.url("/board"))
    column = '.group-col[data-group="drama"]'
    wait(board).until(EC.presence_of_element_located((By.CSS_SELECTOR, f'{column}[data-overflow="true"]')))
    settle(board)
    board.save_screenshot(str(screenshots / "board-scrolling-1280x720.png"))
    audit(board, "board-scrolling-columns", screenshots)
    scheme(board, True)
    audit(board, "board-scrolling-columns-dark", screenshots)
    scheme(board, False)
    notes = board.find_element(By.CSS_SELECTOR, f"{column} .col-notes")
    assert notes.get_attribute("tabindex") == "0"
    # The quiet columns fit, so they stay out of the tab order.
    assert not board.find_element(By.CSS_SELECTOR, '.group-col[data-group="muziek"] .col-notes').get_attribute("tabindex")
    board.execute_script("arguments[0].focus()", notes)
    notes.send_keys(Keys.ARROW_DOWN)
    wait(board).until(lambda d: d.execute_script("return arguments[0].scrollTop", notes) > 0,
                      "↓ did not scroll the focused column")

    board.find_element(By.ID, "view-summaries").click()
    card = '.summary-card[data-group="drama"] .summary-card-text'
    wait(board).until(EC.visibility_of_element_located((By.CSS_SELECTOR, card)))
    wait(board).until(lambda d: d.find_element(By.CSS_SELECTOR, card).get_attribute("tabindex") == "0")
    settle(board)
    board.save_screenshot(str(screenshots / "board-summaries-scrolling-1280x720.png"))
    audit(board, "board-summaries-scrolling", screenshots)
    board.find_element(By.ID, "view-columns").click()
