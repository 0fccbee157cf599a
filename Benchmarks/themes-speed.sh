#!/usr/bin/env bash
# Themes by meaning, speed of the CLI on synthetic Dutch notes (Benchmarks/make-notes.py), release
# build: the first run embeds every note (notes a second), the second finds every vector stored
# (whole process in seconds; clustering cold and warm, in ms), and peak memory.
#
#   Benchmarks/themes-speed.sh
#   SAMENSPEL=path/to/samenspel Benchmarks/themes-speed.sh
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -z "${SAMENSPEL:-}" ]]; then
    swift build -c release --product samenspel >/dev/null
    SAMENSPEL=.build/release/samenspel
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
field() { sed -n "s/.* $1 \([0-9.]*\).*/\1/p" "$2"; }
echo "| notes | first run: embedding, notes/s | second run: whole process, s | themes, cold engine, ms | themes, warm engine, ms | peak RSS, MB |"
echo "|---|---|---|---|---|---|"
for n in 1000 2000; do
    python3 Benchmarks/make-notes.py $n > "$out/notes-$n.json"
    data="$out/data-$n"
    "$SAMENSPEL" cluster "$out/notes-$n.json" --language nl --data "$data" --format json --timing 2> "$out/first" > /dev/null
    embed=$(field embed_ms "$out/first")
    /usr/bin/time -f "%e %M" -o "$out/time" "$SAMENSPEL" cluster "$out/notes-$n.json" --language nl --data "$data" --format json --timing 2> "$out/second" > /dev/null
    read -r seconds kilobytes < "$out/time"
    printf '| %d | %.0f | %s | %s | %s | %.0f |\n' "$n" "$(python3 -c "print($n / ($embed / 1000))")" "$seconds" \
        "$(field cluster_ms "$out/second")" "$(field recluster_ms "$out/second")" "$(python3 -c "print($kilobytes / 1024)")"
done
