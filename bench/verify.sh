#!/usr/bin/env bash
# CPU cost of checking a one-hour MP3 against its imported SHA-256 before it airs
# (playout::FileVerifier on its own thread) against the reference `sha256sum` on the same
# file and `openssl dgst -sha256` (the same library's hash), in the same run (warm page
# cache for all: the file was just written).
# Usage: bench/verify.sh [BUILD_DIR] [MINUTES]   (defaults: build/release, 60)
set -euo pipefail
build=${1:-build/release}
minutes=${2:-60}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ffmpeg -nostdin -hide_banner -loglevel error -f lavfi -i "anoisesrc=c=pink:r=44100:a=0.1" \
  -t $((minutes * 60)) -ac 2 -c:a libmp3lame -b:a 128k "$work/item.mp3"
cpu() {  # user+system seconds of a command
  /usr/bin/time -f "%U %S" -o "$work/time" "$@" > /dev/null 2>&1
  awk '{ printf "%.3f", $1 + $2 }' "$work/time"
}
repeats=5
ref=$(cpu sh -c "for i in \$(seq $repeats); do sha256sum '$work/item.mp3'; done")
ours=$(cpu "$build/bench/lp_verify_bench" "$work/item.mp3" $repeats)
ref2=$(cpu sh -c "for i in \$(seq $repeats); do sha256sum '$work/item.mp3'; done")
ossl=$(cpu sh -c "for i in \$(seq $repeats); do openssl dgst -sha256 '$work/item.mp3'; done")
echo "file: ${minutes} min MP3, $(stat -c %s "$work/item.mp3") bytes, $repeats checks each"
echo "sha256sum reference: ${ref} s CPU (again: ${ref2} s)"
echo "openssl dgst -sha256: ${ossl} s CPU"
echo "FileVerifier:        ${ours} s CPU"
awk -v a="$ours" -v r="$ref" -v r2="$ref2" -v o="$ossl" \
  'BEGIN { m = (r + r2) / 2; printf "ratio verifier / sha256sum: %.3f, verifier / openssl: %.3f\n", a / m, a / o }'
