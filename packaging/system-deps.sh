#!/usr/bin/env bash
# Debian/Ubuntu packages the app and its tests use: a TrueType CJK font for the printed sheet, espeak-ng (the
# offline speech engine pyttsx3 drives on Linux) with sox, poppler-utils (the tests render the PDF), and the
# libraries Qt's xcb/offscreen platforms load, plus Xvfb for screenshots. Installs only what is missing.
set -euo pipefail
PKGS=(fonts-wqy-zenhei espeak-ng sox poppler-utils xvfb libegl1 libgl1 libfontconfig1 libdbus-1-3 libxkbcommon0
      libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
      libxcb-xinerama0 libxcb-randr0 libxcb-shape0)
command -v dpkg-query >/dev/null 2>&1 || { echo "system-deps: not a Debian system; install the equivalents of: ${PKGS[*]}"; exit 0; }
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
echo "system-deps: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
