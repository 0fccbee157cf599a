"""Hostile text everywhere: notes through the API, and a workshop file whose title, question,
group names, icon, briefing and theory lens are payloads. Every page must show it as inert text:
no dialog, no injected element, no console error or CSP violation."""
import json

import pytest
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from conftest import Server
from waits import wait

PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//x.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<img src=\"x\" onerror=\"alert('img')\">",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<svg/onload=alert`1`>",
    "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
    "<svg><foreignObject><iframe src=javascript:alert(1)>",
    "<iframe src=\"javascript:alert(1)\"></iframe>",
    "<iframe srcdoc=\"<script>alert(1)</script>\">",
    "<a href=\"javascript:alert(1)\">klik</a>",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(document.cookie)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "<body onload=alert(1)>",
    "<div onmouseover=\"alert(1)\">hover</div>",
    "<input autofocus onfocus=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "<video><source onerror=alert(1)></video>",
    "<audio src=x onerror=alert(1)>",
    "<marquee onstart=alert(1)>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<style>body{display:none}</style>",
    "<style>@import 'http://x.example/x.css';</style>",
    "<link rel=stylesheet href=//x.example/x.css>",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
    "<object data=\"javascript:alert(1)\">",
    "<embed src=\"javascript:alert(1)\">",
    "<form action=\"javascript:alert(1)\"><button>x</button></form>",
    "<base href=\"javascript:alert(1)//\">",
    "<template><script>alert(1)</script></template>",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
    "\"><script>alert(1)</script>",
    "'><img src=x onerror=alert(1)>",
    "</textarea><script>alert(1)</script>",
    "</li></ol><script>alert(1)</script>",
    "<!--<img src=\"--><img src=x onerror=alert(1)//\">",
    "<img src=x onerror=alert(1)",
    "<<script>alert(1);//<</script>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#60;img src=x onerror=alert(1)&#62;",
    "%3Cscript%3Ealert(1)%3C/script%3E",
    "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e",
    "${alert(1)}",
    "`${alert(1)}` ${`nested ${1 + 1}`}",
    "{{constructor.constructor('alert(1)')()}}",
    "<img src=x onerror=\"fetch('/api/trainer/phase',{method:'POST'})\">",
    "\u202eevil.exe\u202c gnp.txt",
    "\u2066<b>isolate</b>\u2069 \u202a embed \u202c \u202d override",
    "nul\u0000byte and \u0007bell \u001b[31mred",
    "🧑‍🤝‍🧑 samen 👩‍👩‍👧‍👦 spelen 🏳️‍🌈 ✊🏾 ❤️‍🔥",
    "Z̷̢̛a̴l̸g̶o̵ t̷e̷x̶t̴ cliënt",
    "x" * 500,
    ("<b>lang</b> " * 50)[:500],
    "😀" * 250,
]
STRIPPED = {"\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u0000", "\u0007", "\u001b"}

WORKSHOP = {
    "id": "xss-proef",
    "title": "<script>alert('title')</script> Titel",
    "language": "nl",
    "question": "<iframe src=\"javascript:alert('q')\"></iframe> Vraag <img src=x onerror=alert('q')>?",
    "groups": [
        {"id": "een", "name": "<img src=x onerror=alert('group')>", "colour": "#0072B2", "icon": "<b>"},
        {"id": "twee", "name": "</h2><svg onload=alert(2)>", "colour": "#D55E00", "icon": "&lt;"},
        {"id": "drie", "name": "\"><script>alert(3)</script>", "colour": "#009E73", "icon": "{{"},
    ],
    "briefing": [{"title": "<style>body{display:none}</style>Dia",
                  "body": "- <img src=x onerror=alert('body')>\n- <a href=javascript:alert(1)>x</a>\n<script>alert(1)</script>"}],
    "framework": {"name": "<svg onload=alert('lens')>", "themes": [
        {"id": "een", "label": "<img src=x onerror=alert('label')>", "description": "<script>alert('d')</script>",
         "keywords": ["samen", "spelen"]},
        {"id": "twee", "label": "`${alert(1)}`", "description": "tweede", "keywords": ["script", "alert"]},
    ]},
}

# Records any dialog a payload might open (and still lets it open, so switch_to.alert sees it).
RECORDER = """
window.__dialogs = [];
for (const name of ['alert', 'confirm', 'prompt', 'print']) {
  const original = window[name].bind(window);
  window[name] = (...args) => { window.__dialogs.push(name); return original(...args); };
}"""

# Everything on the page that a payload could have made.
INJECTED = """
const bad = [];
const show = (why, n) => bad.push(why + ': ' + n.outerHTML.slice(0, 90));
for (const s of document.scripts) if (!/^\\/js\\/[\\w-]+\\.js$/.test(new URL(s.src || 'about:blank').pathname)) show('script', s);
for (const sel of ['iframe', 'object', 'embed', 'base', 'meta[http-equiv]', 'style', 'link[href*="x.example"]',
                   'img[src="x"]', 'a[href^="javascript" i]', 'form[action^="javascript" i]', 'marquee', 'video',
                   'audio', 'math', 'template', 'noscript', 'body body', 'foreignObject'])
  for (const n of document.querySelectorAll(sel)) show(sel, n);
for (const n of document.querySelectorAll('*'))
  for (const a of n.attributes) if (/^on/i.test(a.name)) show('handler ' + a.name, n);
const texts = '.note-text, .group-name, .theme-label, .question, .board-question, #ws-title, #title, #question, ' +
  '.slide-title, .slide-body li, .slide-body p, .group-button span, .group-icon, #workshop-title, .overlap-title, #themes-title';
for (const n of document.querySelectorAll(texts))
  for (const child of n.querySelectorAll('*')) if (!(child.tagName === 'MARK' && child.classList.contains('reason'))) show('inside ' + n.className, child);
for (const n of document.querySelectorAll('.note svg, .theme-card svg, .mod-note svg, .group-head svg, .summary-notes svg')) show('svg in card', n);
return bad;"""


