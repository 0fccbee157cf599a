#!/usr/bin/env python3
"""Server benchmarks on loopback: ingest against a bare libmicrohttpd ceiling, SSE
fan-out to 2,000 clients, idle cost and start-up. Writes its section of BENCHMARKS.md.
Run: Benchmarks/server-bench.sh   (builds everything it needs first)"""
import json
import os
import platform
import re
import select
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
BIN = os.path.join(ROOT, ".build", "release", "samenspel")
TOOLS = os.path.join(ROOT, ".build", "bench")
DURATION = int(os.environ.get("BENCH_SECONDS", "10"))
# Long enough for a heartbeat (every 15 s), which writes to every idle stream.
IDLE_SECONDS = max(DURATION, 20)
# Ingest and its ceiling are measured this many times each, interleaved (see `ingest`).
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "5"))
# Load comes from one address (loopback) and far faster than any phone: the per-phone and
# per-address limits are switched off here and tested separately.
UNLIMITED = ["--notes-per-minute", "0", "--notes-per-phone", "0", "--joins-per-minute", "0", "--connections-per-ip", "0"]


def start_samenspel(data, port=0):
    process = subprocess.Popen([BIN, "serve", "--host", "127.0.0.1", "--port", str(port), "--data", data, *UNLIMITED],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=ROOT)
    text, deadline = b"", time.time() + 30
    while time.time() < deadline:
        if select.select([process.stdout], [], [], 0.5)[0]:
            text += os.read(process.stdout.fileno(), 65536)
            match = re.search(rb"Trainer:\s+http://localhost:(\d+)/trainer\?token=(\S+)", text)
            if match:
                open_brainstorm(int(match.group(1)), match.group(2).decode())
                return process, int(match.group(1))
    raise RuntimeError("samenspel did not start")


def open_brainstorm(port, trainer_token):
    """A new session starts in its briefing; the benchmark posts notes, so it opens submissions."""
    request = urllib.request.Request(f"http://127.0.0.1:{port}/api/trainer/phase", data=b'{"phase": "open"}',
                                     headers={"Content-Type": "application/json", "Authorization": "Bearer " + trainer_token})
    urllib.request.urlopen(request).read()


def join(port, group="pmt"):
    request = urllib.request.Request(f"http://127.0.0.1:{port}/api/join", data=json.dumps({"group": group}).encode(),
                                     headers={"Content-Type": "application/json"})
    return json.load(urllib.request.urlopen(request))["token"]


def cpu_ticks(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def memory(pid, key):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith(key + ":"):
            return int(line.split()[1]) / 1024  # MiB
    return 0.0


def cpu_seconds(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def wrk(port, tokens, connections=50, pid=None):
    """wrk's result; with `pid`, also that server's CPU microseconds per request."""
    before = cpu_seconds(pid) if pid else 0
    out = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{DURATION}s", "-s", os.path.join(ROOT, "Benchmarks", "post-note.lua"),
                          f"http://127.0.0.1:{port}", "--", ",".join(tokens)], capture_output=True, text=True, check=True).stdout
    fields = dict(item.split("=") for item in re.search(r"RESULT (.*)", out).group(1).split())
    result = {k: float(v) for k, v in fields.items()}
    if pid:
        result["cpu_us"] = 1e6 * (cpu_seconds(pid) - before) / max(1, result["requests"])
    return result


