#!/usr/bin/env bash
# Installs the Debian 12 packages loaphuong builds, runs and tests with. Idempotent: it only
# calls apt-get when something is missing. Run as root.
set -euo pipefail

packages=(
  # build
  build-essential cmake ninja-build pkg-config clang-format clang
  # libraries
  libboost-dev libsqlite3-dev libspdlog-dev libtomlplusplus-dev libcli11-dev nlohmann-json3-dev
  libhowardhinnant-date-dev libsystemd-dev libasound2-dev libxlsxwriter-dev
  libssl-dev libsodium-dev libqrencode-dev zlib1g-dev libcairo2-dev libpango1.0-dev fonts-liberation libexpat1-dev
  libavformat-dev libavcodec-dev libavutil-dev libswresample-dev libebur128-dev
  # journal verify --export and verify-export read a PDF report's text back (poppler's C++ API)
  libpoppler-cpp-dev
  # tests and the demo: the ffmpeg CLI makes test audio, sqlite3 inspects the journal,
  # espeak-ng speaks the Vietnamese demo announcement, tzdata gives Asia/Ho_Chi_Minh
  libgtest-dev libgmock-dev ffmpeg sqlite3 espeak-ng tzdata alsa-utils
  # playout tests and bench: a real Icecast server, MPD and its client to compare with, bc
  icecast2 mpd mpc bc
  # bench/peers.sh: Liquidsoap as the other peer, cyclictest (rt-tests) for the timer floor
  liquidsoap rt-tests
  # bench/public-serve.sh: nginx serving the same file as the public listener
  nginx
  # export tests read PDFs back (pdftotext, pdftoppm), unzip XLSX, read the PDF's QR code (zbarimg)
  poppler-utils unzip zip zbar-tools
  # install tests: the .deb (cpack reads ELF files with file), checked with lintian and
  # systemd-analyze, its user and folders (systemd-sysusers, systemd-tmpfiles), man pages
  file lintian systemd man-db openssl
  # browser tests: Debian's chromium driven by playwright-core (npm, tests/browser/package-lock.json)
  chromium
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node.js and npm: Debian's packages unless the machine already has both commands (a
# NodeSource nodejs bundles npm and conflicts with Debian's npm package).
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  missing+=(nodejs npm)
fi
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: these Debian packages are missing and installing them needs root: ${missing[*]}" >&2
  exit 1
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
