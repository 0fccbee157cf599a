#!/usr/bin/env bash
# One command for the server benchmarks: builds what they need, runs them, updates BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
command -v wrk >/dev/null || { [ "$(id -u)" -eq 0 ] && apt-get install -y -qq wrk >/dev/null; } || { echo "install wrk" >&2; exit 1; }
swift build -c release --product samenspel
mkdir -p .build/bench
cc -O2 -o .build/bench/hello Benchmarks/hello.c $(pkg-config --cflags --libs libmicrohttpd)
cc -O2 -o .build/bench/fanout Benchmarks/fanout.c -lpthread
ulimit -n 65536 2>/dev/null || true
python3 Benchmarks/server_bench.py
