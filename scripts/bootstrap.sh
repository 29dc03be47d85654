#!/usr/bin/env bash
# Installs the system packages SketchDojo needs, when they are missing. Idempotent.
# As root on Debian/Ubuntu it installs them; otherwise it names what to install and stops.
set -euo pipefail

# Fonts: the letterer sets Latin, Cyrillic, Greek (Noto core), Chinese, Japanese, Korean (Noto CJK) and
# colour emoji; tesseract's jpn and kor data let the tests read Japanese and Korean balloons back.
packages=(libmariadb-dev pkg-config gcc python3-dev tesseract-ocr tesseract-ocr-jpn tesseract-ocr-kor
  fonts-dejavu-core fonts-dejavu-extra fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji)
browser=0
if [ "${1:-}" = "--browser" ]; then
  browser=1
  packages+=(chromium chromium-driver)
  # npm for axe-core: Debian's packages unless a Node with npm is already installed (e.g. NodeSource's).
  command -v npm >/dev/null || packages+=(nodejs npm)
fi

# The browser tests' accessibility audit: axe-core from npm, pinned in package.json/package-lock.json,
# installed once into node_modules/ (only test tools; the product needs no Node).
axe_core() {
  [ "$browser" = 1 ] || return 0
  cd "$(dirname "$0")/.."
  [ -f node_modules/axe-core/axe.min.js ] && return 0
  echo "bootstrap: installing axe-core (npm ci)"
  npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
}

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  axe_core
  exit 0
fi

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "bootstrap: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q "${missing[@]}" >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q "${missing[@]}" >/dev/null; }
else
  echo "bootstrap: missing system packages: ${missing[*]}" >&2
  echo "bootstrap: install them (e.g. sudo apt-get install ${missing[*]}) and run again." >&2
  exit 1
fi
axe_core
