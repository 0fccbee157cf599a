"""#18 on the phone: the question the room answers now, notes filed under the question they were
written for (also from a stale page or the offline outbox), and dot voting on the themes."""
import uuid

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from conftest import Server, settle
from test_visual_audit import audit, scheme
from waits import click, wait

Q1 = "Wat is de functie van het medium bij werkalliantie van hulpverlener en cliënt?"
Q2 = "Wat vraagt het werken met het medium van jou als therapeut?"


@pytest.fixture(scope="module")
def srv(tmp_path_factory):
    """A server of this module's own: it moves the room between questions and opens voting."""
    running = Server(tmp_path_factory.mktemp("questions-phone"))
    yield running
    running.stop()


# Chrome's offline emulation leaves an open event stream running; a dropped Wi-Fi would cut it.
# The page's EventSources are recorded so that going "offline" can cut them too.
RECORD_STREAMS = """
  const Native = window.EventSource;
  window.__streams = [];
  window.EventSource = class extends Native {
    constructor(...args) { super(...args); window.__streams.push(this); }
  };"""
CUT_STREAMS = """
  for (const s of window.__streams || []) {
    if (s.readyState !== EventSource.CLOSED) { s.close(); s.dispatchEvent(new Event('error')); }
  }"""


@pytest.fixture(scope="module")
def phone(drivers, srv):
    driver = drivers(390, 844)
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": RECORD_STREAMS})
    driver.get(srv.url("/"))
    click(driver, 'button[data-group="muziek"]')
    wait(driver).until(EC.element_to_be_clickable((By.ID, "note-text")))
    return driver


def notes_of(srv, question):
    return [n["text"] for n in srv.api("GET", f"/api/notes?question={question}")["notes"]]


def switch(srv, question):
    srv.trainer("POST", "/api/trainer/question", {"question": question})


def offline(driver, yes):
    """The phone loses (or gets back) its network; its live stream drops and reconnects by itself."""
    if yes:
        driver.set_network_conditions(offline=True, latency=0, download_throughput=0, upload_throughput=0)
        driver.execute_script(CUT_STREAMS)
    else:
        driver.set_network_conditions(offline=False, latency=0, download_throughput=-1, upload_throughput=-1)


def header(phone):
    return phone.execute_script("""
        const step = document.getElementById('question-step');
        const notice = document.getElementById('question-notice');
        return {question: document.getElementById('question').textContent,
                step: step.hidden ? '' : step.textContent, notice: notice.hidden ? '' : notice.textContent};""")


def cards(phone):
    """[(text, pending)] of the phone's own list, read in one go (it re-renders often)."""
    return phone.execute_script("""
        return [...document.querySelectorAll('#notes li.note')].map((li) =>
          [li.querySelector('.note-text').textContent, li.classList.contains('is-pending')]);""")


def summary_of(srv, question):
    return srv.api("GET", f"/api/summaries?question={question}")["summaries"].get("muziek", {}).get("text")


def type_summary(phone, text):
    area = wait(phone).until(EC.element_to_be_clickable((By.ID, "summary-text")))
    area.clear()
    area.send_keys(text)


def write(phone, text):
    area = wait(phone).until(EC.element_to_be_clickable((By.ID, "note-text")))
    area.send_keys(text)
    phone.find_element(By.ID, "send").click()


