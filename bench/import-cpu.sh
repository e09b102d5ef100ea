#!/usr/bin/env bash
# CPU cost of `loaphuong media add` on a one-hour MP3 against the reference
# `ffmpeg -nostdin -i same.mp3 -af ebur128=peak=true -f null -`, same file, same run.
# Usage: bench/import-cpu.sh [BUILD_DIR] [MINUTES]   (defaults: build/release, 60)
set -euo pipefail
build=${1:-build/release}
minutes=${2:-60}
cli="$build/cli/loaphuong"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Speech-like programme material: a tone gated on and off plus pink noise, stereo 44.1 kHz, 128 kbit/s.
ffmpeg -nostdin -hide_banner -loglevel error -f lavfi \
  -i "sine=f=330:r=44100,volume='if(lt(mod(t,3),2),0.3,0.05)':eval=frame" \
  -f lavfi -i "anoisesrc=c=pink:r=44100:a=0.05" \
  -filter_complex "[0][1]amix=inputs=2:duration=first,pan=stereo|c0=c0|c1=c0" \
  -t $((minutes * 60)) -c:a libmp3lame -b:a 128k "$work/bản tin.mp3"

printf '[daemon]\ndatabase = "%s/lp.db"\nmedia_dir = "%s/media"\n' "$work" "$work" > "$work/lp.toml"

cpu() {  # user+system seconds of a command
  /usr/bin/time -f "%U %S" -o "$work/time" "$@" > /dev/null 2>&1
  awk '{ printf "%.2f", $1 + $2 }' "$work/time"
}

ref=$(cpu ffmpeg -nostdin -i "$work/bản tin.mp3" -af ebur128=peak=true -f null -)
imp=$(cpu "$cli" -c "$work/lp.toml" media add "$work/bản tin.mp3")
ref2=$(cpu ffmpeg -nostdin -i "$work/bản tin.mp3" -af ebur128=peak=true -f null -)
size=$(stat -c %s "$work/bản tin.mp3")
echo "file: ${minutes} min MP3, $size bytes"
echo "ffmpeg ebur128 reference: ${ref} s CPU (again after the import: ${ref2} s)"
echo "loaphuong media add:      ${imp} s CPU (probe + decode + ebur128 + SHA-256 + copy)"
awk -v a="$imp" -v r="$ref" -v r2="$ref2" 'BEGIN { m = (r + r2) / 2; printf "ratio import / reference: %.3f (target <= 1.2)\n", a / m }'
