"""Starts the real samenspel binary for a test and waits until it listens (no sleeps)."""
import json
import os
import re
import select
import signal
import subprocess
import time
import http.client

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BINARY = os.environ.get("SAMENSPEL_BIN", os.path.join(ROOT, ".build", "debug", "samenspel"))


class Server:
    def __init__(self, data_dir, port=0, extra=()):
        self.data_dir = data_dir
        self.process = subprocess.Popen(
            [BINARY, "serve", "--host", "127.0.0.1", "--port", str(port), "--data", data_dir,
             "--workshop", os.path.join(ROOT, "Workshops", "werkalliantie-vaktherapie.yaml"),
             # Test clients all come from 127.0.0.1 and go fast; the limits have tests of their own.
             "--notes-per-minute", "0", "--joins-per-minute", "0", "--connections-per-ip", "0", *extra],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
        self.port, self.trainer_token, self.banner = self._wait_for_banner(deadline=time.time() + 30)
        if "Session: new" in self.banner:  # a new session starts in its briefing; the tests brainstorm
            status, body = self.request("POST", "/api/trainer/phase", {"phase": "open"}, self.trainer_token)
            assert status == 200, body

    def _wait_for_banner(self, deadline):
        buffered = b""
        while time.time() < deadline:
            ready, _, _ = select.select([self.process.stdout], [], [], 0.5)
            if ready:
                chunk = os.read(self.process.stdout.fileno(), 65536)
                if not chunk:
                    break
                buffered += chunk
                match = re.search(rb"Trainer:\s+http://[^:/\s]+:(\d+)/trainer\?token=(\S+)", buffered)
                if match:
                    return int(match.group(1)), match.group(2).decode(), buffered.decode(errors="replace")
            if self.process.poll() is not None:
                break
        raise RuntimeError("server did not start: " + buffered.decode(errors="replace") + self.process.stderr.read().decode())

    def connection(self, timeout=10):
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)

    def request(self, method, path, body=None, token=None, timeout=10):
        connection = self.connection(timeout)
        headers = {"Content-Type": "application/json"}
        if token:
            headers["Authorization"] = "Bearer " + token
        connection.request(method, path, body=None if body is None else json.dumps(body), headers=headers)
        response = connection.getresponse()
        data = response.read()
        connection.close()
        return response.status, (json.loads(data) if data and response.getheader("Content-Type", "").startswith("application/json") else data)

    def join(self, group):
        status, body = self.request("POST", "/api/join", {"group": group})
        assert status == 201, body
        return body["token"]

    def notes(self):
        return self.request("GET", "/api/notes")[1]["notes"]

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self, sig=signal.SIGTERM, timeout=10):
        if self.process.poll() is None:
            self.process.send_signal(sig)
            return self.process.wait(timeout=timeout)
        return self.process.returncode
