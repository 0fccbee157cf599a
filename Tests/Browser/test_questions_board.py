"""#18 on the board: the question on screen (and the trainer's switch), stepping back to an earlier
question, and the ranking of dot voting, live, readable and whole at 1920×1080 and 1280×720.
The tests of this file run in order on one server of their own: the room votes on question 1,
then the trainer moves on to question 2 and the board steps back to question 1 and its votes."""
import uuid

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

from conftest import Server, settle
from test_board_room import seeded_room
from test_visual_audit import audit, scheme
from waits import click, reread, wait

Q1 = "Wat is de functie van het medium bij werkalliantie van hulpverlener en cliënt?"
Q2 = "Wat vraagt het werken met het medium van jou als therapeut?"
# Notes for question 1 that make (at least) two themes of two notes: shared words across groups.
NOTES = {"muziek": ["samen muziek maken"], "pmt": ["samen muziek spelen", "klei kneden geeft houvast"],
         "beeldend": ["klei geeft houvast"], "drama": ["samen muziek maken geeft plezier", "klei geeft houvast en rust"]}
QUESTION_ONE = {note for notes in NOTES.values() for note in notes}


@pytest.fixture(scope="module")
def srv(tmp_path_factory):
    running = Server(tmp_path_factory.mktemp("questions-board"), extra=["--notes-per-minute", "0"])
    yield running
    running.stop()


@pytest.fixture(scope="module")
def phones(srv):
    """One phone per group (a token each), made once."""
    return {group: srv.join(group) for group in ("muziek", "pmt", "beeldend", "drama")}


def post(srv, token, text, question):
    return srv.api("POST", "/api/notes", {"id": str(uuid.uuid4()), "text": text, "question": question}, token=token)


def open_board(drivers, srv, width=1920, height=1080):
    board = drivers(width, height)
    board.get(srv.url("/board"))
    board.execute_script("localStorage.removeItem('samenspel.board')")
    board.refresh()
    click(board, "#view-columns")
    return board


@pytest.fixture(scope="module")
def board(drivers, srv, phones):
    return open_board(drivers, srv)


def text(driver, css):
    return reread(driver, lambda d: d.execute_script(
        "const n = document.querySelector(arguments[0]); return n && n.getClientRects().length ? n.textContent : ''", css))


def shown_notes(driver):
    return set(reread(driver, lambda d: d.execute_script(
        "return [...document.querySelectorAll('.group-col .note')].map((n) => n.textContent)")))


def ranking(driver):
    """Theme ids of the ranking's visible rows, top first."""
    return reread(driver, lambda d: d.execute_script(
        "return [...document.querySelectorAll('#votes-list .rank-row')].filter((r) => r.getClientRects().length)"
        ".map((r) => r.dataset.theme)"))


def put_votes(srv, token, votes):
    return srv.api("PUT", "/api/votes", {"votes": votes}, token=token)


# Every ranking row inside the window and unclipped, and nothing on the board that scrolls or hides.
CUT_OFF = """
  const bad = [];
  const inWindow = (r) => r.top >= -1 && r.left >= -1 && r.bottom <= innerHeight + 1 && r.right <= innerWidth + 1;
  for (const row of document.querySelectorAll('#votes-list .rank-row')) {
    if (!row.getClientRects().length) continue;  // on another page
    if (!inWindow(row.getBoundingClientRect())) bad.push(['outside the window', row.textContent]);
    for (const part of row.querySelectorAll('.rank-label, .rank-total, .rank-place'))  // a word wider than its column
      if (part.scrollWidth > part.clientWidth + 1) bad.push(['too wide', part.textContent, part.scrollWidth, part.clientWidth]);
  }
  for (const box of document.querySelectorAll('.board-app *')) {
    if (!box.getClientRects().length || box.matches('.visually-hidden')) continue;
    const style = getComputedStyle(box);
    if (/auto|scroll|hidden/.test(style.overflowY) && box.scrollHeight > box.clientHeight + 1)
      bad.push(['scrolls or hides', box.className || box.tagName, box.scrollHeight, box.clientHeight]);
  }
  for (const node of document.querySelectorAll('.board-header *, .votes-bar *'))
    if (node.getClientRects().length && !inWindow(node.getBoundingClientRect())) bad.push(['outside the window', node.className]);
  return bad;
"""


