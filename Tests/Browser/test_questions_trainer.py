"""#18 on the trainer page and the summary: the room moves from the first question to the second,
the notes list follows; dot voting opened, watched live and closed from the page; the take-away
shows a section per question with the dots."""
import uuid

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select

from conftest import Server, settle
from test_visual_audit import audit, scheme
from waits import click, reread, wait

QUESTIONS = ["functie", "therapeut"]
FIRST = {  # the first question, 'functie' (the current one when the session starts)
    "muziek": ["Ritme geeft houvast", "Klank zegt wat woorden niet kunnen"],
    "drama": ["Veilig want het is maar spel"],
}
SECOND = {  # the second question, 'therapeut': two pairs of similar notes make two themes
    "muziek": ["samen muziek maken", "geduld hebben met de cliënt"],
    "drama": ["samen muziek spelen", "geduld hebben met elke cliënt"],
    "beeldend": ["samen muziek maken en luisteren", "eigen grenzen kennen"],
}


@pytest.fixture(scope="module")
def srv(tmp_path_factory):
    running = Server(tmp_path_factory.mktemp("questions-trainer"),
                     extra=["--notes-per-minute", "0", "--joins-per-minute", "0"])
    running.trainer("POST", "/api/trainer/phase", {"phase": "open"})
    for question, notes in (("functie", FIRST), ("therapeut", SECOND)):
        for group, texts in notes.items():
            token = running.join(group)
            for text in texts:
                running.api("POST", "/api/notes", {"id": str(uuid.uuid4()), "text": text, "question": question}, token)
    yield running
    running.stop()


@pytest.fixture(scope="module")
def laptop(drivers, srv):
    driver = drivers(1366, 768)
    driver.get(srv.trainer_url)
    wait(driver).until(EC.visibility_of_element_located((By.CSS_SELECTOR, "#steps button[aria-current]")))
    return driver


def texts(notes):
    return sorted(t for group in notes.values() for t in group)


def listed(driver):
    """The note texts the notes list shows."""
    return sorted(driver.execute_script(
        "return [...document.querySelectorAll('#moderation .mod-note .note-text')].map((p) => p.textContent)"))


def test_trainer_lists_the_questions_and_switches(srv, laptop, screenshots):
    session = srv.api("GET", "/api/session")
    assert [q["id"] for q in session["questions"]] == QUESTIONS and session["question"] == "functie"
    items = '#question-list .question-item'
    wait(laptop).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, items)) == 2)
    current = reread(laptop, lambda d: d.find_element(By.CSS_SELECTOR, f'{items}[aria-current="true"]').get_attribute("data-question"))
    assert current == "functie"
    assert reread(laptop, lambda d: d.find_element(By.ID, "question").text) == session["questions"][0]["text"]
    # One button, on the other question; the current one is marked instead.
    buttons = reread(laptop, lambda d: [b.get_attribute("data-question") for b in d.find_elements(By.CSS_SELECTOR, "#question-list button")])
    assert buttons == ["therapeut"]
    wait(laptop).until(lambda d: listed(d) == texts(FIRST), "the notes list does not show the first question's notes")
    settle(laptop)
    laptop.save_screenshot(str(screenshots / "trainer-questions-1366x768.png"))
    audit(laptop, "trainer-questions", screenshots)

    click(laptop, '#question-list button[data-question="therapeut"]')
    wait(laptop).until(lambda d: srv.api("GET", "/api/session")["question"] == "therapeut", "the switch did not reach the server")
    wait(laptop).until(lambda d: listed(d) == texts(SECOND), "the notes list does not follow the new question")
    wait(laptop).until(lambda d: d.find_element(By.CSS_SELECTOR, f'{items}[aria-current="true"]').get_attribute("data-question") == "therapeut")
    assert reread(laptop, lambda d: d.find_element(By.ID, "question").text) == session["questions"][1]["text"]

    # Looking back at the first question's notes does not move the room; its themes are read-only.
    Select(laptop.find_element(By.ID, "view-question")).select_by_value("functie")
    wait(laptop).until(lambda d: listed(d) == texts(FIRST))
    assert laptop.find_element(By.ID, "view-other").is_displayed()
    assert laptop.find_element(By.ID, "notes-title").text.startswith("Notities van een andere vraag")
    assert not laptop.find_elements(By.CSS_SELECTOR, "#theme-list form, #moderation select.mod-theme")
    assert srv.api("GET", "/api/session")["question"] == "therapeut"
    laptop.execute_script("document.querySelector('.trainer-notes').scrollIntoView({block: 'start'})")
    settle(laptop)
    laptop.save_screenshot(str(screenshots / "trainer-looking-back-1366x768.png"))
    audit(laptop, "trainer-questions-looking-back", screenshots)
    Select(laptop.find_element(By.ID, "view-question")).select_by_value("therapeut")
    wait(laptop).until(lambda d: listed(d) == texts(SECOND))
    assert not laptop.find_element(By.ID, "view-other").is_displayed()


def shared_themes(srv):
    """The current question's themes of more than one note, largest first."""
    themes = [t for t in srv.api("GET", "/api/themes")["themes"] if len(t.get("noteIds", [])) > 1]
    return sorted(themes, key=lambda t: -len(t["noteIds"]))


def ranked(driver):
    return driver.execute_script("""
        return [...document.querySelectorAll('#vote-totals .vote-row')].map((li) => [li.dataset.theme, Number(li.dataset.dots)]);""")


