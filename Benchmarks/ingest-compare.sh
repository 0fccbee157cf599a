#!/usr/bin/env bash
# Compares the ingest cost of two samenspel binaries in interleaved runs, so the drift of a
# shared machine hits both alike: each run starts a fresh server on a new data folder, joins
# 20 phones and posts notes with wrk -t2 -c50 for 5 s; it prints notes/s and the server's CPU
# (user + system) per note, then the medians per binary.
# Usage: Benchmarks/ingest-compare.sh OLD_BINARY NEW_BINARY [PAIRS]
# Build an older binary with e.g.: git stash; git checkout <commit>;
#   swift build -c release --product samenspel; cp .build/release/samenspel /tmp/samenspel-old
set -euo pipefail
cd "$(dirname "$0")/.."
old=${1:?old binary}; new=${2:?new binary}; pairs=${3:-6}; port=18090
command -v wrk >/dev/null || { echo "install wrk (apt-get install wrk)" >&2; exit 1; }

run() {
  local data; data=$(mktemp -d)
  "$1" serve --host 127.0.0.1 --port $port --data "$data" --notes-per-minute 0 --notes-per-phone 0 \
    --joins-per-minute 0 --connections-per-ip 0 >"$data/banner" 2>&1 &
  local server=$!
  for _ in $(seq 100); do curl -sf -o /dev/null "http://127.0.0.1:$port/api/health" && break; sleep 0.1; done
  # A new session may start in its briefing: open submissions with the banner's trainer token.
  local trainer; trainer=$(grep -o 'token=[^ ]*' "$data/banner" | head -1 | cut -d= -f2)
  curl -s -o /dev/null -X POST -H 'Content-Type: application/json' -H "Authorization: Bearer $trainer" \
    -d '{"phase":"open"}' "http://127.0.0.1:$port/api/trainer/phase" || true
  local tokens=""
  for _ in $(seq 20); do
    tokens+=,$(curl -s -X POST -H 'Content-Type: application/json' -d '{"group":"pmt"}' "http://127.0.0.1:$port/api/join" |
      python3 -c 'import sys, json; print(json.load(sys.stdin)["token"])')
  done
  local before after result
  before=$(awk '{print $14 + $15}' "/proc/$server/stat")
  result=$(wrk -t2 -c50 -d5s -s Benchmarks/post-note.lua "http://127.0.0.1:$port" -- "${tokens#,}" | grep RESULT)
  after=$(awk '{print $14 + $15}' "/proc/$server/stat")
  kill -INT $server; wait $server || true
  rm -rf "$data"
  python3 -c "
import re, os
fields = dict(re.findall(r'(\w+)=([0-9.]+)', '''$result'''))
notes = float(fields['requests']); tick = os.sysconf('SC_CLK_TCK')
print(f\"{notes / float(fields['seconds']):.0f} {($after - $before) / tick * 1e6 / notes:.1f}\")"
}

results=$(mktemp)
for i in $(seq "$pairs"); do
  echo "old $(run "$old")" | tee -a "$results"
  echo "new $(run "$new")" | tee -a "$results"
done
python3 - "$results" <<'EOF'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    name, rate, cpu = line.split()
    runs.setdefault(name, []).append((float(rate), float(cpu)))
for name, values in runs.items():
    print(f"{name}: median {statistics.median(v[0] for v in values):,.0f} notes/s, "
          f"{statistics.median(v[1] for v in values):.1f} µs CPU per note ({len(values)} runs)")
EOF
rm -f "$results"