def test_board_shows_question_one_and_ranks_its_themes_by_dots(srv, phones, board, screenshots):
    wait(board).until(lambda d: text(d, "#question") == Q1)
    assert text(board, "#question-count") == "Vraag 1 van 2"
    assert not board.find_element(By.ID, "question-earlier").is_displayed()
    for group, notes in NOTES.items():
        for note in notes:
            post(srv, phones[group], note, "functie")
    wait(board).until(lambda d: shown_notes(d) == QUESTION_ONE)
    for dark in (False, True):
        scheme(board, dark)
        settle(board)
        board.save_screenshot(str(screenshots / f"questions-board-heading-1920x1080-{'dark' if dark else 'light'}.png"))
    scheme(board, False)
    audit(board, "questions-board-heading", screenshots)

    def two_themes(_):
        themes = srv.api("GET", "/api/themes?question=functie")["themes"]
        shared = sorted((t for t in themes if len(t["noteIds"]) > 1), key=lambda t: -len(t["noteIds"]))
        return shared[:2] if len(shared) >= 2 else None
    first, second = (t["id"] for t in wait(board, 20).until(two_themes, "the notes never made two themes"))

    srv.trainer("POST", "/api/trainer/voting", {"open": True, "dots": 3})
    # Voting brings up the ranking by itself, with every theme still at nought.
    wait(board).until(lambda d: d.find_element(By.ID, "votes").is_displayed())
    assert board.find_element(By.ID, "view-votes").get_attribute("aria-pressed") == "true"
    wait(board).until(lambda d: {first, second} <= set(ranking(d)))
    assert text(board, "#votes-state") == "Stemmen is open"

    voters = [phones["muziek"], phones["pmt"], srv.join("drama")]
    put_votes(srv, voters[0], {first: 3})
    put_votes(srv, voters[1], {second: 2, first: 1})
    put_votes(srv, voters[2], {second: 3})  # second 5, first 4
    wait(board).until(lambda d: ranking(d)[:2] == [second, first], "the board did not rank by dots")
    wait(board).until(lambda d: text(d, "#votes-voters") == "3 telefoons hebben gestemd")
    totals = board.execute_script(
        "return Object.fromEntries([...document.querySelectorAll('.rank-row')].map((r) => [r.dataset.theme, r.querySelector('.rank-total').textContent]))")
    assert totals[second] == "5" and totals[first] == "4", totals
    settle(board)
    for dark in (False, True):
        scheme(board, dark)
        settle(board)
        mode = "dark" if dark else "light"
        board.save_screenshot(str(screenshots / f"questions-board-ranking-1920x1080-{mode}.png"))
        audit(board, f"questions-board-ranking-{mode}", screenshots)
    scheme(board, False)

    # A phone takes its dots back: the order turns, live, and the rows move (the same rows, so they glide).
    board.execute_script("for (const r of document.querySelectorAll('.rank-row')) r.dataset.before = 'yes'")
    put_votes(srv, voters[2], {})
    wait(board).until(lambda d: ranking(d)[:2] == [first, second], "the board did not re-rank live")
    wait(board).until(lambda d: text(d, "#votes-voters") == "2 telefoons hebben gestemd")
    assert board.execute_script(
        "return [...document.querySelectorAll('.rank-row')].every((r) => r.dataset.before === 'yes')"), "rows were rebuilt, not moved"

    # Voting closes: the final ranking stays until the view is changed, and can be brought back.
    srv.trainer("POST", "/api/trainer/voting", {"open": False})
    wait(board).until(lambda d: text(d, "#votes-state") == "Eindstand")
    assert board.find_element(By.ID, "votes").is_displayed() and ranking(board)[:2] == [first, second]
    click(board, "#view-columns")
    wait(board).until(lambda d: not d.find_element(By.ID, "votes").is_displayed())
    click(board, "#view-votes")
    wait(board).until(lambda d: ranking(d)[:2] == [first, second])


