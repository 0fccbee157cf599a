#!/usr/bin/env python3
"""Live themes by meaning, as a room uses them: 40 phones each post a note every 5 s, and
the board's event stream says when each note first shows in the themes. Also the server's
peak memory with the model loaded and how soon it listens after start.

  python3 Benchmarks/themes_latency.py            # quiet machine, then two busy programs beside it
  BENCH_SECONDS=90 python3 Benchmarks/themes_latency.py
Needs the release build (swift build -c release) and the model (scripts/install-model.sh).
Prints markdown rows for BENCHMARKS.md."""
import json, os, random, re, select, socket, statistics, subprocess, sys, tempfile, threading, time, urllib.request

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
BIN = os.path.join(ROOT, ".build", "release", "samenspel")
SECONDS = int(os.environ.get("BENCH_SECONDS", "60"))
PHONES, EVERY = 40, 5.0
GROUPS = ["muziek", "pmt", "beeldend", "drama"]
EXTRA = ["in de groep", "bij jongeren", "met ouderen", "in het begin", "na een paar weken", "op de afdeling",
         "thuis", "tijdens de sessie", "voor de cliënt", "voor mij als therapeut", "in de klas", "bij trauma"]


def texts():
    pool = []
    for name in ["eval-nl.json", "eval-nl-2.json"]:
        pool += [n["text"] for n in json.load(open(os.path.join(ROOT, "Tests", "Fixtures", name)))["notes"]]
    return pool


def start(data):
    started = time.time()
    process = subprocess.Popen([BIN, "serve", "--host", "127.0.0.1", "--port", "0", "--data", data,
                                "--joins-per-minute", "0", "--connections-per-ip", "0"],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=ROOT)
    text = b""
    while time.time() - started < 30:
        if select.select([process.stdout], [], [], 0.05)[0]:
            text += os.read(process.stdout.fileno(), 65536)
            match = re.search(rb"Trainer:\s+http://localhost:(\d+)/trainer\?token=(\S+)", text)
            if match:
                port = int(match.group(1))
                while True:  # listening: the first answer
                    try:
                        urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=1).read()
                        listening = time.time() - started
                        # A new session starts in its briefing; the phones here post notes.
                        call(port, "POST", "/api/trainer/phase", {"phase": "open"}, match.group(2).decode())
                        return process, port, listening
                    except OSError:
                        time.sleep(0.005)
    raise SystemExit("the server did not start")


def call(port, method, path, body=None, token=None):
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", method=method,
                                     data=json.dumps(body).encode() if body is not None else None,
                                     headers={"Content-Type": "application/json", **({"Authorization": f"Bearer {token}"} if token else {})})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read() or b"{}")


def watch(port, acked, seen, stop):
    """Reads themes.changed events; the first one holding a note gives its latency."""
    sock = socket.create_connection(("127.0.0.1", port))
    sock.sendall(b"GET /api/events?topics=themes HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n\r\n")
    buffer = b""
    sock.settimeout(0.5)
    while not stop.is_set():
        try:
            chunk = sock.recv(1 << 20)
        except socket.timeout:
            continue
        if not chunk:
            break
        buffer += chunk
        while b"\n\n" in buffer:
            event, buffer = buffer.split(b"\n\n", 1)
            now = time.time()
            for line in event.split(b"\n"):
                if line.startswith(b"data: ") and b'"themes"' in line:
                    ids = set(re.findall(rb'"noteIds":\[([^\]]*)\]', line))
                    for group in ids:
                        for note in re.findall(rb'"([^"]+)"', group):
                            note = note.decode()
                            if note in acked and note not in seen:
                                seen[note] = now - acked[note]


def run(label, hogs=0):
    data = tempfile.mkdtemp(prefix="samenspel-latency-")
    process, port, listening = start(data)
    deadline = time.time() + 30
    while call(port, "GET", "/api/themes").get("engine", {}).get("kind") != "meaning":
        if time.time() > deadline:
            raise SystemExit("themes did not turn to meaning: is the model installed?")
        time.sleep(0.1)
    busy = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(hogs)]
    acked, seen, stop = {}, {}, threading.Event()
    watcher = threading.Thread(target=watch, args=(port, acked, seen, stop), daemon=True)
    watcher.start()
    pool, lock = texts(), threading.Lock()
    tokens = [call(port, "POST", "/api/join", {"group": GROUPS[i % 4]})["token"] for i in range(PHONES)]
    end = time.time() + SECONDS

    def phone(index, token):
        rng = random.Random(index)
        time.sleep(rng.uniform(0, EVERY))
        n = 0
        while time.time() < end:
            text = f"{rng.choice(pool)} {rng.choice(EXTRA)} ({index}.{n})"
            note = f"p{index}-{n}"
            call(port, "POST", "/api/notes", {"id": note, "text": text}, token)
            with lock:
                acked[note] = time.time()
            n += 1
            time.sleep(EVERY)

    threads = [threading.Thread(target=phone, args=(i, t)) for i, t in enumerate(tokens)]
    for thread in threads: thread.start()
    for thread in threads: thread.join()
    time.sleep(8)
    stop.set()
    for hog in busy: hog.kill()
    rss = int(re.search(r"VmHWM:\s+(\d+)", open(f"/proc/{process.pid}/status").read()).group(1)) / 1024
    process.terminate(); process.wait()
    latencies = sorted(seen.values())
    missing = len(acked) - len(latencies)
    p = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))] if latencies else float("nan")
    print(f"| {label} | {len(acked)} | {p(0.5):.2f} | {p(0.95):.2f} | {latencies[-1] if latencies else float('nan'):.2f} | {missing} | {rss:.0f} | {listening * 1000:.0f} |", flush=True)


if __name__ == "__main__":
    print("| run | notes | p50 s | p95 s | max s | never shown | peak RSS MB | listening after ms |")
    print("|---|---|---|---|---|---|---|---|")
    run("40 phones, a note each every 5 s")
    run("the same, two busy programs beside it", hogs=2)
