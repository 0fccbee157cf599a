"""The export and import commands, on the data folder of a running server."""
import json
import os
import subprocess

from samenspel_server import BINARY, ROOT, Server


def run(*args):
    return subprocess.run([BINARY, *args], capture_output=True, text=True, cwd=ROOT, timeout=60)


def test_export_import_round_trip_while_the_server_runs(tmp_path):
    data = str(tmp_path / "data")
    server = Server(data)
    try:
        token = server.join("muziek")
        assert server.request("POST", "/api/notes", {"id": "n1", "text": "Samen spelen — cliënt én therapeut"}, token=token)[0] == 201
        first = run("export", "active", "--format", "json", "--data", data)
        assert first.returncode == 0, first.stderr
        markdown = run("export", "latest", "--format", "md", "--data", data)
        assert "Samen spelen — cliënt én therapeut" in markdown.stdout
        pdf = tmp_path / "summary.pdf"
        assert run("export", "active", "--format", "pdf", "-o", str(pdf), "--data", data).returncode == 0
        assert pdf.read_bytes().startswith(b"%PDF-")
    finally:
        server.stop()
    exported = tmp_path / "session.json"
    exported.write_text(first.stdout)
    other = str(tmp_path / "other")
    imported = run("import", str(exported), "--data", other)
    assert imported.returncode == 0, imported.stderr
    again = run("export", "latest", "--format", "json", "--data", other)
    assert json.loads(again.stdout) == json.loads(first.stdout)
    refused = run("import", str(exported), "--data", other)
    assert refused.returncode == 1 and refused.stderr.startswith("samenspel: ")


def test_paper_notes_import_names_a_bad_line(tmp_path):
    paper = tmp_path / "paper.csv"
    paper.write_text("group,text\nMuziek,Samen zingen\nPMT,Bewegen geeft rust\nDans,Geen groep\n", encoding="utf-8")
    result = run("import", str(paper), "--workshop", os.path.join(ROOT, "Workshops", "werkalliantie-vaktherapie.yaml"),
                 "--data", str(tmp_path / "data"))
    assert result.returncode == 1
    assert "line 4" in result.stderr
    paper.write_text("group,text\nMuziek,Samen zingen\npmt,Bewegen geeft rust\n", encoding="utf-8")
    result = run("import", str(paper), "--workshop", os.path.join(ROOT, "Workshops", "werkalliantie-vaktherapie.yaml"),
                 "--data", str(tmp_path / "data"))
    assert result.returncode == 0, result.stderr
    markdown = run("export", "latest", "--format", "md", "--data", str(tmp_path / "data"))
    assert "Bewegen geeft rust" in markdown.stdout


def test_cluster_keeps_vectors_so_a_second_run_embeds_nothing(tmp_path):
    import sqlite3
    notes = os.path.join(ROOT, "Tests", "Fixtures", "eval-nl.json")
    workshop = os.path.join(ROOT, "Workshops", "werkalliantie-vaktherapie.yaml")
    data = str(tmp_path / "data")
    first = run("cluster", notes, "--workshop", workshop, "--data", data, "--format", "json", "--timing")
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout)["engine"] == "meaning"
    database = os.path.join(data, "samenspel.sqlite")
    stored = sqlite3.connect(database).execute("SELECT COUNT(*) FROM textVector").fetchone()[0]
    texts = {n["text"] for n in json.load(open(notes))["notes"]}
    assert stored >= len(texts)
    # Mark one stored vector (another text's): a second run that embedded that note again
    # would overwrite it.
    texts = sorted(texts)
    db = sqlite3.connect(database)
    other = db.execute("SELECT vector FROM textVector WHERE text = ?", (texts[1],)).fetchone()[0]
    db.execute("UPDATE textVector SET vector = ? WHERE text = ?", (other, texts[0]))
    db.commit()
    second = run("cluster", notes, "--workshop", workshop, "--data", data, "--format", "json")
    assert second.returncode == 0, second.stderr
    assert json.loads(second.stdout)["engine"] == "meaning"
    db = sqlite3.connect(database)
    assert db.execute("SELECT vector FROM textVector WHERE text = ?", (texts[0],)).fetchone()[0] == other
    assert db.execute("SELECT COUNT(*) FROM textVector").fetchone()[0] == stored


def test_cluster_without_the_model_groups_by_words_and_says_so(tmp_path):
    notes = os.path.join(ROOT, "Tests", "Fixtures", "eval-en.json")
    result = run("cluster", notes, "--language", "en", "--model", str(tmp_path / "none"), "--data", str(tmp_path / "data"))
    assert result.returncode == 0, result.stderr
    assert "grouping by words" in result.stderr and "not installed" in result.stderr
    assert "grouped by shared words" in result.stdout


def test_check_names_every_problem_with_its_line(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: Demo Workshop\ntitle: Demo\nlanguage: fr\nqestion: Wat?\ngroups:\n  - id: a\n"
                      "\tname: Group A\n    colour: blue\n  - id: a\n    name: Again\n    colour: \"#445566\"\n")
    result = run("check", str(broken))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines[-1].endswith("7 problems"), result.stderr
    for line, words in [(1, "missing 'question'"), (3, "'fr'"), (4, "'qestion'"), (7, "tab"), (8, "'blue'"), (9, "twice")]:
        assert any(f"line {line}," in l and words in l for l in lines), (line, words, result.stderr)
    good = run("check", os.path.join(ROOT, "Workshops", "team-retrospective.yaml"))
    assert good.returncode == 0 and ": ok" in good.stdout


def test_a_restart_resumes_the_room_whatever_workshop_it_names(tmp_path):
    """Ctrl-C in the middle of another workshop's brainstorm, then `samenspel serve` as `make serve`
    runs it: the same session comes back with its notes and countdown, and the terminal says so."""
    data = str(tmp_path / "data")
    server = Server(data)
    try:
        status, session = server.request("POST", "/api/trainer/sessions", {"workshop": "team-retrospective"}, token=server.trainer_token)
        assert status == 201
        server.request("POST", "/api/trainer/timer", {"seconds": 900}, token=server.trainer_token)
        token = server.join("keep")
        assert server.request("POST", "/api/notes", {"id": "k1", "text": "Short stand-ups"}, token=token)[0] == 201
    finally:
        server.stop()
    again = Server(data)  # --workshop names the vaktherapie workshop
    try:
        _, resumed = again.request("GET", "/api/session")
        assert resumed["id"] == session["id"] and resumed["workshop"]["id"] == "team-retrospective"
        assert resumed["phase"] == "open" and resumed["timer"]["seconds"] == 900
        assert [n["text"] for n in again.notes()] == ["Short stand-ups"]
        assert "Session: resumed" in again.banner and "was not started" in again.banner
    finally:
        again.stop()
