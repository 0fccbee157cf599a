"""Raw-socket abuse: garbage, huge headers, slow senders, half-closed and dropped
connections. The server keeps answering and loses nothing."""
import os
import socket
import time

import pytest

from samenspel_server import Server


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    server = Server(str(tmp_path_factory.mktemp("abuse")))
    token = server.join("drama")
    assert server.request("POST", "/api/notes", {"id": "keep", "text": "veilig want het is maar spel"}, token=token)[0] == 201
    yield server
    assert server.stop() == 0


def healthy(server):
    status, body = server.request("GET", "/api/health", timeout=5)
    return status == 200 and body == {"ok": True}


def raw(server, payload, read=True, timeout=5):
    sock = socket.create_connection(("127.0.0.1", server.port), timeout=timeout)
    try:
        sock.sendall(payload)
        if not read:
            return b""
        chunks = []
        while True:
            try:
                chunk = sock.recv(65536)
            except (socket.timeout, ConnectionResetError):
                break
            if not chunk:
                break
            chunks.append(chunk)
            if b"\r\n\r\n" in b"".join(chunks):
                break
        return b"".join(chunks)
    finally:
        sock.close()


def test_garbage_bytes_get_an_error_or_a_close(server):
    for payload in [os.urandom(4096), b"\x00" * 100 + b"\r\n\r\n", b"GET\r\n\r\n", b"HELLO / HTTP/9.9\r\n\r\n",
                    b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n", b"POST /api/notes HTTP/1.1\r\n\r\n"]:
        answer = raw(server, payload)
        # 4xx for bad requests; 505 is the right answer to an unknown HTTP version.
        assert answer == b"" or answer.startswith((b"HTTP/1.1 4", b"HTTP/1.1 505")), answer[:80]
    assert healthy(server)


def test_huge_headers_are_refused(server):
    answer = raw(server, b"GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 200_000 + b"\r\n\r\n")
    assert answer == b"" or answer.split(b" ")[1] in (b"413", b"431", b"400"), answer[:80]
    assert healthy(server)


def test_a_slow_sender_does_not_block_others(server):
    slow = socket.create_connection(("127.0.0.1", server.port), timeout=5)
    slow.sendall(b"POST /api/notes HTTP/1.1\r\nHost: x\r\nContent-Length: 50\r\n\r\n{\"id\":")
    for _ in range(20):
        assert healthy(server)
    slow.close()


def test_half_closed_connections_still_get_answers(server):
    sock = socket.create_connection(("127.0.0.1", server.port), timeout=5)
    sock.sendall(b"GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n")
    sock.shutdown(socket.SHUT_WR)
    data = b""
    # Read the whole answer; whether the server then closes at once is up to it.
    while not (b"\r\n\r\n" in data and data.endswith(b"}")):
        chunk = sock.recv(65536)
        if not chunk:
            break
        data += chunk
    sock.close()
    assert data.startswith(b"HTTP/1.1 200") and data.endswith(b'{"ok":true}')


def test_two_thousand_connections_opened_and_dropped(server):
    dropped = 0
    for batch in range(10):
        sockets = [socket.create_connection(("127.0.0.1", server.port), timeout=5) for _ in range(200)]
        for index, sock in enumerate(sockets):
            if index % 3 == 0:
                sock.sendall(b"GET /api/events HTTP/1.1\r\nHost: x\r\n\r\n")
            elif index % 3 == 1:
                sock.sendall(b"GET /api/ses")
            sock.close()
            dropped += 1
        assert healthy(server)
    assert dropped == 2000
    assert [note["id"] for note in server.notes()] == ["keep"]