def test_phone_follows_the_question_and_files_notes_under_it(srv, phone, screenshots):
    wait(phone).until(lambda d: header(d)["question"] == Q1)
    assert header(phone)["step"] == "Vraag 1 van 2"
    write(phone, "Het medium geeft een gedeelde taak")
    wait(phone).until(lambda d: ["Het medium geeft een gedeelde taak", False] in cards(d))
    type_summary(phone, "Samenvatting bij vraag 1")
    wait(phone).until(lambda d: summary_of(srv, "functie") == "Samenvatting bij vraag 1")
    settle(phone)
    phone.save_screenshot(str(screenshots / "phone-question-1-390x844.png"))

    switch(srv, "therapeut")
    wait(phone).until(lambda d: header(d)["question"] == Q2, "the phone did not follow the trainer")
    shown = header(phone)
    assert shown["step"] == "Vraag 2 van 2"
    assert shown["notice"].startswith("De trainer is naar de volgende vraag gegaan"), shown
    # The group's list now shows the second question's notes: none yet.
    wait(phone).until(lambda d: cards(d) == [])
    assert phone.find_element(By.ID, "notes-empty").is_displayed()
    settle(phone)
    phone.save_screenshot(str(screenshots / "phone-question-2-390x844.png"))
    audit(phone, "join-question-2", screenshots)

    write(phone, "Durven meespelen als therapeut")
    wait(phone).until(lambda d: ["Durven meespelen als therapeut", False] in cards(d))
    assert "Durven meespelen als therapeut" in notes_of(srv, "therapeut")
    assert "Durven meespelen als therapeut" not in notes_of(srv, "functie")
    assert "Het medium geeft een gedeelde taak" in notes_of(srv, "functie")
    # The group summary is per question too: an empty box for question 2, saved there.
    wait(phone).until(lambda d: d.find_element(By.ID, "summary-text").get_attribute("value") == "")
    type_summary(phone, "Samenvatting bij vraag 2")
    wait(phone).until(lambda d: summary_of(srv, "therapeut") == "Samenvatting bij vraag 2")
    assert summary_of(srv, "functie") == "Samenvatting bij vraag 1"


def fetched(driver, path):
    """Whether a request for path has completed since the last performance.clearResourceTimings()."""
    return driver.execute_script(
        "return performance.getEntriesByType('resource').some((e) => e.name.endsWith(arguments[0]))", path)


def test_a_note_written_on_a_stale_page_is_filed_under_the_question_it_showed(srv, phone):
    phone.execute_script("performance.clearResourceTimings()")
    switch(srv, "functie")
    wait(phone).until(lambda d: header(d)["question"] == Q1)
    # The page refetches after the switch; a request still in flight when the network goes would
    # come back after the next switch and (rightly) show it: wait for the refetch's last request.
    wait(phone).until(lambda d: fetched(d, "/api/notes?question=functie"))
    assert header(phone)["notice"].startswith("De trainer is teruggegaan"), header(phone)
    offline(phone, True)
    try:
        wait(phone).until(EC.visibility_of_element_located((By.ID, "offline")))
        switch(srv, "therapeut")  # the phone cannot hear it
        text = "Geschreven bij vraag 1, verstuurd na de wissel"
        write(phone, text)
        wait(phone).until(lambda d: [text, True] in cards(d))
        assert header(phone)["question"] == Q1, phone.execute_script(
            "return [window.__streams.map((s) => s.readyState), navigator.onLine, performance.getEntriesByType('resource')"
            ".filter((e) => e.name.includes('/api/')).slice(-12).map((e) => `${e.name} ${Math.round(e.startTime)} ${e.responseStatus}`)]")
        stored = phone.execute_script(
            "return Object.keys(localStorage).filter((k) => k.startsWith('samenspel.outbox.'))"
            ".flatMap((k) => JSON.parse(localStorage.getItem(k)))")
        assert [(i["text"], i.get("question")) for i in stored] == [(text, "functie")], stored
    finally:
        offline(phone, False)
    wait(phone, 20).until(lambda d: header(d)["question"] == Q2, "the phone did not catch up")
    wait(phone, 20).until(lambda d: text in notes_of(srv, "functie"), "the note was not filed under question 1")
    assert text not in notes_of(srv, "therapeut")
    wait(phone).until(lambda d: all(t != text for t, _ in cards(d)))  # not in question 2's list


def test_an_outbox_entry_from_before_questions_goes_to_the_current_question(srv, phone):
    """Entries queued by the previous version (no question) still send; one with a question keeps it."""
    session = srv.api("GET", "/api/session")
    token = phone.execute_script(
        "return JSON.parse(localStorage.getItem(arguments[0])).token", f"samenspel.token.{session['id']}")
    old, kept = "Oude notitie zonder vraag", "Notitie voor vraag 1 uit de outbox"
    phone.execute_script("localStorage.setItem(arguments[0], JSON.stringify(arguments[1]))",
                         f"samenspel.outbox.{session['id']}", [
                             {"id": str(uuid.uuid4()), "text": old, "token": token, "createdAt": "2026-01-01T10:00:00Z"},
                             {"id": str(uuid.uuid4()), "text": kept, "token": token, "createdAt": "2026-01-01T10:00:01Z",
                              "question": "functie"}])
    phone.refresh()
    wait(phone, 15).until(lambda d: old in notes_of(srv, "therapeut") and kept in notes_of(srv, "functie"))
    wait(phone).until(lambda d: [old, False] in cards(d) and all(t != kept for t, _ in cards(d)))


