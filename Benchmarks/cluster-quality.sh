#!/usr/bin/env bash
# Cluster quality against hand labels: B-cubed F1 and adjusted Rand index for each
# evaluation set in Tests/Fixtures, for Samenspel and for the naive TF-IDF baseline.
#
#   Benchmarks/cluster-quality.sh            # builds the release CLI first
#   SAMENSPEL=/path/to/samenspel Benchmarks/cluster-quality.sh
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -z "${SAMENSPEL:-}" ]]; then
    swift build -c release --scratch-path .build-text --product samenspel >/dev/null
    SAMENSPEL=.build-text/release/samenspel
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

run() { # name fixture workshop [extra args]
    local name=$1 fixture=$2 workshop=$3; shift 3
    "$SAMENSPEL" cluster "$fixture" --workshop "$workshop" --format json "$@" > "$out/pred.json"
    printf '  %-28s' "$name"
    python3 Benchmarks/evaluate.py "$fixture" "$out/pred.json" | sed 's/^samenspel *//'
}

# eval-nl-2 and eval-en-2 are held out: written and labelled before the second round
# of tuning, with frameworks written from theory (Edmondson; Bauer) next to them.
for set in nl en nl-2 en-2; do
    fixture=Tests/Fixtures/eval-$set.json
    case $set in
        nl) workshop=Workshops/werkalliantie-vaktherapie.yaml ;;
        en) workshop=Workshops/team-retrospective.yaml ;;
        *) workshop=Tests/Fixtures/eval-$set.workshop.yaml ;;
    esac
    notes=$(python3 -c "import json,sys; d=json.load(open('$fixture'))['notes']; print(len(d), 'notes,', len({n['label'] for n in d}), 'hand-labelled themes')")
    echo "== $fixture ($notes)"
    run "samenspel (default)" "$fixture" "$workshop"
    for g in 0.5 1.5 2; do run "samenspel --granularity $g" "$fixture" "$workshop" --granularity $g; done
    for step in spelling stemming compounds negations lens wordnet separable; do
        run "  without $step" "$fixture" "$workshop" --without $step
    done
    for step in hubs hypernyms cooccurrence; do
        run "  with $step" "$fixture" "$workshop" --with $step
    done
    for t in 0.1 0.2; do
        printf '  %-28s' "baseline tf-idf @$t"
        python3 Benchmarks/evaluate.py --baseline "$fixture" --threshold $t | sed 's/^baseline[^B]*//'
    done
done
