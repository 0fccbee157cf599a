"""Fixtures for the real-browser tests: one Samenspel server, Chromium drivers."""
import os
import pathlib
import queue
import re
import subprocess
import threading
import time

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

ROOT = pathlib.Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / ".build" / "screenshots"
TRAINER_LINE = re.compile(r"Trainer:\s+(http://\S+)")


class Server:
    def __init__(self, base_url, trainer_url, process):
        self.base_url = base_url
        self.trainer_url = trainer_url
        self.process = process

    def url(self, path="/"):
        return self.base_url + path


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    binary = pathlib.Path(os.environ.get("SAMENSPEL_BIN", ".build/debug/samenspel"))
    if not binary.is_absolute():
        binary = ROOT / binary
    if not binary.exists():
        pytest.fail(f"server binary not found: {binary} (build it or set SAMENSPEL_BIN)")
    data = tmp_path_factory.mktemp("samenspel-data")
    process = subprocess.Popen(
        [str(binary), "serve", "--port", "0", "--host", "127.0.0.1", "--data", str(data),
         "--workshop", "Workshops/werkalliantie-vaktherapie.yaml"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1,
    )
    lines = queue.Queue()

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
        process.terminate()
        pytest.fail("server did not print a Trainer URL within 30 s:\n" + "".join(seen))
    base_url = re.match(r"(http://[^/]+)", trainer_url).group(1)
    yield Server(base_url, trainer_url, process)
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def make_driver(width, height):
    options = webdriver.ChromeOptions()
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