def vote_state(phone):
    return phone.execute_script("""
        const root = document.getElementById('voting');
        return {hidden: root.hidden, mode: root.dataset.mode || '',
          title: document.getElementById('voting-title').textContent,
          left: document.getElementById('vote-left').dataset.left,
          leftText: document.getElementById('vote-left-text').textContent,
          message: document.getElementById('vote-message').hidden ? '' : document.getElementById('vote-message').textContent,
          cards: Object.fromEntries([...root.querySelectorAll('.vote-theme')].map((li) => [li.dataset.theme, {
            dots: Number(li.dataset.dots), shown: !li.hidden, drawn: li.querySelectorAll('.vote-dots .vote-dot').length,
            plus: !li.querySelector('.vote-plus').hidden && !li.querySelector('.vote-plus').disabled,
            minus: !li.querySelector('.vote-minus').hidden && !li.querySelector('.vote-minus').disabled}]))};""")


def totals(srv):
    return srv.api("GET", "/api/votes?question=therapeut")["totals"]


def tap(phone, theme, sign):
    click(phone, f'.vote-theme[data-theme="{theme}"] .vote-{"plus" if sign > 0 else "minus"}')


def test_dot_voting_on_the_phone(srv, phone, screenshots):
    assert srv.api("GET", "/api/session")["question"] == "therapeut"
    for group, texts in (("pmt", ["samen muziek maken", "ritme geeft houvast"]),
                         ("drama", ["samen muziek maken met elkaar", "ritme geeft houvast in de groep"])):
        token = srv.join(group)
        for text in texts:
            srv.api("POST", "/api/notes", {"id": str(uuid.uuid4()), "text": text}, token)
    themes = wait(phone, 30).until(lambda d: (lambda ts: ts if len(ts) >= 2 else None)(
        srv.api("GET", "/api/themes?question=therapeut")["themes"]), "no themes formed")
    a, b = themes[0]["id"], themes[1]["id"]

    srv.trainer("POST", "/api/trainer/voting", {"open": True, "dots": 3})
    wait(phone).until(lambda d: not vote_state(d)["hidden"] and vote_state(d)["mode"] == "open")
    wait(phone).until(lambda d: set(vote_state(d)["cards"]) >= {a, b})
    state = vote_state(phone)
    assert state["left"] == "3" and state["leftText"] == "Nog 3 stippen", state
    assert not phone.find_element(By.ID, "joined").is_displayed()
    assert not phone.find_element(By.ID, "closed").is_displayed()
    height = phone.execute_script(
        "const r = document.querySelector('.vote-theme .vote-plus').getBoundingClientRect(); return [r.width, r.height]")
    assert min(height) >= 48, height
    settle(phone)
    phone.save_screenshot(str(screenshots / "phone-voting-start-390x844.png"))

    tap(phone, a, +1)
    tap(phone, a, +1)
    tap(phone, b, +1)
    wait(phone).until(lambda d: vote_state(d)["left"] == "0")
    state = vote_state(phone)
    assert state["cards"][a]["dots"] == 2 and state["cards"][a]["drawn"] == 2, state
    assert state["cards"][b]["dots"] == 1, state
    assert not any(c["plus"] for c in state["cards"].values()), "a 4th dot must not be possible"
    wait(phone).until(lambda d: totals(srv) == {a: 2, b: 1}, "the server did not get the dots")
    settle(phone)
    phone.save_screenshot(str(screenshots / "phone-voting-390x844.png"))
    audit(phone, "join-voting", screenshots)
    scheme(phone, True)
    try:
        settle(phone)
        phone.save_screenshot(str(screenshots / "phone-voting-390x844-dark.png"))
        audit(phone, "join-voting-dark", screenshots)
    finally:
        scheme(phone, False)

    # Move a dot: one off a, one more on b.
    tap(phone, a, -1)
    tap(phone, b, +1)
    wait(phone).until(lambda d: totals(srv) == {a: 1, b: 2})
    assert srv.api("GET", "/api/votes?question=therapeut", token=None)["voters"] == 1

    # Offline: the latest dots stay on the phone and go out when it is back.
    offline(phone, True)
    try:
        wait(phone).until(EC.visibility_of_element_located((By.ID, "offline")))
        tap(phone, b, -1)
        wait(phone).until(lambda d: vote_state(d)["cards"][b]["dots"] == 1)
        wait(phone).until(lambda d: d.execute_script(
            "return Object.keys(localStorage).some((k) => k.startsWith('samenspel.votes.'))"))
        assert totals(srv) == {a: 1, b: 2}
    finally:
        phone.execute_script("performance.clearResourceTimings()")
        offline(phone, False)
    wait(phone, 20).until(lambda d: totals(srv) == {a: 1, b: 1}, "the offline dots were not sent")
    # Back live, the phone reloads the themes (it may have missed changes).
    wait(phone, 20).until(lambda d: fetched(d, "/api/themes?question=therapeut"))
    wait(phone).until(lambda d: not d.execute_script(
        "return Object.keys(localStorage).some((k) => k.startsWith('samenspel.votes.'))"))
    wait(phone).until(lambda d: vote_state(d)["message"] == "")

    # The trainer merges b into a while the room votes: the votes event names the themes, so the
    # phone reloads them at once; its dot on b now sits on a (where the server counted it all
    # along), and the server shows it there too.
    srv.trainer("POST", f"/api/trainer/themes/{b}/merge", {"into": a})
    wait(phone).until(lambda d: totals(srv) == {a: 2})
    wait(phone).until(lambda d: b not in vote_state(d)["cards"] and vote_state(d)["cards"][a]["dots"] == 2)
    assert vote_state(phone)["left"] == "1"
    token = phone.execute_script("return JSON.parse(localStorage.getItem(Object.keys(localStorage)"
                                 ".find((k) => k.startsWith('samenspel.token.')))).token")
    wait(phone).until(lambda d: srv.api("GET", "/api/votes?question=therapeut", token=token)["mine"] == {a: 2})
    tap(phone, a, +1)  # and the phone can change its dots again
    wait(phone).until(lambda d: totals(srv) == {a: 3})
    assert vote_state(phone)["message"] == ""
    # A rename reaches the phone the same way.
    srv.trainer("POST", f"/api/trainer/themes/{a}/rename", {"label": "Geduld en durven"})
    wait(phone).until(lambda d: "Geduld en durven" in d.find_element(By.ID, "vote-themes").text)

    srv.trainer("POST", "/api/trainer/voting", {"open": False})
    wait(phone).until(lambda d: vote_state(d)["mode"] == "closed")
    state = vote_state(phone)
    assert state["title"] == "Stemmen gesloten", state
    assert {k for k, c in state["cards"].items() if c["shown"]} == {a}, state
    assert state["cards"][a]["drawn"] == 3, state
    assert not any(c["plus"] or c["minus"] for c in state["cards"].values()), state
    assert phone.find_element(By.ID, "joined").is_displayed()
    settle(phone)
    phone.save_screenshot(str(screenshots / "phone-voting-closed-390x844.png"))
    audit(phone, "join-voting-closed", screenshots)


def test_dots_changed_offline_after_voting_closed_are_dropped_with_a_word(srv, phone):
    srv.trainer("POST", "/api/trainer/voting", {"open": True, "dots": 3})
    wait(phone).until(lambda d: vote_state(d)["mode"] == "open")
    before = totals(srv)
    theme = next(iter(before))
    wait(phone).until(lambda d: vote_state(d)["cards"].get(theme, {}).get("dots") == before[theme])
    offline(phone, True)
    try:
        wait(phone).until(EC.visibility_of_element_located((By.ID, "offline")))
        tap(phone, theme, -1)
        srv.trainer("POST", "/api/trainer/voting", {"open": False})
    finally:
        offline(phone, False)
    wait(phone, 20).until(lambda d: vote_state(d)["mode"] == "closed")
    wait(phone, 20).until(lambda d: vote_state(d)["message"].startswith("Het stemmen is gesloten"))
    wait(phone).until(lambda d: vote_state(d)["cards"][theme]["dots"] == before[theme], "the dots did not revert")
    assert totals(srv) == before
    assert not phone.execute_script("return Object.keys(localStorage).some((k) => k.startsWith('samenspel.votes.'))")