def test_voting_from_the_trainer_page(srv, laptop, screenshots):
    wait(laptop, 20).until(lambda d: len(shared_themes(srv)) >= 2, "the second question's notes made no two themes")
    themes = shared_themes(srv)
    assert laptop.find_element(By.ID, "vote-open-btn").is_displayed()
    assert reread(laptop, lambda d: d.find_element(By.ID, "vote-dots").get_attribute("value")) == "3"  # the default
    Select(laptop.find_element(By.ID, "vote-dots")).select_by_value("2")
    click(laptop, "#vote-open-btn")
    wait(laptop).until(lambda d: srv.api("GET", "/api/session")["voting"] == {"open": True, "dots": 2})
    assert srv.api("GET", "/api/session")["phase"] == "closed"  # opening voting closed submissions
    wait(laptop).until(EC.visibility_of_element_located((By.ID, "vote-close")))
    # The pressed button went away: the focus is on the one that closes voting again.
    wait(laptop).until(lambda d: d.switch_to.active_element.get_attribute("id") == "vote-close")
    assert "2 stippen per telefoon" in laptop.find_element(By.ID, "vote-state").text
    wait(laptop).until(lambda d: d.find_element(By.ID, "vote-voters").get_attribute("data-voters") == "0")

    first, second = themes[0]["id"], themes[1]["id"]
    one, two = srv.join("muziek"), srv.join("drama")
    srv.api("PUT", "/api/votes", {"votes": {first: 2}, "question": "therapeut"}, one)
    wait(laptop).until(lambda d: ranked(d) == [[first, 2]], "the page did not show the first phone's dots")
    srv.api("PUT", "/api/votes", {"votes": {second: 1, first: 1}}, two)
    wait(laptop).until(lambda d: d.find_element(By.ID, "vote-voters").get_attribute("data-voters") == "2")
    assert reread(laptop, lambda d: d.find_element(By.ID, "vote-voters").text) == "2 telefoons hebben gestemd"
    wait(laptop).until(lambda d: ranked(d) == [[first, 3], [second, 1]], "the totals are not ranked live")
    labels = reread(laptop, lambda d: [e.text for e in d.find_elements(By.CSS_SELECTOR, "#vote-totals .vote-label")])
    assert labels[0] == themes[0]["label"]
    assert reread(laptop, lambda d: d.find_element(By.CSS_SELECTOR, "#vote-totals .vote-dots").text) == "● 3"
    laptop.execute_script("document.querySelector('.trainer-voting').scrollIntoView({block: 'start'})")
    settle(laptop)
    laptop.save_screenshot(str(screenshots / "trainer-voting-1366x768.png"))
    audit(laptop, "trainer-voting", screenshots)
    scheme(laptop, True)
    audit(laptop, "trainer-voting-dark", screenshots)
    laptop.save_screenshot(str(screenshots / "trainer-voting-1366x768-dark.png"))
    scheme(laptop, False)

    click(laptop, "#vote-close")
    wait(laptop).until(lambda d: not srv.api("GET", "/api/session")["voting"]["open"])
    wait(laptop).until(EC.visibility_of_element_located((By.ID, "vote-open-btn")))
    # The result stays in view after closing.
    assert ranked(laptop) == [[first, 3], [second, 1]]
    assert srv.api("GET", "/api/votes")["totals"][first] == 3


def test_summary_has_a_section_per_question_with_dots(srv, drivers, screenshots):
    srv.trainer("POST", "/api/trainer/publish", {"published": True})
    session = srv.api("GET", "/api/session")
    reader = drivers(390, 844)
    reader.get(srv.url(f"/summary?session={session['id']}"))
    rounds = "#questions .summary-round"
    wait(reader, 15).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, rounds)) == 2,
                           "no section per question on the summary")
    headings = reread(reader, lambda d: [e.text for e in d.find_elements(By.CSS_SELECTOR, f"{rounds} .round-title")])
    assert headings == [q["text"] for q in session["questions"]]
    notes = reread(reader, lambda d: {
        s.get_attribute("data-question"): sorted(e.text for e in s.find_elements(By.CSS_SELECTOR, ".summary-notes li"))
        for s in d.find_elements(By.CSS_SELECTOR, rounds)})
    assert notes == {"functie": texts(FIRST), "therapeut": texts(SECOND)}
    dots = reread(reader, lambda d: [e.text for e in d.find_elements(
        By.CSS_SELECTOR, f'{rounds}[data-question="therapeut"] .theme-dots')])
    assert dots[:2] == ["● 3", "● 1"], dots
    assert not reader.find_elements(By.CSS_SELECTOR, f'{rounds}[data-question="functie"] .theme-dots')
    assert not reader.find_element(By.ID, "groups-section").is_displayed()
    # Each question has its own themes × groups figure, drawn by the server for that question.
    assert reader.execute_script("return Boolean(document.querySelector('[data-question=\"functie\"] #matrix-figure'))")
    wait(reader).until(lambda d: d.execute_script(
        "const img = document.querySelector('[data-question=\"therapeut\"] figure.matrix img');"
        "return img && img.complete && img.naturalWidth > 0 && img.src.includes('question=therapeut')"))
    settle(reader)
    reader.save_screenshot(str(screenshots / "summary-questions-390x844.png"))
    reader.execute_script("document.querySelector('[data-question=\"therapeut\"] .summary-themes').scrollIntoView()")
    settle(reader)
    reader.save_screenshot(str(screenshots / "summary-questions-390x844-second.png"))
    audit(reader, "summary-questions-390x844", screenshots)


def test_one_question_workshop_has_no_question_switch(srv, laptop):
    srv.trainer("POST", "/api/trainer/sessions", {"workshop": "team-retrospective"})
    wait(laptop).until(lambda d: d.find_element(By.ID, "vote-open-btn").text == "Open voting")
    assert not laptop.find_element(By.CSS_SELECTOR, ".trainer-questions").is_displayed()
    assert not laptop.find_element(By.ID, "view-question-box").is_displayed()
    assert laptop.find_element(By.ID, "voting-title").text == "Dot voting"