def clean(text):
    return "".join(ch for ch in text if ch not in STRIPPED)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    folder = tmp_path_factory.mktemp("xss")
    # JSON is YAML: every string is double-quoted, so the file stays valid whatever the payload.
    path = folder / "xss.workshop.yaml"
    path.write_text("\n".join(f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in WORKSHOP.items()), "utf-8")
    server = Server(folder / "data", workshop=path)
    tokens = [server.join(g["id"]) for g in WORKSHOP["groups"]]
    stored = []
    for i, payload in enumerate(PAYLOADS):  # spread over the groups: at most 30 notes a minute per phone
        note = server.post_note(tokens[i % len(tokens)], payload)
        stored.append(note["text"])
    yield server, stored
    server.stop()


def check_page(driver, name, expect_texts=(), where=".note-text"):
    """No dialog, nothing injected, no console error; and the texts are there, as text."""
    try:
        text = driver.switch_to.alert.text
        raise AssertionError(f"{name}: a dialog opened: {text!r}")
    except NoAlertPresentException:
        pass
    assert driver.execute_script("return window.__dialogs || []") == [], name
    bad = driver.execute_script(INJECTED)
    assert not bad, f"{name}: injected markup: {bad[:5]}"
    log = driver.get_log("browser")
    errors = [e for e in log if e["level"] == "SEVERE" or "Content Security Policy" in e["message"]]
    assert not errors, f"{name}: console errors: {errors[:5]}"
    if expect_texts:
        shown = set(driver.execute_script(
            "return [...document.querySelectorAll(arguments[0])].map((n) => n.textContent)", where))
        missing = [t for t in expect_texts if t not in shown]
        assert not missing, f"{name}: not shown as text: {missing[:3]}"


def open_page(driver, url, ready_css):
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": RECORDER})
    driver.get(url)
    wait(driver).until(EC.presence_of_element_located((By.CSS_SELECTOR, ready_css)))


def test_server_stores_payloads_as_given_minus_bidi_and_controls(hostile):
    _, stored = hostile
    assert len(PAYLOADS) >= 50
    for payload, text in zip(PAYLOADS, stored):
        assert text == " ".join(clean(payload).split()), (payload, text)
        assert not STRIPPED & set(text)


def test_board_shows_payloads_as_text(hostile, drivers, screenshots):
    server, stored = hostile
    board = drivers(1920, 1080)
    open_page(board, server.url("/board"), ".group-col .note")
    board.execute_script("localStorage.removeItem('samenspel.board')")
    open_page(board, server.url("/board"), ".group-col .note")
    wait(board).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, ".group-col .note")) == len(stored))
    check_page(board, "board columns", stored)
    names = [g["name"] for g in WORKSHOP["groups"]]
    check_page(board, "board group names", names, ".group-col .group-name")
    check_page(board, "board question", [WORKSHOP["question"]], "#question")
    board.save_screenshot(str(screenshots / "xss-board-columns.png"))

    board.find_element(By.ID, "view-themes").click()
    wait(board).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#themes-table .note-text")))
    wait(board).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#themes-table .note-text")) >= len(stored))
    check_page(board, "board themes", stored, "#themes-table .note-text")
    board.save_screenshot(str(screenshots / "xss-board-themes.png"))
    wait(board).until(EC.element_to_be_clickable((By.ID, "view-lens"))).click()
    wait(board).until(lambda d: WORKSHOP["framework"]["name"] in d.find_element(By.ID, "themes-title").text)
    labels = [t["label"] for t in WORKSHOP["framework"]["themes"]]
    check_page(board, "board lens", labels, "#themes-table .theme-label")

    board.find_element(By.TAG_NAME, "body").send_keys("b")
    wait(board).until(EC.visibility_of_element_located((By.ID, "briefing")))
    check_page(board, "board briefing", [WORKSHOP["briefing"][0]["title"]], "#slide-title")


def test_trainer_summary_and_phone_show_payloads_as_text(hostile, drivers):
    server, stored = hostile
    driver = drivers(1280, 800)
    open_page(driver, server.trainer_url, "#moderation .mod-note")
    check_page(driver, "trainer", stored, "#moderation .note-text")
    check_page(driver, "trainer titles", [WORKSHOP["title"]], "#ws-title")

    open_page(driver, server.url("/summary"), ".summary-notes li")
    check_page(driver, "summary", stored, ".summary-notes li")
    check_page(driver, "summary groups", [g["name"] for g in WORKSHOP["groups"]], ".summary-group .group-name")

    phone = drivers(390, 844)
    open_page(phone, server.url("/"), "button[data-group]")
    check_page(phone, "phone picker", [g["name"] for g in WORKSHOP["groups"]], ".group-button span:not(.group-icon)")
    phone.find_element(By.CSS_SELECTOR, 'button[data-group="een"]').click()
    wait(phone).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#notes li.note")))
    mine = [text for i, text in enumerate(stored) if i % 3 == 0]
    check_page(phone, "phone notes", mine, "#notes .note-text")
    phone.execute_script("localStorage.clear()")
