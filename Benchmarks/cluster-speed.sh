#!/usr/bin/env bash
# Clustering speed on synthetic notes (Benchmarks/make-notes.py) for 100, 1,000 and
# 10,000 notes, release build. Reports dictionary load, the first clustering run (cold
# spelling cache) and a second run on the same engine (warm cache), in milliseconds.
#
#   Benchmarks/cluster-speed.sh
#   SAMENSPEL=/path/to/samenspel Benchmarks/cluster-speed.sh
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -z "${SAMENSPEL:-}" ]]; then
    swift build -c release --scratch-path .build-text --product samenspel >/dev/null
    SAMENSPEL=.build-text/release/samenspel
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for n in 100 1000 10000; do
    python3 Benchmarks/make-notes.py $n > "$out/notes-$n.json"
    for run in 1 2 3; do
        "$SAMENSPEL" cluster "$out/notes-$n.json" --language nl --format json --timing \
            2>&1 >/dev/null | sed "s/^/run $run: /"
    done
done