def test_trainer_switch_and_stepping_back(srv, phones, board, screenshots):
    srv.trainer("POST", "/api/trainer/question", {"question": "therapeut"})
    wait(board).until(lambda d: text(d, "#question") == Q2)
    assert text(board, "#question-count") == "Vraag 2 van 2"
    # The new question starts in its own (empty) columns: nothing of question 1 remains.
    wait(board).until(lambda d: d.find_element(By.ID, "columns").is_displayed())
    assert not shown_notes(board), shown_notes(board)
    assert not board.find_element(By.ID, "question-earlier").is_displayed()

    srv.trainer("POST", "/api/trainer/phase", {"phase": "open"})
    post(srv, phones["drama"], "geduld hebben met het proces", "therapeut")
    wait(board).until(lambda d: shown_notes(d) == {"geduld hebben met het proces"})
    # A phone's outbox may still send a note for question 1: it is filed there, not shown here.
    post(srv, phones["pmt"], "te laat voor vraag een", "functie")
    post(srv, phones["muziek"], "zelf ook durven spelen", "therapeut")
    wait(board).until(lambda d: "zelf ook durven spelen" in shown_notes(d))
    assert "te laat voor vraag een" not in shown_notes(board)

    # Back to question 1 during the discussion: its notes, clearly marked as earlier.
    click(board, "#question-prev")
    wait(board).until(lambda d: text(d, "#question") == Q1)
    wait(board).until(lambda d: shown_notes(d) == QUESTION_ONE | {"te laat voor vraag een"})
    assert text(board, "#question-count") == "Vraag 1 van 2"
    assert text(board, "#question-earlier") == "Eerdere vraag"
    assert text(board, "#question-back") == "Terug naar vraag 2 (nu)"
    assert board.find_element(By.ID, "question-prev").get_attribute("disabled")
    # Notes of the current question still arrive, but stay off this earlier question.
    post(srv, phones["beeldend"], "eigen beelden herkennen", "therapeut")
    for dark in (False, True):
        scheme(board, dark)
        settle(board)
        board.save_screenshot(str(screenshots / f"questions-board-earlier-1920x1080-{'dark' if dark else 'light'}.png"))
        audit(board, f"questions-board-earlier-{'dark' if dark else 'light'}", screenshots)
    scheme(board, False)
    assert "eigen beelden herkennen" not in shown_notes(board)

    # Question 1's votes can still be shown: its final ranking.
    click(board, "#view-votes")
    wait(board).until(lambda d: d.find_element(By.ID, "votes").is_displayed() and text(d, "#votes-state") == "Eindstand")
    assert text(board, "#votes-voters") == "2 telefoons hebben gestemd"
    assert len(ranking(board)) >= 2
    click(board, "#view-columns")

    # The way back: the button, then the keys ( [ back, ] forward ).
    click(board, "#question-back")
    wait(board).until(lambda d: text(d, "#question") == Q2)
    wait(board).until(lambda d: shown_notes(d) == {"geduld hebben met het proces", "zelf ook durven spelen", "eigen beelden herkennen"})
    assert not board.find_element(By.ID, "question-earlier").is_displayed()
    ActionChains(board).send_keys("[").perform()
    wait(board).until(lambda d: text(d, "#question") == Q1 and d.find_element(By.ID, "question-earlier").is_displayed())
    ActionChains(board).send_keys("]").perform()
    wait(board).until(lambda d: text(d, "#question") == Q2 and not d.find_element(By.ID, "question-earlier").is_displayed())

    # The trainer's switch moves a board that shows an earlier question to the new current one.
    click(board, "#question-prev")
    wait(board).until(lambda d: d.find_element(By.ID, "question-earlier").is_displayed())
    srv.trainer("POST", "/api/trainer/question", {"question": "functie"})
    wait(board).until(lambda d: text(d, "#question") == Q1 and not d.find_element(By.ID, "question-earlier").is_displayed())
    srv.trainer("POST", "/api/trainer/question", {"question": "therapeut"})
    wait(board).until(lambda d: text(d, "#question") == Q2 and not d.find_element(By.ID, "question-earlier").is_displayed())


def test_board_summaries_show_the_current_questions(srv, phones, board):
    """The group summaries view shows each group's summary of the question asked now; one written
    for an earlier question (a phone behind the switch) stays off it."""
    card = '.summary-card[data-group="drama"]'
    assert srv.api("PUT", "/api/groups/drama/summary", {"text": "Durven meespelen.", "question": "therapeut"},
                   token=phones["drama"])["question"] == "therapeut"
    click(board, "#view-summaries")
    wait(board).until(lambda d: text(d, card + " .summary-card-text") == "Durven meespelen.")
    srv.api("PUT", "/api/groups/drama/summary", {"text": "Spel geeft afstand.", "question": "functie"}, token=phones["drama"])
    srv.api("PUT", "/api/groups/pmt/summary", {"text": "Geduld.", "question": "therapeut"}, token=phones["pmt"])
    wait(board).until(lambda d: text(d, '.summary-card[data-group="pmt"] .summary-card-text') == "Geduld.")
    assert text(board, card + " .summary-card-text") == "Durven meespelen."
    click(board, "#view-columns")


