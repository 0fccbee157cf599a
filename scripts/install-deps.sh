#!/usr/bin/env bash
# Installs the Debian packages Samenspel needs, only those missing.
#   scripts/install-deps.sh          what building and serving needs
#   scripts/install-deps.sh --test   plus what the test suite needs (browser, PDF tools, Python packages)
# As root it runs apt-get; otherwise it names the packages and how to install them.
set -euo pipefail

build_packages=(pkg-config python3-pip libmicrohttpd-dev libqrencode-dev libsqlite3-dev libstemmer-dev libhunspell-dev hunspell-nl hunspell-en-us wordnet-base libpango1.0-dev libcairo2-dev fonts-dejavu-core fonts-noto-color-emoji)
# libreoffice-calc-nogui: a real spreadsheet program opens the CSV exports in the tests.
test_packages=(chromium chromium-driver poppler-utils libreoffice-calc-nogui)

packages=("${build_packages[@]}")
[ "${1:-}" = "--test" ] && packages+=("${test_packages[@]}")

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "Installing: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "samenspel: missing Debian packages: ${missing[*]}" >&2
    echo "Install them with:  sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi

if ! command -v swift >/dev/null 2>&1; then
  echo "samenspel: the Swift toolchain (6.0 or newer) is not on PATH; see https://www.swift.org/install/linux/" >&2
  exit 1
fi

# The sentence model for themes by meaning. Serving goes on without it (themes then group by
# words, and say so); the tests need it.
root="$(cd "$(dirname "$0")/.." && pwd)"
if [ "${1:-}" = "--test" ]; then
  "$root/scripts/install-model.sh"
else
  "$root/scripts/install-model.sh" || echo "samenspel: the sentence model is not installed; themes will group by words" >&2
fi

if [ "${1:-}" = "--test" ]; then
  # pip leaves satisfied requirements alone, so this is quick after the first run.
  python3 -m pip install -q --disable-pip-version-check --root-user-action=ignore \
    -r "$root/Tests/Browser/requirements.txt" -r "$root/Tests/Resilience/requirements.txt"
fi
