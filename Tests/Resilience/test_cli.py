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
