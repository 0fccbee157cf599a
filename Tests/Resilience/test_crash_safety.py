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
