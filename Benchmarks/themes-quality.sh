#!/usr/bin/env bash
# Theme quality, one setting for all sets: NMI, ACC, ARI and the number of themes for every
# public short-text set in ../shared/benchmarks/short-text and for our hand-labelled sets, by
# meaning (the default) and by words (`--words`, the engine before the model).
#
#   Benchmarks/themes-quality.sh                 every set
#   Benchmarks/themes-quality.sh xSID-nl eval-nl-3
#   SAMENSPEL=path/to/samenspel DATA=dir Benchmarks/themes-quality.sh
#
# Vectors are kept in $DATA (default .build/bench-data): the first run embeds every set
# (about 50,000 texts, 20–30 minutes on 2 cores), later runs embed nothing.
# Needs python3 with numpy, scipy and scikit-learn (the public scorer).
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared/benchmarks/short-text
if [[ -z "${SAMENSPEL:-}" ]]; then
    swift build -c release --product samenspel >/dev/null
    SAMENSPEL=.build/release/samenspel
fi
data=${DATA:-.build/bench-data}
mkdir -p "$data"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

sets=("$@")
if [[ ${#sets[@]} -eq 0 ]]; then
    sets=(eval-nl eval-en eval-nl-2 eval-en-2 eval-nl-3 xSID-nl xSID-en SIB200-nl SIB200-en Tweet GoogleNews-T SearchSnippets StackOverflow)
fi

echo "| set | notes | labels | engine | NMI | ACC | ARI | themes | seconds |"
echo "|---|---|---|---|---|---|---|---|---|"
for set in "${sets[@]}"; do
    args=()
    if [[ $set == eval-* ]]; then
        file=Tests/Fixtures/$set.json
        case $set in
            eval-nl) args=(--workshop Workshops/werkalliantie-vaktherapie.yaml) ;;
            eval-en) args=(--workshop Workshops/team-retrospective.yaml) ;;
            *) args=(--workshop Tests/Fixtures/$set.workshop.yaml) ;;
        esac
        # The public scorer wants {"notes", "labels": {id: label}}.
        python3 -c "import json,sys; d=json.load(open('$file')); d['labels']={n['id']:n['label'] for n in d['notes']}; json.dump(d,open('$out/gold.json','w'))"
        gold=$out/gold.json
    else
        file=$shared/$set.json
        gold=$file
        language=$(python3 -c "import json; print(json.load(open('$file')).get('language','en'))")
        args=(--language "$language")
    fi
    for engine in meaning words; do
        extra=()
        [[ $engine == words ]] && extra=(--words)
        start=$(date +%s.%N)
        "$SAMENSPEL" cluster "$file" "${args[@]}" "${extra[@]}" --data "$data" --format json > "$out/pred.json"
        seconds=$(python3 -c "print(f'{$(date +%s.%N) - $start:.1f}')")
        python3 - "$gold" "$out/pred.json" "$set" "$engine" "$seconds" "$shared/score.py" <<'PY'
import json, sys, importlib.util
gold, pred, name, engine, seconds, scorer = sys.argv[1:]
spec = importlib.util.spec_from_file_location("score", scorer); score = importlib.util.module_from_spec(spec); spec.loader.exec_module(score)
data = json.load(open(gold)); labels = data["labels"]
assign = {}
for index, theme in enumerate(json.load(open(pred))["themes"]):
    for i in theme["ids"]:
        assign.setdefault(i, index)
ids = [n["id"] for n in data["notes"]]
nxt = len(assign) + 1_000_000
y = [labels[i] for i in ids]
p = [assign.get(i, nxt + k) for k, i in enumerate(ids)]
s = score.scores(y, p)
print(f"| {name} | {len(ids)} | {len(set(y))} | {engine} | {s['NMI']:.3f} | {s['ACC']:.3f} | {s['ARI']:.3f} | {len(set(p))} | {seconds} |")
PY
    done
done