def ingest_round(connections, ceiling_first):
    """One ceiling run and one ingest run, next to each other in time."""
    def ceiling_run():
        hello = subprocess.Popen([os.path.join(TOOLS, "hello"), "4"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        hello_port = int(hello.stdout.readline())
        ceiling = wrk(hello_port, ["x"], connections, hello.pid)
        hello.stdin.close()
        hello.wait()
        return ceiling

    def ingest_run():
        data = tempfile.mkdtemp(prefix="bench-ingest-")
        server, port = start_samenspel(data)
        tokens = [join(port) for _ in range(20)]
        result = wrk(port, tokens, connections, server.pid)
        result["stored"] = len(json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/api/notes"))["notes"])
        server.terminate()
        server.wait()
        shutil.rmtree(data)
        return result

    if ceiling_first:
        ceiling = ceiling_run()
        result = ingest_run()
    else:
        result = ingest_run()
        ceiling = ceiling_run()
    ok = result["requests"] - result["non2xx"] - result["errors"]
    return {"ceiling_rps": ceiling["requests"] / ceiling["seconds"], "ingest_rps": ok / result["seconds"],
            "ingest_p50_ms": result["p50_ms"], "ingest_p99_ms": result["p99_ms"],
            "ceiling_cpu_us": ceiling["cpu_us"], "ingest_cpu_us": result["cpu_us"],
            "acknowledged": ok, "stored": result["stored"]}


def ingest(connections=50):
    """ROUNDS rounds of ceiling and ingest, in alternating order (ABBA), so that the drift of a
    shared machine hits both alike. Each round gives a ratio of two runs a few seconds apart;
    the result is the median round's ratio, and the median of each measure."""
    rounds = [ingest_round(connections, ceiling_first=(n % 2 == 0)) for n in range(ROUNDS)]
    ratios = [100 * r["ingest_rps"] / r["ceiling_rps"] for r in rounds]
    result = {key: statistics.median(r[key] for r in rounds) for key in rounds[0] if key not in ("acknowledged", "stored")}
    result["ratio_percent"] = statistics.median(ratios)
    result["round_ratios_percent"] = [round(x, 1) for x in ratios]
    # Every round must store at least what it acknowledged; the sums are shown.
    result["all_stored"] = all(r["stored"] >= r["acknowledged"] for r in rounds)
    result["acknowledged"] = sum(r["acknowledged"] for r in rounds)
    result["stored"] = sum(r["stored"] for r in rounds)
    return result


def fanout(clients=2000, events=500, interval_ms=10):
    data = tempfile.mkdtemp(prefix="bench-fanout-")
    server, port = start_samenspel(data)
    token = join(port)
    out = subprocess.run([os.path.join(TOOLS, "fanout"), str(port), token, str(clients), str(events), str(interval_ms)],
                         capture_output=True, text=True, check=True).stdout
    result = json.loads(out)
    result["peak_rss_mib"] = memory(server.pid, "VmHWM")
    server.terminate()
    server.wait()
    shutil.rmtree(data)
    # Idle, on a new server: a parked stream whose client left is only noticed at the next
    # heartbeat, so the fan-out run's 2,000 would still be counted. One note first, so the
    # theme engine (the Dutch dictionary) is loaded as in a real session.
    data = tempfile.mkdtemp(prefix="bench-idle-")
    server, port = start_samenspel(data)
    token = join(port)
    request = urllib.request.Request(f"http://127.0.0.1:{port}/api/notes", data=b'{"id":"idle-1","text":"Samen spelen"}',
                                     headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"})
    urllib.request.urlopen(request).read()
    time.sleep(2)  # the first theme run loads the dictionary
    idle = subprocess.Popen([os.path.join(TOOLS, "fanout"), str(port), token, str(clients), "0", str(IDLE_SECONDS)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    idle.stderr.readline()  # "N of N clients subscribed"
    before, started = cpu_ticks(server.pid), time.time()
    idle.wait()
    ticks, seconds = cpu_ticks(server.pid) - before, time.time() - started
    result["idle_cpu_percent"] = 100.0 * ticks / os.sysconf("SC_CLK_TCK") / seconds
    result["idle_rss_mib"] = memory(server.pid, "VmRSS")
    server.terminate()
    server.wait()
    shutil.rmtree(data)
    return result


def startup(runs=15):
    def once(data, port):
        started = time.perf_counter()
        process = subprocess.Popen([BIN, "serve", "--host", "127.0.0.1", "--port", str(port), "--data", data],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.001)
        elapsed = (time.perf_counter() - started) * 1000
        process.terminate()
        process.wait()
        return elapsed

    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    fresh, again = [], []
    for _ in range(runs):
        data = tempfile.mkdtemp(prefix="bench-start-")
        fresh.append(once(data, port))   # new data folder: creates and migrates the database
        again.append(once(data, port))   # the usual restart on existing data
        shutil.rmtree(data)
    return {"fresh_median_ms": statistics.median(fresh), "restart_median_ms": statistics.median(again),
            "restart_max_ms": max(again)}


def main():
    results = {"ingest": ingest(), "ingest_200": ingest(200), "fanout": fanout(), "startup": startup()}
    print(json.dumps(results, indent=2))
    i, b, f, s = results["ingest"], results["ingest_200"], results["fanout"], results["startup"]
    ratio, ratio_200 = i["ratio_percent"], b["ratio_percent"]
    rounds = lambda r: ", ".join(f"{x:.1f}" for x in r["round_ratios_percent"])
    cpu = subprocess.run(["sh", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"], capture_output=True, text=True).stdout.strip()
    section = f"""<!-- server:start -->
## Server

Measured {time.strftime('%Y-%m-%d')} on loopback, release build, {os.cpu_count()} cores ({cpu}), {platform.system()} {platform.release()}.
Command: `Benchmarks/server-bench.sh` (builds the release binary, the C ceiling server and the
fan-out client, then runs everything below; `BENCH_SECONDS` sets the load duration, here {DURATION} s).
Load generators run on the same 2 cores as the server, so every number here is a floor. Ingest
and its ceiling run {ROUNDS} times each (`BENCH_ROUNDS`), alternating which goes first; each
round's ratio compares two runs seconds apart, and the table shows medians over the rounds.

| what | result | goal |
|---|---|---|
| ceiling: bare libmicrohttpd in C, same threading flags (`Benchmarks/hello.c`), wrk -t2 -c50 | {i['ceiling_rps']:,.0f} req/s | |
| ingest: `POST /api/notes`, acknowledged only after commit with `synchronous=FULL`, 20 tokens, wrk -t2 -c50 | {i['ingest_rps']:,.0f} notes/s (p50 {i['ingest_p50_ms']:.1f} ms, p99 {i['ingest_p99_ms']:.1f} ms) | |
| ingest ÷ ceiling, median of the rounds (each round) | **{ratio:.1f} %** ({rounds(i)} %) | ≥ 30 % |
| server CPU per request (user + system time of the server process ÷ requests; steadier than req/s on a shared machine): ceiling; ingest | {i['ceiling_cpu_us']:.1f} µs; {i['ingest_cpu_us']:.1f} µs | |
| notes acknowledged / stored, all rounds (notes in flight when wrk stops are stored, not counted) | {i['acknowledged']:,.0f} / {i['stored']:,}{'' if i['all_stored'] else ' (**a round stored fewer than it acknowledged**)'} | stored ≥ acknowledged |
| the same with wrk -t2 -c200 (a busier room: more notes share a commit): ceiling; ingest; ratio (each round) | {b['ceiling_rps']:,.0f} req/s; {b['ingest_rps']:,.0f} notes/s (p99 {b['ingest_p99_ms']:.1f} ms); {ratio_200:.1f} % ({rounds(b)} %) | |
| fan-out: {f['clients']:,} SSE clients (1 in 100 a board with every topic, the rest phones), one note per 10 ms, {f['events']} notes; time until the last client has the event | p50 {f['p50_ms']:.1f} ms, **p99 {f['p99_ms']:.1f} ms** (max {f['max_ms']:.1f}; {f['complete']}/{f['events']} reached everyone) | p99 < 50 ms |
| peak RSS of the fan-out run (VmHWM) | **{f['peak_rss_mib'] * 1.048576:.1f} MB** ({f['peak_rss_mib']:.1f} MiB) | < 250 MB with the sentence model (< 100 MB before it) |
| idle: {f['clients']:,} connected SSE clients on a new server with one note, nothing happening but the heartbeat, {IDLE_SECONDS} s | **{f['idle_cpu_percent']:.2f} % CPU**, RSS {f['idle_rss_mib'] * 1.048576:.0f} MB | CPU ≈ 0 |
| start-up to accepting connections, restart on existing data (median of 15; max) | **{s['restart_median_ms']:.0f} ms** ({s['restart_max_ms']:.0f} ms) | < 300 ms |
| start-up with a new data folder (creates and migrates the database) | {s['fresh_median_ms']:.0f} ms | |

Raw results: `{json.dumps(results)}`
<!-- server:end -->"""
    path = os.path.join(ROOT, "BENCHMARKS.md")
    text = open(path).read() if os.path.exists(path) else "# Benchmarks\n"
    if "<!-- server:start -->" in text:
        text = re.sub(r"<!-- server:start -->.*<!-- server:end -->", lambda _: section, text, flags=re.S)
    else:
        text = text.rstrip() + "\n\n" + section + "\n"
    open(path, "w").write(text)


if __name__ == "__main__":
    sys.exit(main())
