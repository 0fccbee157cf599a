#!/usr/bin/env bash
# ARI and the number of themes for settings of the meaning engine (hidden `cluster` options),
# one line per setting: how the one setting was chosen (BENCHMARKS.md).
#
#   Benchmarks/themes-sweep.sh "1.25 1.45" "0.1 0.3" xSID-nl eval-nl
# The first list holds cuts (standard deviations above the board's mean similarity), the second
# word weights; then the sets (public ones by name, ours as eval-*). Uses the release build and
# the vectors kept by Benchmarks/themes-quality.sh in .build/bench-data.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared/benchmarks/short-text
cuts=$1; weights=$2; shift 2
for cut in $cuts; do for weight in $weights; do
    line="cut $cut, word weight $weight:"
    for set in "$@"; do
        if [[ $set == eval-* ]]; then file=Tests/Fixtures/$set.json; args=(); else
            file=$shared/$set.json
            args=(--language "$(python3 -c "import json; print(json.load(open('$file')).get('language', 'en'))")")
        fi
        .build/release/samenspel cluster "$file" "${args[@]}" --data .build/bench-data --format json \
            --meaning-cut "$cut" --word-weight "$weight" > /tmp/samenspel-sweep.json
        line="$line $set $(python3 - "$file" "$shared" <<'PY'
import json, sys
sys.path.insert(0, sys.argv[2]); import score
data = json.load(open(sys.argv[1])); labels = data.get("labels") or {n["id"]: n["label"] for n in data["notes"]}
assign = {}
for index, theme in enumerate(json.load(open("/tmp/samenspel-sweep.json"))["themes"]):
    for i in theme["ids"]: assign.setdefault(i, index)
ids = [n["id"] for n in data["notes"]]
p = [assign.get(i, 10**6 + k) for k, i in enumerate(ids)]
print("%.3f/%d" % (score.scores([labels[i] for i in ids], p)["ARI"], len(set(p))))
PY
)"
    done
    echo "$line"
done; done
