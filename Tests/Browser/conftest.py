"""Fixtures for the real-browser tests: one Samenspel server, Chromium drivers."""
import json
import os
import pathlib
import queue
import re
import signal
import subprocess
import threading
import time
import urllib.request
import uuid

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

ROOT = pathlib.Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / ".build" / "screenshots"
TRAINER_LINE = re.compile(r"Trainer:\s+(http://\S+)")


def binary_path():
    binary = pathlib.Path(os.environ.get("SAMENSPEL_BIN", ".build/debug/samenspel"))
    if not binary.is_absolute():
        binary = ROOT / binary
    if not binary.exists():
        pytest.fail(f"server binary not found: {binary} (build it or set SAMENSPEL_BIN)")
    return binary


class Server:
    """The real binary on a --data folder. stop() and start() again keep the data and the port."""

    def __init__(self, data, port=0, workshop="Workshops/werkalliantie-vaktherapie.yaml", extra=()):
        self.data = data
        self.port = port
        self.workshop = str(workshop)
        self.extra = list(extra)
        self.process = None
        self.base_url = self.trainer_url = None
        self.start()

    def url(self, path="/"):
        return self.base_url + path

    def start(self):
        assert self.process is None or self.process.poll() is not None, "already running"
        self.process = subprocess.Popen(
            [str(binary_path()), "serve", "--port", str(self.port), "--host", "127.0.0.1", "--data", str(self.data),
             "--workshop", self.workshop,
             # every browser of every test comes from 127.0.0.1: one address holds the whole room
             "--connections-per-ip", "0", *self.extra],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1,
        )
        lines = queue.Queue()
        process = self.process

        def pump():  # keep reading so the server never blocks on a full pipe
            for line in process.stdout:
                lines.put(line)
            lines.put(None)

        threading.Thread(target=pump, daemon=True).start()
        deadline = time.monotonic() + 30
        seen = []
        trainer_url = None
        while trainer_url is None:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            try:
                line = lines.get(timeout=remaining)
            except queue.Empty:
                break
            if line is None:
                break
            seen.append(line)
            match = TRAINER_LINE.search(line)
            if match:
                trainer_url = match.group(1)
        if trainer_url is None:
            self.stop()
            pytest.fail("server did not print a Trainer URL within 30 s:\n" + "".join(seen))
        self.trainer_url = trainer_url
        self.base_url = re.match(r"(http://[^/]+)", trainer_url).group(1)
        self.port = int(self.base_url.rsplit(":", 1)[1])  # a restart comes back on the same port
        self.banner = "".join(seen)
        if "Session: new" in self.banner and "--trainer-pin" not in self.extra:  # a new session starts in its briefing; the tests brainstorm
            self.trainer("POST", "/api/trainer/phase", {"phase": "open"})

    def stop(self, sig=signal.SIGTERM):
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(sig)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    # Small JSON client for setting up test data through the API.
    def api(self, method, path, body=None, token=None):
        request = urllib.request.Request(self.url(path), method=method,
                                         data=None if body is None else json.dumps(body).encode(),
                                         headers={"Content-Type": "application/json",
                                                  **({"Authorization": "Bearer " + token} if token else {})})
        with urllib.request.urlopen(request, timeout=10) as response:
            data = response.read()
            return json.loads(data) if data else None

    @property
    def trainer_token(self):
        return self.trainer_url.split("token=", 1)[1]

    def trainer(self, method, path, body=None):
        """A trainer call with the bearer token (exempt from the page's CSRF token)."""
        return self.api(method, path, body, self.trainer_token)

    def join(self, group):
        return self.api("POST", "/api/join", {"group": group})["token"]

    def post_note(self, token, text):
        return self.api("POST", "/api/notes", {"id": str(uuid.uuid4()), "text": text}, token)

    def notes(self):
        return self.api("GET", "/api/notes")["notes"]


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    running = Server(tmp_path_factory.mktemp("samenspel-data"))
    yield running
    running.stop()


def make_driver(width, height):
    options = webdriver.ChromeOptions()
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    options.binary_location = os.environ.get("CHROME_BIN", "/usr/bin/chromium")
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                f"--window-size={width},{height}", "--force-device-scale-factor=1",
                "--lang=nl-NL"):
        options.add_argument(arg)
    service = Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    driver = webdriver.Chrome(service=service, options=options)
    # The window size includes browser chrome; make the viewport exact.
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 800,
    })
    return driver


@pytest.fixture(scope="session")
def drivers():
    """Factory: drivers(width, height) → a new Chrome, all quit at the end."""
    made = []

    def factory(width, height):
        driver = make_driver(width, height)
        made.append(driver)
        return driver

    yield factory
    for driver in made:
        driver.quit()


@pytest.fixture(scope="session")
def phone(drivers):
    return drivers(390, 844)


@pytest.fixture(scope="session")
def board(drivers, server):
    driver = drivers(1920, 1080)
    driver.get(server.url("/board"))
    return driver


@pytest.fixture(scope="session")
def trainer(drivers, server):
    driver = drivers(1280, 900)
    driver.get(server.trainer_url)
    return driver


@pytest.fixture(scope="session")
def screenshots():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


def settle(driver, timeout=5):
    """Waits until the page has no running animations (for screenshots and audits)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not driver.execute_script(
                "return document.getAnimations().filter((a) => a.playState === 'running').length"):
            return
        time.sleep(0.1)