@pytest.fixture(scope="module")
def crowded(tmp_path_factory):
    """A server of its own: sixty notes, about fifteen themes, every one with dots."""
    running = seeded_room(tmp_path_factory.mktemp("questions-board-crowded"))  # on "functie"
    yield running
    running.stop()


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720)], ids=["1920x1080", "1280x720"])
def test_fifteen_themes_fit_the_ranking(crowded, drivers, screenshots, size):
    width, height = size
    board = open_board(drivers, crowded, width, height)
    wait(board, 20).until(lambda d: len(crowded.api("GET", "/api/themes?question=functie")["themes"]) >= 15)
    themes = crowded.api("GET", "/api/themes?question=functie")["themes"]
    picked = [t["id"] for t in sorted(themes, key=lambda t: -len(t["noteIds"]))][:15]
    if not crowded.api("GET", "/api/votes")["open"]:  # the second screen size finds it open
        crowded.trainer("POST", "/api/trainer/voting", {"open": True, "dots": 3})
    ballots = [{}]  # ten phones, three dots each: 5, 4, 3, 3, … dots for fifteen themes in turn
    for theme, dots in zip(picked, [5, 4, 3, 3, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1]):
        for _ in range(dots):
            if sum(ballots[-1].values()) == 3:
                ballots.append({})
            ballots[-1][theme] = ballots[-1].get(theme, 0) + 1
    for ballot in ballots:
        put_votes(crowded, crowded.join("muziek"), ballot)
    voters = crowded.api("GET", "/api/votes")["voters"]
    click(board, "#view-votes")  # open_board showed the columns; voting that was open already brings no jump
    # Themes without dots stay on the list too; single notes without dots are counted in one line.
    wait(board).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#votes-list .rank-row")) >= 15)
    wait(board).until(lambda d: text(d, "#votes-voters") == f"{voters} telefoons hebben gestemd")
    settle(board)
    rows = len(board.find_elements(By.CSS_SELECTOR, "#votes-list .rank-row"))
    for dark in (False, True):
        scheme(board, dark)
        settle(board)
        bad = board.execute_script(CUT_OFF)
        assert not bad, bad
        board.save_screenshot(str(screenshots / f"questions-board-ranking-crowded-{width}x{height}-{'dark' if dark else 'light'}.png"))
    scheme(board, False)
    paged = board.find_element(By.ID, "votes-page").is_displayed()
    if rows <= 15:
        assert not paged and len(ranking(board)) == rows, f"{rows} themes should fit on one screen"
    elif paged:  # more than that may page by itself, each page whole
        assert text(board, "#votes-page").startswith("Pagina 1/") and len(ranking(board)) < rows
    else:
        assert len(ranking(board)) == rows
    smallest = min(board.execute_script(
        "return [...document.querySelectorAll('.rank-label')].filter((n) => n.getClientRects().length)"
        ".map((n) => parseFloat(getComputedStyle(n).fontSize))"))
    assert smallest >= 18 * min(width / 1920, height / 1080) - 0.5, smallest


def test_english_board_with_one_question(drivers, tmp_path):
    srv = Server(tmp_path, workshop="Workshops/team-retrospective.yaml")
    try:
        board = open_board(drivers, srv, 1280, 720)
        wait(board).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".col-empty"))
        assert not board.find_element(By.ID, "question-nav").is_displayed()  # one question: no "Question 1 of 1"
        assert text(board, "#question")
        srv.trainer("POST", "/api/trainer/voting", {"open": True, "dots": 3})
        wait(board).until(lambda d: d.find_element(By.ID, "votes").is_displayed())
        assert text(board, "#votes-state") == "Voting is open"
        assert text(board, "#votes-voters") == "0 phones voted"
        assert text(board, "#votes-note") == "No themes to vote on yet."
        assert text(board, "#view-votes") == "Votes"
    finally:
        srv.stop()
