"""Never lose a note: 50 clients post as fast as they can, the server is killed with
SIGKILL in the middle, and after a restart every acknowledged note is there once."""
import json
import os
import sqlite3
import threading
import time
import uuid
import http.client

from samenspel_server import Server

GROUPS = ["muziek", "pmt", "beeldend", "drama"]


def poster(server, token, stop, acked, attempted, lock):
    connection = server.connection(timeout=5)
    while not stop.is_set():
        note_id = str(uuid.uuid4())
        with lock:
            attempted.append(note_id)
        try:
            connection.request("POST", "/api/notes", body=json.dumps({"id": note_id, "text": "noot " + note_id[:8]}),
                               headers={"Content-Type": "application/json", "Authorization": "Bearer " + token})
            response = connection.getresponse()
            response.read()
            if 200 <= response.status < 300:
                with lock:
                    acked.append(note_id)
        except (OSError, http.client.HTTPException):
            return  # the server is gone


def test_kill_during_load_loses_and_doubles_nothing(tmp_path):
    data = str(tmp_path / "data")
    server = Server(data)
    tokens = [server.join(GROUPS[i % 4]) for i in range(50)]
    stop, lock = threading.Event(), threading.Lock()
    acked, attempted = [], []
    threads = [threading.Thread(target=poster, args=(server, token, stop, acked, attempted, lock)) for token in tokens]
    for thread in threads:
        thread.start()
    deadline = time.time() + 60
    while len(acked) < 400 and time.time() < deadline:  # wait for load, not for a fixed time
        time.sleep(0.01)
    server.kill()
    stop.set()
    for thread in threads:
        thread.join(timeout=10)
    assert len(acked) >= 400, "too few notes were acknowledged before the kill"

    server = Server(data)
    try:
        stored = [note["id"] for note in server.notes()]
        assert len(stored) == len(set(stored)), "a note is stored twice"
        missing = set(acked) - set(stored)
        assert not missing, f"{len(missing)} acknowledged notes were lost"

        # The phones retry what they never saw acknowledged: each lands exactly once.
        token = tokens[0]
        for note_id in set(attempted) - set(acked):
            status, _ = server.request("POST", "/api/notes", {"id": note_id, "text": "noot " + note_id[:8]}, token=token)
            assert status in (200, 201, 403, 409), status
        stored_after = [note["id"] for note in server.notes()]
        assert len(stored_after) == len(set(stored_after))
        assert set(attempted) <= set(stored_after), "a retried note is missing"
    finally:
        assert server.stop() == 0
    check = sqlite3.connect(os.path.join(data, "samenspel.sqlite")).execute("PRAGMA integrity_check").fetchone()[0]
    assert check == "ok"


def test_sigterm_closes_streams_and_checkpoints(tmp_path):
    data = str(tmp_path / "data")
    server = Server(data)
    token = server.join("pmt")
    assert server.request("POST", "/api/notes", {"id": "n1", "text": "houvast"}, token=token)[0] == 201
    streams = []
    for _ in range(10):
        connection = server.connection()
        connection.request("GET", "/api/events")
        response = connection.getresponse()
        assert response.status == 200
        streams.append((connection, response))
    started = time.time()
    assert server.stop() == 0
    assert time.time() - started < 5
    for _, response in streams:
        response.read()  # ends: the server closed the stream
    wal = os.path.join(data, "samenspel.sqlite-wal")
    assert not os.path.exists(wal) or os.path.getsize(wal) == 0, "the WAL was not checkpointed"
    rows = sqlite3.connect(os.path.join(data, "samenspel.sqlite")).execute("SELECT id FROM note").fetchall()
    assert rows == [("n1",)]


def voter(server, token, themes, stop, log, lock):
    """Changes this phone's dots again and again; logs each ballot as sent, then as acknowledged."""
    connection = server.connection(timeout=5)
    round_ = 0
    while not stop.is_set():
        round_ += 1
        ballot = {themes[round_ % len(themes)]: 1 + round_ % 2, themes[(round_ + 1) % len(themes)]: 1}
        with lock:
            log.append(("sent", token, ballot))
        try:
            connection.request("PUT", "/api/votes", body=json.dumps({"votes": ballot}),
                               headers={"Content-Type": "application/json", "Authorization": "Bearer " + token})
            response = connection.getresponse()
            response.read()
            if response.status == 200:
                with lock:
                    log.append(("acked", token, ballot))
        except (OSError, http.client.HTTPException):
            return


def test_kill_while_the_room_votes_keeps_every_acknowledged_dot(tmp_path):
    """Votes are durable like notes: after SIGKILL each phone has its last acknowledged dots
    (or the change it sent just before, if that was committed but not yet answered)."""
    data = str(tmp_path / "data")
    server = Server(data, extra=["--themes", "words"])
    writer = server.join("muziek")
    for text in ["Samen muziek maken", "Samen muziek spelen", "Klei geeft houvast", "Klei om vast te houden"]:
        status, _ = server.request("POST", "/api/notes", {"id": str(uuid.uuid4()), "text": text}, token=writer)
        assert status == 201
    themes = [theme["id"] for theme in server.request("GET", "/api/themes")[1]["themes"]]
    assert len(themes) >= 2
    status, _ = server.request("POST", "/api/trainer/voting", {"open": True, "dots": 3}, server.trainer_token)
    assert status == 200
    tokens = [server.join(GROUPS[i % 4]) for i in range(40)]
    stop, lock, log = threading.Event(), threading.Lock(), []
    threads = [threading.Thread(target=voter, args=(server, token, themes, stop, log, lock)) for token in tokens]
    for thread in threads:
        thread.start()
    deadline = time.time() + 60
    while sum(1 for entry in log if entry[0] == "acked") < 300 and time.time() < deadline:
        time.sleep(0.01)
    server.kill()
    stop.set()
    for thread in threads:
        thread.join(timeout=10)

    server = Server(data, extra=["--themes", "words"])
    try:
        status, session = server.request("GET", "/api/session")
        assert session["voting"] == {"open": True, "dots": 3}
        for token in tokens:
            entries = [entry for entry in log if entry[1] == token]
            acked = [ballot for kind, _, ballot in entries if kind == "acked"]
            if not acked:
                continue
            last = max(index for index, entry in enumerate(entries) if entry[0] == "acked")
            allowed = [acked[-1]] + [ballot for kind, _, ballot in entries[last + 1:] if kind == "sent"]
            status, votes = server.request("GET", "/api/votes", token=token)
            assert votes["mine"] in allowed, (token, votes["mine"], allowed)
    finally:
        assert server.stop() == 0
