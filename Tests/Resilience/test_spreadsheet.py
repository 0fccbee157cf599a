"""The CSV export opens in columns in a real spreadsheet program (LibreOffice Calc, headless):
a Dutch workshop's file with the semicolon a spreadsheet set to Dutch expects, an English one
with the comma an English one expects. Accents, quotes, commas and semicolons in notes survive."""
import csv
import os
import shutil
import subprocess

import pytest

from samenspel_server import BINARY, ROOT, Server

TRICKY = 'Cliënt, therapeut; samen "spelen"'
SEPARATOR = {"nl": 59, "en": 44}  # the list separator of a spreadsheet in that language (; and ,)


def open_in_calc(path, language, tmp_path):
    """Opens the CSV as a spreadsheet in `language` would (its list separator, UTF-8) and saves
    what it read as tab-separated text; returns the rows."""
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.fail("LibreOffice is not installed: run scripts/install-deps.sh --test")
    out = tmp_path / f"calc-{language}"
    result = subprocess.run(
        [soffice, "--headless", "--norestore", f"-env:UserInstallation=file://{tmp_path}/lo-profile",
         f"--infilter=CSV:{SEPARATOR[language]},34,76,1", "--convert-to", "csv:Text - txt - csv (StarCalc):9,34,76,1",
         "--outdir", str(out), str(path)], capture_output=True, text=True, timeout=180)
    converted = out / path.name
    assert converted.exists(), result.stdout + result.stderr
    with open(converted, encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle, delimiter="\t"))


def export_csv(data, tmp_path, name):
    result = subprocess.run([BINARY, "export", "active", "--format", "csv", "--data", data],
                            capture_output=True, cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr
    path = tmp_path / name
    path.write_bytes(result.stdout)
    return path


def test_csv_opens_in_columns_in_a_dutch_and_an_english_spreadsheet(tmp_path):
    data = str(tmp_path / "data")
    server = Server(data)
    try:
        token = server.join("muziek")
        assert server.request("POST", "/api/notes", {"id": "n1", "text": TRICKY}, token=token)[0] == 201
        dutch = export_csv(data, tmp_path, "nl.csv")
        server.request("POST", "/api/trainer/sessions", {"workshop": "team-retrospective"}, token=server.trainer_token)
        server.request("POST", "/api/trainer/phase", {"phase": "open"}, token=server.trainer_token)
        keep = server.join("keep")
        assert server.request("POST", "/api/notes", {"id": "e1", "text": TRICKY}, token=keep)[0] == 201
        english = export_csv(data, tmp_path, "en.csv")
    finally:
        server.stop()
    for path, language, header, group, question in [
            (dutch, "nl", ["sessie", "groep", "vraag", "thema", "stippen", "tekst", "tijd"], "Muziek", "Wat is de functie"),
            (english, "en", ["session", "group", "question", "theme", "dots", "text", "time"], "Keep doing", "Looking back")]:
        rows = open_in_calc(path, language, tmp_path)
        assert rows[0] == header, (language, rows[0])  # the byte-order mark is not in the first cell
        assert all(len(row) == 7 for row in rows), (language, rows)
        assert rows[1][1] == group and rows[1][5] == TRICKY, (language, rows[1])
        assert rows[1][2].startswith(question), (language, rows[1])
